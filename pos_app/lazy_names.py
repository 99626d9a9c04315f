"""Names a package exports but imports at their first use (PEP 562): the window paints
before the heavy modules behind ``pos_app.api``, ``pos_app.store`` and ``pos_app.orders``
load. Standard library only."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Collection, Mapping
from typing import Any


def lazy_names(
    package: str, where: Mapping[str, str], exported: Collection[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``: a name of ``where`` is imported
    from its module at its first use, then kept in the package like an ordinary import."""
    namespace = sys.modules[package].__dict__

    def package_getattr(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def package_dir() -> list[str]:
        return sorted(set(namespace) | set(exported))

    return package_getattr, package_dir
