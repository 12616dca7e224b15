"""Quiz rendering: the view, the quiz component (through Pelican's Jinja environment) without JavaScript, its
place in the page, and the quizzes of the real site."""

from __future__ import annotations

import itertools
import pickle
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from strata.quiz.model import Option, Question, Quiz
from strata.quiz.render import (
    PackedViews,
    Section,
    content_parts,
    find_section,
    quiz_view,
    render_quiz,
    render_view,
)
from tests.support.site import build_tiny_site

TOPIC = "topics/post-trt-testicular-restoration"
TIERS = ["fundamentals", "intermediate", "academic"]

QUIZ = Quiz((
    Question(1, "single", "What does *LH* do?", (
        Option("a", "Makes testosterone", True, "Yes, in the **Leydig** cells."),
        Option("b", "Stores sperm")), "LH reaches the testes.", "Hormones"),
    Question(2, "multiple", "Which are hormones?", (
        Option("a", "LH", True), Option("b", "FSH", True), Option("c", "Bone")), "Both.\n\nSee above."),
    Question(3, "true-false", "TRT raises natural production.", (
        Option("true", "True", False, "No."), Option("false", "False", True)), "Negative feedback."),
))


def rendered(quiz: Quiz = QUIZ, **options) -> BeautifulSoup:
    html = render_quiz(quiz, "quiz-1", [Section("hormones", "Hormones")], storage_key="demo/page/quiz-1/abc",
                       **options)
    return BeautifulSoup(html, "html.parser")


def test_the_form_and_its_heading():
    form = rendered().select_one("form.quiz")
    assert form["id"] == "quiz-1"
    assert form["data-quiz-key"] == "demo/page/quiz-1/abc"
    assert form["aria-labelledby"] == "quiz-1-title"
    assert form.find("h2", id="quiz-1-title").get_text() == "Check your understanding"
    assert form.select_one(".quiz__errors h3").get_text() == "There is a problem"
    assert rendered(heading_level=3).select_one("form > h3").get_text() == "Check your understanding"


def test_each_question_is_a_fieldset_with_legend_and_labelled_native_inputs():
    document = rendered()
    fieldsets = document.select("fieldset.quiz__question")
    assert [f["data-type"] for f in fieldsets] == ["single", "multiple", "true-false"]
    assert [f.legend.get_text(" ", strip=True) for f in fieldsets] == [
        "Question 1 of 3 : What does LH do?", "Question 2 of 3 : Which are hormones?",
        "Question 3 of 3 : TRT raises natural production."]
    assert fieldsets[0].legend.em.get_text() == "LH"
    types = [[i["type"] for i in f.select("input")] for f in fieldsets]
    assert types == [["radio", "radio"], ["checkbox"] * 3, ["radio", "radio"]]
    for fieldset in fieldsets:
        assert {i["name"] for i in fieldset.select("input")} == {fieldset["id"]}
        for input_ in fieldset.select("input"):
            assert document.select_one(f'label[for="{input_["id"]}"]').get_text(strip=True)
        assert document.find(id=fieldset["aria-describedby"]).get_text() in {
            "Choose one answer.", "Choose all that apply.", "Choose true or false."}
    labels = [label.get_text() for label in fieldsets[2].select("label")]
    assert labels == ["True", "False"]
    correct = [i["id"] for i in document.select("input[data-correct]")]
    assert correct == ["quiz-1-q1-a", "quiz-1-q2-a", "quiz-1-q2-b", "quiz-1-q3-false"]


def test_ids_are_unique_and_prefixed_with_the_quiz_id():
    ids = [e["id"] for e in rendered().find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("quiz-1") for i in ids)


def test_without_javascript_each_answer_can_be_revealed():
    document = rendered()
    details = document.select("fieldset > details.quiz__answer")
    assert [d.summary.get_text() for d in details] == [f"Show the answer to question {n}" for n in (1, 2, 3)]
    assert not any(d.has_attr("open") for d in details)
    first = details[0].get_text(" ", strip=True)
    assert "Answer: Makes testosterone" in first
    assert "Makes testosterone (right): Yes, in the Leydig cells." in first
    assert "LH reaches the testes." in first
    assert details[0].select_one(".quiz__review a")["href"] == "#hormones"
    assert details[0].select_one(".quiz__review a").get_text() == "Review: Hormones"
    assert [li.get_text() for li in details[1].select(".quiz__answer-body > ul:not(.quiz__about) li")] == ["LH", "FSH"]
    assert [p.get_text() for p in details[1].select(".quiz__answer-body > p")] == ["Answers:", "Both.", "See above."]
    assert details[1].select_one(".quiz__review") is None
    assert "True (wrong): No." in details[2].get_text(" ", strip=True)


def test_javascript_only_parts_are_hidden_until_the_script_shows_them():
    document = rendered()
    submit = document.select_one(".quiz__actions button[type=submit]")
    assert submit.get_text() == "Check answers"
    assert document.select_one(".quiz__actions").has_attr("hidden")
    buttons = [b.get_text() for b in document.select(".quiz__actions button[type=button]")]
    assert buttons == ["Try again", "Clear my answers"]
    hidden = [".quiz__errors", ".quiz__error", ".quiz__feedback", ".quiz__result", ".quiz__saved"]
    assert all(e.has_attr("hidden") for selector in hidden for e in document.select(selector))
    visible = [e for e in document.select("legend, label, summary, .quiz__hint, .quiz__intro")
               if e.find_parent(attrs={"hidden": True}) or e.has_attr("hidden")]
    assert visible == []
    status = document.select_one(".quiz__score")
    assert (status["role"], status["aria-live"], status.get_text()) == ("status", "polite", "")


def test_error_summary_links_each_question_to_its_first_input():
    document = rendered()
    links = [(li["data-quiz-error-for"], li.a["href"], li.a.get_text()) for li in document.select(".quiz__errors li")]
    assert links == [
        ("quiz-1-q1", "#quiz-1-q1-a", "Choose an answer to question 1"),
        ("quiz-1-q2", "#quiz-1-q2-a", "Choose at least one answer to question 2"),
        ("quiz-1-q3", "#quiz-1-q3-true", "Choose true or false for question 3"),
    ]
    errors = [e.get_text() for e in document.select(".quiz__error")]
    assert errors[0] == "Error: Choose an answer to question 1"
    summary = document.select_one(".quiz__errors")
    assert (summary["role"], summary["tabindex"]) == ("group", "-1")  # focused, so not also an alert


def test_template_output_is_autoescaped():
    quiz = Quiz((Question(1, "single", "Q", (Option("a", "A", True), Option("b", "B")), "E"),),
                title='<script>alert("t")</script>')
    html = str(render_quiz(quiz, "quiz-1", []))
    assert "<script>" not in html
    assert '&lt;script&gt;alert("t")&lt;/script&gt;' in html  # the title is inline Markdown, its HTML escaped


# The real site --------------------------------------------------------------------------------------------------

def tier_page(site, tier: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{TOPIC}/{tier}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("tier", TIERS)
def test_each_tier_ends_with_its_quiz(site, tier):
    document = tier_page(site, tier)
    prose = document.select_one("article.tier .prose")
    last = [e for e in prose.find_all(True, recursive=False) if not e.has_attr("hidden")][-1]
    assert last.name == "form"
    assert "quiz" in last["class"]
    questions = last.select("fieldset.quiz__question")
    assert len(questions) >= 6
    assert set(Counter(q["data-type"] for q in questions)) == {"single", "multiple", "true-false"}
    assert len(document.select("form.quiz")) == 1


@pytest.mark.parametrize("tier", TIERS)
def test_review_links_point_at_a_section_named_in_the_explanation(site, tier):
    document = tier_page(site, tier)
    sections = {h["id"]: h.get_text(" ", strip=True) for h in document.select(".prose > h2[id]")}
    for question in document.select("fieldset.quiz__question"):
        explanation = question.select_one(".quiz__answer-body").get_text(" ", strip=True)
        link = question.select_one(".quiz__review a")
        if link is None:  # questions on the untitled opening text say so
            assert "introduction" in explanation
            continue
        target = link["href"][1:]
        assert target in sections
        assert link.get_text() == f"Review: {sections[target]}"
        assert sections[target] in explanation


def test_academic_quiz_tests_the_mechanisms(site):
    text = tier_page(site, "academic").select_one("form.quiz").get_text(" ", strip=True).lower()
    for mechanism in ("receptor", "aromatase", "primary hypogonadism", "secondary hypogonadism"):
        assert mechanism in text


def test_quiz_heading_keeps_the_heading_order(site):
    for tier in TIERS:
        levels = [int(h.name[1]) for h in tier_page(site, tier).find_all(re.compile(r"^h[1-6]$"))]
        assert [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1] == []
        assert tier_page(site, tier).select_one("form.quiz > h2").get_text() == "Check your understanding"


def test_a_bad_quiz_stops_the_build_with_path_and_line(tmp_path):
    page = ("Title: Fundamentals\nTopic: demo\nTier: fundamentals\n\nText.\n\n## A section\n\n"
            "```quiz\n- question: What?\n  type: single\n  options:\n    - One\n    - Two\n"
            "  explanation: Because.\n```\n")
    result = build_tiny_site(tmp_path, {"topics/demo/fundamentals.md": page})
    assert result.returncode == 1
    assert "topics/demo/fundamentals.md:12: question 1 has no correct option" in result.stderr
    assert not (tmp_path / "output").exists()


def test_an_unknown_section_stops_the_build_with_its_line(tmp_path):
    page = ("Title: Academic\nTopic: demo\nTier: academic\n\n## A section\n\nText.\n\n"
            "```quiz\n- question: What?\n  type: true-false\n  answer: true\n  section: B section\n"
            "  explanation: Because.\n```\n")
    result = build_tiny_site(tmp_path, {"topics/demo/academic.md": page})
    assert result.returncode == 1
    assert ("topics/demo/academic.md:13: question 1 names section 'B section', which is not a '##' heading "
            "of this page; use one of: 'A section'") in result.stderr


@pytest.mark.parametrize(("written", "shown"), [
    ("Dressings -- types...", "Dressings – types…"), ("Before --- after", "Before — after"),
    ('The "open" wound', "The “open” wound"), ("Don't 'pick' it", "Don’t ‘pick’ it"),
    ("Dressings – types…", "Dressings – types…")])
def test_a_section_name_matches_its_heading_after_smartys_substitutions(written, shown):
    question = Question(1, "true-false", "Q?", (Option("true", "True", True), Option("false", "False")), "E.",
                        written)
    assert find_section(question, [Section("other", "Other"), Section("it", shown)]) == Section("it", shown)


def test_a_section_written_with_dashes_links_to_its_heading(tmp_path):
    page = ("Title: Academic\nTopic: demo\nTier: academic\n\n## Dressings -- types...\n\nText.\n\n"
            "```quiz\n- question: What?\n  type: true-false\n  answer: true\n  section: Dressings -- types...\n"
            "  explanation: Because.\n```\n")
    result = build_tiny_site(tmp_path, {"topics/demo/academic.md": page})
    assert result.returncode == 0, result.stderr
    review = BeautifulSoup((result.output / "topics/demo/academic.html").read_text(encoding="utf-8"),
                           "html.parser").select_one("form.quiz a[href^='#']:not([href^='#quiz'])")
    assert review["href"] == "#dressings-types"
    assert review.get_text() == "Review: Dressings – types…"


def test_the_view_knows_every_id_the_component_gives():
    view = quiz_view(QUIZ, "quiz-1", [Section("hormones", "Hormones")])
    document = BeautifulSoup(render_view(view), "html.parser")
    assert {e["id"] for e in document.find_all(id=True)} == view.element_ids()


def test_packed_views_give_back_the_same_views_and_pickle_as_the_content_cache_does():
    views = [quiz_view(QUIZ, quiz_id, [Section("hormones", "Hormones")]) for quiz_id in ("quiz-1", "quiz-2")]
    packed = PackedViews(views)
    assert (len(packed), list(packed), packed[1], packed[-1].id) == (2, views, views[1], "quiz-2")
    assert pickle.loads(pickle.dumps(packed)) == packed
    assert [view and view.id for _, view in content_parts(views[0].marker + views[1].marker, packed)] == [
        "quiz-1", "quiz-2", None]
    assert not PackedViews()
    assert list(PackedViews()) == []
    assert PackedViews() != PackedViews(views)


def test_a_page_template_renders_each_quiz_at_its_marker():
    first, second = (quiz_view(QUIZ, quiz_id, [Section("hormones", "Hormones")]) for quiz_id in ("quiz-1", "quiz-2"))
    content = f"<p>Before.</p>{first.marker}<p>Between.</p>{second.marker}<p>After.</p>"
    parts = content_parts(content, [first, second])
    assert [(str(html), view and view.id) for html, view in parts] == [
        ("<p>Before.</p>", "quiz-1"), ("<p>Between.</p>", "quiz-2"), ("<p>After.</p>", None)]
    assert content_parts("<p>No quiz.</p>", ()) == [("<p>No quiz.</p>", None)]
    with pytest.raises(ValueError, match="no place for quiz 'quiz-2'"):
        content_parts(f"<p>Before.</p>{first.marker}", [first, second])
