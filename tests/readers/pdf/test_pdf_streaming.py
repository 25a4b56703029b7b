"""A long PDF's pages wait in a temporary file between reading and analysis (page_store.py), and
each page is analysed and let go in turn: what is read is the same as with every page in memory."""

from __future__ import annotations

import pytest

from extractor.model.options import RunOptions
from extractor.readers.pdf import PdfSettings, read_pdf
from extractor.readers.pdf.page_store import PageStore
from extractor.readers.pdf.words import read_page
from extractor.vocab import load_vocabulary
from tests.support import pdf_cases as C
from tests.support.drawing import pdf
from tests.support.pdf import text_page


def _read(data: bytes, settings: PdfSettings):
    return read_pdf(data, "long.pdf", RunOptions(), load_vocabulary(), settings=settings)


@pytest.mark.parametrize("name", sorted(C.CASES))
def test_pages_kept_on_disk_read_as_pages_kept_in_memory(name):
    data = C.CASES[name]()
    in_memory, on_disk = _read(data, PdfSettings()), _read(data, PdfSettings(pages_in_memory=0))
    assert on_disk.model_dump() == in_memory.model_dump()


def test_a_table_continued_over_pages_on_disk_keeps_a_provenance_item_per_page():
    doc = _read(C.case_continued(), PdfSettings(pages_in_memory=0))
    [table] = doc.tables
    assert [p.page for p in table.provenance] == [1, 2]
    assert table.grid[-1] == C.LONG_ROWS[-1]


def _pages(data: bytes):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        return [read_page(doc[i], i + 1) for i in range(len(doc))]
    finally:
        doc.close()


class _FullDisk:
    """A temporary file on a disk that has just filled up: it reads, it cannot be written."""

    def __init__(self, file):
        self.file = file

    def write(self, data):
        raise OSError(28, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.file, name)


def test_a_full_disk_keeps_the_rest_of_the_pages_in_memory():
    pages = _pages(pdf(text_page(0), lambda p: C.ruled_grid(p), text_page(1)))
    store = PageStore(on_disk=True)
    store.add(pages[0])
    store._file = _FullDisk(store._file)
    store.add(pages[1])
    store.add(pages[2])
    assert list(store) == pages and store.numbers == [1, 2, 3]
    assert store.get(1) is not pages[0]  # read back from the file
    assert store.get(2) is pages[1] and store.get(3) is pages[2]  # held once the disk was full
    store.close()


def test_a_page_comes_back_from_its_bytes_equal_with_what_was_learnt_of_its_lines():
    from dataclasses import replace

    from extractor.readers.pdf.page_store import decode, encode

    [page] = _pages(pdf(lambda p: C.ruled_grid(p)))
    page.lines[0].bold, page.lines[0].text  # cached on the line, as the layout leaves them
    back = decode(encode(page))
    assert back == page and back.lines[0].text_ == page.lines[0].text_ is not None
    assert [ln.size for ln in back.lines] == [ln.size for ln in page.lines]
    assert all(a is b for a, b in zip(back.words, (w for ln in back.lines for w in ln.words)))
    shuffled = replace(page, words=page.words[::-1])  # words apart from their lines: pickled whole
    assert decode(encode(shuffled)) == shuffled


def test_a_mapped_pdf_reopened_by_its_path_reads_as_its_bytes_and_a_cut_file_is_an_error(tmp_path):
    """Reopening (every `pages_per_opening` pages) goes by the file's path, never through the
    mapping: a file cut shorter meanwhile is a clear error, not SIGBUS killing the process."""
    from extractor.model.errors import CorruptPdfError
    from extractor.readers.inputs import MappedFile
    from extractor.readers.pdf.opening import reopen_pdfium

    data = pdf(text_page(0), lambda p: C.ruled_grid(p), text_page(1), lambda p: C.ruled_grid(p, top=300))
    path = tmp_path / "long.pdf"
    path.write_bytes(data)
    mapped = MappedFile.of(path)
    try:
        settings = PdfSettings(pages_per_opening=1, pages_in_memory=0)
        assert _read(mapped, settings).model_dump() == _read(data, settings).model_dump()
        path.write_bytes(data[: len(data) // 3])  # cut shorter under the mapping
        with pytest.raises(CorruptPdfError, match="the file changed while it was read"):
            reopen_pdfium(mapped, None)
    finally:
        mapped.close()
