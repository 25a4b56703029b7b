"""Coverage-guided fuzzing of the loaders and the flattened-table parser with atheris (libFuzzer).

    .venv/bin/python tests/fuzz/atheris_harness.py -runs=100000 [CORPUS_DIR]

Any exception other than ExtractorError is a crash: atheris stops and writes the input to
crash-<sha1>; turn it into a test in tests/fuzz/test_fuzz_regressions.py.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["extractor"]):
    from extractor.model.errors import ExtractorError
    from extractor.model.options import PdfOptions, RunOptions
    from extractor.readers.html import read_html
    from extractor.readers.pdf import read_pdf
    from extractor.readers.sniff import sniff
    from extractor.readers.text import read_text
    from extractor.readers.text.flat import find_flattened_tables
    from extractor.vocab import load_vocabulary

HEADER = "Task Dataset Model Metric Name Metric Value Global Rank"


def one_input(data: bytes) -> None:
    kind = sniff(data)
    vocab = load_vocabulary()
    try:
        if kind == "pdf":
            read_pdf(data, "fuzz", RunOptions(pdf=PdfOptions(max_pages=2)), vocab)
        elif kind == "html":
            read_html(data, "fuzz", RunOptions(), vocab)
        elif kind == "text":
            read_text(data, "fuzz", RunOptions(), vocab)
            find_flattened_tables([HEADER, *data.decode("utf-8", "replace").splitlines()[:40]])
    except ExtractorError:
        pass


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
