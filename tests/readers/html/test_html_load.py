"""The loader as a whole: encodings, empty and odd pages, errors, warnings, text blocks."""

from __future__ import annotations

import codecs

import pytest
from lxml import etree

from extractor.model.errors import EmptyInputError, UnsupportedInputError
from extractor.readers.html import parse
from extractor.readers.html.charset import declared_encoding, decode_html, normalize_label
from tests.support.html import codes, grids, load_bytes, load_string, page

TABLE = "<table><tr><th>Model</th><th>Score</th></tr><tr><td>m</td><td>1.0</td></tr></table>"

# --- encodings ---------------------------------------------------------------------------


def test_cp1252_page_declared_by_meta_charset():
    markup = page("<h1>Caf\u00e9 \u201cquoted\u201d \u2013 \u20ac5</h1>", '<meta charset="windows-1252">')
    doc = load_string(markup, encoding="cp1252")
    assert doc.title == "Caf\u00e9 \u201cquoted\u201d \u2013 \u20ac5"
    assert "html-mojibake" not in codes(doc)


def test_latin1_label_means_cp1252_via_http_equiv():
    head = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    doc = load_bytes(page("<h1>It\x92s fine</h1>", head).encode("latin-1"))
    assert doc.title == "It\u2019s fine"


def test_utf8_page_with_mojibake_is_repaired():
    broken = "It\u00e2\u20ac\u2122s \u00e2\u20ac\u0153best\u00e2\u20ac\x9d"  # "Itâ€™s â€œbestâ€\x9d"
    doc = load_string(page(f"<h1>{broken}</h1><p>caf\u00c3\u00a9</p>", '<meta charset="utf-8">'))
    assert doc.title == "It\u2019s \u201cbest\u201d"
    assert "caf\u00e9" in doc.text
    assert "html-mojibake" in codes(doc)


def test_undeclared_utf8_and_undeclared_cp1252():
    assert load_bytes(page("<h1>na\u00efve</h1>").encode()).title == "na\u00efve"
    doc = load_bytes(page("<h1>na\u00efve \u2014 x</h1>").encode("cp1252"))
    assert doc.title == "na\u00efve \u2014 x"
    assert "html-encoding" in codes(doc)


def test_wrong_declaration_falls_back_to_utf8():
    doc = load_bytes(page("<h1>\u4e2d\u6587 title</h1>", '<meta charset="ascii">').encode())
    assert doc.title == "\u4e2d\u6587 title"


def test_byte_order_marks():
    markup = page("<h1>\u00fcber</h1>", '<meta charset="windows-1252">')  # the BOM wins over the meta
    assert load_bytes(codecs.BOM_UTF8 + markup.encode()).title == "\u00fcber"
    assert load_bytes(codecs.BOM_UTF16_LE + markup.encode("utf-16-le")).title == "\u00fcber"
    assert load_bytes(codecs.BOM_UTF16_BE + markup.encode("utf-16-be")).title == "\u00fcber"


@pytest.mark.parametrize("label", ["base64", "hex", "zlib", "rot13"])
def test_a_bytes_codec_named_as_charset_is_no_charset(label):
    # Python knows these names, but they turn bytes into bytes: a page declaring one is read as undeclared.
    assert normalize_label(label) is None
    doc = load_bytes(page("<h1>\u00fcber</h1>", f'<meta charset="{label}">').encode())
    assert doc.title == "\u00fcber"


def test_declared_encoding_labels():
    assert declared_encoding(b'<meta charset="UTF-8">') == "utf-8"
    assert declared_encoding(b"<meta charset=latin1>") == "cp1252"
    assert declared_encoding(b'<?xml version="1.0" encoding="iso-8859-1"?><html>') == "cp1252"
    assert declared_encoding(b'<meta charset="no-such-charset">') is None
    assert normalize_label("utf-16") == "utf-8"
    assert normalize_label("Shift_JIS") == "cp932"


def test_undefined_cp1252_bytes_do_not_fail():
    decoded = decode_html(b"<p>a\x81b\x8dc</p>\xff")
    assert decoded.encoding == "cp1252"
    assert decoded.text.startswith("<p>a\x81b\x8dc</p>")


# --- empty, broken and odd pages ---------------------------------------------------------


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body></body></html>",
        "<!-- only a comment -->",
        "<!DOCTYPE html>",
        "<html><head><title>Only a title</title><script>var x = 1;</script></head><body>  </body></html>",
        "<html><body><div><span> \n </span></div><img src='a.png'></body></html>",
    ],
)
def test_page_without_text_is_empty_input(markup):
    with pytest.raises(EmptyInputError, match="HTML page has no text"):
        load_string(markup)


def test_no_tables_is_a_warning_not_an_error():
    doc = load_string(page("<h1>Title</h1><p>Just prose.</p>"))
    assert doc.tables == []
    assert [(w.code, w.message) for w in doc.warnings] == [("no-tables", "no tables found")]


def test_malformed_markup_still_parses():
    markup = "<html><body><h1>Broken<p>unclosed <b>bold <table><tr><td>a<td>b<tr><td>c<td>d</table></i></div>"
    doc = load_string(markup)
    assert grids(doc) == [[["a", "b"], ["c", "d"]]]
    assert doc.title == "Broken"


def test_fragment_without_html_or_body():
    doc = load_string(f"<h1>Fragment</h1>{TABLE}")
    assert doc.title == "Fragment"
    assert len(doc.tables) == 1


def test_xml_declaration_and_xhtml():
    markup = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>X</title></head><body><p>text</p>{TABLE}</body></html>"
    )
    doc = load_string(markup)
    assert doc.title == "X"
    assert len(doc.tables) == 1


def test_control_characters_and_nul_bytes():
    doc = load_bytes(b"<html><body><h1>A\x00B\x01C</h1><p>ok</p></body></html>")
    assert doc.title == "A B C"


def test_very_deep_nesting_does_not_crash():
    doc = load_string("<p>top</p>" + "<div>" * 3000 + "deep" + "</div>" * 3000)
    assert "top" in doc.text


def test_parser_failure_becomes_unsupported_input(monkeypatch):
    def refuse(*args, **kwargs):
        raise etree.ParserError("something odd")

    monkeypatch.setattr(parse.html, "document_fromstring", refuse)
    with pytest.raises(UnsupportedInputError, match="cannot parse HTML: something odd"):
        load_string(page("<p>x</p>"))


# --- text blocks -------------------------------------------------------------------------


def test_blocks_kinds_and_order():
    doc = load_string(
        page(
            "<h1>The Title</h1><div>intro text<p>a paragraph</p>tail text</div>"
            "<h2>Section <small>2</small></h2>"
            "<figure><img src=x><figcaption>Figure 1: a plot</figcaption></figure>"
            "<p>Table 1: scores</p>" + TABLE + "<ul><li>item one</li></ul>"
            "<script>ignored()</script><nav><a href='/'>Home</a></nav>",
            "<title>The Title</title>",
        )
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "The Title"),
        ("paragraph", "intro text"),
        ("paragraph", "a paragraph"),
        ("paragraph", "tail text"),
        ("heading", "Section 2"),
        ("caption", "Figure 1: a plot"),
        ("caption", "Table 1: scores"),
        ("paragraph", "item one"),
    ]
    assert all(b.page is None and b.bbox is None for b in doc.blocks)


def test_table_caption_element_is_a_caption_block():
    doc = load_string(page(TABLE.replace("<table>", "<table><caption>Table 9: caption here</caption>")))
    assert [(b.kind, b.text) for b in doc.blocks] == [("caption", "Table 9: caption here")]


@pytest.mark.parametrize(
    "markup",
    [
        "<table><tr><td rowspan='99999999999999999999'>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
        "<table><caption><table><tr><td>x</td></tr></table></caption><tr><td>a</td><td>b</td></tr></table>",
        "</table></tr><td>orphan cell</td><th>and header</th>",
        "<![CDATA[ text ]]><p>&#0; &#xD800; &bogus; text</p>",
        "<svg><title>icon</title></svg><p>only this</p>",
        "<table>" + "<tr><td>1</td><td>2</td></tr>" * 2000 + "</table>",
    ],
)
def test_odd_markup_never_escapes_as_a_raw_error(markup):
    try:
        load_string(markup)
    except EmptyInputError:
        pass
