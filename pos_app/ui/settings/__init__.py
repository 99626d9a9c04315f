"""The settings dialog (Ctrl+,) and the first-run set-up.

Nothing is imported here: the window imports :mod:`.launcher` (a shortcut and a button) at
start, and the dialog's module only when it is first opened (start-up time matters).
"""
