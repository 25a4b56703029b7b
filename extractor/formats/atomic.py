"""Atomic file writing: a reader sees the old file or the new one, never half of one.

The temporary file (in the same folder, fsynced, then renamed over the target) gets the mode a plain
`open()` would give, 0666 & ~umask, not mkstemp's 0600: others may read what a run writes as they
could any file the user makes."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it; set straight back
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """`text`, or its parts in order, as the file at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            if isinstance(text, str):
                f.write(text)
            else:
                f.writelines(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path | None, text: str) -> None:
    """To a file, atomically, or to stdout when no path is given."""
    if path is None:
        sys.stdout.write(text)
    else:
        write_atomic(path, text)
