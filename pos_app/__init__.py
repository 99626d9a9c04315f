"""Counter app for phone shops selling Algérie Télécom top-ups through OneClickDZ v3."""

import time as _time

__version__ = "0.1.0"
IMPORTED_AT = _time.perf_counter()  # start-up timings count from here (after the interpreter)
