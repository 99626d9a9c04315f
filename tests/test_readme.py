"""Every picture and file the README links to exists in the repository, and every picture is
a whole PNG image (not an empty file or a Git LFS pointer)."""

from __future__ import annotations

import re
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
LINK = re.compile(r"\]\(([^)\s]+)\)|\bsrc=\"([^\"]+)\"")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def local_links(text: str) -> list[str]:
    """The README's links to files of the repository (no web address, no anchor)."""
    found = [markdown or html for markdown, html in LINK.findall(text)]
    return [link for link in found if not re.match(r"[a-z]+:|#", link)]


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG file's header (ValueError when it is not a PNG)."""
    head = path.read_bytes()[:24]
    if len(head) < 24 or not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        raise ValueError(f"{path.name} is not a PNG image")
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_the_link_finder_sees_markdown_and_html_links_and_skips_the_web() -> None:
    text = (
        '![a](resources/a.png) [b](docs/b.md#part) <img src="resources/c.png" width=9> '
        "[web](https://example.com/x.png) [here](#architecture)"
    )
    assert local_links(text) == ["resources/a.png", "docs/b.md#part", "resources/c.png"]


def test_every_local_link_of_the_readme_exists() -> None:
    links = local_links(README.read_text(encoding="utf-8"))
    assert len([link for link in links if link.startswith("resources/screenshots/")]) >= 20
    missing = [link for link in links if not (ROOT / link.split("#")[0]).exists()]
    assert missing == []


def test_every_picture_of_the_readme_is_a_png_image() -> None:
    links = local_links(README.read_text(encoding="utf-8"))
    pictures = [ROOT / link for link in links if link.endswith(".png")]
    sizes = {path.name: png_size(path) for path in pictures if path.exists()}
    assert sizes and all(width >= 100 and height >= 100 for width, height in sizes.values())
    # The issue's three: the set-up, the settings and the PIN prompts.
    issue = {"setup-key-en.png", "settings-connection-en.png", "lock-en.png"}
    assert issue | {"manager-prompt-en.png"} <= set(sizes)
