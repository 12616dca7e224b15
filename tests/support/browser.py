"""Browser helpers: a local HTTP server for a built site, and axe-core runs."""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "vendor" / "axe-core"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Rules switched off for the whole suite, with the reason. Keep this the only place.
DISABLED_AXE_RULES: dict[str, str] = {}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(folder: Path):
    """Serve ``folder`` on 127.0.0.1 (a free port) for the duration of the block; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# What a reused page is set back to before each test: Playwright's defaults for a new context.
DEFAULT_MEDIA = {"media": "screen", "color_scheme": "light", "reduced_motion": "no-preference", "forced_colors": "none"}


def reused_page(context, viewport: dict):
    """For a fixture: ``context``'s one page, reused from test to test, on a blank document with the default media
    and ``viewport``; after the test, the storage of the site it ended on (the quiz's saved answers) is cleared.

    Every test still loads its own document, so nothing of a page's script state carries over; what does is the
    renderer process, where V8 keeps axe-core compiled (injecting and first running it costs a third of a second
    in a fresh context). For tests that load pages and inspect them; not for ones that install a clock, routes or
    init scripts, which a page keeps."""
    page = context.pages[0] if context.pages else context.new_page()
    page.goto("about:blank")
    page.emulate_media(**DEFAULT_MEDIA)
    page.set_viewport_size(viewport)
    try:
        yield page
    finally:
        if page.url.startswith("http"):
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        for other in context.pages[1:]:
            other.close()


@functools.cache
def axe_source() -> str:
    return (VENDOR / "axe.min.js").read_text(encoding="utf-8")


AAA_RULES = ["color-contrast-enhanced"]  # AAA contrast (7:1, 4.5:1 for large text), on top of the tags


def _axe_options(tags, extra_rules, result_types):
    return {
        "runOnly": {"type": "tag", "values": tags or AXE_TAGS},
        "rules": {**{rule: {"enabled": False} for rule in DISABLED_AXE_RULES},
                  **{rule: {"enabled": True} for rule in extra_rules or []}},
        "resultTypes": result_types,
    }


def _inject_axe(page) -> None:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())


def run_axe(page, tags: list[str] | None = None, extra_rules: list[str] | None = None) -> list[dict]:
    """Run axe-core on ``page`` (injected through the DevTools protocol, so the page's CSP is untouched).

    Returns the violations, each with its rule id, help text and failing targets.
    """
    _inject_axe(page)
    options = _axe_options(tags, extra_rules, ["violations"])
    result = page.evaluate("options => axe.run(document, options)", options)
    return [
        {"id": v["id"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


# For each incomplete node: the message key of each check that could not decide, and which allow-list
# entries (rule ids, message key, CSS selector the node must be inside) it matches.
_AXE_REPORT = """async ([options, allowed]) => {
    const result = await axe.run(document, options);
    const incomplete = [];
    for (const rule of result.incomplete) {
        for (const node of rule.nodes) {
            const checks = [...node.any, ...node.all, ...node.none];
            const keys = checks.map(c => (c.data && c.data.messageKey) || c.id);
            const el = node.target.length === 1 ? document.querySelector(node.target[0]) : null;
            const match = allowed.findIndex(a => a.rules.includes(rule.id) && keys.includes(a.message_key)
                && el && el.closest(a.within));
            incomplete.push({id: rule.id, target: node.target, keys, allowed: match,
                             message: checks.map(c => c.message).join(' / ')});
        }
    }
    return {violations: result.violations.map(v => ({id: v.id, help: v.help,
                                                     targets: v.nodes.map(n => n.target).slice(0, 5)})),
            incomplete};
}"""


def axe_report(page, tags: list[str] | None = None, extra_rules: list[str] | None = None,
               allowed: list[dict] = ()) -> dict:
    """Run axe-core like ``run_axe`` and return its violations and its incomplete results.

    ``allowed`` entries (``{"rules": [...], "message_key": ..., "within": css}``) are matched in the
    page; each incomplete node carries ``allowed``: the index of the entry it matched, or -1.
    """
    _inject_axe(page)
    options = _axe_options(tags, extra_rules, ["violations", "incomplete"])
    return page.evaluate(_AXE_REPORT, [options, list(allowed)])
