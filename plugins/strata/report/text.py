"""The readability report at the terminal: short lines, locations first, one block per tier."""

from __future__ import annotations

from .analysis import Report, TierReport

SHOWN_LINES = 8  # line numbers listed for one rare word or for the long sentences
EXCERPT = 70


def _grades(grades) -> str:
    return f"SMOG {grades.smog:4.1f}  FK {grades.fk:4.1f}"


def _target(target) -> str:
    return f"target ≤ {target:g}" if target is not None else "no target"


def _verdict(within: bool, target) -> str:
    if target is None:
        return ""
    return "  ok" if within else "  ABOVE TARGET"


def _lines(numbers, limit: int = SHOWN_LINES) -> str:
    shown = ", ".join(map(str, numbers[:limit]))
    return shown + (f", … ({len(numbers) - limit} more)" if len(numbers) > limit else "")


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[:EXCERPT - 1].rstrip() + "…"


def tier_lines(tier: TierReport) -> list[str]:
    out = [f"  {tier.label}: {_grades(tier.grades)}  {_target(tier.target)}{_verdict(tier.within_target, tier.target)}"]
    if tier.brief:
        traced = sum(1 for s in tier.brief.statements if s.restated)
        out.append(f"    In brief: {_grades(tier.brief.grades)}  {_target(tier.brief.target)}"
                   f"{_verdict(tier.brief.within_target, tier.brief.target)}"
                   f"  ({traced} of {len(tier.brief.statements)} statements traced)")
    out.append(f"    Hardest sentences ({len(tier.hardest)} of {len(tier.sentences)}):")
    for s in tier.hardest:
        out.append(f"      {s.where}  grade {s.grades.level:.1f}  {s.why}")
        out.append(f"        “{_excerpt(s.sentence.text)}”")
    long = tier.long
    if long:
        out.append(f"    Over 25 words: {len(long)} sentences, at lines {_lines([s.line for s in long], 20)}")
    defined, total = tier.coverage
    if tier.is_first:
        jargon = tier.jargon
        out.append(f"    Rare words without a glossary entry ({len(jargon)}){':' if jargon else ': none'}")
        for word in jargon:
            out.append(f"      {word.word} ×{word.count} (line{'s' if len(word.lines) != 1 else ''} "
                       f"{_lines(list(word.lines))})")
    share = f" ({100 * defined // total}%)" if total else ""
    out.append(f"    Glossary coverage: {defined} of {total} rare words defined{share}")
    return out


def render_text(report: Report, strict: bool) -> str:
    """The report as plain text, then the findings as ``path:line: warning|error: …`` lines."""
    targets = ", ".join(f"{report.labels[t]} {_target(g)}" for t, g in report.targets.items())
    out = [f"Reading report — targets: {targets}; In brief {_target(report.brief_target)} "
           "(SMOG and Flesch–Kincaid grades, prose only)"]
    for topic in report.topics:
        out += ["", f"{topic.title} ({topic.slug})"]
        ladder = " < ".join(f"{t.label} {t.grades.level:.1f}" for t in topic.tiers)
        broken = [step for step in topic.ladder if step.not_easier]
        out.append(f"  Ladder: {ladder}" + ("  NOT IN ORDER" if broken else "  ok"))
        for tier in topic.tiers:
            out += tier_lines(tier)
    if report.findings:
        out.append("")
    for finding in report.findings:
        kind = "error" if strict and finding.strict else "warning"
        out.append(f"{finding.where}: {kind}: {finding.message}")
    return "\n".join(out)
