import pytest

from extractor.vocab.scores import parse_rank, parse_value


@pytest.mark.parametrize(
    "text, value, unit, spread, markers, note",
    [
        ("52.8%", 52.8, "%", None, None, None),
        ("71.2 ± 0.3", 71.2, None, 0.3, None, None),
        ("71.2±0.3%", 71.2, "%", 0.3, None, None),
        ("79.5*", 79.5, None, None, "*", None),
        ("71.2†", 71.2, None, None, "†", None),
        ("1,234", 1234.0, None, None, None, None),
        ("65.2 (5-shot)", 65.2, None, None, None, "5-shot"),
        ("76.5% (153/200)", 76.5, "%", None, None, "153/200"),
        ("−3.1", -3.1, None, None, None, None),
        ("2.5x", 2.5, "x", None, None, None),
        ("$0.25", 0.25, "$", None, None, None),
        ("4.80%", 4.8, "%", None, None, None),
    ],
)
def test_parse_value(text, value, unit, spread, markers, note):
    parsed = parse_value(text)
    assert parsed is not None
    assert (parsed.value, parsed.unit, parsed.spread, parsed.markers, parsed.note) == (
        value,
        unit,
        spread,
        markers,
        note,
    )


@pytest.mark.parametrize(
    "text", ["", "-", "–", "N/A", "n/a", "—", "Claude 2", "7B", "Dense", "MoE", "165 to 170"]
)
def test_no_score(text):
    assert parse_value(text) is None


def test_parse_rank():
    assert parse_rank("# 11") == 11
    assert parse_rank("#1") == 1
    assert parse_rank("3") == 3
    assert parse_rank("# 0") is None
    assert parse_rank("first") is None
