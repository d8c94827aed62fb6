"""The cost of making the media: `.venv/bin/python -m bench.media`.

Renders the whole set (every animation and still, a voice guide for every reachable dose) into a
fresh directory and reports time, size, CPU seconds per voice guide and peak memory
(the process's maximum RSS).
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

from bot.media.library import MediaLibrary, reachable_doses
from bot.routine.content import load_content


def main() -> None:
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


if __name__ == "__main__":
    main()
