"""The number field, typed key by key: validation, type inference, toggle, grouping."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_app.domain.numbers import LineType, Problem
from pos_app.ui.sale.number_field import NumberField


@pytest.fixture
def field(qtbot: QtBot) -> NumberField:
    widget = NumberField()
    qtbot.addWidget(widget)
    widget.show()
    widget.edit.setFocus()
    return widget


@pytest.mark.parametrize(
    ("typed", "kind", "grouped"),
    [
        ("036362608", LineType.ADSL, "036 36 26 08"),
        ("213472731602", LineType.LTE, "213 472 73 16 02"),
        ("+213 472-73-16-02", LineType.LTE, "213 472 73 16 02"),
        ("٠٣٦٣٦٢٦٠٨", LineType.ADSL, "036 36 26 08"),
    ],
)
def test_valid_numbers_of_both_types(
    qtbot: QtBot, field: NumberField, typed: str, kind: LineType, grouped: str
) -> None:
    if typed.isascii():
        qtbot.keyClicks(field.edit, typed)
    else:  # QTest cannot synthesise non-Latin-1 key presses (Qt aborts): paste them
        field.edit.insert(typed)
    entry = field.entry
    assert entry.is_complete and entry.kind is kind
    assert field.grouped.text() == grouped
    assert field.hint.text() == ""
    assert field.edit.property("state") == "valid"
    assert (field.adsl if kind is LineType.ADSL else field.lte).isChecked()


def kind_of(field: NumberField) -> LineType | None:
    """The line type the field reads now (afresh after each key press)."""
    return field.entry.kind


def test_the_type_shows_from_the_first_digits(qtbot: QtBot, field: NumberField) -> None:
    qtbot.keyClicks(field.edit, "0")
    assert kind_of(field) is LineType.ADSL and field.adsl.isChecked()
    assert field.entry.check.problem is Problem.TOO_SHORT
    assert "8 more digit(s)" in field.hint.text()
    field.clear()
    qtbot.keyClicks(field.edit, "21")
    assert kind_of(field) is LineType.LTE and field.lte.isChecked()


@pytest.mark.parametrize(
    ("typed", "problem", "hint"),
    [
        ("5", Problem.WRONG_PREFIX, "starts with 0 (ADSL) or 213 (4G)"),
        ("0363626089", Problem.TOO_LONG, "1 digit(s) too many"),
        ("036x", Problem.NOT_DIGITS, "Only digits"),
        ("2134727316021", Problem.TOO_LONG, "12 in all"),
    ],
)
def test_invalid_numbers_say_why(
    qtbot: QtBot, field: NumberField, typed: str, problem: Problem, hint: str
) -> None:
    # A complete number turns 1-9 into value keys; type the rest as text to get TOO_LONG.
    field.edit.setText(typed[:-1])
    qtbot.keyClicks(field.edit, typed[-1]) if not field.entry.is_complete else None
    if field.entry.is_complete:
        field.edit.setText(typed)
    assert field.entry.check.problem is problem
    assert hint in field.hint.text()
    assert field.edit.property("state") == "invalid"


def test_digits_after_a_complete_number_pick_values(qtbot: QtBot, field: NumberField) -> None:
    qtbot.keyClicks(field.edit, "036362608")
    with qtbot.waitSignal(field.value_key_pressed) as blocker:
        qtbot.keyClick(field.edit, Qt.Key.Key_2)
    assert blocker.args == [2]
    assert field.edit.text() == "036362608"  # the digit did not go into the number


def test_alt_digit_picks_a_value_while_typing(qtbot: QtBot, field: NumberField) -> None:
    qtbot.keyClicks(field.edit, "036")
    with qtbot.waitSignal(field.value_key_pressed) as blocker:
        qtbot.keyClick(field.edit, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == [3]
    assert field.edit.text() == "036"


def test_f2_forces_the_type_and_reports_a_mismatch(qtbot: QtBot, field: NumberField) -> None:
    qtbot.keyClicks(field.edit, "036362608")
    qtbot.keyClick(field.edit, Qt.Key.Key_F2)  # auto -> ADSL (forced, agrees)
    assert field.entry.forced is LineType.ADSL and field.entry.is_complete
    assert "forced" in field.mode.text()
    qtbot.keyClick(field.edit, Qt.Key.Key_F2)  # ADSL -> 4G (forced, disagrees)
    assert field.entry.kind is LineType.LTE and field.lte.isChecked()
    assert field.entry.check.problem is Problem.TYPE_MISMATCH
    assert "4G is forced" in field.hint.text()
    qtbot.keyClick(field.edit, Qt.Key.Key_F2)  # back to automatic
    assert field.entry.forced is None and field.entry.kind is LineType.ADSL
    assert "auto" in field.mode.text()


def test_clicking_a_type_forces_it_and_clicking_again_releases(
    qtbot: QtBot, field: NumberField
) -> None:
    qtbot.mouseClick(field.lte, Qt.MouseButton.LeftButton)
    assert field.entry.forced is LineType.LTE
    qtbot.keyClicks(field.edit, "0")
    assert field.entry.check.problem is Problem.TYPE_MISMATCH
    qtbot.mouseClick(field.lte, Qt.MouseButton.LeftButton)
    assert field.entry.forced is None and field.entry.kind is LineType.ADSL


def test_enter_and_escape_are_signals(qtbot: QtBot, field: NumberField) -> None:
    with qtbot.waitSignal(field.submitted):
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    with qtbot.waitSignal(field.escaped):
        qtbot.keyClick(field.edit, Qt.Key.Key_Escape)


def test_the_recent_numbers_follow_each_sale_moving_one_row_only(field: NumberField) -> None:
    """After a sale its number comes first (new, or moved up; the oldest leaves a full
    list): that row alone changes, so the completer does not redo its list. Any other change
    (a wrong line dropped) rebuilds it. The rows always read as the list given."""
    model = field.completer.model()
    assert model is not None
    moved: list[str] = []
    model.rowsInserted.connect(lambda *_: moved.append("in"))
    model.rowsRemoved.connect(lambda *_: moved.append("out"))
    model.modelReset.connect(lambda: moved.append("reset"))

    def shown() -> list[str]:
        return [str(model.index(row, 0).data()) for row in range(model.rowCount())]

    first = ["036362608", "023450077", "213472731602"]
    field.set_recent(first)
    assert field.recent() == first
    assert shown() == ["036 36 26 08", "023 45 00 77", "213 472 73 16 02"]  # grouped
    cases: list[tuple[list[str], list[str] | None]] = [
        (first, []),  # the same list: nothing
        (["023450009", *first], ["in"]),  # a new number first
        (["036362608", "023450009", "023450077", "213472731602"], ["out", "in"]),  # moved up
        (["021000000", "036362608", "023450009", "023450077"], ["in", "out"]),  # oldest out
        (["021000000", "023450009", "023450077"], None),  # a rejected line dropped: rebuilt
        ([], None),
    ]
    for numbers, changes in cases:
        moved.clear()
        field.set_recent(numbers)
        assert field.recent() == numbers
        if changes is None:
            assert moved[:1] in (["out"], ["reset"]), numbers  # cleared, then filled again
        else:
            assert moved == changes, numbers


def test_clearing_the_field_judges_it_once(field: NumberField) -> None:
    judged: list[str] = []
    field.entry_did_change.connect(lambda *_: judged.append(field.edit.text()))
    field.edit.setText("036362608")
    judged.clear()
    field.clear()
    assert field.edit.text() == "" and judged == [""]
    field.force(LineType.LTE)
    judged.clear()
    field.clear()  # empty already: the forced type goes, and the field is judged again
    assert judged == [""] and field.entry.forced is None
