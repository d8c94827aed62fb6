"""A second reader for the warning-sign screen: a small statistical model that has seen how people
actually word the signs, for what the lexicon's rules cannot foresee.

The lexicon (`bot.routine.red_flags`) is precise and explainable but reads only the phrasings it
lists; people find new ones every day ("my bits have gone quiet", "can't feel the seat under me").
This model reads words, word pairs and letter runs (3–5 characters, so "numbish" and "numb" share
most of their features; "онемела" and "онемение" too: words of any script), hashed into
`DIMENSIONS` weights per class (emergency, see a doctor, benign), trained by `train` on each
language's labelled sets in tests/data (multinomial logistic regression, plain numpy, a fixed seed:
the same data always gives the same weights). The weights are content, one file per language:
`content/red_flags.<language>.model.npz`, rebuilt with `python -m bench.sign_model --train`.

The screen lets it decide only what the lexicon left open, and never against context: a possible
sign the lexicon found with no hypothetical, history or someone else's body around it becomes the
advice when the model is sure; a message the lexicon found nothing in becomes the confirm question
when the model is sure. It never lowers what the lexicon found, and never lifts a qualified sign.

Pure: no I/O but `load` and `save`; time linear in the text's length.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np
import numpy.typing as npt

DIMENSIONS = 1 << 18
CLASSES = ("emergency", "see_doctor", "benign")
EMERGENCY, SEE_DOCTOR, BENIGN = range(3)
MAX_CHARACTERS = 800
"""A longer text is read sentence by sentence (the sentences the lexicon found something in)."""

_WORD = re.compile(r"(?:[^\W_]|')+")  # letters and digits of any script, and apostrophes
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_SEED = 20261204
_EPOCHS = 30
_LEARNING_RATE = 0.5
_L2 = 1e-4


def features(text: str) -> list[int]:
    """The hashed feature ids of *text*: words, word pairs, letter runs of 3 to 5."""
    words = _WORD.findall(text[:MAX_CHARACTERS].casefold().translate(_APOSTROPHES))
    names = {f"w:{word}" for word in words}
    names.update(f"b:{first} {second}" for first, second in pairwise(words))
    joined = f" {' '.join(words)} "
    for size in (3, 4, 5):
        names.update(f"c:{joined[i : i + size]}" for i in range(len(joined) - size + 1))
    return sorted({zlib.crc32(name.encode()) % DIMENSIONS for name in names})


@dataclass(frozen=True, eq=False)
class SignModel:
    """The trained weights: `weights[feature]` per class and a `bias` per class."""

    weights: npt.NDArray[np.float32]  # (DIMENSIONS, 3)
    bias: npt.NDArray[np.float32]  # (3,)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SignModel):
            return NotImplemented
        return bool(
            np.array_equal(self.weights, other.weights) and np.array_equal(self.bias, other.bias)
        )

    __hash__ = None  # type: ignore[assignment]

    def probabilities(self, text: str) -> tuple[float, float, float]:
        """P(emergency), P(see a doctor), P(benign) for *text*."""
        ids = features(text)
        scores = self.weights[ids].sum(axis=0) + self.bias if ids else self.bias.copy()
        exp = np.exp(scores - scores.max())
        p = exp / exp.sum()
        return float(p[EMERGENCY]), float(p[SEE_DOCTOR]), float(p[BENIGN])

    def save(self, path: Path) -> None:
        """Only the weights that are not zero, compressed (about 1 MB)."""
        used = np.flatnonzero(np.abs(self.weights).sum(axis=1))
        np.savez_compressed(
            path,
            ids=used.astype(np.uint32),
            weights=self.weights[used].astype(np.float32),
            bias=self.bias.astype(np.float32),
        )

    @classmethod
    def load(cls, path: Path) -> SignModel:
        with np.load(path) as data:
            ids, rows, bias = data["ids"], data["weights"], data["bias"]
        if rows.shape != (len(ids), len(CLASSES)) or bias.shape != (len(CLASSES),):
            raise ValueError(f"{path}: weights of shape {rows.shape}, bias {bias.shape}")
        if len(ids) and int(ids.max()) >= DIMENSIONS:
            raise ValueError(f"{path}: a feature id beyond {DIMENSIONS}")
        weights = np.zeros((DIMENSIONS, len(CLASSES)), dtype=np.float32)
        weights[ids] = rows
        return cls(weights, bias.astype(np.float32))


def train(examples: Sequence[tuple[str, int]], epochs: int = _EPOCHS) -> SignModel:
    """Multinomial logistic regression by stochastic gradient descent, in a fixed order."""
    rows = [features(text) for text, _ in examples]
    labels = np.array([label for _, label in examples])
    weights = np.zeros((DIMENSIONS, len(CLASSES)), dtype=np.float64)
    bias = np.zeros(len(CLASSES))
    order_of = np.random.default_rng(_SEED)
    for _ in range(epochs):
        for index in order_of.permutation(len(rows)):
            ids = rows[index]
            if not ids:
                continue
            scores = weights[ids].sum(axis=0) + bias
            p = np.exp(scores - scores.max())
            p /= p.sum()
            p[labels[index]] -= 1.0
            weights[ids] -= _LEARNING_RATE * (p + _L2 * weights[ids]) / np.sqrt(len(ids))
            bias -= _LEARNING_RATE * 0.1 * p
    return SignModel(weights.astype(np.float32), bias.astype(np.float32))


def most_urgent(model: SignModel, texts: Iterable[str]) -> tuple[float, float]:
    """The highest P(emergency) and P(see a doctor) over *texts* (sentences of one message)."""
    emergency = doctor = 0.0
    for text in texts:
        p_emergency, p_doctor, _ = model.probabilities(text)
        emergency, doctor = max(emergency, p_emergency), max(doctor, p_doctor)
    return emergency, doctor
