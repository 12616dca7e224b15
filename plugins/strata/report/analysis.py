"""The readability report's model: per topic and tier, the grades against the target and what makes it hard.

:func:`analyse` turns a measured :class:`~strata.report.content.Site` into a
:class:`Report`: each tier's sentences placed at their source lines, the hardest
ones and the long ones, its "In brief" summary, its rare words and the ladder of
each topic (every tier easier than the next one up). Missed targets are
:class:`Finding` objects, which the command prints as warnings (errors with ``--strict``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import SOURCE_ENCODING, display_path, line_of
from ..levels import tier_prose
from ..markdown.in_brief import START_IN_SOURCE, comparable
from ..readability import Grades, Sentence, sentence, split_sentences
from ..topics import metadata_line
from .jargon import RareWord, rare_words
from .lines import SourceLines

HARDEST = 10
LONG_SENTENCE_WORDS = 25


@dataclass(frozen=True)
class LocatedSentence:
    """A sentence of a tier, at its line in the tier's source."""

    sentence: Sentence
    path: str
    line: int

    @property
    def grades(self) -> Grades:
        return self.sentence.grades

    @property
    def where(self) -> str:
        return f"{display_path(self.path)}:{self.line}"

    @property
    def why(self) -> str:
        """What makes the sentence hard, in words: its length and its words of 3+ syllables."""
        long_words = self.sentence.long_words
        listed = f": {', '.join(dict.fromkeys(long_words))}" if long_words else ""
        plural = "s" if len(long_words) != 1 else ""
        return f"{self.sentence.words} words; {len(long_words)} word{plural} of 3+ syllables{listed}"


@dataclass(frozen=True)
class Traced:
    """An "In brief" statement and the sentence of the tier it restates (None: not found)."""

    text: str
    quote: str
    restated: LocatedSentence | None


@dataclass(frozen=True)
class BriefReport:
    statements: tuple[Traced, ...]
    grades: Grades
    target: float
    line: int

    @property
    def within_target(self) -> bool:
        return self.grades.within(self.target)


@dataclass(frozen=True)
class TierReport:
    topic_title: str
    label: str
    path: str
    grades: Grades
    target: float | None
    sentences: tuple[LocatedSentence, ...]
    rare: tuple[RareWord, ...]
    brief: BriefReport | None
    is_first: bool  # the plainest tier: its undefined rare words are listed as glossary candidates

    @property
    def within_target(self) -> bool:
        return self.grades.within(self.target)

    @property
    def source(self) -> str:
        return display_path(self.path)

    @property
    def hardest(self) -> list[LocatedSentence]:
        ranked = sorted(self.sentences, key=lambda s: (-s.grades.level, s.line))
        return ranked[:HARDEST]

    @property
    def long(self) -> list[LocatedSentence]:
        return [s for s in self.sentences if s.sentence.words > LONG_SENTENCE_WORDS]

    @property
    def jargon(self) -> list[RareWord]:
        return [w for w in self.rare if not w.defined]

    @property
    def coverage(self) -> tuple[int, int]:
        """Rare words defined in the glossary, and all rare words (distinct)."""
        return sum(w.defined for w in self.rare), len(self.rare)


@dataclass(frozen=True)
class Step:
    """Two neighbouring tiers: ``lower`` must read easier than ``upper`` on both measures."""

    lower: TierReport
    upper: TierReport

    @property
    def not_easier(self) -> list[str]:
        names = {"smog": "SMOG", "fk": "Flesch–Kincaid"}
        return [name for key, name in names.items()
                if getattr(self.lower.grades, key) >= getattr(self.upper.grades, key)]


@dataclass(frozen=True)
class TopicReport:
    title: str
    slug: str
    tiers: tuple[TierReport, ...]

    @property
    def ladder(self) -> list[Step]:
        return [Step(a, b) for a, b in zip(self.tiers, self.tiers[1:], strict=False)]


@dataclass(frozen=True)
class Finding:
    """A missed target (``strict``: an error with ``--strict``) or a ladder out of order (always a warning)."""

    path: str
    line: int
    message: str
    strict: bool

    @property
    def where(self) -> str:
        return f"{display_path(self.path)}:{self.line}"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Report:
    topics: list[TopicReport]
    targets: dict[str, float | None]
    labels: dict[str, str]
    brief_target: float
    findings: list[Finding] = field(default_factory=list)


def _located(page, source: str) -> list[tuple[Sentence, list[int | None]]]:
    lines = SourceLines(source)
    found = []
    for block in tier_prose(page):
        for text in split_sentences(block):
            found.append((sentence(text), lines.locate(text)))
    return found


def _brief(tier, sentences: list[LocatedSentence], source: str) -> BriefReport | None:
    in_brief, summary = getattr(tier.page, "in_brief", None), tier.in_brief
    if in_brief is None or summary is None:
        return None
    traced = []
    for statement, text in zip(in_brief.statements, summary.texts, strict=True):
        quote = comparable(statement.quote)
        restated = next((s for s in sentences if quote in comparable(s.sentence.text)), None)
        traced.append(Traced(text, statement.quote, restated))
    return BriefReport(tuple(traced), summary.grades, summary.target, line_of(source, START_IN_SOURCE) or 1)


def tier_report(topic, tier, first: bool, matcher, rare_zipf: float) -> TierReport:
    page = tier.page
    with open(page.source_path, encoding=SOURCE_ENCODING) as handle:
        source = handle.read()
    located = _located(page, source)
    sentences = tuple(LocatedSentence(s, page.source_path, next((n for n in lines if n), 1))
                      for s, lines in located)
    rare = rare_words(((s.text, lines) for s, lines in located), matcher, rare_zipf)
    return TierReport(topic.title, tier.spec.label, page.source_path, tier.stats.grades, tier.stats.target,
                      sentences, tuple(rare), _brief(tier, list(sentences), source), first)


def _findings(topic: TopicReport) -> list[Finding]:
    found = []
    for tier in topic.tiers:
        if not tier.within_target:
            found.append(Finding(tier.path, metadata_line(tier.path, "tier"),
                                 f"{tier.label} of {topic.title!r} reads at {_grades(tier.grades)}, above its "
                                 f"target of grade {tier.target:g}; make the hardest sentences below plainer",
                                 True))
        if tier.brief and not tier.brief.within_target:
            found.append(Finding(tier.path, tier.brief.line,
                                 f"the in-brief summary reads at {_grades(tier.brief.grades)}, above its target "
                                 f"of grade {tier.brief.target:g}; use shorter statements and shorter words", True))
    for step in topic.ladder:
        if step.not_easier:
            found.append(Finding(step.lower.path, metadata_line(step.lower.path, "tier"),
                                 f"{step.lower.label} ({_grades(step.lower.grades)}) is not easier than "
                                 f"{step.upper.label} ({_grades(step.upper.grades)}) on "
                                 f"{' and '.join(step.not_easier)}", False))
    return found


def _grades(grades: Grades) -> str:
    return f"SMOG {grades.smog:.1f}, Flesch–Kincaid {grades.fk:.1f}"


def analyse(site) -> Report:
    """The report for every topic of ``site`` (a :class:`~strata.report.content.Site` without errors)."""
    config = site.config
    report = Report([], dict(config.reading_targets), {t.id: t.label for t in config.tiers}, config.in_brief_target)
    for topic in site.topics:
        matcher = site.glossary.matcher(topic.slug)
        tiers = tuple(tier_report(topic, tier, i == 0, matcher, config.rare_word_zipf)
                      for i, tier in enumerate(topic.tiers))
        topic_report = TopicReport(topic.title, topic.slug, tiers)
        report.topics.append(topic_report)
        report.findings += _findings(topic_report)
    return report
