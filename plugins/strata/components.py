"""The theme's components, and their bundles: one stylesheet and one script per page type.

A component is a folder ``theme/components/<name>/`` (in the manner of GOV.UK Frontend): its Jinja macro
(``<name>.html``, imported as ``{% from "<name>/<name>.html" import … %}``), its CSS and, when it has
behaviour, its JS (every ``*.css`` / ``*.js`` of the folder, in name order), and ``example.yaml`` (named
parameter sets, rendered by ``tests/components``). ``theme/core/`` holds what every page shares: the
design tokens, the base styles and the script loader.

``theme/bundles.yaml`` is the one place that says which components each page type uses. For each page
type the build joins core and those components into ``theme/bundles/<type>.<hash>.css`` and ``.js``
(comments and indentation removed, nothing renamed), so a page requests one stylesheet, one script and
the icon. The hash is of the content, so URLs change only when a bundle does, and a file name (not a
query string) carries it, which works the same on the web and from ``file://``.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import StrataError
from .records import compose_yaml

COMPONENTS = "components"
CORE = "core"
CORE_FILES = {"css": ("tokens.css", "base.css"), "js": ("loader.js",)}
MANIFEST = "bundles.yaml"
MANIFEST_KEYS = ("every-page", "page-types")
KINDS = ("css", "js")
BUNDLES_FOLDER = "bundles"
SETTINGS_KEY = "STRATA_BUNDLES"

CSS_TOKENS = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|((?:\s|/\*.*?\*/)+)""", re.DOTALL)
CSS_TIGHT = "{};,>"  # no white space is needed on either side of these


def components_path(theme: str) -> str:
    """The folder of the theme's components (on the template search path, before the theme's templates)."""
    return os.path.join(theme, COMPONENTS)


def compact_css(text: str) -> str:
    """``text`` without comments, with white space only where it matters (strings are kept whole)."""
    out, position = [], 0
    for match in CSS_TOKENS.finditer(text):
        out.append(text[position:match.start()])
        position = match.end()
        string, _gap = match.groups()
        if string:
            out.append(string)
            continue
        before = next((part[-1] for part in reversed(out) if part), "")
        after = text[position:position + 1]
        if before and after and before not in CSS_TIGHT + ":" and after not in CSS_TIGHT:
            out.append(" ")
    out.append(text[position:])
    return "".join(out)


def compact_js(text: str) -> str:
    """``text`` without its opening comment, whole-line ``//`` comments, indentation and blank lines.

    Lines (and so automatic semicolon insertion) are kept; a component script must not span a string
    over several lines. Already minified files (``*.min.js``) are not given to this function.
    """
    if text.lstrip().startswith("/*"):
        text = text.lstrip()[text.lstrip().index("*/") + 2:]
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


@dataclass(frozen=True)
class Bundle:
    """The CSS or JS of one page type."""

    page_type: str
    kind: str
    text: str

    @property
    def name(self) -> str:
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:10]
        return f"{self.page_type}.{digest}.{self.kind}"


def read_page_types(theme: str) -> dict[str, tuple[str, ...]]:
    """``bundles.yaml``: each page type and its components (every-page ones first); errors at ``path:line``."""
    path = os.path.join(theme, MANIFEST)
    with open(path, encoding="utf-8") as handle:
        root = compose_yaml(handle.read())
    if not isinstance(root, yaml.MappingNode):
        raise StrataError(f"this file maps {' and '.join(MANIFEST_KEYS)} to lists of components", path, 1)
    sections = {key.value: value for key, value in root.value}
    for key, _ in root.value:
        if key.value not in MANIFEST_KEYS:
            raise StrataError(f"unknown key {key.value!r}; use {' and '.join(MANIFEST_KEYS)}", path,
                              key.start_mark.line + 1)
    known = sorted(p.name for p in Path(components_path(theme)).iterdir() if p.is_dir())

    def names(node: yaml.Node, what: str) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode):
            raise StrataError(f"{what} is a list of component names, e.g. [toc, pager]", path,
                              node.start_mark.line + 1)
        found = []
        for item in node.value:
            name = item.value if isinstance(item, yaml.ScalarNode) else ""
            if name not in known:
                raise StrataError(f"{what} names {name!r}, which is not a folder of theme/components/; "
                                  f"the components are: {', '.join(known)}", path, item.start_mark.line + 1)
            found.append(name)
        return tuple(found)

    every = names(sections["every-page"], "every-page") if "every-page" in sections else ()
    types = sections.get("page-types")
    if not isinstance(types, yaml.MappingNode):
        raise StrataError("'page-types' maps each page type to its list of components", path,
                          (types or root).start_mark.line + 1)
    return {key.value: every + names(value, f"page type {key.value!r}") for key, value in types.value}


def _sources(theme: str, components: tuple[str, ...], kind: str) -> list[Path]:
    core = [Path(theme, CORE, name) for name in CORE_FILES[kind]]
    return core + [path for name in components
                   for path in sorted(Path(components_path(theme), name).glob(f"*.{kind}"))]


def _joined(theme: str, files: list[Path], kind: str) -> str:
    parts = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        if not path.name.endswith(f".min.{kind}"):
            text = compact_css(text) if kind == "css" else compact_js(text)
        parts.append(f"/* {path.relative_to(theme).as_posix()} */\n{text}\n")
    return "".join(parts)


def make_bundles(theme: str) -> dict[tuple[str, str], Bundle]:
    """Every page type's stylesheet, and its script when one of its components has behaviour."""
    bundles = {}
    for page_type, components in read_page_types(theme).items():
        for kind in KINDS:
            files = _sources(theme, components, kind)
            if kind == "css" or len(files) > len(CORE_FILES[kind]):
                bundles[page_type, kind] = Bundle(page_type, kind, _joined(theme, files, kind))
    return bundles


class ThemeBundles:
    """The bundles of one theme: made again for each build (:meth:`refresh`), written after the pages.

    :meth:`url` is the ``bundle`` template filter: ``{{ page_type|bundle("css") }}`` →
    ``theme/bundles/tier.<hash>.css``, relative to the site's root; ``None`` for the script of a page type
    whose components have no behaviour (the page then loads no script at all).
    """

    def __init__(self, theme: str, static_dir: str):
        self.theme, self.static_dir = theme, static_dir
        self._bundles: dict[tuple[str, str], Bundle] | None = None

    @property
    def bundles(self) -> dict[tuple[str, str], Bundle]:
        if self._bundles is None:
            self._bundles = make_bundles(self.theme)
        return self._bundles

    def refresh(self) -> None:
        self._bundles = None

    def url(self, page_type: str, kind: str) -> str | None:
        bundle = self.bundles.get((str(page_type), kind))
        if bundle is None and (str(page_type), "css") not in self.bundles:
            types = sorted({t for t, _ in self.bundles})
            raise ValueError(f"page type {page_type!r} is not in {MANIFEST}; set page_type to one of: "
                             + ", ".join(types))
        return f"{self.static_dir}/{BUNDLES_FOLDER}/{bundle.name}" if bundle else None

    def write(self, output_path: str) -> None:
        """Write every bundle into ``<output>/<static dir>/bundles/``, removing bundles of earlier builds."""
        folder = os.path.join(output_path, self.static_dir, BUNDLES_FOLDER)
        os.makedirs(folder, exist_ok=True)
        current = {bundle.name: bundle for bundle in self.bundles.values()}
        for name in os.listdir(folder):
            if name not in current:
                os.remove(os.path.join(folder, name))
        for name, bundle in current.items():
            with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as handle:
                handle.write(bundle.text)


def configure(settings: dict) -> ThemeBundles:
    """Put the components on the template search path, add the ``bundle`` and ``quiz_parts`` filters, and
    turn autoescaping on (the theme relies on it: author text is shown as text)."""
    from .quiz.render import content_parts

    theme = settings["THEME"]
    settings["JINJA_ENVIRONMENT"] = {**settings.get("JINJA_ENVIRONMENT", {}), "autoescape": True}
    overrides = list(settings.get("THEME_TEMPLATES_OVERRIDES", []))
    if components_path(theme) not in overrides:
        settings["THEME_TEMPLATES_OVERRIDES"] = [*overrides, components_path(theme)]
    read_page_types(theme)  # a mistake in bundles.yaml stops the build before any work
    bundles = ThemeBundles(theme, settings["THEME_STATIC_DIR"])
    settings[SETTINGS_KEY] = bundles
    filters = settings.setdefault("JINJA_FILTERS", {})
    filters["bundle"], filters["quiz_parts"] = bundles.url, content_parts
    return bundles


def theme_bundles(settings: dict) -> ThemeBundles | None:
    return settings.get(SETTINGS_KEY)


@lru_cache(maxsize=4)
def jinja_environment(settings_file: str | None = None, theme: str | None = None):
    """Pelican's Jinja environment for ``settings_file`` (Pelican's defaults when ``None``) and ``theme``.

    For rendering a component alone (its examples in tests, a quiz outside a build): the same loader,
    options, filters and template path as a build's pages get.
    """
    import tempfile

    from pelican.generators import Generator
    from pelican.settings import read_settings

    from .i18n import install as install_translations
    from .publishing import make_asset_filter

    settings = read_settings(settings_file, override={"THEME": theme} if theme else None)
    configure(settings)
    settings["JINJA_FILTERS"]["asset"] = make_asset_filter(settings)
    generator = Generator(context={}, settings=settings, path=settings["PATH"], theme=settings["THEME"],
                          output_path=tempfile.gettempdir())
    install_translations(generator.env, settings)
    return generator.env
