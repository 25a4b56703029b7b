"""Model identity: spellings of one model meet, different models never do."""

import pytest

from extractor.vocab.model_identity import model_key

ONE_MODEL = [
    ["LLaMA 2-13B", "LLAMA 2 13B", "Llama2-13B", "LLaMA-2-13B", "llama 2 13b"],
    ["QWEN 14B", "Qwen-14B"],
    ["OpenAI o1-1217", "OpenAI-o1-1217"],
    ["GPT-4o 0513", "GPT-4o-0513"],
    ["Nimbus R1 05-28", "Nimbus-R1-0528"],
    ["Mixtral 8x7B", "Mixtral-8x7B"],
    ["Whisper Large-v3", "Whisper-large-V3"],
    ["Gemma 2 27B IT", "Gemma-2-27B-it"],
]

DIFFERENT = [
    ("Nimbus 7B", "Nimbus 13B"),  # size
    ("Nimbus 2.5 7B", "Nimbus 25 7B"),  # a decimal point is a version
    ("Nimbus 2 7B", "Nimbus 2.5 7B"),
    ("Nimbus-V2 Chat (SFT)", "Nimbus-V2 Chat (RL)"),  # variant
    ("Nimbus 7B Base", "Nimbus 7B Instruct"),
    ("EVA-01-CLIP-g", "EVA-01-CLIP-g+"),  # '+' is a variant
    ("OpenCLIP-g", "OpenCLIP-G"),  # one letter keeps its case: ViT-g is not ViT-G
    ("Nimbus 4o 0513", "Nimbus 4o 0806"),  # date
    ("Nimbus 8x7B", "Nimbus 8x22B"),
    ("Nimbus 3 4B", "Nimbus 34B"),
]


@pytest.mark.parametrize("names", ONE_MODEL, ids=lambda n: n[0])
def test_spellings_of_one_model_have_one_key(names):
    assert len({model_key(n) for n in names}) == 1


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_different_models_have_different_keys(a, b):
    assert model_key(a) != model_key(b)


def test_a_name_of_no_words_is_its_own_key():
    assert model_key("—") == "—" and model_key("文心 4.0") == "文心 4.0"
