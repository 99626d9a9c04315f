"""requests imports charset_normalizer when it loads (some 2.6 MiB of memory and 10 ms of the
start-up), to guess the encoding of a response that names none (``Response.text``,
``Response.apparent_encoding``). The client never asks it: every body it reads is JSON,
decoded from the bytes.

:func:`load_on_first_use` puts a stand-in in its place before requests loads. requests reads
the version from it (the package's own ``version`` module, loaded alone); the first read of
anything else imports the real package, and from then on the stand-in answers with it. When
anything about the package is not as expected, nothing is replaced: requests imports it as
usual.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any

NAME = "charset_normalizer"


class _StandIn(types.ModuleType):
    """The package until something other than its version is read from it."""

    __version__: str

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):  # probes (copy, pickle, repr)
            raise AttributeError(name)
        real = _load_real(self)
        return getattr(real, name)


def _load_real(stand_in: types.ModuleType) -> types.ModuleType:
    if sys.modules.get(NAME) is stand_in:
        del sys.modules[NAME]
    real = importlib.import_module(NAME)
    stand_in.__dict__.update(real.__dict__)  # later reads (requests kept the stand-in) are direct
    return real


def load_on_first_use() -> bool:
    """Put the stand-in in place; False (and nothing changed) when requests or the package is
    loaded already, or the package is not found or has no ``version`` module."""
    if NAME in sys.modules or "requests" in sys.modules:
        return False
    spec = importlib.util.find_spec(NAME)
    if spec is None or not spec.submodule_search_locations:
        return False
    stand_in = _StandIn(NAME)
    stand_in.__spec__ = spec
    stand_in.__path__ = list(spec.submodule_search_locations)
    stand_in.__file__ = spec.origin
    sys.modules[NAME] = stand_in
    try:
        version = importlib.import_module(f"{NAME}.version").__version__
    except Exception:  # noqa: BLE001 - not the package we know: let requests import it whole
        del sys.modules[NAME]
        sys.modules.pop(f"{NAME}.version", None)
        return False
    stand_in.__version__ = version
    return True
