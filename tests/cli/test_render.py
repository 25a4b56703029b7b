"""How a leaderboard row's value is shown: one way on every row, the decimals as printed."""

import pytest

from extractor.cli.render import shown_value
from extractor.model.leaderboard import LeaderboardRow


@pytest.mark.parametrize(
    "value, raw, scale, shown",
    [
        (95.8, "95.8%", None, "95.8"),
        (88.0, "88.0", None, "88.0"),
        (85.5, "85.5*", None, "85.5"),
        (16.8, "0.168", 100, "16.8"),
        (50.0, "0.50", 100, "50"),
        (7.0, "n/a 7", None, "7"),
    ],
)
def test_shown_value(value, raw, scale, shown):
    row = LeaderboardRow(
        rank=1, model="A", value=value, value_raw=raw, value_scale=scale, doc_id="d", source="s"
    )
    assert shown_value(row) == shown
