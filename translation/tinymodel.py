"""A hand-weighted CTranslate2 transformer that translates piece by piece, built without torch.

Why it exists: tests and the benchmark need a *real* CTranslate2 model that genuinely translates,
and no argos package can be downloaded here. The weights are set in numpy so that:

* the encoder embedding of a source piece holds the code of its translation (T) and of itself (C),
  and a flag saying whether the piece continues a word (K);
* encoder self-attention looks one position ahead and copies that flag (F);
* the encoder feed-forward layer swaps T for C when the next piece continues the word, so an
  unknown name that starts like a dictionary word ("Elena" = "▁El" + "ena") is copied, not mangled;
* decoder cross-attention at step t attends sharply to source position t (sinusoids at random
  frequencies, one position apart by a rotation) and brings its code to the output projection.

Source ``</s>`` maps to itself, so decoding stops after the last source position.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import numpy as np
from ctranslate2.specs import TransformerDecoderSpec, TransformerEncoderSpec, TransformerSpec

CODE_DIM = 128
FREQUENCIES = 32
MAX_POSITIONS = 1024
FLAG = 0.1  # magnitude of the K/F flags: small, so layer norm barely depends on them
GATE = 20.0  # feed-forward gate margin
SELF_SHARPNESS = 6.0
CROSS_SHARPNESS = 4.0
OUTPUT_SHARPNESS = 2.0


class L:
    """Where each part lives in the model dimension."""

    t = slice(0, CODE_DIM)
    c = slice(CODE_DIM, 2 * CODE_DIM)
    p = slice(2 * CODE_DIM, 2 * CODE_DIM + 4 * FREQUENCIES)
    k = 2 * CODE_DIM + 4 * FREQUENCIES  # continuation flag of this piece (+k, -k)
    f = 2 * CODE_DIM + 4 * FREQUENCIES + 2  # continuation flag of the next piece (+f, -f)
    d_model = 2 * CODE_DIM + 4 * FREQUENCIES + 16  # padded to a multiple of 16


def balanced_codes(count: int, seed: int) -> np.ndarray:
    """Unit vectors of ±1/sqrt(CODE_DIM) with zero mean, so layer norm only rescales them."""
    rng = random.Random(seed)
    base = [1.0] * (CODE_DIM // 2) + [-1.0] * (CODE_DIM // 2)
    codes = np.empty((count, CODE_DIM), dtype=np.float32)
    for row in range(count):
        rng.shuffle(base)
        codes[row] = base
    return codes / math.sqrt(CODE_DIM)


def frequencies(seed: int) -> np.ndarray:
    """Angular frequencies whose cosine sum peaks only at zero shift over MAX_POSITIONS."""
    rng = random.Random(seed)
    return np.array([rng.uniform(0.05, math.pi - 0.05) for _ in range(FREQUENCIES)], dtype=np.float64)


def position_table(omega: np.ndarray) -> np.ndarray:
    """[MAX_POSITIONS, d_model] encodings: (cos, sin, -cos, -sin) per frequency, unit norm."""
    pos = np.arange(MAX_POSITIONS, dtype=np.float64)[:, None] * omega[None, :]
    block = np.concatenate([np.cos(pos), np.sin(pos), -np.cos(pos), -np.sin(pos)], axis=1)
    table = np.zeros((MAX_POSITIONS, L.d_model), dtype=np.float32)
    table[:, L.p] = block / math.sqrt(2 * FREQUENCIES)
    return table


def _shift_one(omega: np.ndarray) -> np.ndarray:
    """Linear map taking the position block of s to that of s + 1 (a rotation per frequency)."""
    n = FREQUENCIES
    rot = np.zeros((4 * n, 4 * n), dtype=np.float64)
    cos, sin = np.cos(omega), np.sin(omega)
    for half in (0, 2 * n):  # the (cos, sin) block and its negated copy rotate alike
        for i in range(n):
            c_row, s_row = half + i, half + n + i
            rot[c_row, c_row], rot[c_row, s_row] = cos[i], -sin[i]
            rot[s_row, c_row], rot[s_row, s_row] = sin[i], cos[i]
    return rot


def _ln_scale(norm_sq: float) -> float:
    """Factor a zero-mean vector of squared norm ``norm_sq`` is multiplied by in layer norm."""
    return math.sqrt(L.d_model / norm_sq)


def _layer_norm(spec: object) -> None:
    spec.gamma = np.ones(L.d_model, dtype=np.float32)
    spec.beta = np.zeros(L.d_model, dtype=np.float32)


def _zero_linear(spec: object, rows: int, cols: int) -> None:
    spec.weight = np.zeros((rows, cols), dtype=np.float32)
    spec.bias = np.zeros(rows, dtype=np.float32)


def build_spec(translation_of: list[int], continues: list[bool], seed: int = 97) -> TransformerSpec:
    """The full model spec for a vocabulary where piece ``i`` translates to ``translation_of[i]``."""
    vocab = len(translation_of)
    d = L.d_model
    codes = balanced_codes(vocab, seed)
    omega = frequencies(seed)
    positions = position_table(omega)

    encoder = TransformerEncoderSpec(1, 1, pre_norm=True)
    decoder = TransformerDecoderSpec(1, 1, pre_norm=True)
    encoder.scale_embeddings = False
    decoder.scale_embeddings = False
    encoder.position_encodings.encodings = positions
    decoder.position_encodings.encodings = positions

    emb = np.zeros((vocab, d), dtype=np.float32)
    emb[:, L.t] = codes[np.asarray(translation_of)]
    emb[:, L.c] = codes
    flags = np.asarray(continues, dtype=np.float32) * FLAG
    emb[:, L.k], emb[:, L.k + 1] = flags, -flags
    encoder.embeddings[0].weight = emb

    # encoder self-attention: query = position block rotated one step ahead, key = position, value = K
    scale0 = _ln_scale(3.0)
    layer = encoder.layer[0]
    _layer_norm(layer.self_attention.layer_norm)
    qkv = np.zeros((3 * d, d), dtype=np.float32)
    qkv[0:d][L.p, L.p] = SELF_SHARPNESS * _shift_one(omega)
    qkv[d : 2 * d][L.p, L.p] = np.eye(4 * FREQUENCIES)
    qkv[2 * d : 3 * d][L.k, L.k] = 1.0
    qkv[2 * d : 3 * d][L.k + 1, L.k + 1] = 1.0
    layer.self_attention.linear[0].weight = qkv
    layer.self_attention.linear[0].bias = np.zeros(3 * d, dtype=np.float32)
    out = np.zeros((d, d), dtype=np.float32)
    out[L.f, L.k] = out[L.f + 1, L.k + 1] = 1.0 / scale0  # F = K of the next piece, same magnitude
    layer.self_attention.linear[1].weight = out
    layer.self_attention.linear[1].bias = np.zeros(d, dtype=np.float32)

    # encoder feed-forward: T += (C - T) when F is set, via pairs of ReLUs gated by F
    _layer_norm(layer.ffn.layer_norm)
    scale1 = _ln_scale(3.0)
    hidden = 2 * CODE_DIM
    w0 = np.zeros((hidden, d), dtype=np.float32)
    b0 = np.full(hidden, -0.5 * GATE, dtype=np.float32)
    w1 = np.zeros((d, hidden), dtype=np.float32)
    for i in range(CODE_DIM):
        for sign, unit in ((1.0, 2 * i), (-1.0, 2 * i + 1)):
            w0[unit, L.c.start + i] = sign
            w0[unit, L.t.start + i] = -sign
            w0[unit, L.f] = GATE / (scale1 * FLAG)
            w1[L.t.start + i, unit] = sign / (2 * scale1)
    layer.ffn.linear_0.weight, layer.ffn.linear_0.bias = w0, b0
    layer.ffn.linear_1.weight, layer.ffn.linear_1.bias = w1, np.zeros(d, dtype=np.float32)
    _layer_norm(encoder.layer_norm)

    # decoder: no use of previous tokens; cross-attention picks source position t, copies its T
    decoder.embeddings.weight = np.zeros((vocab, d), dtype=np.float32)
    dlayer = decoder.layer[0]
    _layer_norm(dlayer.self_attention.layer_norm)
    _zero_linear(dlayer.self_attention.linear[0], 3 * d, d)
    _zero_linear(dlayer.self_attention.linear[1], d, d)
    _layer_norm(dlayer.attention.layer_norm)
    memory_scale = _ln_scale(3.0)
    query = np.zeros((d, d), dtype=np.float32)
    query[L.p, L.p] = np.eye(4 * FREQUENCIES) * CROSS_SHARPNESS
    dlayer.attention.linear[0].weight, dlayer.attention.linear[0].bias = query, np.zeros(d, dtype=np.float32)
    kv = np.zeros((2 * d, d), dtype=np.float32)
    kv[0:d][L.p, L.p] = np.eye(4 * FREQUENCIES)
    kv[d : 2 * d][L.t, L.t] = np.eye(CODE_DIM)
    dlayer.attention.linear[1].weight, dlayer.attention.linear[1].bias = kv, np.zeros(2 * d, dtype=np.float32)
    dout = np.zeros((d, d), dtype=np.float32)
    dout[L.t, L.t] = np.eye(CODE_DIM) / memory_scale
    dlayer.attention.linear[2].weight, dlayer.attention.linear[2].bias = dout, np.zeros(d, dtype=np.float32)
    _layer_norm(dlayer.ffn.layer_norm)
    _zero_linear(dlayer.ffn.linear_0, 16, d)
    _zero_linear(dlayer.ffn.linear_1, d, 16)
    _layer_norm(decoder.layer_norm)
    projection = np.zeros((vocab, d), dtype=np.float32)
    projection[:, L.t] = codes * OUTPUT_SHARPNESS
    decoder.projection.weight = projection
    decoder.projection.bias = np.zeros(vocab, dtype=np.float32)

    return TransformerSpec(encoder, decoder)


def save_model(
    pieces: list[str],
    translation_of: list[int],
    continues: list[bool],
    out_dir: Path,
    *,
    quantization: str | None = "int8",
    seed: int = 97,
) -> Path:
    """Write the CTranslate2 model directory (model.bin, config.json, shared_vocabulary.json)."""
    spec = build_spec(translation_of, continues, seed)
    spec.config.add_source_eos = True
    spec.config.unk_token, spec.config.bos_token, spec.config.eos_token = "<unk>", "<s>", "</s>"
    spec.config.decoder_start_token = "<s>"
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    spec.validate()
    spec.optimize(quantization=quantization)
    out_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(out_dir))
    return out_dir
