"""The speed-ups of issue 8 change no result: the catalogue cache, the fast YAML reader, the page lookups."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import catalog as catalog_module
from generator import i18n, site, yamlio, yamlparse
from generator.catalog import load_catalog, load_catalog_uncached
from generator.errors import PlaybookError
from generator.translations import missing_translations
from tests.conftest import SHIPPED_PLAYBOOKS


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "work" / "playbooks"
    shutil.copytree(SHIPPED_PLAYBOOKS, root)
    return root


def _documents(catalog: catalog_module.Catalog) -> dict[str, tuple[object, object]]:
    return {name: (doc.data, doc.spots) for name, doc in catalog.documents.items()}


def _cache_files(root: Path) -> list[Path]:
    return sorted((root.parent / ".cache" / "playbook").glob("catalog-*.pickle"))


def test_cached_catalogue_equals_a_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLAYBOOK_NO_CACHE", raising=False)
    root = _copy(tmp_path)
    fresh = load_catalog_uncached(root)
    first = load_catalog(root)  # a miss: loads and writes the cache
    assert len(_cache_files(root)) == 1
    cached = load_catalog(root)  # a hit
    for other in (first, cached):
        assert other == fresh
        assert other.root == fresh.root
        assert _documents(other) == _documents(fresh)
        assert list(other.tactics) == list(fresh.tactics)


def test_an_edit_misses_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLAYBOOK_NO_CACHE", raising=False)
    root = _copy(tmp_path)
    load_catalog(root)
    path = root / "tactics" / "call-the-stall.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("title:\n  en: ", "title:\n  en: Edited ", 1),
                    encoding="utf-8")
    edited = load_catalog(root)
    assert edited.tactics["call-the-stall"].title.en.startswith("Edited ")
    assert edited == load_catalog_uncached(root)
    assert len(_cache_files(root)) == 2


def test_a_broken_folder_is_never_served_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLAYBOOK_NO_CACHE", raising=False)
    root = _copy(tmp_path)
    load_catalog(root)
    (root / "tactics" / "call-the-stall.yml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(PlaybookError):
        load_catalog(root)
    with pytest.raises(PlaybookError):
        load_catalog(root)


def test_an_unreadable_cache_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLAYBOOK_NO_CACHE", raising=False)
    root = _copy(tmp_path)
    load_catalog(root)
    [cache_file] = _cache_files(root)
    cache_file.write_bytes(b"not a pickle")
    assert load_catalog(root) == load_catalog_uncached(root)


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAYBOOK_NO_CACHE", "1")
    root = _copy(tmp_path)
    assert load_catalog(root) == load_catalog_uncached(root)
    assert _cache_files(root) == []


def test_old_cache_files_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLAYBOOK_NO_CACHE", raising=False)
    monkeypatch.setattr(catalog_module, "KEPT_CATALOGUES", 2)
    root = _copy(tmp_path)
    path = root / "sources.yml"
    for n in range(4):
        path.write_text(path.read_text(encoding="utf-8") + f"\n# edit {n}\n", encoding="utf-8")
        load_catalog(root)
    assert len(_cache_files(root)) == 2


TRICKY = """\
id: x
yes_text: 'yes'
flag: yes
off: [on, off, ~, null, '', 1_000, 0x1F, 1.5e3, .inf, 2024-01-01, "2024-01-01"]
empty:
nested:
  - a: 1
    b:
      - - deep
        - |
          block
          text
  - >
    folded
  -
  - {k: v, "q": 'r'}
"""


@pytest.mark.parametrize("text", [
    TRICKY,
    "just a scalar\n",
    "- 1\n- two\n",
    "a: &anchor 1\n",  # the careful path's business: anchors, aliases, tags, duplicates, odd keys
    "a: *alias\n",
    "a: !!str 1\n",
    "a: 1\na: 2\n",
    "1: one\n",
    "yes: one\n",
    "? [a]\n: b\n",
    "a: [\n",
    "---\na: 1\n---\nb: 2\n",
    "",
    "# only a comment\n",
    "a: " + "[" * 45 + "]" * 45 + "\n",
    "a: " + "[" * 39 + "]" * 39 + "\n",
])
def test_the_fast_reader_agrees_with_the_careful_one(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def read() -> tuple[object, object] | str:
        try:
            document = yamlio.parse(Path("x.yml"), text)
        except PlaybookError as error:
            return str(error)
        return document.data, list(document.spots.items())

    fast = read()
    monkeypatch.setattr(yamlparse, "_FAST_LOADER", None)
    assert fast == read()


def test_interface_strings_are_built_once_per_language() -> None:
    assert i18n.strings("hu") is i18n.strings("hu")
    assert i18n.strings("hu") == {key: row.get("hu") or row["en"] for key, row in i18n.STRINGS.items()}


def test_reverse_lookups_match_a_scan() -> None:
    catalog = load_catalog(SHIPPED_PLAYBOOKS)
    ctx = site.Context(catalog, "en")
    for tactic_id, tactic in catalog.tactics.items():
        assert ctx.situations_for_tactic(tactic_id) == [
            sid for sid, matches in ctx.matches.items() if any(m.tactic.id == tactic_id for m in matches)]
        named = [c for c in tactic.related_clauses if c in catalog.clauses]
        supporting = [cid for cid, clause in catalog.clauses.items() if tactic_id in clause.supports]
        assert ctx.clauses_for_tactic(tactic_id) == list(dict.fromkeys([*named, *supporting]))
    for clause_id, clause in catalog.clauses.items():
        named = [t for t in clause.supports if t in catalog.tactics]
        citing = [tid for tid, tactic in catalog.tactics.items() if clause_id in tactic.related_clauses]
        assert ctx.tactics_for_clause(clause_id) == list(dict.fromkeys([*named, *citing]))
    for signal_id in catalog.signals:
        expected = []
        for tactic in catalog.tactics.values():
            first = next((t for t in tactic.triggers if signal_id in t.signals), None)
            if first is not None:
                expected.append((tactic.id, first))
        assert [(t.id, trigger) for t, trigger in ctx.triggers_for_signal(signal_id)] == expected


def test_the_cache_leaves_the_documents_out_and_reads_them_again(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLAYBOOK_NO_CACHE", raising=False)
    root = _copy(tmp_path)
    fresh = load_catalog(root)
    cached_bytes = _cache_files(root)[0].read_bytes()
    assert b"spots" not in cached_bytes and b"Spot" not in cached_bytes
    cached = load_catalog(root)
    assert cached.documents._loaded == {}  # nothing parsed until a message needs a position
    assert missing_translations(cached) == []  # every text is translated: no message, so no document read
    assert cached.documents._loaded == {}
    assert cached.document("tactics", "call-the-stall").spot(("title",)) == \
        fresh.document("tactics", "call-the-stall").spot(("title",))
    assert list(cached.documents) == list(fresh.documents)


def test_a_cached_advise_imports_no_yaml_parser(tmp_path: Path) -> None:
    """Start-up (issue 8): a command answered from the cached catalogue never imports PyYAML."""
    root = _copy(tmp_path)
    script = ("import sys; from generator.cli import main; "
              f"main(['advise', '--playbooks', {str(root)!r}, '--signal', 'overdue']); "
              "print(sorted(m for m in sys.modules if m == 'yaml' or m.startswith(('yaml.', 'jinja2.sandbox'))))")
    env = {key: value for key, value in os.environ.items() if key != "PLAYBOOK_NO_CACHE"}
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
            for _ in range(2)]  # the first fills the cache
    assert "yaml" in runs[0].stdout
    assert runs[1].stdout.rstrip().endswith("[]"), runs[1].stdout[-300:]
