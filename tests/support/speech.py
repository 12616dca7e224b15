"""A virtual screen reader in the page under test: what a screen-reader user hears, as phrases.

``ensure_screen_reader()`` makes the test-only copy of ``@guidepup/virtual-screen-reader``: the npm
package at a pinned version, fetched with ``npm pack`` into ``.cache/`` and checked against its
pinned integrity hash. The package ships its browser build only as an ES module, which cannot be
evaluated as a classic script, so the pinned, integrity-checked native ``esbuild`` binary (fetched
the same way) turns it into one classic script there, at test-setup time. Nothing fetched or built
is committed; the reader's site never contains any of it.

``ScreenReader`` drives it from Playwright (see ``ScreenReader.start`` for how it enters a page
without touching the page's Content-Security-Policy).
"""

from __future__ import annotations

import functools
import os
import platform
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.support.npm import npm_extract

ROOT = Path(__file__).resolve().parents[2]
READER = ("@guidepup/virtual-screen-reader", "0.33.0",
          "sha512-CXMkIx19oFZ7BS7TcvDibXn6A2RsEs8nVX9IijHW7HQ0qTGHgc2WErkaMi12YPQi1Zypxr36NfRYWgBxUNvMtQ==")
READER_MODULE = "package/lib/esm/index.browser.js"  # self-contained: its dependencies are bundled in
ESBUILD_VERSION = "0.28.2"
# The native esbuild binary, one npm package per platform: (package, integrity, path in the tarball).
ESBUILD = {
    ("Linux", "x86_64"): ("@esbuild/linux-x64",
        "sha512-4xTZr1FUmSoQW4XIWmit3tzQrUTZM+N3P0XV8xROKYF50XfI7xeO90+1bZvNwxIufQ9hDQVRJH5YhgPVF8A/HQ==",
        "package/bin/esbuild"),
    ("Linux", "aarch64"): ("@esbuild/linux-arm64",
        "sha512-pW4AC0P3it8c7do9MVM4p51FzHzdM/TZrerurgRcHJ2WTa1VQ1CIq18xncfpBJw4ojkiZZrKW2yIBWBP92j6Ug==",
        "package/bin/esbuild"),
    ("Darwin", "x86_64"): ("@esbuild/darwin-x64",
        "sha512-uq6suIWYP37qzGddBKPw5QEQPi6HiLGsO7UmkpfyaYNQ3D+rN6w6WfwH+nuqcGXWvawGwxOEroO4YGnFh95azw==",
        "package/bin/esbuild"),
    ("Darwin", "arm64"): ("@esbuild/darwin-arm64",
        "sha512-n4KqkOQrraxHJcgjM1RvwbigfQKIKJVpM7xp+KsxiyUSrRdIXnt73VhrPAx0fV44hgfmIVKjxMN9J1t5jySVkw==",
        "package/bin/esbuild"),
    ("Windows", "AMD64"): ("@esbuild/win32-x64",
        "sha512-5ebpxr3nWMzrL/rnUI755Jkuee0bHL/Gq0WTF9lvcpv73wAp5eu8MfBUgWK9bhWvZjj7yX8etf/8tI8Ney695g==",
        "package/esbuild.exe"),
}
GLOBAL_NAME = "StrataVirtualScreenReader"
CACHE = ROOT / ".cache" / f"virtual-screen-reader-{READER[1]}"
BUNDLE = CACHE / f"virtual-screen-reader-{READER[1]}.esbuild-{ESBUILD_VERSION}.iife.js"


class ScreenReaderMissing(RuntimeError):
    """npm (or a platform esbuild supports) is missing, or a download failed its integrity check."""


def ensure_screen_reader() -> Path:
    """Return the classic-script build of the virtual screen reader, fetching and building it when needed."""
    if BUNDLE.is_file():
        return BUNDLE
    key = (platform.system(), platform.machine())
    if key not in ESBUILD:
        raise ScreenReaderMissing(f"No pinned esbuild binary for {key[0]} {key[1]}: add its @esbuild package and "
                                  f"integrity to ESBUILD in {Path(__file__).relative_to(ROOT)}.")
    if not shutil.which("npm"):
        raise ScreenReaderMissing(f"The screen-reader transcript tests fetch {READER[0]}@{READER[1]} with npm: "
                                  "install Node.js and npm (Debian/Ubuntu: apt-get install npm).")
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as work:  # own folder: parallel test workers may race here
        name, version, integrity = READER
        module = npm_extract(name, version, integrity, READER_MODULE, Path(work), error=ScreenReaderMissing)
        package, integrity, member = ESBUILD[key]
        esbuild = npm_extract(package, ESBUILD_VERSION, integrity, member, Path(work), error=ScreenReaderMissing)
        esbuild.chmod(0o755)
        built = Path(work) / BUNDLE.name
        result = subprocess.run([str(esbuild), str(module), "--format=iife", f"--global-name={GLOBAL_NAME}",
                                 "--log-level=warning", f"--outfile={built}"], check=False, capture_output=True,
                                text=True)
        if result.returncode != 0:
            raise ScreenReaderMissing(f"esbuild could not build the virtual screen reader:\n{result.stderr}")
        os.replace(built, BUNDLE)
    return BUNDLE


@functools.cache
def _bundle_source() -> str:
    return ensure_screen_reader().read_text(encoding="utf-8")


# Starts the reader on the page's body and tags each phrase it speaks from then on with the mutation
# delivery (one script task's DOM changes) it came from, and whether a live region of each politeness
# touched in that delivery is shown. ``ScreenReader.heard`` needs both to apply the ARIA rules.
_START = """async name => {
    const reader = window[name].virtual;
    await reader.start({container: document.body});
    const log = await reader.spokenPhraseLog(), tags = [], base = log.length;
    const LIVE = "[aria-live], [role=alert], [role=status], [role=log]";
    let delivery = 0, shown = {};
    const visibleAlerts = () => new Set([...document.querySelectorAll("[role=alert]")]
        .filter(a => a.checkVisibility()));
    let seenAlerts = visibleAlerts();
    new MutationObserver(records => {
        delivery += 1;
        shown = {};
        for (const record of records) {
            const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
            const region = node && node.closest(LIVE);
            if (!region) continue;
            const politeness = region.getAttribute("aria-live")
                || (region.getAttribute("role") === "alert" ? "assertive" : "polite");
            shown[politeness] = shown[politeness] || region.checkVisibility();
        }
        // An alert made visible by showing an ancestor is announced too (WAI-ARIA: alert); the
        // virtual reader only hears changes inside live regions, so say it here.
        const now = visibleAlerts();
        for (const alert of now) {
            if (seenAlerts.has(alert) || records.some(r => alert.contains(r.target))) continue;
            shown.assertive = true;
            log.push("assertive: " + alert.innerText.replace(/\\s+/g, " ").trim());
        }
        seenAlerts = now;
    }).observe(document.body, {attributes: true, characterData: true, childList: true, subtree: true});
    const push = log.push;
    log.push = function (...phrases) {
        phrases.forEach(() => tags.push({delivery, shown}));
        return push.apply(this, phrases);
    };
    window.__strataSpeech = {log, tags, base};
}"""
_LOG = """() => { const {log, tags, base} = window.__strataSpeech;
    return log.map((phrase, i) => [phrase, i < base ? null : tags[i - base]]); }"""
LIVE_PREFIXES = ("polite: ", "assertive: ")
# The focused element's checked and expanded states in the reader's words, and whether it is the element
# that had focus at the previous call.
_FOCUSED_STATE = """() => {
    const e = document.activeElement, same = !!e && e !== document.body && e === window.__strataFocused;
    window.__strataFocused = e;
    const checkable = !!e && e.matches("input[type=radio], input[type=checkbox]");
    const expanded = e && e.getAttribute("aria-expanded");
    return {same, checkable, states: [checkable ? (e.checked ? "checked" : "not checked") : null,
            expanded === null ? null : (expanded === "true" ? "expanded" : "not expanded")]};
}"""

_CURSOR_CHECKED = """name => { const n = window[name].virtual.activeNode;
    return n && n.matches && n.matches("input[type=radio], input[type=checkbox]")
        ? (n.checked ? "checked" : "not checked") : null; }"""
# Move the reading cursor (``next`` or a command) until ``until`` is said, or until it comes round to the
# first item again (``until`` null); each item's phrase, and the checked state of a radio or checkbox.
_READ_ON = """async ([name, move, until, limit]) => {
    const reader = window[name].virtual, items = [];
    for (let i = 0; i < limit; i++) {
        if (move === "next") await reader.next(); else await reader.perform(reader.commands[move]);
        const n = reader.activeNode, said = await reader.lastSpokenPhrase();
        const checkable = n && n.matches && n.matches("input[type=radio], input[type=checkbox]");
        items.push([said, checkable ? (n.checked ? "checked" : "not checked") : null]);
        if (until === null ? items.length > 1 && said === items[0][0] : said === until) break;
    }
    return items;
}"""
_AT_TARGET = """name => { const n = window[name].virtual.activeNode, t = document.querySelector(":target");
    return !!(n && t && (t === n || t.contains(n))); }"""


def _restate(phrase: str, states: list[str | None]) -> str:
    """``phrase`` with its checked and expanded states replaced by ``states`` (those that are not None)."""
    if phrase.startswith(LIVE_PREFIXES):
        return phrase
    words = {("checked", "not checked"): states[0], ("expanded", "not expanded"): states[1]}
    return ", ".join(next((new for old, new in words.items() if part in old and new), part)
                     for part in phrase.split(", "))


class ScreenReader:
    """The virtual screen reader in a Playwright page: move its cursor, press real keys, hear phrases.

    The library enters the page by ``page.evaluate`` of its classic-script build, after the page has
    loaded. That goes through the DevTools protocol (``Runtime.evaluate``), which the page's
    Content-Security-Policy does not govern (CSP restricts what the document loads and runs, not the
    debugger), so the site keeps its strict ``<meta>`` CSP unchanged and no test needs
    ``bypass_csp``. ``add_init_script`` would bypass CSP too, but it would run the library in every
    document and frame before the page's own scripts; evaluating it afterwards leaves the page exactly
    as a reader gets it until the test starts listening. (axe-core is injected the same way.)

    Keys are pressed with Playwright's real keyboard, so the browser does what it does for a reader
    (focus, form submission, radio arrows); the reader follows focus and live regions on its own.
    """

    def __init__(self, page):
        self.page = page
        self._read = 0

    def open(self, url: str) -> list[str]:
        """Load ``url``, start the reader there; return what it says on arrival."""
        self.page.goto(url)
        return self.start()

    def start(self) -> list[str]:
        """Start (or restart, after a navigation) the reader on the current page."""
        if not self.page.evaluate(f"() => typeof window.{GLOBAL_NAME} === 'object'"):
            self.page.evaluate(_bundle_source())
        self.page.evaluate(_START, GLOBAL_NAME)
        self._read = 0
        return self.heard()

    def heard(self) -> list[str]:
        """The phrases spoken since the last call, as the ARIA rules say a screen reader gets them.

        The virtual reader speaks one live-region phrase per DOM mutation record, and also for a
        region that is hidden. Per WAI-ARIA 1.2 (aria-live, aria-atomic, aria-relevant) a change is
        presented once per region per update (the browser fires one live-region event for all the
        changes one script made), and content that is hidden is not in the accessibility tree, so
        hiding or emptying a region announces nothing (removals are not relevant by default), while
        an alert that becomes visible with a shown ancestor is announced (the reader misses those,
        so the page-side listener adds them). So a
        live phrase is dropped when it is empty or when every region of its politeness touched in that
        update is hidden, and a live phrase repeated within one update is kept once. Every other
        phrase is kept as spoken.
        """
        log = self.page.evaluate(_LOG)
        kept, seen = [], set()
        for phrase, tag in log[self._read:]:
            politeness, _, said = phrase.partition(": ")
            if tag and phrase.startswith(LIVE_PREFIXES):
                if not said.strip() or not tag["shown"].get(politeness) or (phrase, tag["delivery"]) in seen:
                    continue
                seen.add((phrase, tag["delivery"]))
            kept.append(phrase)
        self._read = len(log)
        return kept

    def perform(self, command: str) -> list[str]:
        """Run a reader command (e.g. ``moveToNextHeading``) and return what it says."""
        self.page.evaluate("async ([name, command]) => { const r = window[name].virtual; "
                           "await r.perform(r.commands[command]); }", [GLOBAL_NAME, command])
        return self._restate_cursor(self.heard())

    def next(self) -> list[str]:
        """Read on: move the reading cursor to the next item."""
        self.page.evaluate("async name => window[name].virtual.next()", GLOBAL_NAME)
        return self._restate_cursor(self.heard())

    def read_until(self, phrase: str, limit: int = 300) -> list[str]:
        """Read on item by item until ``phrase`` is spoken; return everything heard, ``phrase`` last."""
        items = self.page.evaluate(_READ_ON, [GLOBAL_NAME, "next", phrase, limit])
        self.heard()
        heard = [_restate(said, [checked, None]) for said, checked in items]
        if heard[-1:] != [phrase]:
            raise AssertionError(f"never heard {phrase!r} reading on; heard {heard[-20:]}")
        return heard

    def read_to_fragment(self) -> list[str]:
        """Move the reading cursor to the page's ``:target``, as screen readers do when a page opens at a
        fragment; return what it says there."""
        for _ in range(500):
            spoken = self.next()
            if self.page.evaluate(_AT_TARGET, GLOBAL_NAME):
                return spoken
        raise AssertionError("the reading cursor never reached the page's :target")

    def _restate_cursor(self, spoken: list[str]) -> list[str]:
        state = self.page.evaluate(_CURSOR_CHECKED, GLOBAL_NAME)
        return [_restate(phrase, [state, None]) for phrase in spoken]

    def press(self, key: str) -> list[str]:
        """Press ``key`` on the real keyboard and return what the reader says in response.

        Two gaps of the virtual reader (0.33.0) are filled here from the focused element, as the specs
        say a screen reader gets it: it reads a native radio's or checkbox's state from the ``checked``
        attribute, not the control's checkedness (HTML-AAM maps checkedness), and it speaks on
        ``focusin`` before the page's own handlers of that event ran (a screen reader reads the
        accessibility tree after the task), so the checked and expanded states in the phrase for a
        newly focused element are restated as they are after the key (``next`` and ``perform`` do the same for the
        reading cursor); and it says nothing when a key changes the
        state (checked, expanded) of the element that keeps focus, where CORE-AAM fires a state-change
        event that screen readers speak, so the new state is added as its own phrase.
        """
        before = self.page.evaluate(_FOCUSED_STATE)
        self.page.keyboard.press(key)
        after = self.page.evaluate(_FOCUSED_STATE)
        spoken = self.heard()
        if after["same"]:
            spoken += [state for state, was in zip(after["states"], before["states"], strict=True) if state != was]
        else:
            spoken = [_restate(phrase, after["states"]) for phrase in spoken]
        return spoken

    def follow(self, key: str = "Enter") -> list[str]:
        """Press ``key`` on a focused link to another page; start the reader there (it says "document")."""
        with self.page.expect_navigation():
            self.page.keyboard.press(key)
        return self.start()

    def walk(self, command: str, limit: int = 200) -> list[str]:
        """Run ``command`` until the reader comes round to the first item again (it wraps at the end,
        where a real reader says "no more"); return one phrase per item visited."""
        items = self.page.evaluate(_READ_ON, [GLOBAL_NAME, command, None, limit])
        self.heard()
        phrases = [said for said, _ in items]
        if phrases[0] not in phrases[1:]:
            raise AssertionError(f"{command} never came round after {limit} moves: {phrases[:10]} …")
        return phrases[:phrases.index(phrases[0], 1)]
