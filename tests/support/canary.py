"""The canary's search: where do known secrets appear, file by file, and how often.

``search(sources, secrets)`` looks for every written form of every secret (as given, without
spaces and dashes, grouped by four as the screen shows a card code) in files, folders (every
file under them), text and bytes, and reports the hits per source and per kind of secret.
Adding a kind (PINs) or a source (the encrypted database, an export) is one more entry in a
mapping.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pos_app.domain.cards import group_code

Source = Path | str | bytes


def unique_key(label: str) -> str:
    """An API key made for one run (found nowhere unless this run put it there)."""
    return f"canary-{label}-{secrets.token_hex(12)}"


def unique_pin() -> str:
    """A PIN made for one run: 8 random digits."""
    return "".join(secrets.choice("0123456789") for _ in range(8))


def forms(secret: str) -> set[str]:
    """How a secret may be written: as given, without spaces and dashes, grouped by four."""
    compact = "".join(ch for ch in secret.strip() if ch not in " -")
    return {form for form in (secret.strip(), compact, group_code(compact)) if form}


@dataclass
class CanaryReport:
    """Hits per (source, kind); ``sizes``: bytes searched per source."""

    hits: dict[tuple[str, str], int] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, sources: Iterable[str] | None = None) -> int:
        """Hits of ``kind`` in ``sources`` (all when None)."""
        wanted = None if sources is None else set(sources)
        return sum(
            n
            for (source, k), n in self.hits.items()
            if k == kind and (wanted is None or source in wanted)
        )

    def where(self, kind: str) -> list[str]:
        """The sources where ``kind`` was found."""
        return sorted({source for (source, k), n in self.hits.items() if k == kind and n})

    def table(self) -> str:
        """What was searched and what was found, one line per source."""
        kinds = sorted({k for _, k in self.hits})
        lines = [
            f"searched {len(self.sizes)} sources, {sum(self.sizes.values()):,} bytes, "
            f"for: {', '.join(kinds)}"
        ]
        for source, size in sorted(self.sizes.items()):
            found = ", ".join(f"{k} {self.hits.get((source, k), 0)}" for k in kinds)
            lines.append(f"  {source} ({size:,} bytes): {found}")
        lines.append("total: " + ", ".join(f"{k} {self.count(k)}" for k in kinds))
        return "\n".join(lines)


def _blobs(name: str, source: Source) -> Iterable[tuple[str, bytes]]:
    if isinstance(source, bytes):
        yield name, source
    elif isinstance(source, str):
        yield name, source.encode("utf-8")
    elif source.is_dir():
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            yield f"{name}/{path.relative_to(source).as_posix()}", path.read_bytes()
    elif source.is_file():
        yield name, source.read_bytes()


def search(sources: Mapping[str, Source], secrets: Mapping[str, Iterable[str]]) -> CanaryReport:
    """Count every written form of every secret (UTF-8) in every source; ``secrets`` maps a
    kind ("api key", "card code") to its secrets."""
    report = CanaryReport()
    needles = {
        kind: {form.encode("utf-8") for secret in group for form in forms(secret)}
        for kind, group in secrets.items()
    }
    for name, source in sources.items():
        for blob_name, blob in _blobs(name, source):
            report.sizes[blob_name] = len(blob)
            for kind, group in needles.items():
                report.hits[(blob_name, kind)] = sum(blob.count(form) for form in group)
    return report
