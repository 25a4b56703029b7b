"""Rules painted out of a picture before OCR: long rules either way, short vertical ones between
header cells only when thin (a letter's stem of that height is not)."""

from __future__ import annotations

from PIL import Image, ImageDraw

from extractor.readers.pdf.ocr_rules import erase_rules

SCALE = 300 / 72  # pixels a point


def _pt(v: float) -> int:
    return round(v * SCALE)


def _picture() -> Image.Image:
    img = Image.new("L", (_pt(200), _pt(60)), 255)
    draw = ImageDraw.Draw(img)
    draw.line([(_pt(10), _pt(5)), (_pt(190), _pt(5))], fill=0, width=2)  # a rule across the table
    draw.line([(_pt(60), _pt(20)), (_pt(60), _pt(36))], fill=0, width=2)  # 16 pt between two header cells
    draw.rectangle([_pt(120), _pt(20), _pt(123), _pt(36)], fill=0)  # a stem 3 pt wide: a heading's `l`
    draw.line([(_pt(160), _pt(20)), (_pt(160), _pt(28))], fill=0, width=2)  # 8 pt: a `|` in a word
    return img


def _ink(img: Image.Image, x: float, y: float) -> bool:
    return img.getpixel((_pt(x), _pt(y))) < 128


def test_a_thin_short_vertical_rule_is_erased_and_a_letters_stem_is_not():
    erased, rules = erase_rules(_picture(), SCALE)
    assert not _ink(erased, 100, 5)  # the long rule
    assert not _ink(erased, 60, 28)  # the short thin one
    assert _ink(erased, 121.5, 28)  # the stem
    assert _ink(erased, 160, 24)  # too short for a rule
    # the finders are given the long rule only: a short one never bounds a table
    assert [(round(x0 / SCALE), round(x1 / SCALE)) for x0, _, x1, _ in rules] == [(10, 190)]


def test_a_light_gray_rule_on_paper_is_a_rule_and_a_gray_line_in_a_shaded_box_is_not():
    img = Image.new("L", (_pt(200), _pt(60)), 255)
    draw = ImageDraw.Draw(img)
    draw.line([(_pt(10), _pt(10)), (_pt(190), _pt(10))], fill=204, width=2)  # a model card's light rule
    draw.rectangle([_pt(10), _pt(30), _pt(190), _pt(50)], fill=233)  # a box shaded lighter than a rule ...
    draw.line([(_pt(10), _pt(40)), (_pt(190), _pt(40))], fill=190, width=2)  # ... with a gray line in it
    erased, rules = erase_rules(img, SCALE)
    assert [(round(x0 / SCALE), round(top / SCALE), round(x1 / SCALE)) for x0, top, x1, _ in rules] == [
        (10, 10, 190)
    ]
    assert erased.getpixel((_pt(100), _pt(10))) == 255
    assert erased.getpixel((_pt(100), _pt(40))) == 190


def test_a_gray_band_as_tall_as_a_row_of_letters_is_shading_not_a_rule():
    band = Image.new("L", (_pt(200), _pt(30)), 255)
    ImageDraw.Draw(band).rectangle([_pt(10), _pt(10), _pt(190), _pt(14)], fill=200)
    assert erase_rules(band, SCALE)[1] == []


def test_an_arrows_stem_as_long_as_a_short_rule_is_kept_and_a_rule_meeting_a_rule_is_not():
    from tests.support.pictures import arrow

    img = Image.new("L", (_pt(200), _pt(60)), 255)
    draw = ImageDraw.Draw(img)
    draw.line([(_pt(10), _pt(5)), (_pt(190), _pt(5))], fill=0, width=2)  # a rule across the table
    draw.line([(_pt(60), _pt(5)), (_pt(60), _pt(21))], fill=0, width=2)  # a short rule hanging from it
    arrow(draw, _pt(120), _pt(40), _pt(16), up=False)  # `↓` of a 16 pt header: a stem of ~14 pt
    erased, _ = erase_rules(img, SCALE)
    assert not _ink(erased, 60, 15)
    assert _ink(erased, 120, 32)  # the stem, its barbs joined to it
