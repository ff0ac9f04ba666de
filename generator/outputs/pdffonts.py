"""Fonts for a run of PDFs: one WeasyPrint font configuration, and a small copy of the CJK font.

Noto Sans CJK TC holds 65,000 glyphs in a 20 MB file.  WeasyPrint subsets the fonts it embeds, but it does so
for every PDF, from the whole file, and keeps every glyph number up to the highest one used: each Traditional
Chinese checklist took about 0.3 s to write and weighed about 475 kB.  So, before the first PDF of a run, the
fonts are cut down once (HarfBuzz's subsetter, about 0.05 s a weight) to the characters of every page the run
will print, and the PDFs use that copy, named :data:`SUBSET_FAMILY`.  The glyphs are the same glyphs, so the
layout does not change; a character the copy lacks falls back to the installed font, as before.

Where the installed font cannot be found, nothing is cut and the PDFs use the installed fonts.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

SOURCE_FAMILY = "Noto Sans CJK TC"
SUBSET_FAMILY = "Noto Sans CJK TC Subset"
"""The family name of the cut-down copy; the CSS of Chinese pages names it first (:mod:`generator.outputs.html`)."""

FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path("~/.local/share/fonts"),
                Path("~/.fonts"))
WEIGHTS: dict[int, str] = {400: "NotoSansCJKtc-Regular", 700: "NotoSansCJKtc-Bold"}
"""CSS weight -> the PostScript name (name ID 6) of the installed face (the family names vary by record)."""

ALWAYS = "".join(chr(code) for code in range(0x20, 0x7F))
"""Printable ASCII, kept whatever the pages hold (page numbers, dates, list markers)."""


def characters(texts: Iterable[str]) -> str:
    """The sorted set of characters of ``texts`` (and :data:`ALWAYS`): what the copy must hold."""
    found = set(ALWAYS)
    for text in texts:
        found.update(text)
    return "".join(sorted(found))


@cache
def source_faces() -> dict[int, tuple[Path, int]]:
    """The installed Noto Sans CJK TC faces by weight: the file and the face's index in it."""
    import uharfbuzz as hb

    found: dict[int, tuple[Path, int]] = {}
    for folder in FONT_FOLDERS:
        folder = folder.expanduser()
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("NotoSansCJK*")):
            if path.suffix.lower() not in {".ttc", ".otf", ".ttf"} or not path.is_file():
                continue
            blob = hb.Blob.from_file_path(str(path))
            for index in range(hb.Face(blob).count):
                name = hb.Face(blob, index).get_name(hb.OTNameIdPredefined.POSTSCRIPT_NAME)
                for weight, wanted in WEIGHTS.items():
                    if name == wanted and weight not in found:
                        found[weight] = (path, index)
        if len(found) == len(WEIGHTS):
            break
    return found


def subset_font(source: tuple[Path, int], text: str) -> bytes:
    """The face ``source`` cut down to the characters of ``text`` (names and layout tables kept)."""
    import uharfbuzz as hb

    path, index = source
    face = hb.Face(hb.Blob.from_file_path(str(path)), index)
    wanted = hb.SubsetInput()
    for character in text:
        wanted.unicode_set.add(ord(character))
    wanted.sets(hb.SubsetInputSets.NAME_ID).invert()  # keep every name: the PDF shows the font's own
    return bytes(hb.subset(face, wanted).blob.data)


class PdfFonts:
    """The fonts of a run of PDFs in ``language`` whose pages hold (at most) the characters of ``texts``.

    ``digest`` names the font set, for cache keys (a PDF's bytes depend on the copy it was printed with).
    ``stylesheets`` and ``config`` go to WeasyPrint's ``render``; the copy is cut on first use and lives in a
    private folder until :meth:`close` (or the end of a ``with`` block)."""

    def __init__(self, language: str, texts: Iterable[str] = ()) -> None:
        self.language = language
        self.text = characters(texts) if language == "zh-Hant" else ""
        self.digest = hashlib.sha256(self.text.encode()).hexdigest()[:16] if self.text else ""
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._stylesheets: list[Any] | None = None
        self._config: Any = None

    @property
    def config(self) -> Any:
        if self._config is None:
            from weasyprint.text.fonts import FontConfiguration

            self._config = FontConfiguration()
        return self._config

    @property
    def stylesheets(self) -> list[Any]:
        if self._stylesheets is None:
            self._stylesheets = self._faces()
        return self._stylesheets

    def _faces(self) -> list[Any]:
        sources = source_faces() if self.text else {}
        if not sources:
            return []
        from weasyprint import CSS

        self._folder = tempfile.TemporaryDirectory(prefix="playbook-fonts-")
        rules = []
        for weight, source in sorted(sources.items()):
            path = Path(self._folder.name) / f"subset-{weight}.otf"
            path.write_bytes(subset_font(source, self.text))
            rules.append(f'@font-face {{ font-family: "{SUBSET_FAMILY}"; font-weight: {weight}; '
                         f'src: url("{path.as_uri()}"); }}')
        return [CSS(string="\n".join(rules), font_config=self.config)]

    def render(self, html: str) -> Any:
        """``html`` laid out by WeasyPrint with these fonts."""
        from weasyprint import HTML

        return HTML(string=html, base_url=".").render(stylesheets=self.stylesheets, font_config=self.config)

    def close(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
        self._stylesheets = None

    def __enter__(self) -> PdfFonts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
