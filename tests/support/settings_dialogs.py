"""What the settings dialog's and the set-up's tests share: a shop database of the test's
own, a worker pool, and closing the dialogs a test made once their work is done."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import qasync

from pos_app.orders.offload import Offloader
from pos_app.ui.settings.dialog import SettingsDialog
from pos_app.ui.settings.setup import SetupDialog
from pos_app.ui.settings.shop import ShopSettings
from tests.support.waiting import run, wait_until


def shop_db_url(tmp_path: Path) -> str:
    """The URL of a shop database in ``tmp_path`` (made at its first opening)."""
    return f"sqlite:///{tmp_path / 'shop.sqlite3'}"


def worker_pool(thread_name_prefix: str) -> Iterator[Offloader]:
    """A fixture's body: a pool of two worker threads, shut down after the test."""
    executor = Offloader(2, thread_name_prefix=thread_name_prefix)
    yield executor
    executor.shutdown(wait=True)
    executor.close()


def closed_after(loop: qasync.QEventLoop) -> Iterator[list[SettingsDialog]]:
    """A fixture's body: a list for the dialogs a test makes, each closed after the test once
    its work on the pool is done."""
    made: list[SettingsDialog] = []
    yield made
    for dialog in made:
        run(loop, wait_until(lambda d=dialog: not d.form.busy, what="the dialog's work"))  # type: ignore[misc]
        dialog.close()
        dialog.deleteLater()


def started_setup(loop: qasync.QEventLoop, pool: Offloader, db_url: str) -> Iterator[SetupDialog]:
    """A fixture's body: the set-up on the shop at ``db_url`` (no environment), its stored
    values read; hidden and deleted after the test once its work is done."""
    dialog = SetupDialog(ShopSettings(db_url=db_url, env={}), pool)
    dialog.start()
    run(loop, wait_until(lambda: dialog.form.data is not None, what="the stored values"))
    yield dialog
    run(loop, wait_until(lambda: not dialog.form.busy))
    dialog.hide()
    dialog.deleteLater()
