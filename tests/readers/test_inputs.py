from pathlib import Path

import pytest

from extractor.model.errors import EmptyInputError, InputError, MissingInputError
from extractor.model.options import SourceOptions
from extractor.readers import expand_inputs, make_doc_id, read_bytes
from extractor.readers.sniff import sniff


def test_expand_files_folders_globs(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a" / "deep").mkdir()
    (tmp_path / "a" / "deep" / "two.html").write_text("<html></html>")
    (tmp_path / "a" / "notes.json").write_text("{}")
    (tmp_path / "a" / ".hidden").mkdir()
    (tmp_path / "a" / ".hidden" / "x.txt").write_text("x")
    (tmp_path / "b.txt").write_text("b")
    monkeypatch.chdir(tmp_path)
    refs = expand_inputs(["a", "*.txt", "a/one.pdf", "nothing.pdf", "no*match.pdf"])
    assert [(r.source, r.missing) for r in refs] == [
        ("a/deep/two.html", False),
        ("a/one.pdf", False),
        ("b.txt", False),
        ("nothing.pdf", True),
        ("no*match.pdf", True),
    ]


def test_url_inputs_are_kept_as_urls():
    [ref] = expand_inputs(["https://example.org/paper.pdf"])
    assert ref.is_url and ref.path is None


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"junk before\n%PDF-1.4\n", "pdf"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"\xef\xbb\xbf<html lang='en'>", "html"),
        (b"  <div><p>a</p><table><tr><td>1</td></tr></table></div>", "html"),
        (b"Title\n\nSome text with 5 < 6 and a > b.", "text"),
        (b"\x00\x01\x02binary\x00", None),
        ("\ufeff<!DOCTYPE html><html><body>x</body></html>".encode("utf-16-le"), "html"),
        ("\ufeffplain text".encode("utf-16-be"), "text"),
        (
            b"# Model\n\n<div align='center'><p>logo</p><p>x</p></div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "text",
        ),
    ],
)
def test_sniff_by_content(data, kind):
    assert sniff(data) == kind


def test_read_bytes_errors(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    [ref] = expand_inputs([str(empty)])
    with pytest.raises(EmptyInputError, match="empty file"):
        read_bytes(ref, SourceOptions())
    [missing] = expand_inputs([str(tmp_path / "gone.pdf")])
    with pytest.raises(MissingInputError, match="no such file"):
        read_bytes(missing, SourceOptions())


def test_doc_id_is_readable_and_stable():
    assert make_doc_id("some/dir/My Report (v2).pdf", "abcdef0123456789") == "my-report-v2-abcdef01"
    assert make_doc_id("https://example.org/a/paper.pdf?x=1", "ff" * 32) == "paper-ffffffff"
    assert make_doc_id(str(Path("...")), "00" * 32) == "document-00000000"


def test_a_device_or_pipe_is_read_no_further_than_the_size_limit(tmp_path):
    """stat() gives 0 bytes for /dev/zero: the read itself must stop past max_bytes, not fill memory."""
    (ref,) = expand_inputs(["/dev/zero"])
    with pytest.raises(InputError, match="larger than the limit of 1000 bytes"):
        read_bytes(ref, SourceOptions(max_bytes=1000))
    small = tmp_path / "small.txt"
    small.write_bytes(b"x" * 1000)  # exactly at the limit: read
    assert read_bytes(expand_inputs([str(small)])[0], SourceOptions(max_bytes=1000)) == b"x" * 1000


def test_a_large_file_is_mapped_and_read_as_if_read_whole(tmp_path, monkeypatch):
    """Past MAP_FROM_BYTES a file is mapped, not read: the same Document either way, the mapping
    closed after the read, and a mapped text file (not a PDF) given to its reader as bytes."""
    import extractor.readers as readers
    from extractor.model.options import RunOptions
    from extractor.readers.inputs import MappedFile

    samples = Path(__file__).parents[2] / "samples"
    [pdf, text] = expand_inputs([str(samples / "booktabs-table.pdf"), str(samples / "results-page.txt")])
    read_whole = [readers.load(ref, RunOptions()) for ref in (pdf, text)]
    monkeypatch.setattr(readers, "MAP_FROM_BYTES", 1)
    mapped = read_bytes(pdf, SourceOptions())
    assert isinstance(mapped, MappedFile) and mapped[:] == pdf.path.read_bytes()
    mapped.close()
    opened = []
    real_of = MappedFile.of.__func__
    monkeypatch.setattr(
        MappedFile, "of", classmethod(lambda cls, p: opened.append(real_of(cls, p)) or opened[-1])
    )
    read_mapped = [readers.load(ref, RunOptions()) for ref in (pdf, text)]
    assert [d.model_dump() for d in read_mapped] == [d.model_dump() for d in read_whole]
    assert read_mapped[0].tables and len(opened) == 2 and all(m.closed for m in opened)

    spaces = tmp_path / "spaces.txt"
    spaces.write_bytes(b" \n\t" * 100)
    with pytest.raises(EmptyInputError, match="file holds only whitespace"):
        read_bytes(expand_inputs([str(spaces)])[0], SourceOptions())
