"""The link check on hand-written output folders: what resolves, what is dead and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from strata.links import check_output

PAGE = '<!doctype html><html lang="en"><head><title>t</title>{head}</head><body>\n{body}\n</body></html>\n'


def site(folder: Path, pages: dict[str, str], files: tuple[str, ...] = ()) -> Path:
    for relative, body in pages.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(head="", body=body), encoding="utf-8")
    for relative in files:
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(b"x")
    return folder


def dead(report) -> list[tuple[str, int, str]]:
    return sorted((d.page, d.line, d.url) for d in report.dead)


def test_links_files_and_fragments_that_resolve(tmp_path):
    report = check_output(site(tmp_path, {
        "index.html": '<a href="topics/a/one.html#s%C3%A9">1</a> <a href="#top">top</a><p id="top">',
        "topics/a/one.html": '<h2 id="sé">S</h2><a href="../b/two.html#x">2</a> <a href="">self</a>'
                             '<img src="img/p%20q.png" alt="p" srcset="img/p%20q.png 1x, big.png 2x">',
        "topics/b/two.html": '<p id="x"><a href="../../index.html">home</a> <a href="https://e.org">out</a> '
                             '<a href="mailto:a@e.org">m</a> <a href="tel:+1">t</a> <a href="../a/">folder</a></p>'
                             '<a href="../a/one.html?q=1#sé">q</a>',
        "topics/a/index.html": "",
    }, files=("topics/a/img/p q.png", "topics/a/big.png")))
    assert dead(report) == []
    assert (report.links, report.fragments) == (13, 4)
    assert set(report.images) == {"topics/a/img/p q.png", "topics/a/big.png"}


def test_dead_files_and_fragments_with_their_page_and_line(tmp_path):
    report = check_output(site(tmp_path, {
        "index.html": '<a href="missing.html">1</a>\n<a href="b.html#nowhere">2</a>\n<a href="#nor-here">3</a>',
        "b.html": '<img alt="x" src="gone.png"><a href="../outside.html">4</a>',
    }))
    assert dead(report) == [("b.html", 2, "../outside.html"), ("b.html", 2, "gone.png"),
                            ("index.html", 2, "missing.html"), ("index.html", 3, "b.html#nowhere"),
                            ("index.html", 4, "#nor-here")]
    reasons = {d.url: d.reason for d in report.dead}
    assert reasons["missing.html"] == "there is no file missing.html in the site"
    assert reasons["b.html#nowhere"] == "there is no element with id 'nowhere' in b.html"
    assert reasons["../outside.html"] == "it points outside the site"


def test_a_page_a_translation_lacks_is_offered_in_the_sites_language(tmp_path):
    report = check_output(site(tmp_path, {
        "es/topics/demo/fundamentals.html": '<a href="intermediate.html#x">1</a>',
        "topics/demo/intermediate.html": '<h2 id="x">X</h2>',
    }))
    assert [d.reason for d in report.dead] == [
        "there is no file es/topics/demo/intermediate.html in the site; topics/demo/intermediate.html exists: "
        "if you mean that page (not translated into this language), link to ../../../topics/demo/intermediate.html"]


def test_a_missing_fragment_names_the_nearest_id_of_its_page(tmp_path):
    """A heading renamed, made longer or shorter, or an id guessed from its words: the reason offers the target
    page's nearest id, and none when no id is near."""
    report = check_output(site(tmp_path, {
        "index.html": '<a href="b.html#how-uv-works">1</a> <a href="#contens">2</a> <a href="#zzz">3</a>'
                      '<a href="b.html#risks">4</a> <a href="b.html#sun-cream-and-when-to-put-it-on-again">5</a>'
                      '<h2 id="contents">Contents</h2>',
        "b.html": '<h2 id="how-ultraviolet-light-works">How ultraviolet light works</h2><p id="term-uva">UVA</p>'
                  '<h2 id="risks-of-sunburn-in-children-and-in-adults">Risks</h2><h2 id="sun-cream">Sun cream</h2>',
    }))
    reasons = {d.url: d.reason for d in report.dead}
    assert reasons == {
        "b.html#how-uv-works": "there is no element with id 'how-uv-works' in b.html; "
                               "did you mean '#how-ultraviolet-light-works'?",
        "#contens": "there is no element with id 'contens' in index.html; did you mean '#contents'?",
        "#zzz": "there is no element with id 'zzz' in index.html",
        "b.html#risks": "there is no element with id 'risks' in b.html; "
                        "did you mean '#risks-of-sunburn-in-children-and-in-adults'?",
        "b.html#sun-cream-and-when-to-put-it-on-again": "there is no element with id "
            "'sun-cream-and-when-to-put-it-on-again' in b.html; did you mean '#sun-cream'?",
    }


@pytest.mark.parametrize(("url", "reason"), [
    ("javascript:alert(1)", "a 'javascript:' link"),
    (" JAVA\tSCRIPT:alert(1)", "a 'javascript:' link"),
    ("data:text/html,x", "a 'data:' link"),
    ("ftp://example.org/f", "a 'ftp:' link"),
    ("//example.org/x.css", "without its scheme"),
    ("/theme/x.css", "starts at the server's root"),
])
def test_only_the_web_mail_and_phone_may_leave_the_site(tmp_path, url, reason):
    report = check_output(site(tmp_path, {"index.html": f'<link rel="stylesheet" href="{url}">'}))
    assert len(report.dead) == 1
    assert reason in report.dead[0].reason


def test_a_folder_link_works_on_the_web_but_not_offline(tmp_path):
    folder = site(tmp_path, {"index.html": '<a href="topics/a/">a</a>', "topics/a/index.html": ""})
    assert check_output(folder).dead == []
    (problem,) = check_output(folder, offline=True).dead
    assert "link to topics/a/index.html instead" in problem.reason


def test_links_under_the_public_address_are_internal(tmp_path):
    folder = site(tmp_path, {"index.html": '<link rel="canonical" href="https://learn.example.org/">'
                                           '<a href="https://learn.example.org/b.html#x">b</a>'
                                           '<a href="https://learn.example.org/c.html">c</a>',
                             "b.html": '<p id="x">'})
    assert dead(check_output(folder, "https://learn.example.org")) == [
        ("index.html", 2, "https://learn.example.org/c.html")]
    assert dead(check_output(folder)) == []  # without a public address they are ordinary web links


def test_a_remembered_check_parses_again_only_the_pages_a_change_of_files_affects(tmp_path, monkeypatch):
    """With a memory (``pelican -r``), files arriving (a rebuild's new search shards) leave the unchanged pages'
    findings as they were, except a page's dead link, which a new file may mend; a file removed is checked
    again on the pages that link to it. Each report is the one a check without memory gives."""
    from strata import links

    output = site(tmp_path, {"a.html": '<a href="b.html">b</a>', "b.html": '<a href="gone.png">x</a>',
                             "c.html": '<a href="later.html">not yet</a>', "d.html": "no links"},
                  files=("gone.png",))
    parsed, real_page = [], links._Check.page

    def counting(self, page, *rest):
        parsed.append(page)
        return real_page(self, page, *rest)

    monkeypatch.setattr(links._Check, "page", counting)
    memory = links.LinkMemory()
    assert dead(check_output(str(output), memory=memory)) == [("c.html", 2, "later.html")]
    assert sorted(parsed) == ["a.html", "b.html", "c.html", "d.html"]

    parsed.clear()
    (output / "search-shard.js").write_text("x", encoding="utf-8")
    report = check_output(str(output), memory=memory)
    assert parsed == ["c.html"], "only the page with a dead link"
    assert report == check_output(str(output))

    parsed.clear()
    (output / "gone.png").unlink()
    (output / "later.html").write_text(PAGE.format(head="", body="now here"), encoding="utf-8")
    report = check_output(str(output), memory=memory)
    assert sorted(parsed) == ["b.html", "c.html", "later.html"]
    assert dead(report) == [("b.html", 2, "gone.png")]
    assert report == check_output(str(output))
