"""Every exception extractor raises, in one tree.

    ExtractorError                 anything this package raises on purpose
    ├── InputError                 an input cannot be read as a document
    │   ├── MissingInputError      the path or glob names nothing
    │   ├── EmptyInputError        the file has no bytes (or no text)
    │   ├── UnsupportedInputError  binary content that is not a PDF, or an unknown URL scheme
    │   └── FetchError             a URL could not be fetched
    ├── PdfError                   the bytes start like a PDF but cannot be used
    │   ├── CorruptPdfError        damaged or truncated
    │   ├── EncryptedPdfError      needs a password, or the one given is wrong
    │   ├── PageLimitError         more pages than the page limit allows
    │   └── InflationLimitError    streams that inflate past the budget (a decompression bomb?)
    ├── StoreError                 the results store cannot be opened, read or written
    ├── FolderInUseError           another run is writing into the same output folder
    ├── OutputError                a run's combined files cannot be written (a full disk)
    ├── ClusterError               the Dask scheduler cannot be reached (or dask is not installed)
    ├── ReferenceDataError         a reference or leaderboard file cannot be read
    ├── InvalidOptionError         an option's value names nothing there is (`validate --only X`)
    ├── ExportError                an export cannot be made (a library it needs is not installed)
    └── AliasFileError             a user's alias file (--aliases) cannot be used

The pipeline turns an ExtractorError into a failed input with a one-line reason
(`str(error)`); any other exception is a bug and is reported as "internal error".
"""

from __future__ import annotations


class ExtractorError(Exception):
    """Base class; `str()` is the one-line reason shown to users."""


class InputError(ExtractorError):
    pass


class MissingInputError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class UnsupportedInputError(InputError):
    pass


class FetchError(InputError):
    pass


class PdfError(ExtractorError):
    pass


class CorruptPdfError(PdfError):
    pass


class EncryptedPdfError(PdfError):
    pass


class PageLimitError(PdfError):
    pass


class InflationLimitError(PdfError):
    pass


class StoreError(ExtractorError):
    pass


class FolderInUseError(ExtractorError):
    pass


class OutputError(ExtractorError):
    pass


class ClusterError(ExtractorError):
    pass


class ReferenceDataError(ExtractorError):
    pass


class InvalidOptionError(ExtractorError):
    pass


class ExportError(ExtractorError):
    pass


class AliasFileError(ExtractorError):
    pass


# The reason a document that ran out of memory fails with (a worker adds its --max-memory).
OUT_OF_MEMORY = "ran out of memory"
