"""Pelican's content cache (used by `invoke livereload`) does not change what Strata builds."""

from __future__ import annotations

from tests.support.site import ROOT, run_build


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_warm_cached_build_equals_a_cold_build(tmp_path):
    settings = tmp_path / "cached.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
                        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nCACHE_CONTENT = True\n"
                        f"LOAD_CONTENT_CACHE = True\nCACHE_PATH = {str(tmp_path / 'cache')!r}\n")
    cold = run_build(ROOT / "pelicanconf.py", tmp_path / "cold")
    first = run_build(settings, tmp_path / "first")
    warm = run_build(settings, tmp_path / "warm")
    for result in (cold, first, warm):
        assert result.returncode == 0, result.stderr
    assert any((tmp_path / "cache").iterdir()), "the cache was written"
    assert snapshot(tmp_path / "warm") == snapshot(tmp_path / "cold")
    assert snapshot(tmp_path / "first") == snapshot(tmp_path / "cold")
