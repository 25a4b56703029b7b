"""Expand what the user typed (files, folders, globs, URLs) into an ordered list of inputs; the
empty Document a reader starts an input from."""

from __future__ import annotations

import glob
import hashlib
import mmap
from pathlib import Path

from pydantic import BaseModel

from extractor.model.document import Document, MediaType, make_doc_id

# In a folder, only files with these extensions are taken; a file named on the
# command line is taken whatever its name, and its content decides its type.
FOLDER_SUFFIXES = frozenset({".pdf", ".html", ".htm", ".xhtml", ".txt", ".text", ".md"})
URL_PREFIXES = ("http://", "https://")


class InputRef(BaseModel):
    """One input of a batch: a file path or a URL, or an argument that named nothing."""

    source: str
    path: Path | None = None
    missing: bool = False

    @property
    def is_url(self) -> bool:
        return self.path is None and not self.missing


def _has_glob(arg: str) -> bool:
    return any(ch in arg for ch in "*?[")


def _folder_files(folder: Path) -> list[Path]:
    return sorted(
        (
            p
            for p in folder.rglob("*")
            if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES and not _hidden(p, folder)
        ),
        key=lambda p: p.as_posix(),
    )


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def expand_inputs(args: list[str]) -> list[InputRef]:
    """Files and URLs as given, folders recursively, globs expanded; each file once, in a stable order."""
    refs: list[InputRef] = []
    seen: set[str] = set()

    def add(ref: InputRef) -> None:
        key = str(ref.path.resolve()) if ref.path else ref.source
        if key not in seen:
            seen.add(key)
            refs.append(ref)

    for arg in args:
        if arg.lower().startswith(URL_PREFIXES) or "://" in arg:
            add(InputRef(source=arg))
            continue
        path = Path(arg)
        if path.is_dir():
            for p in _folder_files(path):
                add(InputRef(source=str(p), path=p))
        elif path.exists():
            add(InputRef(source=str(path), path=path))
        elif _has_glob(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            if not files:
                add(InputRef(source=arg, missing=True))
            for p in files:
                add(InputRef(source=str(p), path=p))
        else:
            add(InputRef(source=arg, missing=True))
    return refs


class MappedFile(mmap.mmap):
    """A large local file's bytes mapped read-only rather than read into memory, with its `path`: a
    PDF reader opens the file itself (pdfium reads the parts it needs) and `release`s the mapping's
    pages once the checks that scan the whole file are done, so a worker does not hold a 50 MB
    report's bytes while it reads its 700 pages. It has the bytes methods of mmap (find, rfind,
    slicing, the buffer protocol), not all of bytes'. Nothing reads it after those checks: a file
    cut shorter while mapped (rewritten by another program) kills the process with SIGBUS where
    the mapping is read past its new end."""

    path: Path

    @classmethod
    def of(cls, path: Path) -> MappedFile:
        with path.open("rb") as f:
            mapped = cls(f.fileno(), 0, access=mmap.ACCESS_READ)
        mapped.path = path
        return mapped

    def release(self) -> None:
        """Its pages out of the process's memory (they stay in the page cache, read back if asked)."""
        self.madvise(mmap.MADV_DONTNEED)


InputData = bytes | MappedFile  # what a reader is given: an input's bytes


def release(data: InputData) -> None:
    if isinstance(data, MappedFile):
        data.release()


def new_document(data: InputData, source: str, media_type: MediaType) -> Document:
    """An input's Document before anything is read from it: its id from its name and content hash."""
    sha = hashlib.sha256(data).hexdigest()
    return Document(doc_id=make_doc_id(source, sha), source=source, sha256=sha, media_type=media_type)
