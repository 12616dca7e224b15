"""Small sites for the readability tests: two topics whose tiers are written within their targets,
and the same sites with a Fundamentals tier written far above its target."""

from __future__ import annotations

PLAIN_FUNDAMENTALS = """\
Your body makes its own testosterone. The brain tells the testes when to make it.

## When treatment stops

When you take testosterone as a drug, the brain sends fewer signals. Then the testes make less.
After you stop, it can take months for the testes to start again. The gonadotropin signal comes back slowly.

- Some men get better fast.
- Others need more time and help from a doctor.
"""

INTERMEDIATE = """\
Testosterone therapy lowers the hormone signals that come from the brain. The pituitary gland
releases less luteinizing hormone, so the testes produce less testosterone and fewer sperm cells.

## Medicines that help

Doctors sometimes prescribe medicines that block estrogen feedback in the brain. These medicines
raise the signals again, and the testes respond by making more testosterone over several months.

| Medicine | Effect |
| --- | --- |
| Clomiphene citrate administration regimen | Counteracts estrogenic negative feedback physiologically |

Table: Medicines compared
"""

ACADEMIC = """\
Exogenous testosterone administration suppresses hypothalamic gonadotropin-releasing hormone pulsatility,
diminishing pituitary luteinizing hormone secretion and consequently intratesticular testosterone concentrations.

## Determinants of recovery

Restoration kinetics demonstrate considerable interindividual variability, attributable to cumulative
exposure duration, supraphysiological dosing, chronological age and pre-existing testicular pathology.
"""

HARD_FUNDAMENTALS = """\
Understanding the body’s intrinsic capacity for self-regulation begins with recognizing the central
command center for male reproductive health, the hypothalamic-pituitary-gonadal axis.

## Physiological adaptation

Consequently, the release of gonadotropin-releasing hormone, luteinizing hormone and follicle-stimulating
hormone diminishes significantly over the following months of continuous treatment, and the testes decrease
in size and function, a phenomenon known as testicular atrophy.
"""

GLOSSARY = """\
- term: testosterone
  definition: The main male sex hormone.
- term: pituitary gland
  definition: A small gland under the brain that sends hormone signals.
"""


def topic(slug: str, title: str, fundamentals: str, *, brief: str = "") -> dict[str, str]:
    """The files of one topic (``fundamentals`` text for its first tier, ``brief`` an in-brief block)."""
    files = {f"topics/{slug}/index.md": f"Title: {title}\nTopic: {slug}\nSummary: About {title}.\n\nWords.\n"}
    for tier, text in (("fundamentals", brief + fundamentals), ("intermediate", INTERMEDIATE),
                       ("academic", ACADEMIC)):
        files[f"topics/{slug}/{tier}.md"] = f"Title: {tier.title()}\nTopic: {slug}\nTier: {tier}\n\n{text}"
    return files


PLAIN_BRIEF = """\
!!! in-brief
    - Your brain tells your testes to make testosterone.
      Restates: "The brain tells the testes when to make it"
    - After you stop, the testes can take months to start again.
      Restates: "it can take months for the testes to start again"

"""


def plain_site() -> dict[str, str]:
    return {"glossary.yaml": GLOSSARY,
            **topic("first-topic", "First topic", PLAIN_FUNDAMENTALS, brief=PLAIN_BRIEF),
            **topic("second-topic", "Second topic", PLAIN_FUNDAMENTALS)}


def hard_site() -> dict[str, str]:
    return {**plain_site(), **topic("second-topic", "Second <b>topic</b>", HARD_FUNDAMENTALS)}
