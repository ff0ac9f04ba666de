"""The MkDocs plugin ``playbook``: a thin adapter that adds the pages of :mod:`generator.site` to a build.

It loads and checks the playbooks folder once per build (a problem fails the build with the validator's own
message), adds every generated page and download in memory with ``File.generated``, builds the navigation
when ``mkdocs.yml`` gives none, and makes ``mkdocs serve`` rebuild when a playbook file changes.
Nothing here decides what a page says; :mod:`generator.site` does, without importing MkDocs.
"""

from __future__ import annotations

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


class PlaybookPluginConfig(Config):
    playbooks = config_options.Type(str, default="playbooks")
    """The playbooks folder, relative to ``mkdocs.yml``."""
    language = config_options.Type(str, default=site.DEFAULT_LANGUAGE)
    downloads = config_options.Type(bool, default=True)
    """Build the PDF, Word and text downloads (turn off for a faster preview)."""


class PlaybookPlugin(BasePlugin[PlaybookPluginConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.root = Path("playbooks")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.root = Path(config.config_file_path).parent / self.config.playbooks
        try:
            self.catalog = load_catalog(self.root)
        except UserError as error:
            raise PluginError(str(error)) from None
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        assert self.catalog is not None
        try:
            generated = site.build_site(self.catalog, self.config.language, with_downloads=self.config.downloads)
        except UserError as error:
            raise PluginError(str(error)) from None
        for item in generated:
            existing = files.get_file_from_path(item.path)
            if existing is not None:
                raise PluginError(f"{config.docs_dir}/{item.path}: this page is generated from the playbooks; "
                                  "remove the hand-written file or rename it")
            files.append(File.generated(config, item.path, content=item.content))
        if not config.nav:
            pages = [f.src_uri for f in files.documentation_pages() if not f.generated_by]
            config.nav = site.navigation(self.catalog, self.config.language, pages)
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.root))
        return server
