"""decode_text and repair_mojibake."""

import codecs

import pytest

from extractor.readers.decode import decode_text, repair_mojibake

# UTF-8 punctuation read as cp874 (Thai Windows), undefined bytes taken from cp1252.
CP874 = {
    "\u0e22\u0e17": "·",  # ยท
    "\u0e42\u20ac\u02dc": "‘",  # โ€˜
    "\u0e42\u20ac\u2122": "’",  # โ€™
    "\u0e42\u20ac\u0153": "“",  # โ€œ
    "\u0e42\u20ac\u201c": "–",  # โ€“
    "\u0e42\u20ac\u201d": "—",  # โ€”
    "\u0e23\u0e09": "é",  # รฉ
}


@pytest.mark.parametrize(
    "data, text",
    [
        (b"plain ascii", "plain ascii"),
        ("café · ±".encode(), "café · ±"),
        (codecs.BOM_UTF8 + "naïve".encode(), "naïve"),
        (codecs.BOM_UTF16_LE + "héllo\r\nworld".encode("utf-16-le"), "héllo\nworld"),
        (codecs.BOM_UTF16_BE + "héllo".encode("utf-16-be"), "héllo"),
        (b"caf\xe9 \x93quoted\x94", "café “quoted”"),  # cp1252
        (b"a\r\nb\rc\n", "a\nb\nc\n"),
        ("Grüße ".encode() + b"\xe9t\xe9", "Grüße été"),  # UTF-8 kept, stray bytes read as cp1252
        (b"undefined \x81\x8d\x9d", "undefined \x81\x8d\x9d"),  # never raises
        (codecs.BOM_UTF16_LE + b"a\x00b", "a\ufffd"),  # odd length: replaced, not raised
    ],
)
def test_decode_text(data, text):
    assert decode_text(data) == text


@pytest.mark.parametrize("bad, good", sorted(CP874.items()))
def test_repair_cp874_mojibake(bad, good):
    assert repair_mojibake(f"x {bad}y z") == f"x {good}y z"


def test_repair_in_context():
    bad = (
        "less capable \u0e42\u20ac\u02dchelpful and harmless\u0e42\u20ac\u2122 language assistants; "
        "Claude 2\u0e42\u20ac\u2122s"
    )
    assert repair_mojibake(bad) == "less capable ‘helpful and harmless’ language assistants; Claude 2’s"
    byline = "Technical Report 2023 \xa0\u0e22\u0e17\xa0 Anthropic \u0e22\u0e17"
    assert repair_mojibake(byline) == "Technical Report 2023 \xa0·\xa0 Anthropic ·"


def test_repair_dropped_final_byte():
    # '”' is E2 80 9D; 0x9D is undefined in cp874 and cp1252, so a lossy decoder dropped it.
    bad = (
        "paper \u0e42\u20ac\u0153Red-Teaming Language Models\u0e42\u20ac [4], "
        "and \u0e42\u20ac\u0153X\u0e42\u20ac."
    )
    assert repair_mojibake(bad) == "paper “Red-Teaming Language Models” [4], and “X”."


def test_repair_cp1252_mojibake_by_ftfy():
    assert repair_mojibake("Claudeâ€™s cafÃ© â€œquotedâ€\x9d") == "Claude’s café “quoted”"


def test_repair_mojibake_thai_utf8_read_as_cp874():
    assert "สวัสดี".encode().decode("cp874") == "เธชเธงเธฑเธชเธ”เธต"
    assert repair_mojibake("เธชเธงเธฑเธชเธ”เธต") == "สวัสดี"
    # 'ครับ' has bytes cp874 leaves undefined (0x84, 0x9A): a sloppy reader took cp1252's
    assert repair_mojibake("เธ„เธฃเธฑเธš") == "ครับ"


@pytest.mark.parametrize(
    "text",
    [
        "สวัสดี",
        "เธอ ไป แกง ok",  # real Thai words whose cp874 bytes happen to be valid UTF-8
        "café, naïve, Müller, Über, ±0.3, a · b, 5 °C",
        "‘single’ and “double” quotes, it’s — fine… €5 ™",
        "ＦＵＬＬＷＩＤＴＨ stays",
        "&amp; stays",
        "x\ny\n",
    ],
)
def test_repair_leaves_real_text(text):
    assert repair_mojibake(text) == text
