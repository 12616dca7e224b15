"""The vendored axe-core is the version the project documents (README.md), or newer."""

import re
from pathlib import Path

from tests.support.browser import VENDOR

ROOT = Path(__file__).resolve().parents[2]


def version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def test_vendored_axe_is_not_older_than_documented():
    documented = re.search(r"axe-core (\d+\.\d+\.\d+)", (ROOT / "README.md").read_text(encoding="utf-8"))
    vendored = re.search(r"axe v(\d+\.\d+\.\d+)", (VENDOR / "axe.min.js").read_text(encoding="utf-8")[:200])
    assert documented, "README.md must say which axe-core version the suite uses"
    assert vendored, "tests/vendor/axe-core/axe.min.js has no version banner"
    assert version(vendored.group(1)) >= version(documented.group(1)) >= (4, 14, 1)
