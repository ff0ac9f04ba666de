"""Every language of the outputs: interface strings, Chinese PDFs and Word files, and the English fallback."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from generator import site
from generator.catalog import load_catalog
from generator.checklists import checklist_for_situation
from generator.clauses import build_clause
from generator.i18n import STRINGS, missing_strings, strings, ui
from generator.models import LANGUAGES
from generator.outputs.docx import EAST_ASIAN_FONT, clause_docx
from generator.outputs.pdf import checklist_pdf
from tests._generator_support import shipped_catalog
from tests.conftest import SHIPPED_PLAYBOOKS

needs_poppler = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
FIELDS = re.compile(r"\{(\w+)\}")


# ----------------------------------------------------------------------------------------- interface words


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_interface_string_has_every_language(key: str) -> None:
    row = STRINGS[key]
    assert set(row) == set(LANGUAGES), key
    for language in LANGUAGES:
        assert row[language].strip(), (key, language)
        assert set(FIELDS.findall(row[language])) == set(FIELDS.findall(row["en"])), (key, language)
    assert not missing_strings(LANGUAGES)


def test_chinese_strings_use_traditional_characters_and_full_width_punctuation() -> None:
    simplified = set("这个们说时对会发条项检库见认证实现为们后")
    for key, row in STRINGS.items():
        text = row["zh-Hant"]
        assert not simplified & set(text), (key, text)
        assert not re.search(r"[\u4e00-\u9fff][,;?!]|[,;?!][\u4e00-\u9fff]", text), (key, text)


def test_lookup_falls_back_to_english_for_an_unknown_language() -> None:
    assert ui("fr", "checklist") == "Checklist"
    assert strings("hu")["checklist"] == "Ellenőrzőlista"
    assert ui("zh-Hant", "phase_tag", label="簽約時") == "階段：簽約時"


# ------------------------------------------------------------------------------------- PDF and Word files


@needs_poppler
def test_chinese_checklist_pdf_embeds_a_cjk_font_and_is_one_page(tmp_path: Path) -> None:
    catalog = shipped_catalog()
    checklist = checklist_for_situation(catalog, "paid-sixty-percent", "zh-Hant")
    data = checklist_pdf(checklist)
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    path = tmp_path / "zh.pdf"
    path.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert any("Noto-Sans-CJK-TC" in row for row in rows), fonts
    # every font is embedded (the "emb" column), the page footer's included
    assert rows and all(" yes " in row for row in rows), fonts
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert checklist.title.split("：")[0] in text and "修訂日期" in text


@needs_poppler
def test_chinese_pdfs_use_a_cut_down_copy_of_the_font_with_the_same_layout(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 8: the CJK font is cut down to the run's characters; the PDF shrinks and lays out exactly as with
    the installed font (same glyphs, so the same line breaks and the same text)."""
    from generator.outputs import pdffonts

    checklist = checklist_for_situation(shipped_catalog(), "paid-sixty-percent", "zh-Hant")
    assert set(pdffonts.source_faces()) == {400, 700}, "fonts-noto-cjk is installed here"
    small = checklist_pdf(checklist)
    monkeypatch.setattr(pdffonts, "source_faces", dict)  # as on a machine where the font is not found
    whole = checklist_pdf(checklist)
    assert len(small) < 200_000 < len(whole)

    def shown(data: bytes, name: str) -> tuple[str, str]:
        path = tmp_path / name
        path.write_bytes(data)
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        return fonts, text

    small_fonts, small_text = shown(small, "small.pdf")
    whole_fonts, whole_text = shown(whole, "whole.pdf")
    assert "Noto-Sans-CJK-TC-Subset" in small_fonts and "Subset" not in whole_fonts
    assert small_text == whole_text


def test_the_font_set_of_a_run_is_named_by_its_characters() -> None:
    from generator.outputs.pdffonts import ALWAYS, PdfFonts, characters

    assert characters(["收款", "款項"]) == "".join(sorted(set(ALWAYS) | set("收款項")))
    assert PdfFonts("zh-Hant", ["收款"]).digest == PdfFonts("zh-Hant", ["款收", "收"]).digest
    assert PdfFonts("zh-Hant", ["收款"]).digest != PdfFonts("zh-Hant", ["收款項"]).digest
    english = PdfFonts("en", ["anything"])
    assert english.digest == "" and english.stylesheets == []


@needs_poppler
@pytest.mark.parametrize("language", ["zh-Hant", "hu"])
def test_every_situation_checklist_fits_one_a4_page(language: str) -> None:
    catalog = shipped_catalog()
    for situation_id in catalog.situations:
        data = checklist_pdf(checklist_for_situation(catalog, situation_id, language))
        assert len(PdfReader(io.BytesIO(data)).pages) == 1, (language, situation_id)


def test_hungarian_checklist_dates_are_hungarian() -> None:
    checklist = checklist_for_situation(shipped_catalog(), "paid-sixty-percent", "hu")
    assert re.search(r"frissítve: \d{4}\. [a-zé]+ \d{1,2}\.", checklist.version_line), checklist.version_line


def test_chinese_clause_docx_sets_the_east_asian_font() -> None:
    catalog = shipped_catalog()
    view = build_clause(catalog, "retention-of-title", [], language="zh-Hant")
    document = Document(io.BytesIO(clause_docx(view)))
    for style in ("Normal", "Title", "Heading 1"):
        fonts = document.styles[style].element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == EAST_ASIAN_FONT, style
    styles_xml = document.styles.element.xml
    assert f'w:eastAsia="{EAST_ASIAN_FONT}"' in styles_xml
    assert document.paragraphs[0].text == catalog.clauses["retention-of-title"].title.get("zh-Hant")
    assert document.core_properties.language == "zh-Hant"


# ------------------------------------------------------------------------------------------ the fallback


def _untranslate(playbooks: Path) -> str:
    """Drop the Traditional Chinese summary of one tactic; returns the tactic id."""
    path = playbooks / "tactics" / "correct-short-payment.yml"
    text = path.read_text(encoding="utf-8")
    summary = text.index("\nsummary:\n")
    start = text.index("\n  zh-Hant:", summary)
    end = text.index("\n  hu:", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return "correct-short-payment"


def test_an_untranslated_text_shows_english_with_a_notice(tmp_path: Path) -> None:
    playbooks = tmp_path / "playbooks"
    shutil.copytree(SHIPPED_PLAYBOOKS, playbooks)
    tactic = _untranslate(playbooks)
    catalog = load_catalog(playbooks)
    pages = {page.path: str(page.content) for page in site.pages(catalog, "zh-Hant")}
    text = pages[f"tactics/{tactic}.zh-Hant.md"]
    assert "playbook-untranslated" in text and ui("zh-Hant", "untranslated_parts") in text
    assert catalog.tactics[tactic].summary.en.split()[0] in text
    noticed = sorted(path for path, page in pages.items() if "playbook-untranslated" in page)
    # the tactic, and the pages that show its summary (phase page, tactics index)
    assert f"tactics/{tactic}.zh-Hant.md" in noticed and "tactics/call-the-stall.zh-Hant.md" not in noticed
    hungarian = {page.path: str(page.content) for page in site.pages(catalog, "hu")}
    assert not any("playbook-untranslated" in page for page in hungarian.values())


MKDOCS_YML = """\
site_name: Fallback test
docs_dir: content
use_directory_urls: false
theme:
  name: material
  font: false
plugins:
  - search:
      lang: [en, zh, hu]
  - i18n:
      docs_structure: suffix
      languages:
        - {{locale: en, name: English, default: true}}
        - {{locale: zh-Hant, name: 繁體中文, theme: {{language: zh-TW}}}}
        - {{locale: hu, name: Magyar}}
  - playbook:
      playbooks: {playbooks}
      downloads: false
      cache_dir: {cache}
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.superfences
"""


def test_a_build_with_missing_translations_passes_strict_lists_them_and_shows_notices(tmp_path: Path) -> None:
    playbooks = tmp_path / "playbooks"
    shutil.copytree(SHIPPED_PLAYBOOKS, playbooks)
    tactic = _untranslate(playbooks)
    content = tmp_path / "content"
    content.mkdir()
    (content / "index.md").write_text("# Home\n\nHello.\n", encoding="utf-8")
    (content / "index.zh-Hant.md").write_text("# 首頁\n\n你好。\n", encoding="utf-8")
    (content / "index.hu.md").write_text("# Kezdőlap\n\nSzia.\n", encoding="utf-8")
    (content / "notes.md").write_text("# Notes\n\nOnly in English.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML.format(playbooks=playbooks, cache=tmp_path / "cache"),
                                         encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "1 missing translations (zh-Hant: 1); English is shown in their place" in log
    assert re.search(rf"tactics/{tactic}\.yml:\d+:\d+: summary\.zh-Hant: the Traditional Chinese translation", log)
    assert "notes.md: no zh-Hant translation yet" in log and "notes.md: no hu translation yet" in log
    built = tmp_path / "site"
    page = (built / "zh-Hant" / "tactics" / f"{tactic}.html").read_text(encoding="utf-8")
    assert "playbook-untranslated" in page and ui("zh-Hant", "untranslated_parts") in page
    assert "playbook-untranslated" not in (built / "hu" / "tactics" / f"{tactic}.html").read_text(encoding="utf-8")
    assert "playbook-untranslated" not in (built / "tactics" / f"{tactic}.html").read_text(encoding="utf-8")
    for lang in ("zh-Hant", "hu"):
        notes = (built / lang / "notes.html").read_text(encoding="utf-8")
        assert "playbook-untranslated" in notes and ui(lang, "untranslated_page") in notes, lang
        assert "Only in English." in notes
    assert "playbook-untranslated" not in (built / "notes.html").read_text(encoding="utf-8")
    assert (built / "zh-Hant" / "index.html").read_text(encoding="utf-8").count("你好") == 1


# ------------------------------------------------------------------------------------- site in languages


def test_paths_follow_the_suffix_layout() -> None:
    assert site.localized("downloads/trainer-pack.pdf", "zh-Hant") == "downloads/trainer-pack.zh-Hant.pdf"
    assert site.site_path("downloads/trainer-pack.zh-Hant.pdf") == "zh-Hant/downloads/trainer-pack.pdf"
    assert site.site_path("tactics/x.hu.md") == "hu/tactics/x.md"
    assert site.site_path("tactics/x.md") == "tactics/x.md"
    assert site.unlocalized("start/index.zh-Hant.md") == ("start/index.md", "zh-Hant")


def test_navigation_is_translated_and_names_pages_without_language_suffix() -> None:
    catalog = shipped_catalog()
    nav = site.navigation(catalog, "zh-Hant", ["index.zh-Hant.md", "index.md", "guide/glossary.zh-Hant.md",
                                               "guide/glossary.md", "start/new-hire.zh-Hant.md"])
    titles = [next(iter(entry)) for entry in nav if isinstance(entry, dict)]
    assert "你看到了什麼？" in titles and "升級階梯" in titles and ui("zh-Hant", "nav_guide") in titles
    assert nav[0] == "index.md"
    assert {ui("zh-Hant", "nav_guide"): ["guide/glossary.md"]} in nav
    assert {ui("zh-Hant", "nav_start"): ["start/new-hire.md"]} in nav


def test_jieba_user_dictionary_holds_the_trade_terms() -> None:
    terms = site.chinese_terms(shipped_catalog())
    for term in ("合同專用章", "部分付款", "催告函", "支付令", "買賣制"):
        assert term in terms
    assert all(2 <= len(term) <= 5 for term in terms)


def test_cut_down_jieba_dictionary_keeps_the_total(tmp_path: Path) -> None:
    from generator.mkdocs_plugin import jieba_dictionary

    source = tmp_path / "dict.txt"
    source.write_text("付款 300 v\n部分 200 n\n蘋果 50 n\n付 10 v\n", encoding="utf-8")
    made = jieba_dictionary(source, tmp_path, set("付款部分"))
    lines = made.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["付款 300 v", "部分 200 n", "付 10 v"]
    assert sum(int(line.split()[1]) for line in lines) == 560
    assert jieba_dictionary(source, tmp_path, set("付款部分")) == made


def test_cut_down_jieba_dictionary_equals_the_line_by_line_definition(tmp_path: Path) -> None:
    """On jieba's own dictionary and our characters: the kept lines, in order, and the placeholder's total."""
    import jieba

    from generator.mkdocs_plugin import jieba_dictionary
    from generator.site import chinese_characters

    source = Path(str(jieba.__file__)).parent / "dict.txt"
    characters = chinese_characters([SHIPPED_PLAYBOOKS])
    kept, removed = [], 0
    for line in source.read_text(encoding="utf-8").splitlines(keepends=True):
        word, frequency = line.split(" ", 2)[:2]
        if set(word) <= characters:
            kept.append(line if line.endswith("\n") else line + "\n")
        else:
            removed += int(frequency)
    expected = "".join(kept) + f"\u3007\u3007\u3007 {removed}\n"
    assert jieba_dictionary(source, tmp_path, characters).read_text(encoding="utf-8") == expected
    assert len(kept) > 10_000
