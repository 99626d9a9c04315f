"""The frozen app's entry point (PyInstaller runs this file): the ``pos-app`` command."""

import os
import sys

# A Windows build without a console (pos-app.exe) has no standard streams: give the command
# line somewhere to write instead of failing on None.
if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the process)
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the process)

from pos_app.cli import main  # after the streams exist

raise SystemExit(main())
