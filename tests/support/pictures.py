"""Pictures of tables for the OCR tests: Pillow draws a known grid in a clear font (15 pt at 300
dpi: the picture is then 500 pt wide and covers the sixth of the page images.py asks of a table),
saved as PNG or placed on a PDF page under a caption (drawing.py).

Tesseract reads the digits of these tables right at any size from 9 pt up, but `HumanEval` set in
DejaVu Sans it reads as `HumaneEval` (confidence ~0.5) at 9, 13 and 14 pt; at 15 and 16 pt it
reads every word, on the PDF page and in the PNG alike."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from tests.support.drawing import Page, pdf

DPI = 300
HEADER = ("Model", "MMLU", "GSM8K", "HumanEval")
ROWS = (
    ("Nimbus-7B", "71.3", "55.2", "30.1"),
    ("Orca-13B", "64.8", "48.0", "27.4"),
    ("Nimbus-70B", "80.5", "79.9", "52.6"),
    ("Orca-34B", "69.2", "61.7", "41.5"),
)
_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  # Debian's fonts-dejavu-core
)


def font(px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in _FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, px)
    import reportlab

    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # reportlab's bundled Bitstream Vera
    return ImageFont.truetype(str(vera), px)


def table_image(
    rows: Sequence[Sequence[str]] = (HEADER, *ROWS), size_pt: float = 15, dpi: int = DPI, rules: bool = True
) -> Image.Image:
    """A booktabs-like table: the first row a header, columns at places that grow with the font."""

    def px(pt: float) -> int:
        return round(pt * size_pt / 9 * dpi / 72)  # lengths below are for a 9 pt font

    face = font(px(9))
    cols = [px(8), px(90), px(150), px(210), px(280)]
    width, row_h = px(300), px(9 * 2.2)
    img = Image.new("RGB", (width, row_h * len(rows) + px(10)), "white")
    draw = ImageDraw.Draw(img)
    for i, row in enumerate(rows):
        y = px(5) + i * row_h + px(3)
        for x, text in zip(cols, row, strict=False):
            draw.text((x, y), text, fill="black", font=face)
    if rules:
        for y in (px(3), px(5) + row_h + px(1), img.height - px(3)):
            draw.line([(px(4), y), (width - px(4), y)], fill="black", width=max(1, px(0.6)))
    return img


def png(img: Image.Image, fmt: str = "PNG") -> bytes:
    out = BytesIO()
    img.save(out, fmt, dpi=(DPI, DPI))
    return out.getvalue()


def picture_page_pdf(img: Image.Image | None = None, caption: str = "Table 1: Results") -> bytes:
    """A page with a title, a paragraph, the caption and the table as a picture under it, at the
    picture's resolution (a pixel of it is a pixel of the page rendered at 300 dpi)."""
    img = img or table_image()
    w, h = img.width * 72 / DPI, img.height * 72 / DPI

    def draw(p: Page) -> None:
        p.text(72, 72, "Nimbus: a model family", size=16)
        p.lines(72, 110, ["We report the results of our models on three benchmarks below."])
        p.text(72, 160, caption, size=9)
        p.image(img, 54, 172.8, w, h)  # at whole pixels of the 300 dpi rendering: no resampling

    return pdf(draw)


CENTRED_HEADER_ROWS = (
    ("Nimbus-7B", "41.2", "30.5"),
    ("Orca-13B", "38.9", "35.0"),
    ("Nimbus-70B", "52.4", "47.7"),
)


def centred_header_image(size_pt: float = 15) -> Image.Image:
    """A table whose header is two lines: `Model` and `Diamond` on the second, `GPQA` on the first,
    `MATH` centred between them (as LaTeX's multirow sets it), then CENTRED_HEADER_ROWS."""
    px = lambda pt: round(pt * size_pt / 9 * DPI / 72)  # noqa: E731 - lengths for a 9 pt font
    face = font(px(9))
    cols, line = [px(8), px(110), px(190)], px(11)
    img = Image.new("L", (px(260), px(30) + line * (2 + len(CENTRED_HEADER_ROWS))), 255)
    draw = ImageDraw.Draw(img)
    first, second = px(16), px(16) + line
    draw.text((cols[2], first), "GPQA", fill=0, font=face, anchor="ls")
    draw.text((cols[0], second), "Model", fill=0, font=face, anchor="ls")
    draw.text((cols[1], (first + second) // 2), "MATH", fill=0, font=face, anchor="ls")
    draw.text((cols[2], second), "Diamond", fill=0, font=face, anchor="ls")
    for y in (px(3), second + px(5), img.height - px(3)):
        draw.line([(px(4), y), (img.width - px(4), y)], fill=0, width=max(1, px(0.6)))
    for i, row in enumerate(CENTRED_HEADER_ROWS):
        for x, text in zip(cols, row, strict=True):
            draw.text((x, second + px(8) + line * (i + 1)), text, fill=0, font=face, anchor="ls")
    return img


STAGGERED_HEADER = (
    ("Vega", "Large"),
    ("Nimbus-7B",),
    ("Orca-4", "Base"),
    ("Orca-4", "Chat"),
    ("Lynx",),
    ("Kite", "Pretrain"),
)
STAGGERED_ROWS = (
    ("AISHELL-1", "5.14", "1.53", "2.46", "226.47", "0.87", "1.95"),
    ("WenetSpeech", "9.68", "7.72", "8.78", "146.05", "7.62", "8.75"),
    ("LibriSpeech", "1.90", "1.60", "2.82", "75.39", "2.36", "3.11"),
)


def staggered_header_image(size_pt: float = 7) -> Image.Image:
    """A table whose model names stand on two lines set close (`Vega` over `Large`) beside names on
    one centred between them, as a small LaTeX table sets them; then STAGGERED_ROWS."""
    px = lambda pt: round(pt * size_pt / 9 * DPI / 72)  # noqa: E731 - lengths for a 9 pt font
    face = font(px(9))
    cols = [px(8)] + [px(90) + k * px(62) for k in range(len(STAGGERED_HEADER))]
    pitch, line = px(10.5), px(13)
    img = Image.new("L", (cols[-1] + px(70), px(40) + line * (len(STAGGERED_ROWS) + 2)), 255)
    draw = ImageDraw.Draw(img)
    first = px(16)
    for x, name in zip(cols[1:], STAGGERED_HEADER, strict=True):
        if len(name) == 2:
            draw.text((x, first), name[0], fill=0, font=face, anchor="ls")
            draw.text((x, first + pitch), name[1], fill=0, font=face, anchor="ls")
        else:
            draw.text((x, first + pitch // 2), name[0], fill=0, font=face, anchor="ls")
    below = first + pitch + px(5)
    for y in (px(3), below, img.height - px(3)):
        draw.line([(px(4), y), (img.width - px(4), y)], fill=0, width=max(1, px(0.6)))
    for i, row in enumerate(STAGGERED_ROWS):
        for x, text in zip(cols, row, strict=True):
            draw.text((x, below + px(3) + line * (i + 1)), text, fill=0, font=face, anchor="ls")
    return img


def staggered_header_page(size_pt: float = 7) -> Image.Image:
    """A scanned page: lines of running text at 10 pt, a caption, and staggered_header_image under it
    (Tesseract's block reading runs such a header's two lines into pieces only on a page like it)."""
    page = Image.new("L", (2481, 1400), 255)
    draw, face = ImageDraw.Draw(page), font(round(10 / 72 * DPI))
    for k in range(6):
        line = "We tested the performance of the model at two stages and report the results"
        draw.text((200, 120 + k * 55), line, fill=0, font=face)
    draw.text((900, 520), "Table 1: ASR result comparison", fill=0, font=face)
    page.paste(staggered_header_image(size_pt), (200, 600))
    return page


BARS_HEADER = ("Model", "dev-clean | dev-other | test-clean | test-other", "AISHELL-1")
BARS_ROWS = (
    ("Nimbus-Audio", "1.8 | 4.0 | 2.0 | 4.2", "5.14"),
    ("Orca-ASR", "- | - | 2.1 | 4.9", "1.53"),
    ("Vega-Speech", "1.3 | 3.4 | 1.6 | 3.6", "2.46"),
)


def bars_table_image(size_pt: float = 12) -> Image.Image:
    """A table whose cells hold four scores parted by bars (`2.1 | 4.9`), under a header parted
    the same way, as a report of speech benchmarks prints them: each bar a thin stroke as tall as a
    digit, a third of an em clear either side (DejaVu's own `|` reaches below the line, as a rule does)."""
    px = lambda pt: round(pt * size_pt / 9 * DPI / 72)  # noqa: E731 - lengths for a 9 pt font
    face = font(px(9))
    cols, line = [px(8), px(90), px(330)], px(14)
    img = Image.new("L", (px(400), px(20) + line * (len(BARS_ROWS) + 1)), 255)
    draw = ImageDraw.Draw(img)
    for i, row in enumerate((BARS_HEADER, *BARS_ROWS)):
        y = px(14) + line * i
        draw.text((cols[0], y), row[0], fill=0, font=face, anchor="ls")
        draw.text((cols[2], y), row[2], fill=0, font=face, anchor="ls")
        x = cols[1]
        for k, part in enumerate(row[1].split(" | ")):
            if k:
                x += px(4)
                draw.rectangle([x, y - px(6.5), x + max(1, px(0.5)) - 1, y - 1], fill=0)
                x += px(4)
            draw.text((x, y), part, fill=0, font=face, anchor="ls")
            x += round(draw.textlength(part, font=face))
    for y in (px(3), px(14) + px(4), img.height - px(3)):
        draw.line([(px(4), y), (img.width - px(4), y)], fill=0, width=max(1, px(0.6)))
    return img


ARROWS_DATASETS = ("test-zh", "test-en")
ARROWS_METRICS = (("CER (%)", "↓"), ("SS", "↑"), ("WER (%)", "↓"), ("SS", "↑"))
ARROWS_ROWS = (
    ("Nimbus-TTS", "1.51", "0.630", "3.82", "0.460"),
    ("Orca-Voice", "2.27", "0.774", "2.62", "0.714"),
    ("Vega-Speech", "3.63", "0.775", "4.29", "0.609"),
)


def arrow(draw: ImageDraw.ImageDraw, x: int, baseline: int, em: int, up: bool) -> None:
    """An arrow as TeX sets `\\uparrow` (`up`) or `\\downarrow`: a stem from above the capitals to
    below the baseline, two barbs at one end. Drawn, not set in a font: the fonts a test machine
    has may lack the glyph."""
    top, bottom, half, stroke = (
        baseline - round(0.72 * em),
        baseline + round(0.18 * em),
        round(0.25 * em),
        max(1, em // 14),
    )
    tip, back = (top, top + round(0.3 * em)) if up else (bottom, bottom - round(0.3 * em))
    draw.line([(x, top), (x, bottom)], fill=0, width=stroke)
    draw.line([(x - half, back), (x, tip), (x + half, back)], fill=0, width=stroke, joint="curve")


def arrows_table_image(size_pt: float = 12) -> Image.Image:
    """A table of a speech report's kind: datasets over pairs of columns, each column's metric marked
    with an arrow for its direction (`CER (%) ↓`, `SS ↑`), then ARROWS_ROWS."""
    px = lambda pt: round(pt * size_pt / 9 * DPI / 72)  # noqa: E731 - lengths for a 9 pt font
    face, em = font(px(9)), px(9)
    cols, line = [px(8), px(90), px(160), px(230), px(300)], px(14)
    img = Image.new("L", (px(370), px(24) + line * (len(ARROWS_ROWS) + 1)), 255)
    draw = ImageDraw.Draw(img)
    for k, name in enumerate(ARROWS_DATASETS):
        draw.text((cols[1 + 2 * k] + px(30), px(14)), name, fill=0, font=face, anchor="ls")
    y = px(14) + line
    draw.text((cols[0], y), "Model", fill=0, font=face, anchor="ls")
    for x, (label, direction) in zip(cols[1:], ARROWS_METRICS, strict=True):
        draw.text((x, y), label, fill=0, font=face, anchor="ls")
        arrow(draw, x + round(draw.textlength(label, font=face)) + px(5), y, em, direction == "↑")
    for i, row in enumerate(ARROWS_ROWS):
        for x, text in zip(cols, row, strict=True):
            draw.text((x, y + line * (i + 1)), text, fill=0, font=face, anchor="ls")
    for rule in (px(3), y + px(5), img.height - px(3)):
        draw.line([(px(4), rule), (img.width - px(4), rule)], fill=0, width=max(1, px(0.6)))
    return img
