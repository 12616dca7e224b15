"""Keyboard on every page of the fixture site: Tab and Shift+Tab, in light, dark and forced colours.

- Reach: Tab reaches every visible tab stop (one per radio group).
- Order: the regions of successive tab stops never go backwards (skip link, site header, page header,
  tier switcher, table of contents, content, quiz, footer), and Shift+Tab visits the same stops in
  reverse, back to the skip link, then leaves the page: nothing traps focus.
- Indicator: every tab stop matches :focus-visible and changes style, and some part of that change (a
  visible outline, a box-shadow, a new background) contrasts at least 3:1 with the colour the same
  pixels have without focus: the background behind the element for an outline or an outer shadow, the
  element's own background for an inset shadow or a background change (WCAG 1.4.11 and 2.4.13).
  Colours come from computed styles, composited through the ancestors' backgrounds.
"""

from __future__ import annotations

import itertools
import re

import pytest

from tests.a11y.contrast import BACKGROUNDS, contrast, flatten, parse

pytestmark = pytest.mark.browser

# Closest match wins, in this order; the rank is the expected order on the page.
REGIONS = [  # (name, selector, rank)
    ("skip link", ".skip-link", 0),
    ("site header", "body > header", 1),
    ("page header", "main .page-header", 2),
    ("tier switcher", ".tier-switcher", 3),
    ("table of contents", ".toc", 4),
    ("quiz", "form.quiz", 6),
    ("footer", ".tier-footer, body > footer", 7),
    ("content", "main", 5),
]
MODES = {"light": {"color_scheme": "light", "forced_colors": "none"},
         "dark": {"color_scheme": "dark", "forced_colors": "none"},
         "forced-colors": {"color_scheme": "light", "forced_colors": "active"}}

# What a tab stop shows (or null for no stop): its region, and its style focused and not (blurred, then focused
# again). window.__strataIds numbers the elements visited.
VISIT = """(el, regions) => { const backgrounds = BACKGROUNDS_FN;
    if (!el || el === document.body || el === document.documentElement) return null;
    const ids = window.__strataIds || (window.__strataIds = new Map());
    if (!ids.has(el)) ids.set(el, ids.size);
    const key = el.type === 'radio' ? 'radio ' + el.name : 'element ' + ids.get(el);
    const region = regions.find(([, selector]) => el.closest(selector)) || [null, null, -1];
    const style = () => { const s = getComputedStyle(el);
        return {outline: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset], shadow: s.boxShadow,
                own: (backgrounds)(el, false), color: s.color, decoration: s.textDecorationLine}; };
    const focusVisible = el.matches(':focus-visible'), focused = style();
    el.blur();
    const unfocused = style();
    el.focus({preventScroll: true});
    return {key, region: region[0], rank: region[2], focusVisible, focused, unfocused,
            refocused: document.activeElement === el && el.matches(':focus-visible'),
            behind: (backgrounds)(el, true), inTip: !!el.closest('.term-tip'),
            label: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + el.className : '')
                   + ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"'};
}""".replace("BACKGROUNDS_FN", BACKGROUNDS)
# A stop reached from the keyboard; window.__strataOrder keeps the elements in the order they were reached.
STOP = f"""regions => {{ const el = document.activeElement;
    (window.__strataOrder || (window.__strataOrder = [])).push(el);
    return ({VISIT})(el, regions); }}"""
# The first ``count`` stops reached, visited again in order and focused from a script: after keyboard use, focus
# from a script matches :focus-visible too (VISIT checks it), and focusing a term opens its toggletip as Tab does.
REVISIT = f"""([regions, count]) => window.__strataOrder.slice(0, count).map(el => {{
    el.focus({{preventScroll: true}});
    return ({VISIT})(document.activeElement === el ? el : null, regions); }})"""


# Every visible tab stop before any key is pressed (one per radio group, as browsers do); after a walk,
# the ones it never reached (STOP keeps each element it visits in window.__strataIds).
REMEMBER_VISIBLE_STOPS = """() => {
    const radioStop = el => el.type !== 'radio' || el === (el.form.querySelector(
      `input[name="${el.name}"]:checked`) || el.form.querySelector(`input[name="${el.name}"]`));
    window.__strataVisible = [...document.querySelectorAll('a[href], button, input, select, textarea, '
      + 'summary, [tabindex]:not([tabindex="-1"])')].filter(radioStop)
      .filter(el => el.checkVisibility({visibilityProperty: true}));
    return window.__strataVisible.length; }"""
UNREACHED = """() => window.__strataVisible.filter(el => !(window.__strataIds || new Map()).has(el))
    .map(el => el.outerHTML.slice(0, 80))"""


def shadows(value: str) -> list[tuple[str, bool, bool]]:
    """Each box-shadow layer as (colour, inset, visible), from Chromium's computed value."""
    if value == "none":
        return []
    layers = re.split(r",(?![^(]*\))", value)
    result = []
    for layer in layers:
        colour = re.search(r"rgba?\([^)]*\)", layer).group(0)
        lengths = [float(n) for n in re.findall(r"(-?[\d.]+)px", layer)]
        result.append((colour, "inset" in layer, parse(colour)[3] > 0 and any(lengths)))
    return result


def indicator_contrast(stop: dict) -> tuple[float, str]:
    """The best contrast of a part of the focus indicator against the same pixels without focus."""
    focused, unfocused = stop["focused"], stop["unfocused"]
    behind = flatten(stop["behind"])
    own_focused = flatten(focused["own"], behind)
    candidates = [(1.0, "no indicator")]
    style, width, colour, offset = focused["outline"]
    if style not in ("none", "hidden") and float(width[:-2]) >= 1 and parse(colour)[3] > 0:
        against = own_focused if float(offset[:-2]) < 0 else behind
        candidates.append((contrast(over_opaque(colour, against), against), f"outline {colour}"))
    if focused["shadow"] != unfocused["shadow"]:
        for colour, inset, visible in shadows(focused["shadow"]):
            if visible:
                against = own_focused if inset else behind
                candidates.append((contrast(over_opaque(colour, against), against), f"box-shadow {colour}"))
    own_unfocused = flatten(unfocused["own"], behind)
    if own_focused != own_unfocused:
        candidates.append((contrast(own_focused, own_unfocused), f"background {focused['own'][0]}"))
    return max(candidates)


def over_opaque(colour: str, base):
    return flatten([colour], base)


def walk(page, key: str, limit: int, mode: str = "light") -> tuple[list[dict], bool]:
    """Press ``key`` until focus leaves the page, or comes round again to where this walk began (Chromium
    wraps Shift+Tab from the first stop to the last); every stop on the way, and whether it got round.
    Each stop keeps what it showed in ``mode``, the mode the page is shown in (``stop["modes"][mode]``)."""
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        stop = page.evaluate(STOP, REGIONS)
        if stop is None or (stops and stop["key"] == stops[0]["key"]):
            return stops, True
        stops.append({**stop, "modes": {mode: stop}})
    return stops, False


def see_in_modes(page, stops: list[dict], modes) -> list[str]:
    """Show the page in each of ``modes`` and visit the walk's ``stops`` again in order (REVISIT), adding what
    each stop showed to ``stop["modes"]``: one walk, one script per mode. Returns the stops that could not be
    focused again, or turned out a different stop."""
    lost = []
    for mode in modes:
        page.emulate_media(**MODES[mode])
        for stop, seen in zip(stops, page.evaluate(REVISIT, [REGIONS, len(stops)]), strict=True):
            if seen is None or seen["key"] != stop["key"]:
                lost.append(f"{mode}: {stop['label']}")
            else:
                stop["modes"][mode] = seen
    return lost


def indicator_problems(stop: dict) -> list[str]:
    """What is wrong with the focus indicator of ``stop`` in each mode it was seen in (nothing: [])."""
    problems = []
    for mode, seen in stop["modes"].items():
        where = f"{mode}: {seen['label']}"
        if not seen["focusVisible"]:
            problems.append(f"{where} does not match :focus-visible")
        elif not seen["refocused"]:
            problems.append(f"{where} lost :focus-visible when focused again")
        elif seen["focused"] == seen["unfocused"]:
            problems.append(f"{where}: no change of style with focus")
        elif (found := indicator_contrast(seen))[0] < 3:
            problems.append(f"{where}: best {found[1]} at {found[0]:.2f}:1, below 3:1")
    return problems


def describe(stops: list[dict]) -> list[str]:
    return [f"{s['region']}: {s['label']}" for s in stops]


def test_tab_and_shift_tab_walk_the_page_in_order_with_a_visible_indicator(page, fixture_url, page_path):
    """One walk forward and one back, in light mode, check reach and order and the indicator at every stop; then
    the same stops, focused again from a script, are checked in the other modes."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(**MODES["light"])
    page.goto(f"{fixture_url}/{page_path}")
    limit = page.evaluate("() => document.querySelectorAll('a[href], button, input, summary, [tabindex]').length")
    limit = 2 * limit + 10
    assert page.evaluate(REMEMBER_VISIBLE_STOPS) > 3

    forward, left = walk(page, "Tab", limit)
    assert left, f"Tab never got round the page: focus is trapped after {describe(forward[-3:])}"
    assert page.evaluate(UNREACHED) == [], "visible tab stops that Tab never reached"
    assert forward[0]["region"] == "skip link"
    assert [s for s in forward if s["rank"] < 0] == [], "focus reached an element outside every known region"
    ranks = [s["rank"] for s in forward]
    backwards = [(describe([a])[0], describe([b])[0]) for a, b in itertools.pairwise(forward) if b["rank"] < a["rank"]]
    assert backwards == [], "Tab order goes back to an earlier region"
    assert ranks == sorted(ranks)

    backward, left = walk(page, "Shift+Tab", limit)
    assert left, f"Shift+Tab never got round the page: focus is trapped after {describe(backward[-3:])}"
    assert backward, "Shift+Tab reached nothing"
    assert backward[-1]["region"] == "skip link", "Shift+Tab does not walk back to the start"
    assert [s["rank"] for s in backward] == sorted((s["rank"] for s in backward), reverse=True)
    # The same stops in reverse. A toggletip's link is reached only forwards: the toggletip opens when its
    # term gets focus, and the link comes after the term.
    assert [s["key"] for s in backward] == [s["key"] for s in reversed(forward) if not s["inTip"]]

    assert see_in_modes(page, forward, [mode for mode in MODES if mode != "light"]) == []
    assert all(set(stop["modes"]) == set(MODES) for stop in forward)
    assert [problem for stop in forward for problem in indicator_problems(stop)] == []


def test_the_indicator_check_fails_a_weak_indicator(browser, fixture_url):
    """Guard: an indicator that is only a pale outline on white is reported below 3:1."""
    context = browser.new_context(bypass_csp=True)  # to add the weak style below
    page = context.new_page()
    page.emulate_media(color_scheme="light")
    page.goto(f"{fixture_url}/index.html")
    page.add_style_tag(content=".site-nav a:focus-visible { background: none !important;"
                               " box-shadow: none !important; outline: 2px solid rgb(221, 221, 221) !important; }")
    page.keyboard.press("Tab")
    page.locator(".site-nav a").first.focus()
    stop = page.evaluate(STOP, REGIONS)
    context.close()
    assert stop["region"] == "site header"
    assert stop["focused"] != stop["unfocused"]
    ratio, part = indicator_contrast(stop)
    assert part.startswith("outline")
    assert ratio < 3


def test_contrast_arithmetic_matches_known_values():
    white, black = parse("rgb(255, 255, 255)"), parse("rgb(0, 0, 0)")
    assert round(contrast(white, black), 2) == 21.0
    assert round(contrast(parse("rgb(118, 118, 118)"), white), 2) == 4.54
    assert flatten(["rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)"])[:3] == (127.5, 127.5, 127.5)
    assert shadows("rgb(255, 221, 0) 0px -2px 0px 0px, rgb(11, 12, 12) 0px 4px 0px 0px") == [
        ("rgb(255, 221, 0)", False, True), ("rgb(11, 12, 12)", False, True)]
    assert shadows("rgb(11, 12, 12) 0px 0px 0px 2px inset") == [("rgb(11, 12, 12)", True, True)]


def test_the_other_modes_are_checked_at_every_stop(browser, fixture_url):
    """Guard: an indicator that is weak only in dark mode is reported, at each stop it styles, by the walk's
    second look (see_in_modes), while light mode passes."""
    context = browser.new_context(bypass_csp=True)  # to add the weak style below
    page = context.new_page()
    page.emulate_media(**MODES["light"])
    page.goto(f"{fixture_url}/index.html")
    page.add_style_tag(content="@media (prefers-color-scheme: dark) { .site-nav a:focus-visible { background: none"
                               " !important; box-shadow: none !important; outline: 2px solid #222 !important; } }")
    forward, _ = walk(page, "Tab", 100)
    lost = see_in_modes(page, forward, ["dark", "forced-colors"])
    problems = [problem for stop in forward for problem in indicator_problems(stop)]
    nav_links = page.locator(".site-nav a").count()
    context.close()
    assert lost == []
    assert nav_links > 0
    assert len(problems) == nav_links
    assert all(problem.startswith("dark: ") and "below 3:1" in problem for problem in problems)
