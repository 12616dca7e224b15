"""A deterministic synthetic Strata corpus: N topics × 3 tiers, a glossary of G terms, 6 quiz questions a tier.

Text is drawn from the source article's sentences (tests/fixtures/source-article.txt),
so pages have realistic length and vocabulary. By default the glossary-term density is
the real site's (13–17 marked terms per tier page): the real glossary's rarer terms
(kept while their expected occurrences per page add up to ``REAL_TERMS_PER_PAGE``) and
invented terms, three of which each tier page mentions. ``dense=True`` is the stress
variant: terms are word pairs taken from the text itself, ~146 marked per tier page.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tests" / "fixtures" / "source-article.txt"
REAL_GLOSSARY = ROOT / "content" / "glossary.yaml"
TIERS = ("fundamentals", "intermediate", "academic")
CAPTION = re.compile(r"symboli[sz]|metaphor|\bembod|\bdepict|\bvisuali[sz]|hormone optimization", re.IGNORECASE)


def source_sentences() -> list[str]:
    text = SOURCE.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()
             if len(line.split()) > 12 and not CAPTION.search(line) and "∞" not in line]
    return [s for line in lines for s in re.split(r"(?<=[.!?])\s+", line) if len(s.split()) >= 6]


def _words(sentences: list[str]) -> list[str]:
    return sorted({w.lower() for s in sentences for w in re.findall(r"[A-Za-z]{5,}", s)})


def glossary_entries(terms: int, rng: random.Random, sentences: list[str]) -> list[dict]:
    """The real glossary, then bigram terms taken from the text (so they occur), some with aliases."""
    entries = yaml.safe_load(REAL_GLOSSARY.read_text(encoding="utf-8"))[:terms]
    used = {n.casefold() for e in entries for n in [e["term"], *e.get("aliases", [])]}
    words = _words(sentences)
    bigrams = sorted({f"{a.lower()} {b.lower()}" for s in sentences
                      for a, b in zip(s.split(), s.split()[1:], strict=False)
                      if a.isalpha() and b.isalpha() and len(a) > 4 and len(b) > 4})
    rng.shuffle(bigrams)
    pairs = [f"{a} {b}" for a in words for b in words if a != b]
    rng.shuffle(pairs)
    candidates = iter(bigrams + pairs)
    while len(entries) < terms:
        term = next(candidates)
        alias = "".join(part[0] for part in term.split()).upper() + str(len(entries))
        if term.casefold() in used or alias.casefold() in used:
            continue
        used |= {term.casefold(), alias.casefold()}
        entry = {"term": term, "definition": " ".join(rng.sample(sentences, 1))}
        if len(entries) % 3 == 0:
            entry["aliases"] = [alias]
        entries.append(entry)
    return entries


REAL_TERMS_PER_PAGE = 12.0
INVENTED_PER_PAGE = 3
SYLLABLES = ("ka", "lo", "ver", "mi", "tan", "sor", "dex", "ri", "no", "pha", "zin", "qua", "bel", "tor", "vi")
ENDINGS = ("ase", "in", "ol", "ide", "one", "ate", "ium", "ar")


def _names(entry: dict) -> list[str]:
    return [entry["term"], *entry.get("aliases", [])]


def realistic_glossary(terms: int, rng: random.Random, sentences: list[str],
                       per_page: int) -> tuple[list[dict], list[str]]:
    """The real glossary's rarer terms, then invented terms (words that occur nowhere unless placed);
    also the invented terms' names."""
    lowered = [s.lower() for s in sentences]

    def expected_per_page(entry) -> float:
        share = sum(any(re.search(rf"\b{re.escape(n.lower())}\b", s) for n in _names(entry)) for s in lowered)
        return 1 - (1 - share / len(lowered)) ** per_page

    real = sorted(yaml.safe_load(REAL_GLOSSARY.read_text(encoding="utf-8")), key=expected_per_page)
    entries, expected = [], 0.0
    for entry in real[:terms]:
        if expected + expected_per_page(entry) > REAL_TERMS_PER_PAGE:
            break
        expected += expected_per_page(entry)
        entries.append(entry)
    used, invented = {n.casefold() for e in entries for n in _names(e)}, []
    while len(entries) < terms:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) + rng.choice(ENDINGS)
        if word.casefold() in used:
            continue
        used.add(word.casefold())
        entries.append({"term": word, "definition": rng.choice(sentences)})
        invented.append(word)
    return entries, invented


def quiz_block(rng: random.Random, heading: str) -> str:
    questions = []
    for number in range(6):
        kind = ("single", "multiple", "true-false")[number % 3]
        if kind == "true-false":
            questions.append({"question": f"Statement {number + 1} about {heading.lower()} is true.",
                              "type": "true-false", "answer": rng.random() < 0.5, "section": heading,
                              "explanation": f"See the section “{heading}”."})
            continue
        correct = {0} if kind == "single" else {0, 2}
        options = [{"text": f"Option {chr(65 + i)} for question {number + 1}",
                    **({"correct": True} if i in correct else {}), "feedback": f"Feedback {chr(65 + i)}."}
                   for i in range(4)]
        questions.append({"question": f"Question {number + 1}: which option is right?", "type": kind,
                          "section": heading, "options": options, "explanation": f"See “{heading}”."})
    return "```quiz\n" + yaml.safe_dump(questions, allow_unicode=True, sort_keys=False) + "```\n"


def tier_page(topic: str, tier: str, rng: random.Random, sentences: list[str], words: int, *,
              mentions: tuple[str, ...] = ()) -> str:
    """A tier page of about ``words`` words; each term of ``mentions`` is named in one paragraph."""
    sections, body, count = [], [], 0
    mentions = list(mentions)
    while count < words:
        heading = " ".join(w.capitalize() for w in rng.sample(_words(sentences[:60]), 4))
        while heading in sections:
            heading += " Again"
        sections.append(heading)
        paragraphs = []
        for _ in range(3):
            paragraph = " ".join(rng.sample(sentences, 3))
            if mentions:
                paragraph += f" This is where {mentions.pop()} comes in."
            count += len(paragraph.split())
            paragraphs.append(paragraph)
        body.append(f"## {heading}\n\n" + "\n\n".join(paragraphs))
        if len(sections) % 3 == 0:
            body.append(f"!!! key-point\n    {rng.choice(sentences)}")
    header = f"Title: {tier.title()}\nTopic: {topic}\nTier: {tier}\nSummary: {rng.choice(sentences)}\n\n"
    return header + "\n\n".join(body) + "\n\n" + quiz_block(rng, sections[0])


def write_corpus(folder: Path, topics: int = 300, terms: int = 1000, *, words: int = 1200, seed: int = 7,
                 dense: bool = False) -> Path:
    """Write the corpus's content folder under ``folder``; return it."""
    rng = random.Random(seed)
    sentences = source_sentences()
    content = folder / "content"
    sentences_per_page = max(1, words // (sum(len(s.split()) for s in sentences) // len(sentences)))
    glossary, invented = ((glossary_entries(terms, rng, sentences), []) if dense
                          else realistic_glossary(terms, rng, sentences, sentences_per_page))
    for number in range(topics):
        slug = f"topic-{number:04d}"
        topic = content / "topics" / slug
        topic.mkdir(parents=True, exist_ok=True)
        (topic / "index.md").write_text(
            f"Title: Topic {number}\nTopic: {slug}\nSummary: {rng.choice(sentences)}\n\n## Reflection\n\n"
            f"{' '.join(rng.sample(sentences, 3))}\n", encoding="utf-8")
        for index, tier in enumerate(TIERS):
            start = (number * len(TIERS) + index) * INVENTED_PER_PAGE
            mentions = tuple(invented[(start + i) % len(invented)] for i in range(INVENTED_PER_PAGE) if invented)
            (topic / f"{tier}.md").write_text(tier_page(slug, tier, rng, sentences, words, mentions=mentions),
                                              encoding="utf-8")
    (content / "glossary.yaml").write_text(yaml.safe_dump(glossary, allow_unicode=True, sort_keys=False),
                                           encoding="utf-8")
    return content
