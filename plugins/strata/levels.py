"""Measure each tier against its reading target, and check and measure its "In brief" summary.

Runs once per build, after the pages are split into sections: each tier gets
``tier.stats`` (reading time, SMOG and Flesch–Kincaid grades of its prose, its
target) and, when the author wrote one, ``tier.in_brief`` (the statements as safe
HTML, their grades and target). A statement whose quote is not a sentence of the
tier's prose is an error at the line of its ``Restates:``. The summary also
becomes the page's first section (``#in-brief``), so that search finds it.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .errors import SOURCE_ENCODING, ErrorLog, StrataError, line_of
from .i18n import N_
from .markdown.in_brief import ANCHOR as IN_BRIEF_ANCHOR
from .markdown.in_brief import START_IN_SOURCE, InBrief, untraced
from .markdown.safe import render_inline
from .pagetext import Section, plain_text
from .prose import prose_and_rest
from .readability import WORD, Grades, measure, reading_stats, sentences, split_sentences
from .topics import text_line

IN_BRIEF_TITLE = N_("In brief")


@dataclass(frozen=True)
class BriefSummary:
    """An "In brief" block ready to show: its statements as safe inline HTML, their grades and target."""

    items: tuple[Markup, ...]
    texts: tuple[str, ...]
    grades: Grades
    target: float

    @property
    def within_target(self) -> bool:
        return self.grades.within(self.target)


def tier_prose(page) -> list[str]:
    """The prose lines of a tier page (its summary left out)."""
    return tier_text(page)[0]


def tier_text(page) -> tuple[list[str], list[str]]:
    """The prose lines of a tier page (its summary left out), and the rest of its text (the summary too)."""
    return prose_and_rest(page.strata_sections, lambda section: section.anchor != IN_BRIEF_ANCHOR)


def brief_summary(in_brief: InBrief, target: float, lang: str = "en") -> BriefSummary:
    items = tuple(render_inline(s.text) for s in in_brief.statements)
    texts = tuple(plain_text(item) for item in items)
    base = lang.replace("_", "-").split("-")[0]
    return BriefSummary(items, texts, measure(sentences(texts, base), base), target)


def check_traces(in_brief: InBrief, prose: list[str], path: str, errors: ErrorLog) -> None:
    """Record an error for each statement whose quote is not within one sentence of ``prose``."""
    tier_sentences = [text for line in prose for text in split_sentences(line)]
    for statement in untraced(in_brief, tier_sentences):
        errors.add(StrataError(
            f"this in-brief statement restates \"{statement.quote}\", which is not in any sentence of this "
            "tier; quote words of one sentence exactly as the tier writes them", path, statement.line))


def measure_tiers(topics, pages, config, errors: ErrorLog, gettext_for=lambda page: str) -> None:
    """Set ``tier.stats`` and ``tier.in_brief`` on every tier; an in-brief block off a tier page is an error.
    ``gettext_for(page)`` translates into the page's language (the summary's section title)."""
    for topic in topics:
        for tier in topic.tiers:
            page = tier.page
            prose, rest = tier_text(page)
            if not any(WORD.search(line) for line in prose):
                errors.add(StrataError("this tier has no text to read (paragraphs, lists or key points; its reading "
                                       "level is measured on them); write it after the header", page.source_path,
                                       text_line(page.source_path)))
            lang = getattr(page, "lang", None) or "en"
            tier.stats = reading_stats(prose, rest, config.words_per_minute, config.reading_targets[tier.spec.id], lang)
            in_brief = getattr(page, "in_brief", None)
            if in_brief is not None:
                check_traces(in_brief, prose, page.source_path, errors)
                tier.in_brief = brief_summary(in_brief, config.in_brief_target, lang)
                body = tuple(s for s in page.strata_sections if s.anchor != IN_BRIEF_ANCHOR)  # once, on any run
                title = gettext_for(page)(IN_BRIEF_TITLE)
                page.strata_sections = (Section(IN_BRIEF_ANCHOR, title, tier.in_brief.texts), *body)
    for page in pages:  # (a tier page whose topic is incomplete has its own error, and is no tier here)
        if getattr(page, "in_brief", None) is not None and not getattr(page, "tier", None):
            errors.add(StrataError("an in-brief block belongs to a tier page (one with 'Topic:' and 'Tier:'); "
                                   "move it to a tier or remove it", page.source_path, _in_brief_line(page)))


def _in_brief_line(page) -> int | None:
    try:
        with open(page.source_path, encoding=SOURCE_ENCODING) as handle:
            return line_of(handle.read(), START_IN_SOURCE)
    except (OSError, UnicodeDecodeError):
        return None
