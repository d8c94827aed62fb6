"""The voice guide: a timed script for the user's own dose, spoken (eSpeak NG) or in tones.

`script()` is pure: the cues and their start times. `render_guide()` turns a script into audio
(each cue starts exactly at its time) and `encode_ogg()` into an OGG/Opus voice note.
"""

from __future__ import annotations

import ctypes
import io
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import Field

from bot.routine.content import ContentError, Dose, _read_yaml, _Strict

VOICE_FILE = "voice.yaml"
SAMPLE_RATE = 24_000
Kind = Literal["start", "rep", "hold", "count", "relax", "move", "other_side", "breathe", "end"]


class Words(_Strict):
    start: str
    rep: str
    hold: str
    count: tuple[str, ...] = Field(min_length=1)
    relax: str
    move: str
    other_side: str
    breathe: str
    end: str


class Timing(_Strict):
    lead_in: float = Field(ge=1, le=20)
    to_hold: float = Field(ge=0.5, le=10)
    rest: float = Field(ge=0.5, le=20)
    switch: float = Field(ge=0.5, le=20)
    countdown: int = Field(ge=0, le=5)
    breathe_at: float = Field(ge=1, le=30)
    breathe_min_hold: int = Field(ge=1, le=120)
    move_seconds: float = Field(ge=1, le=10)
    end_pause: float = Field(ge=0, le=10)


class VoiceContent(_Strict):
    voice: str
    rate: int = Field(ge=80, le=300)
    words: Words
    timing: Timing


def load_voice(directory: Path) -> VoiceContent:
    from pydantic import ValidationError

    path = directory / VOICE_FILE
    try:
        return VoiceContent.model_validate(_read_yaml(path))
    except ValidationError as error:
        raise ContentError(
            "\n".join(
                f"{path}: field {'.'.join(map(str, p['loc']))}: {p['msg']}" for p in error.errors()
            )
        ) from error


@dataclass(frozen=True)
class Cue:
    time: float
    kind: Kind
    text: str


def script(
    voice: VoiceContent, title: str, dose: Dose, first_side: str | None = None
) -> tuple[list[Cue], float]:
    """The cues of one set at *dose* and the guide's length in seconds. Per-side doses alternate
    sides rep by rep (the clinical notes: "alternate"), starting with *first_side*."""
    words, timing = voice.words, voice.timing
    cues = [Cue(0.0, "start", words.start.format(title=title))]
    t = timing.lead_in
    sides = 2 if dose.per_side else 1
    del first_side  # the words do not name the side; the picture does
    for rep in range(1, dose.reps + 1):
        for side in range(sides):
            if side:
                cues.append(Cue(t, "other_side", words.other_side))
                t += timing.switch
            cues.append(Cue(t, "rep", words.rep.format(rep=rep, reps=dose.reps)))
            t += timing.to_hold
            if dose.hold_seconds == 0:
                cues.append(Cue(t, "move", words.move))
                t += timing.move_seconds
            else:
                cues.append(Cue(t, "hold", words.hold))
                hold = dose.hold_seconds
                counted = min(timing.countdown, hold - 1, len(words.count))
                if hold >= timing.breathe_min_hold:
                    cues.append(Cue(t + timing.breathe_at, "breathe", words.breathe))
                for left in range(counted, 0, -1):
                    cues.append(Cue(t + hold - left, "count", words.count[left - 1]))
                t += hold
                cues.append(Cue(t, "relax", words.relax))
            t += timing.rest
    cues.append(Cue(t, "end", words.end.format(title=title)))
    return cues, t + timing.end_pause


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

    @classmethod
    def get(cls) -> Speaker:
        with cls._lock:
            if cls._instance is None:
                cls._instance = Speaker()
            return cls._instance

    def say(self, text: str, voice: str, rate: int) -> np.ndarray:
        """*text* as float samples at SAMPLE_RATE, silence trimmed at both ends."""
        with self._lock:
            self._chunks = []
            self._lib.espeak_SetVoiceByName(voice.encode())
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


def speech_available() -> bool:
    try:
        Speaker.get()
    except (ImportError, OSError):
        return False
    return True


_TONES: dict[Kind, tuple[tuple[float, float], ...]] = {
    # (frequency Hz, seconds) in a row: distinct shapes for each kind of cue.
    "start": ((523.0, 0.15), (659.0, 0.15), (784.0, 0.25)),
    "rep": ((587.0, 0.12),),
    "hold": ((660.0, 0.12), (880.0, 0.2)),
    "count": ((1000.0, 0.06),),
    "relax": ((880.0, 0.12), (440.0, 0.25)),
    "move": ((523.0, 0.2),),
    "other_side": ((740.0, 0.08), (0.0, 0.06), (740.0, 0.08), (0.0, 0.06), (740.0, 0.08)),
    "breathe": ((392.0, 0.3),),
    "end": ((784.0, 0.2), (659.0, 0.2), (523.0, 0.5)),
}


def tone(kind: Kind) -> np.ndarray:
    parts = []
    for frequency, seconds in _TONES[kind]:
        t = np.arange(round(seconds * SAMPLE_RATE)) / SAMPLE_RATE
        envelope = np.minimum(1.0, np.minimum(t / 0.004, (seconds - t) / 0.02))
        parts.append((0.5 * np.sin(2 * np.pi * frequency * t) * envelope).astype(np.float32))
    return np.concatenate(parts)


def render_guide(voice: VoiceContent, cues: list[Cue], length: float, speech: bool) -> np.ndarray:
    """Mono float samples: each cue's sound placed at its time (never overlapping the next)."""
    out = np.zeros(round(length * SAMPLE_RATE) + SAMPLE_RATE // 2, np.float32)
    said: dict[str, np.ndarray] = {}
    speaker = Speaker.get() if speech else None
    for index, cue in enumerate(cues):
        if speaker is None:
            sound = tone(cue.kind)
        else:
            if cue.text not in said:
                said[cue.text] = 0.8 * speaker.say(cue.text, voice.voice, voice.rate)
            sound = said[cue.text]
        start = round(cue.time * SAMPLE_RATE)
        end = len(out)
        if index + 1 < len(cues):
            end = round(cues[index + 1].time * SAMPLE_RATE) - round(0.12 * SAMPLE_RATE)
        sound = sound[: max(0, end - start)]
        out[start : start + len(sound)] += sound
    return out


def encode_ogg(samples: np.ndarray, path: Path) -> None:
    """OGG/Opus, mono, 24 kbit/s: what Telegram's sendVoice plays as a voice note."""
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
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(path.suffix + ".partial")
    partial.write_bytes(buffer.getvalue())
    partial.replace(path)


def decode_ogg(path: Path) -> np.ndarray:
    """Mono float samples at SAMPLE_RATE (for the tests' onset check)."""
    import av

    parts = []
    with av.open(str(path)) as container:
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
