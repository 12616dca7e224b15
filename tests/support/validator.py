"""The Nu Html Checker (vnu.jar) for the HTML-validity tests.

``ensure_validator()`` makes sure Java and vnu.jar are available before the suite
runs: vnu.jar comes from the npm package ``vnu-jar`` at a pinned version, fetched
with ``npm pack`` into ``.cache/`` and checked against its pinned integrity hash.
When Java or npm is missing it installs them with apt-get when running as root
on Debian/Ubuntu, and otherwise stops with a message that says what to install.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.npm import npm_extract

ROOT = Path(__file__).resolve().parents[2]
VNU_VERSION = "26.9.27"
VNU_INTEGRITY = "sha512-TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA=="
CACHE = ROOT / ".cache" / f"vnu-{VNU_VERSION}"
JAR = CACHE / "vnu.jar"


class ValidatorMissing(RuntimeError):
    """Java or vnu.jar is not available; the message says what to install."""


def _apt_install(*packages: str) -> None:
    if shutil.which("apt-get") and hasattr(__import__("os"), "geteuid") and __import__("os").geteuid() == 0:
        print(f"Installing {' '.join(packages)} with apt-get ...", file=sys.stderr)
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=False)


def ensure_validator() -> Path:
    """Return the path of vnu.jar, installing Java and fetching the jar when needed."""
    if not shutil.which("java"):
        _apt_install("default-jre-headless")
    if not shutil.which("java"):
        raise ValidatorMissing("The HTML-validity tests need Java 11+ for the Nu Html Checker: install a JRE "
                               "(Debian/Ubuntu: apt-get install default-jre-headless).")
    if JAR.is_file():
        return JAR
    if not shutil.which("npm"):
        _apt_install("npm")
    if not shutil.which("npm"):
        raise ValidatorMissing(f"vnu.jar {VNU_VERSION} is fetched with npm (package vnu-jar): install npm "
                               "(Debian/Ubuntu: apt-get install npm), or put vnu.jar at " + str(JAR))
    CACHE.mkdir(parents=True, exist_ok=True)
    npm_extract("vnu-jar", VNU_VERSION, VNU_INTEGRITY, "package/build/dist/vnu.jar", CACHE, error=ValidatorMissing)
    return JAR


def validate(files: list[Path]) -> list[str]:
    """Run vnu.jar on ``files``; return its errors as ``file:line: message`` strings."""
    result = subprocess.run(["java", "-jar", str(ensure_validator()), "--errors-only", "--format", "json",
                             *map(str, files)], check=False, capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '?')).name}:{m.get('lastLine', '?')}: {m['message']}" for m in messages
            if m.get("type") == "error" or m.get("subType") == "fatal"]
