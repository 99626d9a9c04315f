"""The cashier window (PySide6 + qasync). ``app.py`` is the composition root."""
