"""The product grid: greyed values with their reason, keys 1-9, from plain data."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from pos_app.domain.numbers import LineType
from pos_app.store import CachedProduct
from pos_app.ui.sale.product_grid import ProductGrid, product_choices

ITEMS = (
    CachedProduct(500, 490, True),
    CachedProduct(1000, 980, True),
    CachedProduct(2000, 1960, True),
    CachedProduct(3000, 2940, False),
)


def test_choices_disable_out_of_stock_and_unaffordable(qapp: object) -> None:
    choices = product_choices(LineType.ADSL, ITEMS, Decimal("1500.00"))
    assert [c.key for c in choices] == [1, 2, 3, 4]
    assert [c.enabled for c in choices] == [True, True, False, False]
    assert "More than the balance" in choices[2].reason
    assert "Out of stock" in choices[3].reason
    assert choices[0].reason == ""


def test_unknown_balance_greys_only_stock(qapp: object) -> None:
    assert [c.enabled for c in product_choices(LineType.LTE, ITEMS, None)] == [
        True,
        True,
        True,
        False,
    ]


def test_exact_balance_is_enough(qapp: object) -> None:
    assert product_choices(LineType.ADSL, ITEMS[:1], Decimal("490.00"))[0].enabled


def test_grid_greys_buttons_with_a_tooltip(qtbot: QtBot) -> None:
    grid = ProductGrid()
    qtbot.addWidget(grid)
    grid.set_products(LineType.ADSL, ITEMS)
    grid.set_balance(Decimal("1500.00"))
    buttons = grid.buttons
    assert len(buttons) == 4
    assert [b.isEnabled() for b in buttons] == [True, True, False, False]
    assert "More than the balance" in buttons[2].toolTip()
    assert "Out of stock" in buttons[3].toolTip()
    assert "Press 1" in buttons[0].toolTip()


def test_keys_pick_values_or_say_why_not(qtbot: QtBot) -> None:
    grid = ProductGrid()
    qtbot.addWidget(grid)
    grid.set_products(LineType.ADSL, ITEMS)
    with qtbot.waitSignal(grid.choice_did_change) as picked:
        grid.pick_key(2)
    assert picked.args[0].value == 1000 and grid.selected is not None
    with qtbot.waitSignal(grid.choice_refused) as refused:
        grid.pick_key(4)
    assert "Out of stock" in refused.args[0]
    assert grid.selected is not None and grid.selected.value == 1000
    with qtbot.waitSignal(grid.choice_refused) as refused:
        grid.pick_key(9)
    assert "no value number 9" in refused.args[0]


def test_the_grid_follows_the_type(qtbot: QtBot) -> None:
    grid = ProductGrid()
    qtbot.addWidget(grid)
    grid.set_products(LineType.ADSL, ITEMS)
    grid.set_products(LineType.LTE, ITEMS[:2])
    grid.pick_key(1)
    grid.set_kind(LineType.LTE)
    assert len(grid.buttons) == 2 and grid.selected is None
    assert "4G" in grid.title.text()


def test_a_balance_drop_unselects_a_value_no_longer_affordable(qtbot: QtBot) -> None:
    grid = ProductGrid()
    qtbot.addWidget(grid)
    grid.set_products(LineType.ADSL, ITEMS)
    grid.pick_key(3)
    assert grid.selected is not None
    with qtbot.waitSignal(grid.choice_did_change) as changed:
        grid.set_balance(Decimal("100.00"))
    assert changed.args == [None] and grid.selected is None
    _ = datetime.now(UTC)


def test_buttons_show_the_price_to_collect_never_the_cost(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    grid = ProductGrid()
    qtbot.addWidget(grid)
    grid.set_products(LineType.ADSL, ITEMS[:2])
    texts = [" ".join(label.text() for label in b.findChildren(QLabel)) for b in grid.buttons]
    assert "collect 500\xa0DA" in texts[0] and "1\u202f000\xa0DA" in texts[1]
    assert all("490" not in t and "980" not in t for t in texts)


def test_a_refresh_that_changes_nothing_keeps_the_buttons(qtbot: QtBot) -> None:
    """Balance and catalogue refreshes come after every sale; most change nothing drawn."""
    grid = ProductGrid()
    qtbot.addWidget(grid)
    grid.set_products(LineType.ADSL, ITEMS)
    grid.set_balance(Decimal("50000.00"))
    grid.pick_key(2)
    buttons = list(grid.buttons)
    grid.set_balance(Decimal("48000.00"))  # still covers every value
    grid.set_products(LineType.ADSL, tuple(ITEMS))
    assert grid.buttons == buttons  # the same widgets, not rebuilt
    assert grid.selected is not None and grid.selected.value == 1000
    assert buttons[1].isChecked()
    grid.set_balance(Decimal("1500.00"))  # now 2 000 DA is out of reach: redrawn
    assert grid.buttons != buttons
    assert [b.isEnabled() for b in grid.buttons] == [True, True, False, False]
    assert grid.selected is not None and grid.selected.value == 1000  # kept


def test_a_click_on_any_text_of_a_value_picks_it(qtbot: QtBot) -> None:
    """The labels inside a value's button pass their clicks on to it."""
    grid = ProductGrid()
    qtbot.addWidget(grid)
    grid.set_products(LineType.ADSL, ITEMS)
    grid.show()
    qtbot.waitExposed(grid)
    for button in grid.buttons[:3]:
        labels = button.findChildren(QLabel)
        assert len(labels) == 3
        for label in labels:
            grid.clear_selection()
            qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
            selected = grid.selected
            assert selected is not None and selected.value == button.choice.value
