"""Fixtures of the API client tests: a scripted loopback server (tests/api/scripted_server.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.scripted_server import ScriptedServer


@pytest.fixture
def scripted() -> Iterator[ScriptedServer]:
    server = ScriptedServer()
    yield server
    server.close()
