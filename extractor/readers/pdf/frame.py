"""Page coordinates: pdfium's user space -> top-left display points -> the frame text reads in.

Display coordinates honour the page's /Rotate, with the origin at the top left (as pdfplumber).
A page whose text mostly runs sideways (a landscape table on a portrait page) is read in a frame
turned so that the text runs left to right; boxes go back to display coordinates on output.
"""

from __future__ import annotations

import pypdfium2 as pdfium

Box = tuple[float, float, float, float]


class Frame:
    """Maps pdfium user-space points to top-left display coordinates, honouring /Rotate; then, for
    a page whose text runs sideways, turns the frame so that the text reads left to right."""

    def __init__(self, page: pdfium.PdfPage):
        self.left, self.bottom, self.right, self.top = page.get_mediabox()
        self.rotation = page.get_rotation() % 360
        w, h = self.right - self.left, self.top - self.bottom
        self.width, self.height = (h, w) if self.rotation in (90, 270) else (w, h)
        self.turn = 0  # quarter turns (counter-clockwise) of the text as displayed

    def display(self, x: float, y: float) -> tuple[float, float]:
        x, y = x - self.left, self.top - y  # top-left origin, unrotated
        w, h = self.right - self.left, self.top - self.bottom
        if self.rotation == 90:
            return h - y, x
        if self.rotation == 180:
            return w - x, h - y
        if self.rotation == 270:
            return y, w - x
        return x, y

    def point(self, x: float, y: float) -> tuple[float, float]:
        return turn_point(*self.display(x, y), self.turn, self.width, self.height)

    def box(self, left: float, bottom: float, right: float, top: float) -> Box:
        xa, ya = self.point(left, bottom)
        xb, yb = self.point(right, top)
        return min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)


def turn_point(x: float, y: float, turn: int, width: float, height: float) -> tuple[float, float]:
    """A display point in the frame where text turned `turn` quarter turns reads left to right."""
    if turn == 1:
        return height - y, x
    if turn == 2:
        return width - x, height - y
    if turn == 3:
        return y, width - x
    return x, y


def turn_box(box: Box, turn: int, width: float, height: float) -> Box:
    """A display box in the frame where text turned `turn` quarter turns reads left to right."""
    (ax, ay), (bx, by) = (
        turn_point(box[0], box[1], turn, width, height),
        turn_point(box[2], box[3], turn, width, height),
    )
    return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def unturn_box(box: Box, turn: int, width: float, height: float) -> Box:
    """A box of the turned frame back in display coordinates (`width`, `height`: the display page)."""
    if turn == 0:
        return box
    x0, top, x1, bottom = box
    if turn == 1:
        pts = [(y, height - x) for x, y in ((x0, top), (x1, bottom))]
    elif turn == 2:
        pts = [(width - x, height - y) for x, y in ((x0, top), (x1, bottom))]
    else:
        pts = [(width - y, x) for x, y in ((x0, top), (x1, bottom))]
    (ax, ay), (bx, by) = pts
    return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
