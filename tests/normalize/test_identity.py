"""Own model or baseline: names announced by the title, or marked 'ours'."""

import pytest

from extractor.normalize.identity import model_role, own_names


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("NIMBUS TECHNICAL REPORT", [["nimbus"]]),
        ("Nimbus-V2: A Strong, Economical Mixture-of-Experts Model", [["nimbus", "v", "2"]]),
        ("Orca of Experts", [["orca"]]),
        ("Nimbus 3 Pro Model Card", [["nimbus", "3", "pro"]]),
        ("nimbus-120b & nimbus-20b Model Card", [["nimbus", "120b"], ["nimbus", "20b"]]),
        (None, []),
    ],
)
def test_own_names_from_title(title, names):
    assert own_names(title) == names


def test_model_role():
    own = own_names("Nimbus-V2: A Strong Model")
    assert model_role("Nimbus-V2 Base", "Nimbus-V2 Base", own) == "own"
    assert model_role("Nimbus-V2-Lite Chat", "Nimbus-V2-Lite Chat", own) == "own"
    assert model_role("Nimbus 67B", "Nimbus 67B", own) == "baseline"
    assert model_role("Nimbus-V2.5", "Nimbus-V2.5", own) == "baseline"
    assert model_role("Orca 7B", "Orca 7B (Ours)", []) == "own"
    assert model_role("Orca 7B", "Orca 7B", []) is None
