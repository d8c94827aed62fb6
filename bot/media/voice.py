"""The voice guide: a set's script (bot/routine/set_script.py) spoken by eSpeak NG, or in tones.

`guide_script()` times the script with each phrase measured from the synthesised audio;
`render_guide()` places each phrase at its time and normalises the whole to −16 LUFS with peaks
under −1 dBTP (ITU-R BS.1770 loudness, `loudness()` and `true_peak()`); `encode_ogg()` writes an
OGG/Opus voice note.
"""

from __future__ import annotations

import ctypes
import io
import threading
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path

import numpy as np

from bot.routine.content import ContentError, Dose, read_with_tracks
from bot.routine.set_script import (
    CueKind,
    SetScript,
    SideName,
    Variant,
    VoiceContent,
    build,
)

__all__ = ["VoiceContent", "guide_script", "load_voice", "render_guide"]

VOICE_FILE = "voice.yaml"
SAMPLE_RATE = 24_000
TARGET_LUFS = -15.6  # Opus takes off about 0.4 LU: decoded, about −16 LUFS
PEAK_CEILING_DBTP = -2.5  # under the −1 dBTP limit with room for the Opus encoder's overshoot


def load_voice(directory: Path) -> VoiceContent:
    from pydantic import ValidationError

    path = directory / VOICE_FILE
    try:
        return VoiceContent.model_validate(read_with_tracks(directory, VOICE_FILE))
    except ValidationError as error:
        raise ContentError(
            "\n".join(
                f"{path}: field {'.'.join(map(str, p['loc']))}: {p['msg']}" for p in error.errors()
            )
        ) from error


def measure(voice: VoiceContent) -> Callable[[str], float]:
    """A phrase's spoken length in seconds, synthesised (and cached); the longest tone when
    eSpeak NG cannot load (a tone guide)."""
    if not speech_available():
        longest = max(len(tone(kind)) for kind in _TONES) / SAMPLE_RATE
        return lambda _text: longest
    return partial(_spoken_seconds, voice.voice, voice.rate)


@lru_cache(maxsize=4096)
def _spoken_seconds(voice_name: str, rate: int, text: str) -> float:
    return len(Speaker.get().say(text, voice_name, rate)) / SAMPLE_RATE


def guide_script(
    voice: VoiceContent,
    exercise_key: str,
    variant: Variant,
    dose: Dose,
    first_side: str | None = None,
) -> SetScript:
    """The set's script with every slot measured from the synthesised phrase."""
    side: SideName = "right" if first_side == "right" else "left"
    return build(voice, exercise_key, variant, dose, measure(voice), side)


class Speaker:
    """eSpeak NG through ctypes (the library and its data ship in the espeakng-loader wheel).
    The library is one global state: one speaker per process, calls serialised by a lock."""

    _lock = threading.Lock()
    _instance: Speaker | None = None

    def __init__(self) -> None:
        import espeakng_loader  # type: ignore[import-untyped]

        self._lib = ctypes.CDLL(espeakng_loader.get_library_path())
        callback_type = ctypes.CFUNCTYPE(
            ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
        )
        self._chunks: list[np.ndarray] = []

        def collect(wav: ctypes._Pointer[ctypes.c_short], count: int, _events: int) -> int:
            if count > 0:
                self._chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
            return 0

        self._callback = callback_type(collect)
        self._lib.espeak_Initialize.argtypes = [
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_int,
        ]
        self.rate = int(
            self._lib.espeak_Initialize(2, 0, espeakng_loader.get_data_path().encode(), 0)
        )
        if self.rate <= 0:
            raise OSError("eSpeak NG did not start")
        self._lib.espeak_SetSynthCallback(self._callback)
        self._lib.espeak_Synth.argtypes = [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ]
        self._lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
        self._lib.espeak_TextToPhonemes.argtypes = [
            ctypes.POINTER(ctypes.c_char_p),
            ctypes.c_int,
            ctypes.c_int,
        ]

    @classmethod
    def get(cls) -> Speaker:
        with cls._lock:
            if cls._instance is None:
                cls._instance = Speaker()
            return cls._instance

    def has_voice(self, voice: str) -> bool:
        """Whether eSpeak NG's data has *voice* (a voice name, language or file: "ru", "pt-br")."""
        with self._lock:
            return bool(self._lib.espeak_SetVoiceByName(voice.encode()) == 0)

    def _use(self, voice: str) -> None:
        """Speak with *voice* from now on; an unknown name raises (eSpeak NG would otherwise
        keep the voice before it, and read the words in another language's voice)."""
        if self._lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise ValueError(f"eSpeak NG has no voice {voice!r}")

    def say(self, text: str, voice: str, rate: int) -> np.ndarray:
        """*text* as float samples at SAMPLE_RATE, silence trimmed at both ends."""
        with self._lock:
            self._chunks = []
            self._use(voice)
            self._lib.espeak_SetParameter(1, rate, 0)
            data = text.encode()
            self._lib.espeak_Synth(data, len(data) + 1, 0, 1, 0, 1, None, None)
            self._lib.espeak_Synchronize()
            raw = np.concatenate(self._chunks) if self._chunks else np.zeros(1, np.int16)
        samples = raw.astype(np.float32) / 32768.0
        loud = np.flatnonzero(np.abs(samples) > 0.02)
        if loud.size:
            samples = samples[loud[0] : loud[-1] + 1]
        positions = np.arange(0, len(samples), self.rate / SAMPLE_RATE)
        resampled: np.ndarray = np.interp(positions, np.arange(len(samples)), samples)
        return resampled.astype(np.float32)

    def phonemes(self, text: str, voice: str) -> str:
        """What *voice* says for *text*, in IPA, clause by clause (" | "): the tests' ear. A
        word the voice cannot read shows as a switch to another language, "(en)…(fa)", and a
        spelled word as one stressed syllable per letter."""
        with self._lock:
            self._use(voice)
            remaining = ctypes.c_char_p(text.encode())
            clauses = []
            while remaining.value:
                # espeakCHARS_UTF8 = 1; phoneme mode bit 1: IPA
                clause = self._lib.espeak_TextToPhonemes(ctypes.byref(remaining), 1, 0x02)
                if clause is None:
                    break
                clauses.append(clause.decode())
        return " | ".join(clause.strip() for clause in clauses)


def speech_available() -> bool:
    try:
        Speaker.get()
    except (ImportError, OSError):
        return False
    return True


_TONES: dict[CueKind, tuple[tuple[float, float], ...]] = {
    # (frequency Hz, seconds) in a row: distinct shapes for each kind of cue.
    CueKind.START: ((523.0, 0.15), (659.0, 0.15), (784.0, 0.25)),
    CueKind.MOVE: ((587.0, 0.12),),
    CueKind.HOLD: ((660.0, 0.12), (880.0, 0.2)),
    CueKind.MID: ((392.0, 0.3),),
    CueKind.COUNT: ((1000.0, 0.06),),
    CueKind.RELEASE: ((880.0, 0.12), (440.0, 0.25)),
    CueKind.END: ((784.0, 0.2), (659.0, 0.2), (523.0, 0.5)),
}


def tone(kind: CueKind) -> np.ndarray:
    parts = []
    for frequency, seconds in _TONES[kind]:
        t = np.arange(round(seconds * SAMPLE_RATE)) / SAMPLE_RATE
        envelope = np.minimum(1.0, np.minimum(t / 0.004, (seconds - t) / 0.02))
        parts.append((0.5 * np.sin(2 * np.pi * frequency * t) * envelope).astype(np.float32))
    return np.concatenate(parts)


def render_guide(voice: VoiceContent, set_script: SetScript, speech: bool) -> np.ndarray:
    """Mono float samples: each cue's sound at its time, every phrase and the whole at −16 LUFS."""
    out = np.zeros(round(set_script.length * SAMPLE_RATE) + SAMPLE_RATE // 2, np.float32)
    said: dict[str, np.ndarray] = {}
    speaker = Speaker.get() if speech else None
    for cue in set_script.cues:
        if cue.text not in said:
            raw = (
                tone(cue.kind)
                if speaker is None
                else speaker.say(cue.text, voice.voice, voice.rate)
            )
            said[cue.text] = normalise(_faded(raw), passes=4, ceiling_dbtp=PEAK_CEILING_DBTP - 2)
        sound = said[cue.text]
        start = round(cue.time * SAMPLE_RATE)
        out[start : start + len(sound)] += sound[: len(out) - start]
    return normalise(out)


def _faded(sound: np.ndarray, seconds: float = 0.005) -> np.ndarray:
    """*sound* eased in and out over 5 ms: no click where a trimmed phrase starts or stops."""
    ramp = np.minimum(
        1.0,
        np.minimum(np.arange(len(sound)), np.arange(len(sound))[::-1]) / (seconds * SAMPLE_RATE),
    )
    faded: np.ndarray = (sound * ramp).astype(np.float32)
    return faded


def normalise(
    samples: np.ndarray, passes: int = 1, ceiling_dbtp: float = PEAK_CEILING_DBTP
) -> np.ndarray:
    """*samples* at TARGET_LUFS, with a smooth limiter keeping true peaks under the ceiling. Each
    pass lifts to the target, then turns the few peaks over the ceiling down (which costs a little
    loudness: a phrase gets several passes, with 2 dB more headroom; a whole guide of normalised
    phrases then needs one)."""
    ceiling = 10 ** (ceiling_dbtp / 20)
    out = samples.astype(np.float64)
    for _ in range(passes):
        out = out * 10 ** ((TARGET_LUFS - loudness(out)) / 20)
        if true_peak(out) <= ceiling:
            break
        out = _limit(out, ceiling * 0.95)
    return out.astype(np.float32)


def _limit(samples: np.ndarray, ceiling: float) -> np.ndarray:
    """A look-ahead limiter: the gain each 5 ms block needs, held over its neighbours and eased
    linearly between blocks (so a peak is turned down smoothly, never clipped)."""
    block = round(0.005 * SAMPLE_RATE)
    count = -(-len(samples) // block)
    padded = np.pad(_oversampled_magnitude(samples), (0, count * block - len(samples)))
    need = np.minimum(1.0, ceiling / np.maximum(padded.reshape(count, block).max(axis=1), 1e-9))
    held = np.minimum(need, np.minimum(np.roll(need, 1), np.roll(need, -1)))
    centres = np.arange(count) * block + block / 2
    gain = np.minimum(
        np.interp(np.arange(len(samples)), centres, held), need.repeat(block)[: len(samples)]
    )
    result: np.ndarray = samples * gain
    return result


def _k_weighting(frequencies: np.ndarray, rate: int) -> np.ndarray:
    """|H(f)|² of BS.1770's two K-weighting stages (shelf, then high-pass) at any sample rate:
    the analogue prototypes of B. De Man (2017), which give the standard's 48 kHz coefficients."""
    z = np.exp(-2j * np.pi * frequencies / rate)
    k = np.tan(np.pi * 1681.974450955533 / rate)
    q = 0.7071752369554196
    vh = 10 ** (3.999843853973347 / 20)
    vb = vh**0.4996667741545416
    shelf_b = (vh + vb * k / q + k * k, 2 * (k * k - vh), vh - vb * k / q + k * k)
    shelf_a = (1 + k / q + k * k, 2 * (k * k - 1), 1 - k / q + k * k)
    k = np.tan(np.pi * 38.13547087602444 / rate)
    q = 0.5003270373238773
    pass_a = (1 + k / q + k * k, 2 * (k * k - 1), 1 - k / q + k * k)
    pass_b = (pass_a[0], -2 * pass_a[0], pass_a[0])  # the standard's b = (1, −2, 1), a0 = 1
    response = np.ones_like(z)
    for b, a_ in ((shelf_b, shelf_a), (pass_b, pass_a)):
        response *= (b[0] + b[1] * z + b[2] * z**2) / (a_[0] + a_[1] * z + a_[2] * z**2)
    power: np.ndarray = np.abs(response) ** 2
    return power


def loudness(samples: np.ndarray, rate: int = SAMPLE_RATE) -> float:
    """Integrated loudness in LUFS (ITU-R BS.1770-4, mono): K-weighted (applied in the frequency
    domain), 400 ms blocks with 75 % overlap, gated at −70 LUFS and 10 LU under the mean."""
    size = 1 << max(1, (len(samples) - 1).bit_length())  # a fast FFT length; zeros after
    spectrum = np.fft.rfft(samples.astype(np.float64), size)
    frequencies = np.fft.rfftfreq(size, 1 / rate)
    weighted = np.fft.irfft(spectrum * np.sqrt(_k_weighting(frequencies, rate)), size)
    weighted = weighted[: len(samples)]
    block, step = round(0.4 * rate), round(0.1 * rate)
    weighted = np.pad(weighted, (0, max(0, block - len(weighted))))  # a word shorter than a block
    squares = np.lib.stride_tricks.sliding_window_view(weighted**2, block)[::step].mean(axis=1)
    levels = -0.691 + 10 * np.log10(np.maximum(squares, 1e-12))
    kept = squares[levels > -70]
    if not kept.size:
        return -70.0
    relative = -0.691 + 10 * np.log10(kept.mean()) - 10
    gated = squares[levels > max(-70.0, relative)]
    return float(-0.691 + 10 * np.log10(gated.mean()))


def true_peak(samples: np.ndarray) -> float:
    """The true peak (linear): the largest magnitude at 4× oversampling."""
    return float(_oversampled_magnitude(samples).max(initial=0.0))


def _oversampled_magnitude(samples: np.ndarray) -> np.ndarray:
    """Per sample, the largest magnitude among it and the three points 4× oversampling puts after
    it (BS.1770-4 annex 2's method, with a 48-tap Hann-windowed sinc per phase)."""
    taps = np.arange(-24, 24)
    x = samples.astype(np.float64)
    magnitude = np.abs(x)
    for phase in (0.25, 0.5, 0.75):
        kernel = np.sinc(taps + phase) * np.hanning(len(taps) + 2)[1:-1]
        magnitude = np.maximum(magnitude, np.abs(np.convolve(x, kernel[::-1], mode="same")))
    return magnitude


ENCODED_PEAK_LIMIT_DBTP = -1.0  # the decoded file's true peak, at most (EBU R 128)
_ENCODE_ATTEMPTS = 4


def encode_ogg(samples: np.ndarray, path: Path) -> None:
    """OGG/Opus, mono, 24 kbit/s: what Telegram's sendVoice plays as a voice note.

    Opus can overshoot a peak by a few dB, and eSpeak NG's output differs by a few samples from run
    to run: the encoded file is decoded and measured, and encoded again a little quieter while its
    true peak is over ENCODED_PEAK_LIMIT_DBTP, turned down just where it overshoots."""
    limit = 10 ** (ENCODED_PEAK_LIMIT_DBTP / 20)
    data = _encoded(samples)
    for _ in range(_ENCODE_ATTEMPTS):
        peak = true_peak(_decoded(io.BytesIO(data)))
        if peak <= limit:
            break
        samples = _tamed(samples, _decoded(io.BytesIO(data)), limit)
        data = _encoded(samples)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(path.suffix + ".partial")
    partial.write_bytes(data)
    partial.replace(path)


def _tamed(samples: np.ndarray, decoded: np.ndarray, limit: float) -> np.ndarray:
    """*samples* turned down only where their encoded version overshoots *limit* (5 ms blocks,
    eased over their neighbours): the rest of the guide, and so its loudness, is untouched."""
    block = round(0.005 * SAMPLE_RATE)
    length = min(len(samples), len(decoded))
    count = -(-length // block)
    magnitude = np.pad(_oversampled_magnitude(decoded[:length]), (0, count * block - length))
    need = np.minimum(1.0, limit * 0.95 / np.maximum(magnitude.reshape(count, block).max(1), 1e-9))
    held = need
    for shift in (1, 2):  # the codec smears a peak over a few milliseconds either way
        held = np.minimum(held, np.minimum(np.roll(need, shift), np.roll(need, -shift)))
    centres = np.arange(count) * block + block / 2
    gain = np.interp(np.arange(len(samples)), centres, held)
    tamed: np.ndarray = (samples * gain).astype(np.float32)
    return tamed


def _encoded(samples: np.ndarray) -> bytes:
    import av

    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="ogg") as out:
        stream = out.add_stream("libopus", rate=SAMPLE_RATE, layout="mono")
        stream.bit_rate = 24_000
        pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16)
        for offset in range(0, len(pcm), 4800):
            chunk = pcm[offset : offset + 4800].reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(chunk, format="s16", layout="mono")
            frame.sample_rate = SAMPLE_RATE
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return buffer.getvalue()


def decode_ogg(path: Path) -> np.ndarray:
    """Mono float samples at SAMPLE_RATE (for the tests' onset check)."""
    return _decoded(str(path))


def _decoded(source: str | io.BytesIO) -> np.ndarray:
    import av

    parts = []
    with av.open(source, mode="r") as container:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        for frame in container.decode(audio=0):
            for out in resampler.resample(frame):
                parts.append(out.to_ndarray().reshape(-1))
    return np.concatenate(parts).astype(np.float32)


def onsets(samples: np.ndarray, window: float = 0.01, gap: float = 0.1) -> list[float]:
    """Times where sound starts after at least *gap* seconds of quiet (energy in 10 ms windows)."""
    size = round(window * SAMPLE_RATE)
    count = len(samples) // size
    energy = np.sqrt(np.mean(samples[: count * size].reshape(count, size) ** 2, axis=1))
    loud = energy > max(0.01, 0.05 * float(energy.max()))
    quiet_needed = round(gap / window)
    result, quiet = [], quiet_needed
    for index, on in enumerate(loud):
        if on and quiet >= quiet_needed:
            result.append(index * window)
        quiet = 0 if on else quiet + 1
    return result
