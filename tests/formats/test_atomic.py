"""The atomic writer: whole files only, with the mode a plain open() gives."""

import os
import stat

import pytest

from extractor.formats.atomic import write_atomic


@pytest.fixture
def umask():
    def set_mask(mask):
        os.umask(mask)

    old = os.umask(0o022)
    yield set_mask
    os.umask(old)


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_written_files_get_the_mode_open_would_give(tmp_path, umask, mask):
    umask(mask)
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")
    write_atomic(tmp_path / "atomic.txt", "x")
    write_atomic(tmp_path / "atomic.txt", "y")  # replacing keeps the mode too
    mode = stat.S_IMODE((tmp_path / "atomic.txt").stat().st_mode)
    assert mode == stat.S_IMODE(plain.stat().st_mode) == 0o666 & ~mask
    assert (tmp_path / "atomic.txt").read_text(encoding="utf-8") == "y"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atomic.txt", "plain.txt"]  # no temp file left


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path):
    write_atomic(tmp_path / "f.txt", "old")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(tmp_path / "f.txt", "bad \udc80")
    assert (tmp_path / "f.txt").read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]
