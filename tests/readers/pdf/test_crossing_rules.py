"""Cells from crossing rules: the same cells, in the same order, as pdfplumber's own finder."""

from __future__ import annotations

import random

from pdfplumber.table import edges_to_intersections, intersections_to_cells

from extractor.readers.pdf.crossing_rules import intersection_cells


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict:
    orientation = "h" if top == bottom else "v"
    return {"x0": x0, "top": top, "x1": x1, "bottom": bottom, "orientation": orientation}


def _ruled_grid(rng: random.Random) -> list[dict]:
    """A grid of rules, some cut short or missing, as a table drawn with merged and open cells."""
    xs = sorted(rng.sample(range(0, 400, 10), rng.randint(2, 7)))
    ys = sorted(rng.sample(range(0, 400, 10), rng.randint(2, 9)))
    edges = []
    for y in ys:
        if rng.random() < 0.85:
            a, b = sorted(rng.sample(xs, 2)) if rng.random() < 0.3 else (xs[0], xs[-1])
            edges.append(_edge(a, y, b, y))
    for x in xs:
        if rng.random() < 0.85:
            a, b = sorted(rng.sample(ys, 2)) if rng.random() < 0.3 else (ys[0], ys[-1])
            edges.append(_edge(x, a, x, b))
    return edges


def test_cells_are_pdfplumbers_in_its_order():
    rng = random.Random(5)
    grids = found = 0
    for _ in range(300):
        points = edges_to_intersections(_ruled_grid(rng), 3, 3)
        expected = intersections_to_cells(points)
        assert intersection_cells(points) == expected
        grids, found = grids + 1, found + len(expected)
    assert found > grids  # the grids drew cells: the comparison was not of empty lists


def test_a_merged_cell_spans_the_rules_it_crosses():
    # two rows, two columns, the middle vertical rule only through the lower row
    edges = [
        _edge(0, 0, 100, 0),
        _edge(0, 10, 100, 10),
        _edge(0, 20, 100, 20),
        _edge(0, 0, 0, 20),
        _edge(100, 0, 100, 20),
        _edge(50, 10, 50, 20),
    ]
    cells = intersection_cells(edges_to_intersections(edges, 3, 3))
    assert cells == [(0, 0, 100, 10), (0, 10, 50, 20), (50, 10, 100, 20)]
