"""Checks: of each record during a run (records), of an output folder afterwards (folder), against a
reference (reference)."""
