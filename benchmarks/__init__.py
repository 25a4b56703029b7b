"""Benchmarks: scripts that print figures (tables.py); table_scores.py holds the pure scoring functions."""
