"""The interface in the reader's language: gettext catalogues, the standard Python way.

Every string of the interface (templates, the scripts' messages, text the plugin writes into pages) is a
message of the theme's catalogues, ``theme/locale/<lang>/LC_MESSAGES/messages.po``, made and updated with
Babel (``invoke i18n-extract``, ``i18n-update``, ``i18n-compile``; ``babel.cfg`` says where the messages
are). The build reads the ``.po`` files and compiles them in memory (no ``.mo`` file is committed or
written), once per file version.

A page's interface language is ``strata_lang`` in its template context (set by the templates from the
page's language), else the build's ``DEFAULT_LANG``. Templates use Jinja's ``i18n`` extension, installed
with "new style" gettext in Pelican's environment (:func:`install`): ``{{ _("Search") }}``,
``{% trans count=n %}…{% pluralize %}…{% endtrans %}``; text that comes from data, such as a tier's label,
goes through the ``translate`` filter (it stays plain text, escaped like any other). Scripts take their
messages from the page: :func:`plural_forms` gives a message's form for each CLDR plural category, which
the script picks with ``Intl.PluralRules``.
"""

from __future__ import annotations

import gettext as gettext_module
import io
import os
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from markupsafe import Markup

from .errors import StrataError

LOCALE_DIR = "locale"
DOMAIN = "messages"
SOURCE_LANG = "en"  # the language the messages are written in (msgid)
SAMPLE_COUNTS = (*range(0, 201), 1000, 1000000)  # numbers tried to find one of each plural category


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it here (it is translated where it is shown)."""
    return message


def locale_path(theme: str) -> str:
    return os.path.join(theme, LOCALE_DIR)


def catalogue_path(theme: str, lang: str) -> str:
    return os.path.join(locale_path(theme), lang, "LC_MESSAGES", f"{DOMAIN}.po")


def languages(theme: str) -> list[str]:
    """The languages the theme has a catalogue for, sorted."""
    try:
        stamp = os.stat(locale_path(theme)).st_mtime_ns
    except OSError:
        return []
    return list(_languages(theme, stamp))


@lru_cache(maxsize=8)
def _languages(theme: str, stamp: int) -> tuple[str, ...]:
    """The languages, looked up once per version of the locale folder (every page asks for its catalogue)."""
    folder = locale_path(theme)
    return tuple(sorted(name for name in os.listdir(folder) if os.path.isfile(catalogue_path(theme, name))))


def _candidates(lang: str) -> list[str]:
    """``pt-BR`` → ``pt_BR``, ``pt``: the catalogue folders tried for a language, most specific first."""
    parts = lang.replace("-", "_").split("_")
    return ["_".join(parts[:n]) for n in range(len(parts), 0, -1)]


def language_tag(code: str) -> str:
    """``code`` as a BCP 47 language tag, as ``lang`` and ``hreflang`` want it: ``pt_BR``, ``pt_br`` → ``pt-BR``,
    ``zh_hant`` → ``zh-Hant`` (language lower case, script title case, region upper case)."""
    first, *rest = code.replace("_", "-").split("-")
    return "-".join([first.lower(), *(part.title() if len(part) == 4 and part.isalpha()
                                      else part.upper() if len(part) == 2 or part.isdigit() else part.lower()
                                      for part in rest)])


def catalogue_language(theme: str, lang: str) -> str | None:
    """The theme's catalogue that serves ``lang`` (``es-MX`` is served by ``es``), or ``None``."""
    known = languages(theme)
    return next((c for c in _candidates(lang) if c in known), None)


def check_language(theme: str, lang: str, where: str | None = None, line: int | None = None) -> None:
    """Stop the build when the theme has no interface catalogue for ``lang``."""
    if catalogue_language(theme, lang) is None:
        raise StrataError(
            f"the theme has no interface catalogue for language {lang!r} (DEFAULT_LANG or a topic's language); "
            f"use one of: {', '.join(languages(theme)) or '(none)'}, or add one: "
            f".venv/bin/invoke i18n-update --lang {lang} (see AUTHORING.md, 'Translating the interface')", where, line)


@lru_cache(maxsize=32)
def _compiled(path: str, version: float) -> Translations:
    with open(path, "rb") as handle:
        catalogue = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def translations(theme: str, lang: str) -> gettext_module.NullTranslations:
    """The compiled catalogue for ``lang``; the messages themselves (English) when there is none."""
    found = catalogue_language(theme, lang)
    if found is None:
        return gettext_module.NullTranslations()
    path = catalogue_path(theme, found)
    return _compiled(path, os.path.getmtime(path))


def text_direction(lang: str) -> str:
    """``"rtl"`` for a right-to-left language (Arabic, Hebrew, Persian, Urdu…), else ``"ltr"``."""
    try:
        return Locale.parse(lang, sep="-" if "-" in lang else "_").text_direction
    except (ValueError, UnknownLocaleError):
        return "ltr"


def language_name(lang: str) -> str:
    """The language's name in that language ("Español", "العربية"), capitalised as a label."""
    try:
        name = Locale.parse(lang, sep="-" if "-" in lang else "_").get_display_name(lang) or lang
    except (ValueError, UnknownLocaleError):
        return lang
    return name[:1].upper() + name[1:]


def plural_categories(lang: str) -> dict[str, int]:
    """Each CLDR plural category of ``lang`` (``one``, ``other``…) with a number that belongs to it."""
    return dict(_plural_samples(lang))


@lru_cache(maxsize=32)
def _plural_samples(lang: str) -> tuple[tuple[str, int], ...]:
    """Found once per language: every page with a counted message asks (some 200 rule evaluations each)."""
    try:
        locale = Locale.parse(lang, sep="-" if "-" in lang else "_")
    except (ValueError, UnknownLocaleError):
        locale = Locale.parse(SOURCE_LANG)
    samples: dict[str, int] = {}
    for number in SAMPLE_COUNTS:
        samples.setdefault(locale.plural_form(number), number)
    return tuple(samples.items())


def plural_forms(catalogue: gettext_module.NullTranslations, lang: str, singular: str, plural: str) -> dict:
    """``{CLDR category: translated form}`` of a plural message, for a script to pick with Intl.PluralRules."""
    return {category: catalogue.ngettext(singular, plural, number)
            for category, number in plural_categories(lang).items()}


def context_language(context, default: str) -> str:
    return context.get("strata_lang") or default


def new_style(context, text: str, variables: dict) -> str:
    """A translated message as Jinja's new-style gettext returns it: escaped text when the template
    autoescapes, with ``%(name)s`` filled from ``variables`` (and ``%%`` read as ``%``)."""
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables if variables or "%" in text else text


def install(env, settings: dict) -> None:
    """Put the catalogues in a Jinja environment (Pelican's, or a component's alone): ``_``, ``gettext``,
    ``ngettext`` and ``{% trans %}``; the ``translate``, ``in_language`` and ``site_text`` filters;
    ``text_direction`` and ``language_name``; ``site_path``, where a site page is in the page's language;
    ``language_versions``, the page in each of its languages; ``script_message`` and ``plural_forms``, which
    give a script its messages with their placeholders unfilled; ``strata_lang``, which defaults to the
    build's ``DEFAULT_LANG`` (a page in another language is written with its own)."""
    from jinja2 import pass_context

    theme, default = settings["THEME"], settings.get("DEFAULT_LANG") or SOURCE_LANG
    found: dict[str, gettext_module.NullTranslations] = {}  # looked up once per language and environment

    def catalogue(context):
        lang = context_language(context, default)
        if lang not in found:
            found[lang] = translations(theme, lang)
        return found[lang]

    @pass_context
    def gettext(context, message, **variables):
        return new_style(context, catalogue(context).gettext(message), variables)

    @pass_context
    def ngettext(context, singular, plural, number, **variables):
        variables.setdefault("num", number)
        return new_style(context, catalogue(context).ngettext(singular, plural, number), variables)

    @pass_context
    def translate(context, message):
        """A message that comes from data (a tier's label): translated, and still escaped as plain text."""
        text = catalogue(context).gettext(str(message)) if message else message
        return text if not isinstance(message, Markup) else Markup(text)

    @pass_context
    def forms(context, singular, plural):
        return plural_forms(catalogue(context), context_language(context, default), singular, plural)

    @pass_context
    def site_text(context, text, name, original=None, marked=True):
        """Author text written in the site's language (``name``: "tagline", "description", "disclaimer"), on a
        page in another language: the text given for that language in STRATA ``site_texts``, else the text
        as written (unless ``original`` is given and ``text``, its translation, differs), marked with the
        site's ``lang`` (WCAG 3.1.2) as escaped text in a ``<span>`` (``marked=False``: for an attribute)."""
        lang = context_language(context, default)
        if not text or lang == default or (original is not None and str(text) != str(original)):
            return text
        config = context.get("strata_config")
        own = (getattr(config, "site_texts", None) or {}).get(lang, {}).get(name)
        if own or not marked:
            return own or text
        return Markup('<span lang="{}" dir="{}">{}</span>').format(default, text_direction(default), text)

    @pass_context
    def in_language(context, render):
        """``{{ reference.cite|in_language }}``: call ``render(gettext)`` with the page's catalogue."""
        return render(catalogue(context).gettext)

    @pass_context
    def site_path(context, name):
        """Where the site page ``name`` (``glossary.html``) is in the page's language, from the site root."""
        lang = context_language(context, default)
        return name if lang == default else f"{lang}/{name}"

    @pass_context
    def language_versions(context):
        """The page being written in each language it exists in (``strata_alternates``, by output file), as
        ``{lang, name, url}``, the site's language first; none for a page in one language."""
        group = (context.get("strata_alternates") or {}).get(context.get("output_file"))
        return [{"lang": lang, "name": language_name(lang), "url": url} for lang, url in group] if group else []

    @pass_context
    def script_message(context, message):
        """A message for a script to fill in (its ``%(name)s`` placeholders left as they are)."""
        return catalogue(context).gettext(message)

    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # {% trans %} compiles to new-style calls
    # Ours are new-style already: Jinja's wrappers would reach them through three `Context.call`s for `_()`
    # (the alias, the wrapper, the function) and format every message, a third of a quiz's rendering.
    env.globals.update(_=gettext, gettext=gettext, ngettext=ngettext)
    env.filters.update(translate=translate, in_language=in_language, site_text=site_text)
    env.globals.update(strata_lang=default, plural_forms=forms, script_message=script_message, site_path=site_path,
                       language_versions=language_versions,
                       text_direction=text_direction, language_name=language_name)


def catalogue_problems(theme: str, lang: str) -> list[str]:
    """What is wrong with a language's catalogue, as ``path:line: message`` lines: a message without a
    translation (or with a plural form missing), a fuzzy one, or one whose placeholders do not match."""
    path = catalogue_path(theme, lang)
    return [f"{path}:{line}: {message}: {what}; {fix}"
            for line, message, what, fix in _problems(path, lang, os.path.getmtime(path))]


def unfinished_catalogue(theme: str, lang: str) -> StrataError | None:
    """The build's error, at the first problem of the catalogue that serves ``lang``, when any of its messages
    is not ready (:func:`catalogue_problems`): gettext would show it in English on a page declared in ``lang``
    (WCAG 3.1.2), or a placeholder it does not have would stop the page from being written."""
    found = catalogue_language(theme, lang)
    if found is None:
        return None
    path = catalogue_path(theme, found)
    problems = _problems(path, found, os.path.getmtime(path))
    if not problems:
        return None
    line, message, what, _ = problems[0]
    return StrataError(f"{len(problems)} message(s) of the interface in {lang!r} are not ready (the first: {message}, "
                       f"{what}), and its pages would show them in English; translate each "
                       f"(.venv/bin/invoke i18n-compile --lang {found} lists them; see AUTHORING.md, 'Translating "
                       "the interface')", path, line)


@lru_cache(maxsize=32)
def _problems(path: str, lang: str, version: float) -> tuple[tuple[int, str, str, str], ...]:
    """``(line, message, what is wrong, what to do)`` for each message of the catalogue at ``path`` that is not
    ready, read once per version of the file."""
    with open(path, "rb") as handle:
        catalogue = read_po(handle, locale=lang.replace("-", "_"))
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        name = repr(message.id if isinstance(message.id, str) else message.id[0])
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(forms) or (message.pluralizable and len(forms) != catalogue.num_plurals):
            problems.append((message.lineno, name, "not translated" + (
                " (every plural form needs a text)" if message.pluralizable else ""), "translate it"))
        elif message.fuzzy:
            problems.append((message.lineno, name, "marked fuzzy (a guess by i18n-update)",
                             "check it and remove the flag"))
        problems.extend((message.lineno, name, str(error), "use the placeholders of the English message")
                        for error in message.check(catalogue))
    return tuple(problems)
