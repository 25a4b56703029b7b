"""Title and abstract: each source in its order of priority."""

from __future__ import annotations

import pytest

from extractor.readers.html.metadata import strip_site_suffix
from tests.support.html import load_string, page

LONG = (
    "We train a compact language model on curated data and show that it matches far larger models on "
    "reasoning benchmarks while costing a fraction of the compute to serve."
)


def title_of(head: str = "", body: str = "<p>text</p>") -> str | None:
    return load_string(page(body, head)).title


def abstract_of(head: str = "", body: str = "<p>text</p>") -> str | None:
    return load_string(page(body, head)).abstract


# --- title -------------------------------------------------------------------------------

ALL_TITLES = (
    '<meta name="citation_title" content="From citation">'
    '<meta property="og:title" content="From og">'
    '<meta name="DC.title" content="From dc">'
    "<title>From title | Site</title>"
)


def test_title_priority_chain():
    body = "<h1>From h1</h1>"
    assert title_of(ALL_TITLES, body) == "From citation"
    assert title_of(ALL_TITLES.split(">", 1)[1], body) == "From og"
    assert title_of('<meta name="DC.title" content="From dc"><title>t</title>', body) == "From dc"
    assert title_of('<meta name="dcterms.title" content="From dcterms">', body) == "From dcterms"
    assert title_of("<title>From title | Site</title>", body) == "From h1"
    assert title_of("<title>From title | Site</title>", "<p>no heading</p>") == "From title"


def test_og_title_as_name_attribute_and_other_case():
    assert title_of('<meta name="og:title" content="Named">') == "Named"
    assert title_of('<meta property="OG:Title" content="Upper">') == "Upper"
    assert title_of('<meta name="dc.title" content="lower dc">') == "lower dc"


def test_citation_conference_title_is_not_the_title():
    head = '<meta name="citation_conference_title" content="Proceedings of Things"><title>Paper</title>'
    assert title_of(head) == "Paper"


def test_title_whitespace_and_entities():
    assert (
        title_of('<meta name="citation_title" content="  A &amp; B:\n   two\tlines ">') == "A & B: two lines"
    )
    # a page that escaped its metadata twice
    assert title_of('<meta property="og:title" content="Q&amp;amp;A systems">') == "Q&A systems"
    assert title_of("<title>\n  Spaced   &eacute;t&eacute;  </title>") == "Spaced été"


def test_first_visible_h1():
    body = (
        "<h1 style='display: none'>Hidden</h1><h1 hidden>Also hidden</h1>"
        "<h1> Visible <em>one</em></h1><h1>Second</h1>"
    )
    assert title_of(body=body) == "Visible one"


def test_h1_the_title_repeats_beats_a_logo_h1():
    body = "<h1><a href='/'>Blog</a></h1><article><h1>Real Post Title</h1></article>"
    assert title_of("<title>Real Post Title · Blog</title>", body) == "Real Post Title"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Attention Is All You Need | arXiv", "Attention Is All You Need"),
        ("Large language model - Wikipedia", "Large language model"),
        ("How many points is a prompt worth? - ACL Anthology", "How many points is a prompt worth?"),
        ("Paper title — The Blog", "Paper title"),
        ("Results | lwn.net", "Results"),
        (
            "A - B: the long story of everything that happened",
            "A - B: the long story of everything that happened",
        ),
        ("GPT-4 Technical Report", "GPT-4 Technical Report"),
        ("Scaling laws - a critical review", "Scaling laws - a critical review"),
        ("Title | this is not a site name at all, really", "Title | this is not a site name at all, really"),
    ],
)
def test_strip_site_suffix(raw, expected):
    assert strip_site_suffix(raw) == expected


def test_site_suffix_matching_site_name_meta():
    assert strip_site_suffix("Paper | my little site", {"my little site"}) == "Paper"
    head = '<meta property="og:site_name" content="my little site"><title>Paper | my little site</title>'
    assert title_of(head) == "Paper"


def test_no_title_anywhere():
    assert title_of(body="<p>just text</p>") is None


# --- abstract ----------------------------------------------------------------------------


def test_citation_abstract_first():
    head = f'<meta name="citation_abstract" content="{LONG}"><meta name="description" content="short">'
    body = "<div class='abstract'><p>A different abstract text that is long enough here to count.</p></div>"
    assert abstract_of(head, body) == LONG


def test_dublin_core_abstract_meta():
    assert abstract_of(f'<meta name="DC.Description.Abstract" content="{LONG}">') == LONG


@pytest.mark.parametrize(
    "body",
    [
        f"<blockquote class='abstract mathjax'><span class='descriptor'>Abstract:</span>{LONG}</blockquote>",
        f"<div id='abstract'><p>{LONG}</p></div>",
        f"<section class='abstract'><h2>Abstract</h2><p>{LONG}</p></section>",
        f"<div class='paper-abstract'><p>{LONG}</p></div>",
        f"<div class='card-body acl-abstract'><h5 class='card-title'>Abstract</h5><span>{LONG}</span></div>",
        f"<h2>Abstract</h2><p>{LONG}</p>"
        "<h2>Introduction</h2><p>Not part of it, though long enough to count.</p>",
        f"<p><strong>Abstract</strong></p><p>{LONG}</p>",
    ],
)
def test_abstract_containers(body):
    assert abstract_of(body=body) == LONG


def test_heading_abstract_collects_several_paragraphs():
    body = (
        "<h3>Abstract</h3><p>First part of the abstract text.</p>"
        "<p>Second part of it, which ends here.</p><h3>1 Intro</h3>"
    )
    assert abstract_of(body=body) == "First part of the abstract text. Second part of it, which ends here."


@pytest.mark.parametrize("key", ["og:description", "description", "dc.description", "twitter:description"])
def test_description_fallbacks(key):
    attr = "property" if key.startswith("og:") else "name"
    assert abstract_of(f'<meta {attr}="{key}" content="{LONG}">') == LONG


def test_description_priority():
    head = (
        '<meta name="twitter:description" content="tw"><meta name="description" content="plain">'
        '<meta property="og:description" content="og">'
    )
    assert abstract_of(head) == "og"


def test_container_beats_truncated_meta_description():
    head = f'<meta property="og:description" content="{LONG[:60]}...">'
    assert abstract_of(head, f"<div class='abstract'>{LONG}</div>") == LONG


def test_truncated_description_completed_by_a_longer_one():
    head = (
        f'<meta name="description" content="{LONG[:70]}"><meta name="twitter:description" content="{LONG}">'
    )
    assert abstract_of(head) == LONG


def test_truncated_description_completed_from_the_page():
    head = f'<meta property="og:description" content="{LONG[:80]}...">'
    assert abstract_of(head, f"<article><p>{LONG}</p><p>Next paragraph.</p></article>") == LONG


def test_abstract_help_text_in_forms_and_hidden_dialogs_is_ignored():
    body = (
        "<div class='modal' aria-hidden='true'><form><label for='paperAbstract'>Abstract</label>"
        "<small id='abstractHelp'>Correct the abstract if needed, keeping the formatting tags such as "
        "bold and italic exactly as they appear in the paper.</small>"
        "<textarea id='paperAbstract'></textarea></form></div>"
        "<a class='abstract-toggle' href='#'>Show abstract</a>"
    )
    assert abstract_of(body=body) is None


def test_site_blurb_description_gives_way_to_the_lead_paragraph():
    head = (
        '<meta property="og:site_name" content="ERB">'
        '<meta name="description" '
        'content="Founded long ago, the ERB is a private organization for research.">'
        '<meta name="citation_title" content="Prices and Quantities">'
    )
    body = f"<h1>Prices and Quantities</h1><p>By A. Author</p><div class='intro'><p>{LONG} {LONG}</p></div>"
    assert abstract_of(head, body) == f"{LONG} {LONG}"


def test_no_abstract():
    assert abstract_of(body="<h1>T</h1><p>short</p>") is None
