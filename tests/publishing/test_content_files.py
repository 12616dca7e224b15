"""What the content publishes besides its pages (a topic folder, the shared images/ folder): the files a page
links to, nothing else.

Hidden files and folders, editor backups and the system's litter are never read (``IGNORE_FILES``); a file
nothing links to (private notes, a draft) is left out of the output and of the offline zip, with a warning.
"""

from __future__ import annotations

import zipfile

from tests.support.site import TINY_TOPIC, build_tiny_site, offline_settings, run_offline_bundle, write_files

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'
LITTER = {  # never read: no warning either
    "topics/demo/.DS_Store": "\0\0\0\1Bud1",
    "topics/demo/.fundamentals.md.swp": "b0VIM 9.0",
    "topics/demo/fundamentals.md~": "Title: Fundamentals\n\nAn old copy of the source.\n",
    "topics/demo/fundamentals.md.bak": "Title: Fundamentals\n\nAn old copy of the source.\n",
    "topics/demo/.drafts/fundamentals.md": "Title: Fundamentals\nTopic: demo\nTier: fundamentals\n\nDraft.\n",
    "topics/demo/Thumbs.db": "thumbnails",
    "topics/demo/~$aft v2.docx": "lock",
}
UNLINKED = {"topics/demo/notes.txt": "Private: ask the reviewer.\n", "topics/demo/Draft v2.docx": "a draft",
            "images/unused.svg": SVG}
LINKED = {
    "topics/demo/images/diagram.svg": SVG,
    "topics/demo/handout.txt": "A handout to print.\n",
    "images/logo.svg": SVG,  # Pelican's usual place for images, shared by the topics
    "topics/demo/fundamentals.md": TINY_TOPIC["topics/demo/fundamentals.md"] + """
        ![A diagram of the loop](images/diagram.svg)

        Print [the handout](handout.txt).

        ![The clinic's logo](../../images/logo.svg)
        """,
}
DATA = {  # Strata's data files: read by the build, never published, no warning (not in IGNORE_FILES, which
    # Pelican's autoreload obeys too: see test_autoreload)
    "topics/demo/references.yaml": "- authors: Doe, Jane\n  title: A study\n  journal: A journal\n  year: 2020\n",
}
FILES = {**LITTER, **UNLINKED, **LINKED, **DATA}


def published(folder) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in (folder / "topics/demo").rglob("*") if p.is_file())


def test_a_topic_folder_publishes_its_pages_and_the_files_they_link_to_only(tmp_path):
    result = build_tiny_site(tmp_path, FILES)

    assert result.returncode == 0, result.stderr
    assert published(result.output) == ["topics/demo/academic.html", "topics/demo/fundamentals.html",
                                         "topics/demo/handout.txt", "topics/demo/images/diagram.svg",
                                         "topics/demo/index.html", "topics/demo/intermediate.html"]
    warnings = [line for line in result.stderr.splitlines() if "not published" in line]
    assert [line.split(": ", 2)[1].rsplit("/", 1)[-1] for line in warnings] == ["unused.svg", "Draft v2.docx",
                                                                                 "notes.txt"]
    assert sorted(p.name for p in (result.output / "images").iterdir()) == ["logo.svg"]
    assert all(line.startswith("warning: ") and "no page links to it" in line for line in warnings), warnings


def test_the_offline_zip_holds_no_unlinked_file_nor_litter(tmp_path):
    content = tmp_path / "content"
    write_files(content, {**TINY_TOPIC, **FILES})
    done = run_offline_bundle(tmp_path / "dist", offline_settings(tmp_path, content))

    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(tmp_path / "dist" / "strata-offline.zip") as archive:
        names = [name.partition("/")[2] for name in archive.namelist() if "/topics/demo/" in name]
    assert sorted(names) == ["topics/demo/academic.html", "topics/demo/fundamentals.html", "topics/demo/handout.txt",
                             "topics/demo/images/diagram.svg", "topics/demo/index.html",
                             "topics/demo/intermediate.html"]
