"""Pelican's own command builds a Strata site into a folder that does not exist yet (the index is written
after Pelican empties the output folder, into a folder the writer creates)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.search.conftest import FILES
from tests.support.site import ROOT, write_files


def test_pelican_command_builds_into_a_new_folder(tmp_path):
    write_files(tmp_path / "content", FILES)
    output = tmp_path / "new" / "folder"
    result = subprocess.run([sys.executable, "-m", "pelican", str(tmp_path / "content"), "-s", "pelicanconf.py",
                             "-o", str(output)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (output / "search" / "index.js").is_file()
    assert (output / "search.html").is_file()
    assert 'src="./search/index.js?v=' in (output / "search.html").read_text(encoding="utf-8")
