"""The MkDocs plugin ``playbook``: a thin adapter that adds the pages of :mod:`generator.site` to a build.

It loads and checks the playbooks folder once per build (a problem fails the build with the validator's own
message), adds every generated page in memory with ``File.generated``, builds the navigation when
``mkdocs.yml`` gives none, and makes ``mkdocs serve`` rebuild when a playbook file changes.

Downloads (PDF, Word, text) take longer than all the pages together, so they are rendered in a worker
process while MkDocs renders the pages: their files are registered in ``on_files`` (so that links to them
are checked) and their bytes are written into the site in ``on_post_build``.
Nothing here decides what a page says; :mod:`generator.site` does, without importing MkDocs.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator import site
from generator.catalog import Catalog, load_catalog
from generator.errors import UserError


class PlaybookPluginConfig(Config):  # type: ignore[no-untyped-call]
    playbooks = config_options.Type(str, default="playbooks")
    """The playbooks folder, relative to ``mkdocs.yml``."""
    language = config_options.Type(str, default=site.DEFAULT_LANGUAGE)
    downloads = config_options.Type(bool, default=True)
    """Build the PDF, Word and text downloads (turn off for a faster preview)."""


class PlaybookPlugin(BasePlugin[PlaybookPluginConfig]):  # type: ignore[no-untyped-call]
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.root = Path("playbooks")
        self.pending: Future[list[site.SiteFile]] | None = None
        self.executor: ProcessPoolExecutor | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.root = (Path(config.config_file_path).parent / self.config.playbooks).resolve()
        try:
            self.catalog = load_catalog(self.root)
        except UserError as error:
            raise PluginError(str(error)) from None
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        assert self.catalog is not None
        lang = self.config.language
        if self.config.downloads:
            self.executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self.pending = self.executor.submit(site.downloads_from_folder, str(self.root), lang)
        try:
            generated = site.pages(self.catalog, lang)
        except UserError as error:
            self._stop()
            raise PluginError(str(error)) from None
        placeholders = site.download_paths(self.catalog, lang) if self.config.downloads else []
        for path, content in [*((f.path, f.content) for f in generated), *((p, b"") for p in placeholders)]:
            if files.get_file_from_path(path) is not None:
                self._stop()
                raise PluginError(f"{config.docs_dir}/{path}: this file is generated from the playbooks; "
                                  "remove the hand-written file or rename it")
            files.append(File.generated(config, path, content=content))
        if not config.nav:
            pages = [f.src_uri for f in files.documentation_pages() if not f.generated_by]
            config.nav = site.navigation(self.catalog, lang, pages)
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.pending is None:
            return
        try:
            made = self.pending.result()
        except UserError as error:
            raise PluginError(str(error)) from None
        finally:
            self._stop()
        for item in made:
            target = Path(config.site_dir) / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.content if isinstance(item.content, bytes) else item.content.encode())

    def on_build_error(self, *, error: Exception) -> None:
        self._stop()

    def _stop(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = None
        self.pending = None

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.root))
        return server
