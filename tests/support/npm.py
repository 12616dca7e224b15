"""Test-only tools from the npm registry: a package at a pinned version, checked against its pinned
integrity hash before anything in it is used (the vnu.jar validator, the virtual screen reader, esbuild)."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import tarfile
from pathlib import Path


def integrity(path: Path) -> str:
    """The npm-style integrity string (``sha512-…``) of the file at ``path``."""
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def npm_extract(package: str, version: str, pinned: str, member: str, folder: Path, *,
                error: type[Exception]) -> Path:
    """``npm pack`` ``package@version`` into ``folder``, check it against ``pinned``, extract ``member``
    into ``folder`` (under its own name) and return its path; the tarball is removed. Raises ``error``
    with what went wrong (npm itself must be installed: callers say how)."""
    packed = subprocess.run(["npm", "pack", f"{package}@{version}", "--json", "--pack-destination", str(folder)],
                            check=False, capture_output=True, text=True)
    if packed.returncode != 0:
        raise error(f"npm pack {package}@{version} failed:\n{packed.stderr}")
    tarball = folder / json.loads(packed.stdout)[0]["filename"]
    try:
        if integrity(tarball) != pinned:
            raise error(f"{package}@{version} does not match its pinned integrity hash; not using it")
        target = folder / Path(member).name
        with tarfile.open(tarball) as archive, archive.extractfile(member) as source, open(target, "wb") as out:
            shutil.copyfileobj(source, out)
    finally:
        tarball.unlink()
    return target
