"""Model names a table shortens, completed from the document's text."""

from extractor.normalize.model_names import complete_model_names


def test_model_names_completed_from_the_text():
    text = "We compare Nimbus Instant 1.1 with Nimbus 2. Nimbus Instant 1.1, like Nimbus 1.3, is fast."
    labels = {"Nimbus Instant", "Nimbus 1.3", "Nimbus 2"}
    assert complete_model_names(labels, text) == {"Nimbus Instant": "Nimbus Instant 1.1"}


def test_model_name_not_completed_when_ambiguous_or_another_label():
    assert complete_model_names({"Nimbus"}, "Nimbus 1.1 and Nimbus 1.2") == {}
    assert complete_model_names({"Nimbus", "Nimbus 2"}, "Nimbus 2 is new") == {}


def test_a_table_row_of_scores_a_bar_parts_completes_no_name():
    # a row read as text: the first of the scores is no version of the model's name
    assert complete_model_names({"Nimbus-Audio"}, "Nimbus-Audio 1.8 | 4.0 | 2.0 | 4.2 5.14") == {}
    assert complete_model_names({"Nimbus-Audio"}, "Nimbus-Audio 1.8 | - and more") == {}


def test_a_row_of_factors_read_as_text_completes_no_name():
    # a speedup after a method's name is a score of its row, not the method's version
    assert complete_model_names({"w/o Sampling"}, "w/o Sampling 2.45× 2.82× 0.36 70.8% /") == {}
