"""Compiled templates shared by the Jinja environments of one Pelican process (strata.bytecode)."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader, pass_context

from strata.bytecode import share_compiled_templates


def environment(folder, **options) -> Environment:
    return Environment(loader=FileSystemLoader(str(folder)), **options)


def test_environments_alike_share_code_an_edit_or_another_configuration_compiles_anew(tmp_path):
    template = tmp_path / "page.html"
    template.write_text("{% if x %}  yes{% endif %}|{{ x|shout }}\n", encoding="utf-8")
    settings: dict = {}
    first, second = environment(tmp_path, trim_blocks=True), environment(tmp_path, trim_blocks=True)
    for env in (first, second):
        env.filters["shout"] = str.upper
        share_compiled_templates(env, settings)
    assert first.get_template("page.html").render(x="a") == "  yes|A"
    cache = settings["STRATA_COMPILED_TEMPLATES"]
    assert len(cache.codes) == 1
    assert second.get_template("page.html").render(x="b") == "  yes|B"
    assert len(cache.codes) == 1, "the second environment used the first one's code"

    template.write_text("edited {{ x }}\n", encoding="utf-8")
    third = environment(tmp_path, trim_blocks=True)
    third.filters["shout"] = str.upper
    share_compiled_templates(third, settings)
    assert third.get_template("page.html").render(x="c") == "edited c"

    template.write_text("{{ x|shout }}", encoding="utf-8")
    plain = environment(tmp_path, trim_blocks=True)
    plain.filters["shout"] = str.upper
    share_compiled_templates(plain, settings)
    assert plain.get_template("page.html").render(x="d") == "D"
    passing = environment(tmp_path, trim_blocks=True)
    passing.filters["shout"] = pass_context(lambda context, value: f"{value}!{context['x']}")
    share_compiled_templates(passing, settings)
    assert passing.get_template("page.html").render(x="d") == "d!d", "a filter passed its context: compiled anew"
    assert len(cache.codes) == 4
