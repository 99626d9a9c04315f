"""The ``pos-app`` command's entry point: the script ``pyproject.toml`` installs,
``python -m pos_app`` and the frozen build's launcher all start here, with Python's garbage
collector paused until the program has loaded (:mod:`pos_app.collector`)."""

from pos_app import collector


def main() -> int:
    """``pos-app``: the command line, imported and run with the collector paused."""
    collector.pause()
    from pos_app.cli import main as run

    return run()
