"""The MkDocs plugin ``playbook``: a thin adapter that adds the pages of :mod:`generator.site` to a build.

It loads and checks the playbooks folder once per build (a problem fails the build with the validator's own
message), adds every generated page in memory with ``File.generated``, builds the navigation when
``mkdocs.yml`` gives none, and makes ``mkdocs serve`` rebuild when a playbook file changes.

Languages: with the ``i18n`` plugin (mkdocs-static-i18n, suffix layout) MkDocs builds the site once per
language, and this plugin adds that language's pages after the i18n plugin has sorted the hand-written files
(``on_files`` runs later than the i18n plugin's), as files the i18n plugin would have made itself: the docs path
``tactics/x.zh-Hant.md`` lands at ``zh-Hant/tactics/x.html`` and knows its other languages, so the language
switcher leads to the same page.  Without the i18n plugin the site has the one language ``language``.
A text without a translation is shown in English with a notice on its page (see :meth:`site.Context.page`), a
hand-written page without a translation gets the same notice, and the build lists what is missing (as INFO,
so ``--strict`` still passes).

Downloads (PDF, Word, text) take longer than all the pages together, so they are rendered in worker processes,
one per language, while MkDocs renders the pages, and kept in a content-addressed cache
(:mod:`generator.buildcache`) across builds: their files are registered in ``on_files`` (so that links to them
are checked) and their bytes are written into the site in ``on_post_build``.
Nothing here decides what a page says; :mod:`generator.site` does, without importing MkDocs.

Atomic output: ``mkdocs build`` (not ``serve``, not ``--dirty``) writes the site into a staging folder beside
``site_dir`` and swaps it into place only at the very end of a build that succeeded (strict-mode warnings
included), so a failed build leaves the previous site exactly as it was (see :class:`StagedSite`).
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import re
import shutil
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from html import escape, unescape
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from generator import site
from generator.atomic import write_atomic
from generator.buildcache import BuildCache, CacheMiss
from generator.catalog import Catalog, load_catalog
from generator.errors import UserError
from generator.i18n import missing_strings, ui
from generator.translations import missing_translations, summary

log = get_plugin_logger(__name__)


THEME_OVERRIDES = Path(__file__).parent / "templates" / "theme"
"""Our override of Material's main.html: the vendored Mermaid, on the pages that draw a diagram only."""
MERMAID_BLOCK = 'class="mermaid"'

WORKER_PRELOAD = ["generator.site", "generator.outputs.pdf", "generator.outputs.docx", "weasyprint", "docx"]
"""Imported once by the server the download workers are forked from."""


class SharedBytecode(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory, so the second and third language do not compile them again."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()

# The i18n plugin handles files in on_files at priority -100; ours runs after it.
AFTER_I18N = -110


_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_LABEL = re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]*)"')
_TASK = re.compile(r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox"'
                   r'(?: checked)? disabled)(/?>)(.*?)(?=<ul|<ol|</li>)', re.S)


def accessible(html: str) -> str:
    """Two things the theme and the task-list extension leave out, which axe-core reports as serious: a name
    for the search dialog (the search field's own label) and a name for each checklist box (its item's text)."""
    label = _SEARCH_LABEL.search(html)
    if label is not None:
        html = html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{label[1]}">', 1)

    def name(match: re.Match[str]) -> str:
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", match[3])).split())
        return f'{match[1]} aria-label="{escape(text, quote=True)}"{match[2]}{match[3]}'

    return _TASK.sub(name, html)


class StagedSite:
    """A build written into ``<parent>/.<name>.staging`` and moved to ``site_dir`` only when it has succeeded.

    The previous site is renamed away, the new one renamed in, and the old one removed; when ``site_dir`` cannot
    be renamed (a mount point, say) its contents are replaced entry by entry instead.  MkDocs' strict mode fails
    a build *after* the post-build events, so the warnings are counted here too and a build that strict mode will
    abort is never swapped in.
    """

    def __init__(self, final: Path, strict: bool) -> None:
        self.final = final
        self.staging = final.with_name(f".{final.name}.staging")
        self.previous = final.with_name(f".{final.name}.previous")
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)
        self.strict = strict
        if strict:
            logging.getLogger("mkdocs").addHandler(self.warnings)

    def _detach(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    def commit(self) -> bool:
        """Move the staged site into place; False (and nothing moved) when strict mode is about to fail."""
        self._detach()
        if self.strict and self.warnings.get_counts():
            return False
        shutil.rmtree(self.previous, ignore_errors=True)
        try:
            if self.final.exists() or self.final.is_symlink():
                os.rename(self.final, self.previous)
        except OSError:
            self._replace_contents()
            return True
        os.rename(self.staging, self.final)
        shutil.rmtree(self.previous, ignore_errors=True)
        return True

    def _replace_contents(self) -> None:
        for entry in list(self.final.iterdir()):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        for entry in list(self.staging.iterdir()):
            shutil.move(str(entry), str(self.final / entry.name))
        shutil.rmtree(self.staging, ignore_errors=True)

    def discard(self) -> None:
        self._detach()
        shutil.rmtree(self.staging, ignore_errors=True)


_FREQUENCY = re.compile(rb"^[^ \n]+ (\d+)", re.M)
"""A word's frequency in a line of jieba's dictionary ("word frequency tag")."""


def jieba_dictionary(source: Path, folder: Path, characters: set[str]) -> Path:
    """jieba's main dictionary with only the words made of ``characters`` (the ones our pages contain).

    jieba loads its 350,000-word dictionary on every build; our text uses about a tenth of it.  The removed words'
    frequencies are kept in one placeholder entry, so that jieba's total, and with it every segmentation of our
    text, stays exactly as with the full dictionary.  The result is kept in ``folder`` under a hash of its inputs.
    """
    import hashlib

    stat = source.stat()
    key = hashlib.sha256(f"{source}:{stat.st_size}:{stat.st_mtime_ns}:{''.join(sorted(characters))}".encode())
    target = folder / f"dict-{key.hexdigest()[:16]}.txt"
    if target.is_file():
        return target
    data = source.read_bytes()
    total = sum(map(int, _FREQUENCY.findall(data)))  # a build without a cached dictionary pays this once
    allowed = re.escape("".join(sorted(characters)))
    kept = re.findall(f"^[{allowed}]+ [^\n]*(?:\n|\\Z)", data.decode("utf-8"), re.M) if characters else []
    kept = [line if line.endswith("\n") else line + "\n" for line in kept]
    removed = total - sum(int(line.split(" ", 2)[1]) for line in kept)
    kept.append(f"\u3007\u3007\u3007 {removed}\n")  # ideographic zeros: never in our text
    write_atomic(target, "".join(kept).encode("utf-8"))
    return target


class PlaybookPluginConfig(Config):  # type: ignore[no-untyped-call]
    playbooks = config_options.Type(str, default="playbooks")
    """The playbooks folder, relative to ``mkdocs.yml``."""
    language = config_options.Type(str, default=site.DEFAULT_LANGUAGE)
    """The language of the site when the i18n plugin is not used."""
    downloads = config_options.Type(bool, default=True)
    """Build the PDF, Word and text downloads (turn off for a faster preview)."""
    cache_dir = config_options.Type(str, default=".cache/playbook")
    """Where rendered downloads and jieba's dictionaries are kept, relative to ``mkdocs.yml`` ('' for none)."""
    jieba_terms = config_options.Type(bool, default=True)
    """Give the search plugin a jieba user dictionary of the playbook's Chinese terms (when it has none)."""


class PlaybookPlugin(BasePlugin[PlaybookPluginConfig]):  # type: ignore[no-untyped-call]
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.root = Path("playbooks")
        self.cache: Path | None = None
        self.pending: dict[str, list[Future[list[site.SiteFile]]]] = {}
        self.ready: dict[str, list[site.SiteFile]] = {}
        self.executor: ProcessPoolExecutor | None = None
        self.submitting: threading.Thread | None = None
        self.generated_nav = False
        self.first_language = site.DEFAULT_LANGUAGE
        self.bytecode = SharedBytecode()
        self.command: str | None = None
        self.dirty = False
        self.staged: StagedSite | None = None

    # ------------------------------------------------------------------------------------------ languages

    @staticmethod
    def _i18n(config: MkDocsConfig) -> Any | None:
        plugins = getattr(config, "plugins", None)
        plugin = plugins.get("i18n") if plugins is not None else None
        return plugin if plugin is not None and hasattr(plugin, "build_languages") else None

    def _languages(self, config: MkDocsConfig) -> list[str]:
        i18n = self._i18n(config)
        return list(i18n.build_languages) if i18n is not None else [self.config.language]

    def _language(self, config: MkDocsConfig) -> str:
        i18n = self._i18n(config)
        return str(i18n.current_language or i18n.default_language) if i18n is not None else self.config.language

    def _nested(self, config: MkDocsConfig) -> bool:
        """True inside the i18n plugin's build of a second or later language."""
        i18n = self._i18n(config)
        return bool(i18n is not None and i18n.building)

    # ------------------------------------------------------------------------------------------- events

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    @event_priority(60)  # before the search plugin, which loads jieba's dictionaries in its on_config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if self._nested(config):
            return config
        self._stop()
        self._discard_staging()
        if str(THEME_OVERRIDES) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(THEME_OVERRIDES))
        base = Path(config.config_file_path).parent
        self.root = (base / self.config.playbooks).resolve()
        self.cache = (base / self.config.cache_dir).resolve() if self.config.cache_dir else None
        try:
            self.catalog = load_catalog(self.root)
        except UserError as error:
            raise PluginError(str(error)) from None
        self.generated_nav = not getattr(config, "nav", None)
        languages = self._languages(config)
        if self.config.downloads:  # as early as possible: the workers use the core MkDocs leaves idle
            self._start_downloads(languages, config)
        self._report_missing(languages)
        self._configure_jieba(config)
        if self.command == "build" and not self.dirty:
            self.staged = StagedSite(Path(config.site_dir).resolve(), bool(config.strict))
            config.site_dir = str(self.staged.staging)
        return config

    def _report_missing(self, languages: list[str]) -> None:
        assert self.catalog is not None
        wanted = tuple(lang for lang in languages if lang != site.DEFAULT_LANGUAGE)
        if not wanted:
            return
        missing = missing_translations(self.catalog, wanted)
        if missing:
            log.info(summary(missing))
            for item in missing:
                log.info(f"  {item.problem}")
        for key, language in missing_strings(wanted):
            log.info(f"generator/i18n.py: {key}.{language}: the interface string is not translated yet")

    def _configure_jieba(self, config: MkDocsConfig) -> None:
        """jieba for the search: its cache in our cache folder, a main dictionary cut down to the words our text
        can contain, and a user dictionary of the playbook's Chinese terms."""
        plugins = getattr(config, "plugins", None) or {}
        search = plugins.get("search") or plugins.get("material/search")
        if search is None or self.cache is None or "zh-Hant" not in self._languages(config):
            return
        try:
            jieba = importlib.import_module("jieba")
        except ImportError:  # the search plugin indexes Chinese without segmenting it
            return
        folder = self.cache / "jieba"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return
        jieba.dt.tmp_dir = str(folder)
        assert self.catalog is not None
        if not getattr(search.config, "jieba_dict", None):
            source = Path(str(jieba.__file__)).parent / "dict.txt"
            sources = [self.root, Path(config.docs_dir or "."), Path(__file__).parent]
            search.config.jieba_dict = str(jieba_dictionary(source, folder, site.chinese_characters(sources)))
        if self.config.jieba_terms and not getattr(search.config, "jieba_dict_user", None):
            path = folder / "playbook-terms.txt"
            text = "".join(f"{term} 50000\n" for term in site.chinese_terms(self.catalog))
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
            search.config.jieba_dict_user = str(path)

    @event_priority(AFTER_I18N)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        assert self.catalog is not None
        lang = self._language(config)
        languages = self._languages(config)
        if not self._nested(config):
            self.first_language = lang
        try:
            generated = site.pages(self.catalog, lang, with_downloads=self.config.downloads)
        except UserError as error:
            self._stop()
            raise PluginError(str(error)) from None
        placeholders = site.download_paths(self.catalog, lang) if self.config.downloads else []
        i18n = self._i18n(config) is not None
        handwritten = {site.unlocalized(f.src_uri)[0]: f.src_uri for f in files if not f.generated_by}
        for path, content in [*((f.path, f.content) for f in generated), *((p, b"") for p in placeholders)]:
            clash = handwritten.get(site.unlocalized(path)[0])
            if clash is not None:
                self._stop()
                raise PluginError(f"{config.docs_dir}/{clash}: this file is generated from the playbooks; "
                                  "remove the hand-written file or rename it")
            file = self._file(config, path, content)
            if i18n:
                self._link_languages(config, file, path, lang, languages)
            files.append(file)
        self._report_untranslated_pages(files, lang)
        if self.generated_nav:
            pages = [f.src_uri for f in files.documentation_pages() if not f.generated_by]
            config.nav = site.navigation(self.catalog, lang, pages)
        return files

    @staticmethod
    def _file(config: MkDocsConfig, path: str, content: str | bytes) -> File:
        """A generated file at the docs path ``path``, published where :func:`site.site_path` says."""
        file = File.generated(config, path, content=content)
        plain, lang = site.unlocalized(path)
        if lang != site.DEFAULT_LANGUAGE:
            dest = File(plain, None, config.site_dir, config.use_directory_urls)
            file.dest_uri = f"{lang}/{dest.dest_uri}"
            file.name = dest.name
        return file

    def _link_languages(self, config: MkDocsConfig, file: File, path: str, lang: str, languages: list[str]) -> None:
        """What the i18n plugin records on its own files: the locale, and the same file in every language."""
        plain, _ = site.unlocalized(path)
        file.locale = lang  # type: ignore[attr-defined]
        file.localization = lang if lang != site.DEFAULT_LANGUAGE else None  # type: ignore[attr-defined]
        file.locale_alternate_of = lang  # type: ignore[attr-defined]
        file.norm_src_uri = plain  # type: ignore[attr-defined]
        file.alternates = {  # type: ignore[attr-defined]
            other: file if other == lang else self._file(config, site.localized(plain, other), b"")
            for other in languages}

    def _report_untranslated_pages(self, files: Files, lang: str) -> None:
        if lang == site.DEFAULT_LANGUAGE:
            return
        for file in files.documentation_pages():
            if not file.generated_by and getattr(file, "locale", lang) != lang:
                log.info(f"{file.src_uri}: no {lang} translation yet; the {lang} site shows it in English")

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if env.bytecode_cache is None:
            env.bytecode_cache = self.bytecode
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """A hand-written page shown in English in another language's site says so at its top."""
        lang = self._language(config)
        if (self._i18n(config) is not None and lang != site.DEFAULT_LANGUAGE and not page.file.generated_by
                and getattr(page.file, "locale", lang) != lang):
            return site.untranslated_notice(markdown, ui(lang, "untranslated_title"), ui(lang, "untranslated_page"))
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """A page that draws a Mermaid diagram loads the vendored Mermaid (``templates/theme/main.html``); the
        others do not pay for its 3.5 MB."""
        if MERMAID_BLOCK in html:
            page.meta["mermaid"] = True
        return html

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return accessible(output)

    # ------------------------------------------------------------------------------------------ downloads

    def _start_downloads(self, languages: list[str], config: MkDocsConfig) -> None:
        """Every language's downloads: from the cache when all are there, else rendered in worker processes.

        Each language's downloads are two tasks (:data:`site.DOWNLOAD_PARTS`), so that two workers finish
        together; the PDFs of the other languages go first, as the i18n plugin builds (and finishes) those
        languages first.  The workers are forked from a server that has imported WeasyPrint and the generator
        once (``forkserver``: no worker pays for those imports, and nothing of MkDocs' state is forked).
        """
        self._stop()
        self.ready = {}
        assert self.catalog is not None
        folder = self.cache / "downloads" if self.cache is not None else None
        order = [*(lang for lang in languages if lang != self._language(config)), self._language(config)]
        missing = []
        for lang in order:
            try:
                self.ready[lang] = site.downloads(self.catalog, lang, BuildCache(folder, only_cached=True))
            except CacheMiss:
                missing.append(lang)
        if not missing:
            return
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(WORKER_PRELOAD)
        tasks = len(missing) * len(site.DOWNLOAD_PARTS)
        self.executor = ProcessPoolExecutor(max_workers=max(1, min(tasks, os.cpu_count() or 1)),
                                            mp_context=context)
        self.pending = {lang: [] for lang in missing}
        # Starting the workers waits for the server's imports: a thread does it while MkDocs goes on.
        self.submitting = threading.Thread(target=self._submit, args=(self.executor, missing, folder),
                                           name="playbook-downloads", daemon=True)
        self.submitting.start()

    def _submit(self, executor: ProcessPoolExecutor, languages: list[str], folder: Path | None) -> None:
        for part in site.DOWNLOAD_PARTS:
            for lang in languages:
                self.pending[lang].append(executor.submit(
                    site.downloads_from_folder, str(self.root), lang, str(folder) if folder is not None else "",
                    part))

    def _submitted(self) -> None:
        if self.submitting is not None:
            self.submitting.join()
            self.submitting = None

    @event_priority(AFTER_I18N)  # after the i18n plugin has built the other languages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # the i18n plugin leaves its current language at the last one built: the first build knows its own
        lang = self._language(config) if self._nested(config) else self.first_language
        made = self.ready.pop(lang, None)
        self._submitted()
        futures = self.pending.pop(lang, None)
        if futures is not None:
            try:  # clause files first, then the checklists, as site.downloads lists them
                made = [item for future in reversed(futures) for item in future.result()]
            except UserError as error:
                self._stop()
                raise PluginError(str(error)) from None
        for item in made or []:
            target = Path(config.site_dir) / site.site_path(item.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.content if isinstance(item.content, bytes) else item.content.encode())
        if not self.pending:
            self._stop()
        if not self._nested(config) and self.staged is not None:
            staged, self.staged = self.staged, None
            if staged.commit():
                config.site_dir = str(staged.final)
            else:  # strict mode aborts this build next; on_build_error does not see it as ours any more
                staged.discard()

    def on_build_error(self, *, error: Exception) -> None:
        self._stop()
        self._discard_staging()

    def _discard_staging(self) -> None:
        if self.staged is not None:
            self.staged.discard()
            self.staged = None

    def _stop(self) -> None:
        self._submitted()
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = None
        self.pending = {}

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.root))
        return server
