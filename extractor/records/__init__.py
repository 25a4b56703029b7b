"""Records: a table grid and its caption -> table semantics -> result records (see `build`)."""

from extractor.records.record import CONTRACT_FIELDS, RECORD_FLAGS, UNITS, ResultRecord

__all__ = ["CONTRACT_FIELDS", "RECORD_FLAGS", "UNITS", "ResultRecord"]
