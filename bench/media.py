"""The cost of making the media, and what making it costs everyone else.

    .venv/bin/python -m bench.media            # the whole set, one process: time, size, memory
    .venv/bin/python -m bench.media serving    # other people's taps while media is rendered
    .venv/bin/python -m bench.media voices     # one guide in every language, measured as heard

`serving` runs the real bot (in-process, on the fake Bot API, SQLite, the real render worker
process on an empty media folder), updates through PTB's update processor (its 16 slots, as in
production), and measures in one run:

1. other people's taps (📖 More / ↩️ Back, 8 people) idle, then while 20 people tap 🔊 Guide me at
   once for the same dose (a voice not rendered yet): p50/p99 of the others, how many voice renders,
   when the 20 voices arrived;
2. a fresh start with the warm-up from empty: how long `/progress` (text and chart) takes while
   the whole set is being rendered, and when the first exercise's animation is ready.
"""

from __future__ import annotations

import asyncio
import resource
import sys
import tempfile
import time
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

from bot.media.library import MediaLibrary, reachable_doses
from bot.routine.content import load_content


def whole_set() -> None:
    content = load_content()
    with tempfile.TemporaryDirectory() as directory:
        library = MediaLibrary(Path(directory), content)
        wall, cpu = time.perf_counter(), time.process_time()
        pictures = []
        for key, variant, side in library.pictures():
            pictures.append(library.animation(key, variant, side))
            pictures.append(library.still(key, variant, side))
        picture_wall, picture_cpu = time.perf_counter() - wall, time.process_time() - cpu
        guides, guide_cpu = [], []
        for exercise in content.routine.exercises:
            for variant, dose in reachable_doses(exercise):
                started = time.process_time()
                guides.append(library.voice_guide_sync(exercise.key, variant, None, dose))
                guide_cpu.append(time.process_time() - started)
        total_wall = time.perf_counter() - wall
        animations = [p for p in pictures if p.suffix == ".mp4"]
        stills = [p for p in pictures if p.suffix == ".png"]

        def size(paths: list[Path]) -> float:
            return sum(p.stat().st_size for p in paths) / 1e3

        print(f"voice: {library.voice_name()}")
        print(
            f"animations: {len(animations)}, {size(animations):.0f} KB "
            f"(largest {max(p.stat().st_size for p in animations) / 1e3:.0f} KB); "
            f"stills: {len(stills)}, {size(stills):.0f} KB; "
            f"pictures took {picture_wall:.1f} s wall, {picture_cpu:.1f} s CPU"
        )
        print(
            f"voice guides: {len(guides)}, {size(guides):.0f} KB "
            f"(largest {max(p.stat().st_size for p in guides) / 1e3:.0f} KB); CPU per guide: "
            f"mean {sum(guide_cpu) / len(guide_cpu):.2f} s, max {max(guide_cpu):.2f} s"
        )
        print(f"whole set: {total_wall:.1f} s wall, {size(pictures + guides) / 1e3:.1f} MB")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
        print(f"peak memory (process RSS, whole run): {rss:.0f} MB")


# --- serving while rendering -------------------------------------------------------------------

OTHERS = 8
GUIDES = 20
WARM_SECONDS = 20  # how long the two bots warm the fresh folder before both stop


async def _through_slots(application: Any, update: Any) -> float:
    """Process *update* as polling would (PTB's update processor and its slots); seconds taken."""
    started = time.perf_counter()
    await application.update_processor.process_update(update, application.process_update(update))
    return time.perf_counter() - started


async def _others_tapping(limber: Any, people: list[Any], until: Awaitable[object]) -> list[float]:
    """Each of *people* taps More, Back, More, ... until *until* is done; every tap's seconds."""
    done = asyncio.ensure_future(until)
    timings: list[float] = []

    async def one(person: Any) -> None:
        index = 0
        while not done.done() or index < 10:
            shown = limber.api.last_message(person.chat_id).labels
            update = person.updates.tap("Back" if "↩️ Back" in shown else "More")
            timings.append(await _through_slots(limber.application, update))
            index += 1
            await asyncio.sleep(0.02)  # a person, not a loop: about 50 taps/s per person at most

    await asyncio.gather(*(one(person) for person in people))
    await done
    return timings


async def _to_first_exercise(limber: Any, person: Any) -> None:
    for step in ("/start",):
        await person.send(step)
    # the two parts of the warning-sign checklist, then a soreness score (the floor, then)
    for label in ("I understand", "None of these", "None of these", "4"):
        await person.tap(label)


async def _finish_a_routine(limber: Any, person: Any) -> None:
    """Done on every exercise, then the soreness afterwards: a routine /progress can chart."""
    await _to_first_exercise(limber, person)
    for _ in range(20):
        labels = limber.api.last_message(person.chat_id).labels
        if "✅ Done" in labels:
            await person.tap("Done")
        elif "3" in labels:
            await person.tap("3")
        else:
            return
    raise RuntimeError("the routine did not finish")


async def serving() -> None:
    from bench.common import percentile
    from tests.support.fake_bot_api import FakeBotApi
    from tests.support.limber import running_limber
    from tests.support.updates import FakeUser

    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        url = f"sqlite+aiosqlite:///{root / 'limber.db'}"
        from bot.store.migrations import upgrade_in_thread

        await upgrade_in_thread(url)

        # 1. 20 Guide me taps at once, 8 other people tapping.
        api = FakeBotApi()
        async with running_limber(
            api, url, media_dir=root / "media", media_render_at_start=False
        ) as limber:
            media = limber.services.media
            others = [limber.user(FakeUser(7000 + n, f"O{n}")) for n in range(OTHERS)]
            guides = [limber.user(FakeUser(8000 + n, f"G{n}")) for n in range(GUIDES)]
            for person in others + guides:
                await _to_first_exercise(limber, person)
            await _finish_a_routine(limber, limber.user(FakeUser(9001, "Ann")))
            await media.rendering_done()  # the first two exercises' pictures
            idle = await _others_tapping(limber, others, asyncio.sleep(3))
            rendered_before = media.renderer.rendered if media.renderer else 0
            started = time.perf_counter()

            async def guide_me() -> None:
                taps = [
                    _through_slots(limber.application, person.updates.tap("Guide me"))
                    for person in guides
                ]
                await asyncio.gather(*taps)
                voices = api.calls("sendVoice")
                while len(voices) < GUIDES:
                    await asyncio.sleep(0.1)
                    voices = api.calls("sendVoice")

            loaded = await _others_tapping(limber, others, guide_me())
            voices_at = time.perf_counter() - started
            renders = (media.renderer.rendered if media.renderer else 0) - rendered_before
            actions = [c.params.get("action") for c in api.calls("sendChatAction")]
            p50_idle, p99_idle = percentile(idle, 0.5), percentile(idle, 0.99)
            p50, p99 = percentile(loaded, 0.5), percentile(loaded, 0.99)
            print(f"1. {GUIDES} Guide me taps at once (a new voice), {OTHERS} others tapping")
            print(
                f"   others idle:   {len(idle)} taps, p50 {p50_idle * 1e3:.1f} ms, p99 "
                f"{p99_idle * 1e3:.1f} ms"
            )
            print(
                f"   others loaded: {len(loaded)} taps, p50 {p50 * 1e3:.1f} ms, p99 "
                f"{p99 * 1e3:.1f} ms ({p99 / p99_idle:.2f}× idle p99; goal ≤ 2×)"
            )
            print(
                f"   voice renders: {renders}; 20 voices sent after {voices_at:.1f} s; "
                f"'record_voice' shown {actions.count('record_voice')} times; "
                f"uploads {len(api.uploads('sendVoice'))}"
            )
            if limber.errors:
                raise SystemExit(f"handler errors: {limber.errors}")

        # 2. A fresh start from an empty folder: /progress during the full warm-up, a person
        # reaching the first exercise at once, and a second bot warming the same folder.
        api, second_api = FakeBotApi(), FakeBotApi()
        fresh = root / "fresh"
        began = time.perf_counter()
        async with (
            running_limber(api, url, media_dir=fresh, media_render_at_start=True) as limber,
            running_limber(second_api, url, media_dir=fresh, media_render_at_start=True) as second,
        ):
            ann = limber.user(FakeUser(9001, "Ann"))
            await asyncio.sleep(0.5)
            progress = await _through_slots(limber.application, ann.updates.command("progress"))
            photo = len(api.calls("sendPhoto"))
            ben = second.user(FakeUser(9002, "Ben"))
            await _to_first_exercise(second, ben)
            shown_at_once = second_api.last_message(ben.chat_id).kind
            library = limber.services.media.library
            assert library is not None
            first = library.animation_path("pelvic_tilt", "regular", None)
            while not library.good(first) and time.perf_counter() - began < 60:  # noqa: ASYNC110
                await asyncio.sleep(0.1)
            ready = time.perf_counter() - began
            await asyncio.sleep(WARM_SECONDS)
            print("2. fresh start, empty media folder, two bots warming it, a person at once")
            print(
                f"   /progress answered in {progress:.2f} s (goal ≤ 2 s), chart sent: {photo == 1}"
            )
            print(f"   the first exercise reached at once: {shown_at_once} screen")
            print(f"   first exercise's animation ready {ready:.1f} s after the start")
            for bot in (limber, second):
                if bot.errors:
                    raise SystemExit(f"handler errors: {bot.errors}")
        from bot.media.files import decodes

        made = [path for path in fresh.iterdir() if path.is_file()]
        files = [path for path in made if not path.name.startswith(".")]
        print(
            f"   after {WARM_SECONDS + ready:.0f} s, both stopped: {len(files)} files, "
            f"{sum(decodes(path) for path in files)} decode, "
            f"{len(made) - len(files)} temporary files left"
        )


# --- one guide in every language --------------------------------------------------------------

VOICES_DIR = Path(tempfile.gettempdir()) / "limber-voices"


def voices(out: Path = VOICES_DIR, exercise_key: str = "knee_to_chest", dose: Any = None) -> None:
    """One exercise's guide (at its dose) in every language, rendered to *out* to be listened
    to, decoded and measured: length, phrases, loudness, true peak, how far the furthest phrase
    starts from its cue, render CPU and size; and what the set timer's script costs the serving
    process the first time (its phrases synthesised and measured, none cached yet)."""
    import numpy as np

    from bot.media.voice import SAMPLE_RATE, decode_ogg, guide_script, loudness, onsets, true_peak

    content = load_content()
    exercise = content.tracks.exercise(exercise_key)
    dose = dose or exercise.dose
    out.mkdir(parents=True, exist_ok=True)
    library = MediaLibrary(out, content)
    each_side = " each side" if dose.per_side else ""
    print(f"{exercise_key}, {dose.reps} × {dose.hold_seconds} s{each_side}")
    print(
        "| language | voice | guide | phrases | LUFS | true peak | furthest onset | render CPU "
        "| size | script, first time |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for language in library.voices.languages:
        voice = library.voices.of(language)
        first = time.perf_counter()
        script = guide_script(voice, exercise_key, "regular", dose)
        first = time.perf_counter() - first
        started = time.process_time()
        path = library.voice_guide_sync(exercise_key, "regular", None, dose, language)
        cpu = time.process_time() - started
        heard = decode_ogg(path)
        found = np.array(onsets(heard))
        furthest = max(float(np.abs(found - cue.time).min()) for cue in script.cues)
        named = out / f"{language}-{exercise_key}.ogg"
        named.write_bytes(path.read_bytes())
        print(
            f"| {language} | {voice.voice} | {len(heard) / SAMPLE_RATE:.1f} s "
            f"| {len(script.cues)} | {loudness(heard):.1f} "
            f"| {20 * np.log10(true_peak(heard)):.1f} dBTP | {furthest * 1e3:.0f} ms "
            f"| {cpu:.1f} s | {path.stat().st_size / 1e3:.0f} KB | {first * 1e3:.0f} ms |"
        )
    print(f"(listen: {out}/<language>-{exercise_key}.ogg)")


def main() -> None:
    if sys.argv[1:] == ["serving"]:
        asyncio.run(serving())
    elif sys.argv[1:2] == ["voices"]:
        voices(Path(sys.argv[2]) if len(sys.argv) > 2 else VOICES_DIR)
    else:
        whole_set()


if __name__ == "__main__":
    main()
