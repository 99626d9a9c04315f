"""Ctrl+C and the context menu's copy in the big card-code box go through the one private
copy (``copy_card_code``: the whole code, marked private, cleared after 60 s) and through
the manager gate where the box shows a code only with a manager's approval; nothing else in
the box copies the code."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import qasync
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.orders import OrderView
from pos_app.ui.access import gate
from pos_app.ui.orders import code_box
from pos_app.ui.orders.code_box import CodeBox
from pos_app.ui.orders.panel import OrderPanel
from tests.support.access import CODE, Counter, make_counter, noted, signed_in
from tests.support.people import CASHIER, MANAGER
from tests.support.waiting import run, wait_until
from tests.support.window import Harness

KARIMS_CODE = "246813579024"
NOT_A_CODE = "the clipboard before"


def fulfilled(cashier: str = "Karim") -> OrderView:
    moment = datetime.now(UTC) - timedelta(seconds=30)
    return OrderView(
        ref="TEST-K-1",
        line_type=LineType.ADSL,
        number="036362609",
        face_value=1000,
        price=1000,
        state=SaleState.FULFILLED,
        server_status="FULFILLED",
        card_code=KARIMS_CODE,
        num_trans="777",
        date_traitement=None,
        failure_code=None,
        failure_reason=None,
        created_at=moment,
        updated_at=moment,
        cashier=cashier,
    )


def copied_privately(code: str) -> bool:
    """The clipboard holds ``code`` whole, with every private marking."""
    data = QApplication.clipboard().mimeData()
    return data.text() == code and all(
        bytes(data.data(kind).data()) == value for kind, value in code_box.PRIVATE_FORMATS.items()
    )


def ctrl_c_in(box: CodeBox) -> None:
    """A click in the box, then Ctrl+C where the focus went."""
    QTest.mouseClick(box.label, Qt.MouseButton.LeftButton)
    focus = box.window().focusWidget()
    assert focus is not None and (focus is box or box.isAncestorOf(focus))
    QTest.keyClick(focus, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)


def dragged_over(widget: QWidget) -> None:
    """The mouse pressed at the left end of ``widget``, moved and released at the right."""
    middle = widget.height() // 2
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=QPoint(2, middle))
    QTest.mouseMove(widget, QPoint(widget.width() - 2, middle))
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=QPoint(widget.width() - 2, middle))


def context_menu_copy(box: CodeBox) -> None:
    """A right click on the code; the menu's one action."""
    at = QPoint(4, 4)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, box.label.mapToGlobal(at))
    QApplication.sendEvent(box.label, event)
    menus = [menu for menu in box.findChildren(QMenu) if menu.isVisible()]
    assert len(menus) == 1, "one menu shows"
    actions = menus[0].actions()
    assert len(actions) == 1 and actions[0].isEnabled()
    actions[0].trigger()
    menus[0].close()


@pytest.fixture
def panel(qapp: QApplication) -> OrderPanel:
    made = OrderPanel()
    made.show()
    made.show_order(fulfilled())
    assert made.code_box.isVisible() and made.shown_code == "TEST-K-1"
    QApplication.clipboard().setText(NOT_A_CODE)
    return made


def test_ctrl_c_in_the_box_copies_the_whole_code_privately(panel: OrderPanel) -> None:
    copied: list[str] = []
    panel.code_was_copied.connect(copied.append)
    ctrl_c_in(panel.code_box)
    assert copied_privately(KARIMS_CODE) and copied == ["TEST-K-1"]
    panel.close()


def test_a_mouse_drag_then_ctrl_c_copies_only_through_the_private_copy(
    panel: OrderPanel,
) -> None:
    dragged_over(panel.code_label)
    assert panel.code_label.selectedText() == ""  # nothing selected to copy around it
    focus = panel.window().focusWidget()
    assert focus is not None
    QTest.keyClick(focus, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert copied_privately(KARIMS_CODE)  # not the grouped "2468 1357 9024" unmarked
    panel.close()


def test_the_context_menu_copies_through_the_private_copy(panel: OrderPanel) -> None:
    context_menu_copy(panel.code_box)
    assert copied_privately(KARIMS_CODE)
    panel.close()


def test_a_hidden_code_asks_a_manager_and_copies_nothing(panel: OrderPanel) -> None:
    asked: list[str] = []
    panel.reveal_requested.connect(asked.append)
    panel.set_viewer("Amina")  # the counter changed hands: Karim's code is hidden
    assert panel.hidden_code == "TEST-K-1"
    ctrl_c_in(panel.code_box)
    context_menu_copy(panel.code_box)
    assert asked == ["TEST-K-1", "TEST-K-1"]
    assert QApplication.clipboard().text() == NOT_A_CODE
    panel.close()


def test_in_the_history_ctrl_c_in_the_box_asks_the_managers_copy_approval(
    harness: Callable[..., Harness], qloop: qasync.QEventLoop
) -> None:
    """A cashier was allowed to see the code; copying it from the box is a copy, asked for
    and noted as one."""
    c: Counter = make_counter(harness(), sales=True)
    store = c.h.services.store

    async def allow() -> None:
        await wait_until(lambda: c.access.prompt is not None, what="the manager prompt")
        prompt = c.access.prompt
        assert prompt is not None
        QTest.keyClicks(prompt.pin, MANAGER[1])
        QTest.keyClick(prompt.pin, Qt.Key.Key_Return)
        await wait_until(lambda: c.access.prompt is None, what="the prompt gone")

    async def body() -> None:
        await signed_in(c, CASHIER)
        screen = c.history.open()
        await wait_until(lambda: screen.model.rowCount() > 0, what="the sales listed")
        screen.select_row(0)
        QApplication.clipboard().setText(NOT_A_CODE)
        screen.show_code()
        await allow()
        await wait_until(lambda: screen.shown_code is not None, what="the code shown")
        screen.activateWindow()
        await wait_until(lambda: QApplication.activeWindow() is screen, what="screen active")
        ctrl_c_in(screen.code_box)
        assert QApplication.clipboard().text() == NOT_A_CODE  # not before the approval
        await allow()
        await wait_until(lambda: copied_privately(CODE), what="the code copied")
        assert [(a.who, a.action) for a in noted(store)] == [
            ("Mona", gate.CODE_COPY),
            ("Mona", gate.CODE_SHOW),
        ]
        screen.close()

    run(qloop, body())
