"""The status bar's connection label: its text and look follow each connection view, and
the label is re-styled (a style sheet's whole polish) only when its look changes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from pos_app.orders.event_views import ConnectionView
from pos_app.ui.status.bar import StatusBar


def test_the_label_is_restyled_only_when_online_or_offline_changes(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    bar = StatusBar()
    try:
        style = bar.connection.style()
        assert style is not None
        polished: list[object] = []
        polish = style.polish

        def counted(*args: Any) -> Any:
            polished.append(args[0])
            return polish(*args)

        monkeypatch.setattr(style, "polish", counted)  # the app's style: put back after
        texts: list[str] = []
        online = ConnectionView(online=True, waiting=0, oldest_waiting=None)
        offline = ConnectionView(online=False, waiting=2, oldest_waiting=None)
        for view in (online, online, online, offline, offline, online):
            bar.show_connection(view)
            texts.append(bar.connection.text())
        # three changes of look (none -> online -> offline -> online), each one polish
        assert [w for w in polished if w is bar.connection] == [bar.connection] * 3
        assert bar.connection.property("online") is True
        assert texts[0] == texts[1] == texts[2] != texts[3]
        assert texts[5] == texts[0]
    finally:
        bar.deleteLater()
