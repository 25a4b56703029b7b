"""Each semantic check of `extractor validate`: a case that trips it and one that does not."""

import pytest

from extractor.checks.cross_document import cross_document_conflicts
from extractor.checks.records import (
    benchmark_values,
    check_conflicts,
    check_directions,
    check_names,
    check_outliers,
    check_percent,
    is_far,
)
from extractor.model.issues import ref_of
from extractor.model.options import ValidateOptions
from extractor.vocab.directions import metric_direction
from extractor.vocab.names import load_vocabulary


def rec(**kw):
    data = {
        "doc_id": "doc-1",
        "dataset": "MMLU",
        "model": "Nimbus 2",
        "metric": "Accuracy",
        "setting": None,
        "value": 70.0,
        "unit": None,
        "table_index": 0,
        "row": 1,
        "col": 1,
        **kw,
    }
    return data, ref_of(data, "results.jsonl", kw.get("row", 1))


def codes(issues):
    return [(i.severity, i.code) for i in issues]


def test_percentage_outside_0_to_100_trips():
    issues = check_percent([rec(value=112.5, unit="%")])
    assert codes(issues) == [("error", "percent-out-of-range")]
    assert issues[0].reason == "percentage 112.5 is outside 0 to 100"
    assert issues[0].record.model == "Nimbus 2" and issues[0].record.line == 1
    assert codes(check_percent([rec(value=-0.5, metric="Average (%)")])) == [
        ("error", "percent-out-of-range")
    ]


def test_percentage_inside_range_or_not_a_percentage_passes():
    assert (
        check_percent([rec(value=100.0, unit="%"), rec(value=0.0, unit="%"), rec(value=1250.0, metric="Elo")])
        == []
    )


def test_record_with_no_dataset_or_no_model_trips():
    issues = check_names([rec(dataset=""), rec(model=None, row=2)])
    assert codes(issues) == [("error", "no-dataset"), ("error", "no-model")]
    assert [i.reason for i in issues] == ["record has no dataset", "record has no model"]
    assert issues[1].record.line == 2


def test_record_with_dataset_and_model_passes():
    assert check_names([rec()]) == []


def test_two_values_for_one_dataset_model_metric_setting_trip():
    issues = check_conflicts([rec(value=70.0), rec(value=71.5, table_index=2, row=4, col=3)])
    assert codes(issues) == [("error", "conflicting-values")]
    assert (
        issues[0].reason
        == "71.5 here but 70 at table 0 row 1 col 1 for the same dataset, model, metric and setting"
    )
    assert (issues[0].record.table_index, issues[0].record.row) == (2, 4)


def test_same_value_twice_or_different_setting_or_document_passes():
    records = [
        rec(value=70.0),
        rec(value=70.0, row=5),
        rec(value=75.0, setting="5-shot"),
        rec(value=80.0, doc_id="doc-2"),
    ]
    assert check_conflicts(records) == []


def test_metric_with_unknown_direction_trips_once_per_metric():
    issues = check_directions([rec(metric="Vibes"), rec(metric="Vibes", row=2), rec(metric=None, row=3)])
    assert codes(issues) == [("warning", "unknown-direction"), ("warning", "unknown-direction")]
    assert (
        issues[0].reason
        == "metric 'Vibes': unknown whether higher or lower is better, so it cannot be ranked (2 records)"
    )
    assert (
        issues[1].reason
        == "a record with no metric: unknown whether higher or lower is better, so it cannot be ranked"
    )


def test_metrics_with_known_direction_pass():
    assert (
        check_directions(
            [rec(metric=m) for m in ("Accuracy", "Acc.", "Perplexity", "Top-1 error", "Latency (ms)")]
        )
        == []
    )


@pytest.mark.parametrize(
    ("metric", "direction"),
    [
        ("Accuracy", "higher"),
        ("EM", "higher"),
        ("Pass@1", "higher"),
        ("BLEU-4", "higher"),
        ("F1 Full", "higher"),
        ("Perplexity", "lower"),
        ("PPL", "lower"),
        ("Test perplexity", "lower"),
        ("WER", "lower"),
        ("Word Error Rate", "lower"),
        ("Latency (s)", "lower"),
        ("Validation loss", "lower"),
        ("Top-1 Error", "lower"),
        ("Params", None),
        ("Vibes", None),
    ],
)
def test_metric_directions(metric, direction):
    assert metric_direction(metric) == direction


def _store(*values, dataset="MMLU", metric="Accuracy"):
    return benchmark_values(
        [
            {
                "doc_id": f"other-{i}",
                "dataset": dataset,
                "metric": metric,
                "value": v,
                "table_index": 0,
                "row": i,
                "col": 0,
            }
            for i, v in enumerate(values)
        ]
    )


def test_value_far_from_every_other_value_in_the_store_trips():
    issues = check_outliers([rec(value=0.71)], _store(62.0, 70.5, 78.3))
    assert codes(issues) == [("warning", "outlier")]
    assert (
        issues[0].reason
        == "0.71 is far from every other value of MMLU / Accuracy in the store (3 values, 62 to 78.3)"
    )
    assert codes(check_outliers([rec(value=705.0)], _store(62.0, 70.5, 78.3))) == [("warning", "outlier")]


def test_value_near_the_others_or_too_few_others_passes():
    store = _store(62.0, 70.5, 78.3)
    assert check_outliers([rec(value=88.0), rec(value=31.0, row=2)], store) == []  # a new best, a weak model
    assert check_outliers([rec(value=0.71)], _store(62.0)) == []  # one other value says nothing
    assert check_outliers([rec(value=0.71)], _store(62.0, 70.0, metric="EM")) == []  # another metric


def test_a_record_is_not_compared_with_itself_in_the_store():
    data, ref = rec(value=0.71)
    store = benchmark_values(
        [
            data,
            *[
                {
                    "doc_id": "o",
                    "dataset": "MMLU",
                    "metric": "Accuracy",
                    "value": v,
                    "table_index": 0,
                    "row": i,
                    "col": 0,
                }
                for i, v in enumerate((0.7, 60.0, 70.0))
            ],
        ]
    )
    assert check_outliers([(data, ref)], store) == []  # 0.70 is near it; its own 0.71 does not count
    assert check_outliers([(data, ref)], store, ValidateOptions(outlier_min_others=4)) == []


def test_is_far_with_agreeing_others():
    assert is_far(10.0, [70.0, 70.0], 1.0) and not is_far(50.0, [70.0, 70.0], 1.0)


def test_a_record_flagged_for_another_doubt_is_no_conflict_a_conflicting_one_is():
    flagged = [rec(value=70.0, flags=["unknown-dataset"]), rec(value=71.0, row=2, flags=["unknown-dataset"])]
    assert check_conflicts(flagged) == []
    ablation = [rec(value=70.0, model_role="ablation"), rec(value=71.0, row=2, model_role="ablation")]
    assert check_conflicts(ablation) == []
    both = [
        rec(value=70.0, flags=["conflicting-values"]),
        rec(value=71.0, row=2, flags=["conflicting-values"]),
    ]
    assert codes(check_conflicts(both)) == [("error", "conflicting-values")]


def test_one_model_benchmark_and_metric_class_with_two_values_from_two_documents_is_a_warning():
    vocab = load_vocabulary()
    records = [
        rec(doc_id="own", dataset="GSM8K", model="Nimbus 2-13B", metric="Accuracy", value=70.0, page=3),
        rec(
            doc_id="rival",
            dataset="GSM8K",
            model="NIMBUS 2 13B",
            metric="EM",
            value=66.5,
            page=7,
            table_index=2,
        ),
        rec(doc_id="third", dataset="GSM8K", model="Nimbus2-13B", metric="Accuracy", value=70.0, page=1),
    ]
    (issue,) = cross_document_conflicts(records, [], vocab)
    assert (issue.severity, issue.code, issue.record.doc_id) == ("warning", "cross-document-conflict", "own")
    assert issue.reason == (
        "Nimbus 2-13B on GSM8K (Accuracy): 2 values from 3 documents: 70 in own (page 3, table_index 0); "
        "66.5 in rival (page 7, table_index 2); 70 in third (page 1, table_index 0)"
    )


def test_no_cross_document_conflict_for_equal_values_other_settings_sizes_or_doubtful_records():
    vocab = load_vocabulary()

    def pair(**other):
        first = rec(doc_id="own", dataset="GSM8K", model="Nimbus 13B", value=70.0)
        return [first, rec(**{"doc_id": "rival", "dataset": "GSM8K", "model": "Nimbus 13B", **other})]

    assert cross_document_conflicts(pair(value=70.0), [], vocab) == []
    assert cross_document_conflicts(pair(value=60.0, setting="8-shot"), [], vocab) == []
    assert cross_document_conflicts(pair(value=60.0, model="Nimbus 7B"), [], vocab) == []
    assert cross_document_conflicts(pair(value=60.0, flags=["orientation-guessed"]), [], vocab) == []
    assert cross_document_conflicts(pair(value=60.0, dataset="MATH"), [], vocab) == []
    # one document's two columns are two benchmarks: no conflict within it
    assert cross_document_conflicts(pair(value=60.0, doc_id="own", dataset="MATH"), [], vocab) == []


def test_the_store_s_other_documents_are_compared_too():
    vocab = load_vocabulary()
    folder = [rec(doc_id="own", dataset="GSM8K", model="Nimbus 13B", value=70.0)]
    stored = [rec(doc_id="earlier", dataset="GSM8K", model="Nimbus 13B", value=61.0)[0]]
    (issue,) = cross_document_conflicts(folder, stored, vocab)
    assert "61 in earlier" in issue.reason and issue.record.doc_id == "own"


def test_a_rejected_record_is_not_checked_for_meaning():
    from extractor.checks.records import semantic_issues

    bad = rec(value=178.5, unit="%")
    assert codes(semantic_issues([bad], {})) == [("error", "percent-out-of-range")]
    bad[0]["review"] = "rejected"
    assert semantic_issues([bad], {}) == []
