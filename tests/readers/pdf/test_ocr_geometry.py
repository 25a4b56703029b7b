"""Where OCR's words stand and what a second reading gives: baselines read from the ink (a box
holds descenders and specks), one baseline for words nearly on it and their own for a label
centred on two header lines, and a doubtful stretch read again alone."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from extractor.readers.pdf.ocr_geometry import Boxed, ink_baseline, place_line, shared_baselines
from extractor.readers.pdf.ocr_reread import reread_doubtful
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.tesseract import ocr_unavailable
from tests.support.pictures import font

BASELINE = 80


def _line(words: list[tuple[str, int]], px: int = 40) -> tuple[Image.Image, list[Boxed]]:
    """Words drawn on one baseline at x; each Boxed as tight as the font's box of it."""
    img = Image.new("L", (900, 140), 255)
    draw, face = ImageDraw.Draw(img), font(px)
    boxes = []
    for text, x in words:
        draw.text((x, BASELINE), text, fill=0, font=face, anchor="ls")
        x0, top, x1, bottom = draw.textbbox((x, BASELINE), text, font=face, anchor="ls")
        boxes.append(Boxed(text, x0, top, x1 - x0, bottom - top, 0.9))
    return img, boxes


def test_a_baseline_is_read_from_the_ink_not_from_a_box_holding_descenders():
    img, [model, passed] = _line([("Model", 20), ("pass@1", 300)])
    assert passed.top + passed.height > BASELINE + 5  # the box reaches the p's tail
    for w in (model, passed):
        assert ink_baseline(img, w.left, w.top, w.width, w.height) == pytest.approx(BASELINE, abs=1)


def test_a_box_without_ink_has_no_baseline():
    assert ink_baseline(Image.new("L", (50, 50), 255), 5, 5, 20, 20) is None


def test_the_font_size_is_measured_on_capitals_not_on_descenders():
    img, words = _line([("Model", 20), ("pass@1", 300), ("cons@64", 500)])
    size, baselines = place_line(img, words, cap_height_em=0.72, same_em=0.25)
    cap = BASELINE - words[0].top  # DejaVu's capitals at 40 px: 29 px
    assert size == pytest.approx(cap / 0.72, abs=1.5)
    assert baselines == [pytest.approx(BASELINE, abs=1)] * 3


def test_words_nearly_on_one_baseline_share_it_and_a_centred_label_keeps_its_own():
    # a two-line header: `Model` and `Diamond` on the second line, `MATH-500` centred between
    assert shared_baselines([112.0, 105.0, 111.0], size=11, same_em=0.25) == [111.5, 105.0, 111.5]
    # near neighbours chain into one baseline; a gap over a quarter of the size parts them
    assert shared_baselines([100.0, 100.8, 101.6], size=4, same_em=0.25) == [100.8] * 3
    assert shared_baselines([100.0, 101.5], size=4, same_em=0.25) == [100.0, 101.5]


@pytest.mark.skipif(ocr_unavailable() is not None, reason=f"OCR unavailable: {ocr_unavailable()}")
def test_a_doubtful_stretch_is_read_again_and_the_surer_reading_kept():
    img, [mmlu, metric] = _line([("MMLU", 20), ("(Pass@1)", 160)])
    misread = Boxed("crassa)", metric.left, metric.top, metric.width, metric.height, 0.24)
    sure = Boxed("Orca-13B", 600, mmlu.top, 150, mmlu.height, 0.95)  # across a gutter, not reread
    [line] = reread_doubtful(img, [[mmlu, misread, sure]], OcrSettings(), gutter_em=1.5)
    assert [w.text for w in line] == ["MMLU", "(Pass@1)", "Orca-13B"]
    assert line[-1] is sure
    assert abs(line[1].left - metric.left) <= 5 and abs(line[1].width - metric.width) <= 8  # side bearings


@pytest.mark.skipif(ocr_unavailable() is not None, reason=f"OCR unavailable: {ocr_unavailable()}")
def test_pictures_read_in_two_threads_at_once_are_each_read_whole():
    from concurrent.futures import ThreadPoolExecutor

    from extractor.readers.pdf.tesseract import read_lines

    img, _ = _line([("Nimbus-7B", 20), ("71.3", 300), ("55.2", 500)])
    with ThreadPoolExecutor(4) as pool:
        read = list(
            pool.map(lambda _: [w.text for ln in read_lines(img, OcrSettings()) for w in ln], range(8))
        )
    assert read == [["Nimbus-7B", "71.3", "55.2"]] * 8


def _reading(*words: tuple[str, float]) -> list[Boxed]:
    return [Boxed(text, 100 * k, 10, 80, 30, conf) for k, (text, conf) in enumerate(words)]


def test_a_score_the_readings_disagree_on_is_contested_unless_another_confirms_it():
    from extractor.readers.pdf.ocr_reread import _contested

    def contested(best, *others):
        return [w.contested for w in _contested(best, [*others, best], margin=0.25)]

    # `75.2` printed: read `79.2` twice, then `19.2` a little surer; nothing says which is right
    assert contested(_reading(("19.2", 0.81)), _reading(("79.2", 0.78)), _reading(("79.2", 0.78))) == [True]
    # a misreading beside two readings that agree is outvoted
    assert contested(_reading(("72.3", 0.94)), _reading(("72.3", 0.73)), _reading(("12.3", 0.84))) == [False]
    # a rival read with far less confidence, or one that read no digits, is no contest
    assert contested(_reading(("57.9", 0.96)), _reading(("Do", 0.09)), _reading(("O79", 0.37))) == [False]
    # only scores are contested: the label beside them is no value
    both = contested(_reading(("Korean", 0.96), ("19.2", 0.81)), _reading(("Korean", 0.96), ("79.2", 0.78)))
    assert both == [False, True]


def test_a_word_read_again_inside_a_longer_reading_of_its_ink_is_left_out():
    from extractor.readers.pdf.ocr import without_doubles
    from extractor.readers.pdf.words import Word

    def word(text: str, x0: float, x1: float, top: float = 100) -> Word:
        return Word(text, x0, top, x1, top + 9, top + 8, 10, False, confidence=0.9)

    whole, part = word("93.0%", 200, 230), word("3.0%", 206, 230, top=101)
    beside = word("94.5%", 240, 270)
    below = word("3.0%", 206, 230, top=112)  # the same place on the next line: another cell
    assert without_doubles([whole, part, beside, below]) == [whole, beside, below]
    # a word inside another's box whose text it is not part of is another word (a tall misread box)
    tall = Word("fomcndetercen", 190, 95, 260, 125, 120, 10, False, confidence=0.3)
    small = word("is", 220, 228, top=110)
    assert without_doubles([tall, small]) == [tall, small]
    # a second reading of a word's first letters, which the longer reading read with one letter wrong
    first, longer = word("Math", 61, 80), word("fathematics", 66, 110)
    assert without_doubles([first, longer]) == [longer]
    # a short word is a part only as spelt; a longer one differing in two letters is another word
    assert without_doubles([word("Ma", 66, 76), longer]) == [word("Ma", 66, 76), longer]
    assert without_doubles([word("Mach", 66, 85), longer]) == [word("Mach", 66, 85), longer]
    # a mark half inside a score is the ring of its `%` read again; a mark beside it is its own
    ring, star = word("°", 228, 231), word("*", 231, 234)
    assert without_doubles([whole, ring, star]) == [whole, star]
    # inside a word read without a mark, a mark is that word's ink its reading left out: kept
    name, plus = word("MBPP", 100, 137), word("+", 130, 136)
    assert without_doubles([name, plus]) == [name, plus]


@pytest.mark.skipif(ocr_unavailable() is not None, reason=f"OCR unavailable: {ocr_unavailable()}")
def test_a_word_box_as_tall_as_two_lines_is_read_again_as_those_lines():
    # a note set small on two lines beside a row: Tesseract ran it into one tall misread word
    img, [label, score] = _line([("GPQA", 20), ("83.0%", 600)])
    draw, small = ImageDraw.Draw(img), font(26)
    for text, baseline in (("single", BASELINE - 17), ("attempt", BASELINE + 17)):
        draw.text((240, baseline), text, fill=0, font=small, anchor="ls")
    x0, top, _, _ = draw.textbbox((240, BASELINE - 17), "single", font=small, anchor="ls")
    _, _, x1, bottom = draw.textbbox((240, BASELINE + 17), "attempt", font=small, anchor="ls")
    merged = Boxed("eae", x0, top, x1 - x0, bottom - top, 0.3)
    lines = reread_doubtful(img, [[label, merged, score]], OcrSettings(), gutter_em=1.5)
    assert sorted([w.text for w in ln] for ln in lines) == [["GPQA", "83.0%"], ["attempt"], ["single"]]
    [attempt] = next(ln for ln in lines if ln[0].text == "attempt")
    assert attempt.top > label.top and attempt.top + attempt.height >= BASELINE + 17
    # a word box of one line's height is not taken apart
    [line] = reread_doubtful(img, [[label, score]], OcrSettings(), gutter_em=1.5)
    assert [(w.text, w.left, w.top, w.width, w.height) for w in line] == [
        (w.text, w.left, w.top, w.width, w.height) for w in (label, score)
    ]
