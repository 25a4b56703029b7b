"""Which model names are one model: spellings that differ only in case, punctuation or spacing.

A name is cut into its words (family, version, size, variant): runs of letters, numbers kept whole
with their decimal point and a size suffix ('13B', '8x7B', '1.8b'), a version ('v3'), and '+'. Two
names with the same words in the same order are one model ('LLaMA 2-13B', 'LLAMA 2 13B',
'Llama2-13B'); any other difference keeps them apart: a size ('7B' / '13B'), a version ('2' /
'2.5', never '2.5' / '25'), a variant ('Base' / 'Instruct', '(SFT)' / '(RL)', 'g' / 'g+'), a date
('0513'; '05-28' is '0528'). Case is ignored but in a one-letter word, which may be a size
('OpenCLIP-g' is ViT-g, 'OpenCLIP-G' the larger ViT-G). Known other names of one model (an alias
in the vocabulary's [models]) are joined before this, by normalisation.
"""

from __future__ import annotations

import re
import unicodedata

# A version ('v3'), a number with its size suffix, a number (decimal points kept), a run of letters
# (any script), or a plus.
_WORD = re.compile(
    r"[vV]\d+(?:\.\d+)*(?![^\W_])|\d+(?:\.\d+)*(?:[xX]\d+(?:\.\d+)?)?[bBmMkKtT](?![^\W\d_])"
    r"|\d+(?:\.\d+)*|[^\W\d_]+|\+"
)

# A month and day written with a hyphen ('R1 05-28') is the date its run-together form gives ('0528').
_MONTH_DAY = re.compile(r"(?<![\d.])(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d.])")


def model_words(name: str) -> tuple[str, ...]:
    """'LLaMA 2-13B Chat' -> ('llama', '2', '13b', 'chat'); a one-letter word keeps its case."""
    words = _WORD.findall(_MONTH_DAY.sub(r"\1\2", unicodedata.normalize("NFKC", name)))
    return tuple(w if len(w) == 1 and w.isalpha() else w.casefold() for w in words)


def model_key(name: str) -> str:
    """The identity of a model name: equal for spellings of one model, different otherwise."""
    return " ".join(model_words(name)) or name.strip().casefold()
