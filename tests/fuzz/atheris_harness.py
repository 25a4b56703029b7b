"""Coverage-guided fuzzing of the loaders and the flattened-table parser with atheris (libFuzzer).

    .venv/bin/python tests/fuzz/atheris_harness.py -runs=100000 [CORPUS_DIR]

Any exception other than ExtractorError is a crash: atheris stops and writes the input to
crash-<sha1>; turn it into a test in tests/fuzz/test_fuzz_regressions.py.
"""

from __future__ import annotations

import hashlib
import sys

import atheris

with atheris.instrument_imports(include=["extractor"]):
    from extractor.model.document import Document
    from extractor.model.errors import ExtractorError
    from extractor.model.options import PdfOptions
    from extractor.readers.html import load_html
    from extractor.readers.pdf import load_pdf
    from extractor.readers.sniff import sniff
    from extractor.readers.text.flat import find_flattened_tables
    from extractor.readers.text.page import load_text

HEADER = "Task Dataset Model Metric Name Metric Value Global Rank"


def one_input(data: bytes) -> None:
    kind = sniff(data)
    doc = Document(
        doc_id="fuzz", source="fuzz", sha256=hashlib.sha256(data).hexdigest(), media_type=kind or "text"
    )
    try:
        if kind == "pdf":
            load_pdf(data, doc, PdfOptions(max_pages=2))
        elif kind == "html":
            load_html(data, doc)
        elif kind == "text":
            load_text(data, doc)
            find_flattened_tables([HEADER, *data.decode("utf-8", "replace").splitlines()[:40]])
    except ExtractorError:
        pass


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
