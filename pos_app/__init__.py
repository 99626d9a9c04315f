"""Counter app for phone shops selling Algérie Télécom top-ups through OneClickDZ v3."""

__version__ = "0.1.0"
