"""Tests for the shape of pos_app.domain: public names and purity."""

from __future__ import annotations

import ast
from pathlib import Path

from pos_app import domain

DOMAIN_DIR = Path(domain.__file__).parent

# The domain is pure: standard-library modules without I/O only. redaction.py may use
# logging (its record factory), threading (its lock) and sys (the crash hooks it sets; it
# opens no file and writes no stream).
ALLOWED_IMPORTS = {
    "__future__",
    "collections",
    "collections.abc",
    "logging",
    "sys",
    "threading",
    "dataclasses",
    "datetime",
    "decimal",
    "enum",
    "ipaddress",
    "math",
    "random",
    "re",
    "types",
    "typing",
    "unicodedata",
    "urllib.parse",
}

PUBLIC = {
    "LineType",
    "Problem",
    "NumberCheck",
    "EXPECTED_LENGTH",
    "normalise",
    "check_number",
    "group_number",
    "is_valid_number",
    "MAX_AMOUNT",
    "parse_balance",
    "parse_dinars",
    "can_afford",
    "format_dzd",
    "REF_MAX_LENGTH",
    "COUNTER_ID_MAX_LENGTH",
    "SUFFIX_ALPHABET",
    "new_ref",
    "is_valid_ref",
    "sanitise_counter_id",
    "is_valid_counter_id",
    "SaleState",
    "FINAL_STATES",
    "IllegalTransitionError",
    "check_transition",
}


def test_public_names_are_reexported() -> None:
    assert set(domain.__all__) == PUBLIC
    for name in domain.__all__:
        assert getattr(domain, name) is not None, name


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
    return found


def test_domain_imports_only_pure_stdlib() -> None:
    modules = sorted(DOMAIN_DIR.glob("*.py"))
    assert {p.name for p in modules} >= {"__init__.py", "numbers.py", "money.py", "refs.py"}
    for path in modules:
        for name in _imports(path):
            if name.startswith(".") or name.startswith("pos_app.domain."):
                continue  # siblings inside pos_app.domain
            assert name in ALLOWED_IMPORTS, f"{path.name} imports {name}"


def test_check_is_pure_of_dynamic_imports() -> None:
    for path in DOMAIN_DIR.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for forbidden in ("__import__", "importlib", "open(", "print("):
            assert forbidden not in text, f"{path.name} uses {forbidden}"
