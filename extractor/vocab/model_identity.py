"""Which model names are one model: spellings that differ only in case, punctuation or spacing.

A name is cut into its words (family, version, size, variant): runs of letters, and numbers kept
whole with their decimal point and a size suffix ('13B', '8x7B', '1.8b'). Two names with the same
words in the same order are one model ('LLaMA 2-13B', 'LLAMA 2 13B', 'Llama2-13B'); any other
difference keeps them apart: a size ('7B' / '13B'), a version ('2' / '2.5', never '2.5' / '25'),
a variant ('Base' / 'Instruct', '(SFT)' / '(RL)'), a date ('0513'). Known other names of one model
(an alias in the vocabulary's [models]) are joined before this, by normalisation.
"""

from __future__ import annotations

import re
import unicodedata

# A number with its size suffix, a number (its decimal points kept), or a run of letters (any script).
_WORD = re.compile(r"\d+(?:\.\d+)*(?:x\d+(?:\.\d+)?)?[bmkt](?![^\W\d_])|\d+(?:\.\d+)*|[^\W\d_]+")


def model_words(name: str) -> tuple[str, ...]:
    """'LLaMA 2-13B Chat' -> ('llama', '2', '13b', 'chat')."""
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", name).casefold()))


def model_key(name: str) -> str:
    """The identity of a model name: equal for spellings of one model, different otherwise."""
    return " ".join(model_words(name)) or name.strip().casefold()
