"""``python -m pos_app`` is ``pos-app``."""

from pos_app.cli import main

raise SystemExit(main())
