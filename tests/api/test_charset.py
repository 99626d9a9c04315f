"""requests' encoding guesser (charset_normalizer) stays out of memory until something asks
it (``pos_app.api.charset``); asked, it answers as the real package does. Each case runs in
a fresh interpreter: this one has requests loaded already."""

from __future__ import annotations

import sys

from tests.support.child import child_report

_PROBE = """
import json, sys, warnings
warnings.simplefilter("error")  # requests warns when it finds no encoding guesser
from pos_app.api.charset import load_on_first_use
replaced = load_on_first_use()
import pos_app.api.client  # imports requests
import requests
import charset_normalizer
seen = {
    "replaced": replaced,
    "again": load_on_first_use(),
    "loaded_before": sorted(m for m in sys.modules if m.startswith("charset_normalizer")),
    "version": charset_normalizer.__version__,
}
response = requests.Response()
response._content = "Aïn Témouchent, حي 5".encode("utf-8")
seen["apparent"] = response.apparent_encoding
seen["text"] = response.text
seen["loaded_after"] = "charset_normalizer.api" in sys.modules
seen["same_detect"] = charset_normalizer.detect is sys.modules["charset_normalizer"].detect
print(json.dumps(seen))
"""


def test_the_guesser_loads_only_when_asked_and_then_answers() -> None:
    seen = child_report("-c", _PROBE)
    assert seen["replaced"] is True
    assert seen["again"] is False  # once: requests is loaded now
    assert seen["loaded_before"] == ["charset_normalizer", "charset_normalizer.version"]
    assert seen["version"].count(".") >= 2
    assert seen["apparent"].lower().replace("_", "-") == "utf-8"
    assert seen["text"] == "Aïn Témouchent, حي 5"
    assert seen["loaded_after"] is True
    assert seen["same_detect"] is True


def test_nothing_is_replaced_once_requests_is_loaded() -> None:
    import charset_normalizer
    import requests  # noqa: F401 - this interpreter's, loaded by the suite anyway

    from pos_app.api.charset import load_on_first_use

    assert load_on_first_use() is False
    assert sys.modules["charset_normalizer"] is charset_normalizer
