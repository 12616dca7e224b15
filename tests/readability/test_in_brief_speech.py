"""What a screen reader says on a tier with an "In brief" summary: after the title and its reading facts, the
summary comes first, as a level-2 heading and a list of plain statements (the virtual screen reader of
``tests/support/speech.py``)."""

from __future__ import annotations

import pytest

from tests.readability.test_in_brief_site import FILES
from tests.support.browser import serve
from tests.support.site import build_tiny_site
from tests.support.speech import ScreenReader, ensure_screen_reader

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def tier_url(tmp_path_factory):
    result = build_tiny_site(tmp_path_factory.mktemp("brief-speech"), FILES)
    assert result.returncode == 0, result.stderr
    with serve(result.output) as url:
        yield f"{url}/topics/demo/fundamentals.html"


def test_the_summary_is_the_first_thing_after_the_title(page, tier_url):
    ensure_screen_reader()
    page.set_viewport_size({"width": 1280, "height": 900})
    reader = ScreenReader(page)
    reader.open(tier_url)
    headings = reader.walk("moveToNextHeading")
    title = next(i for i, said in enumerate(headings) if said.endswith("level 1"))
    assert headings[title + 1] == "heading, In brief, level 2"
    reader.start()
    heard = reader.read_until("heading, In brief, level 2")
    title_end = heard.index(next(said for said in heard if said.startswith("end of heading") and "level 1" in said))
    facts = [said for said in heard[title_end + 1:-1]
             if said not in ("term", "end of term", "definition", "end of definition")]
    assert facts[:3] == ["Reading time:", "about 1 minute", "Reading level:"]
    assert len(facts) == 4
    assert "SMOG grade" in facts[3]
    assert [reader.next()[0] for _ in range(8)] == [
        "list", "listitem, level 1, position 1, set size 2", "Your brain tells your testes to make testosterone.",
        "end of listitem, level 1, position 1, set size 2", "listitem, level 1, position 2, set size 2",
        "When you take it as a drug, your testes make less of their own.",
        "end of listitem, level 1, position 2, set size 2", "end of list"]
