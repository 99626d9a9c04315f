"""The frozen app's entry point (PyInstaller runs this file): the ``pos-app`` command."""

import os
import sys

# A Windows build without a console (pos-app.exe) has no standard streams: give the command
# line somewhere to write instead of failing on None.
if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the process)
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the process)

if sys.argv[1:] == ["--chain-scan-child"]:  # pos_app.store.chainscan.CHILD_FLAG
    # A chain check shares its rows with children; in the frozen app they are this program.
    from pos_app.store.chainscan import child_main

    raise SystemExit(child_main())

from pos_app.entry import main  # after the streams exist

raise SystemExit(main())
