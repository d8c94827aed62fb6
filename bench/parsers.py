"""How quickly the engine reads what people type (pure functions, no I/O).

    .venv/bin/python -m bench.parsers

Each figure is the median of several timed loops in this process; compare them with each other,
not across machines. Goals (issue 8 moved them here from timed unit tests): a 4 000-character text
is rejected by `parse_clock_time` in well under 5 ms, and `zones_for_offset` answers in under 20 ms
once warm.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bot.routine.local_time import parse_clock_time, zones_for_offset

LONG_TEXTS = {
    "x × 4000": "x" * 4000,
    "'8:00' × 1000": "8:00" * 1000,
    "digits × 4000": "1" * 4000,
    "a time, then 3995 x": "8:00 " + "x" * 3995,
}
JANUARY = datetime(2027, 1, 15, 12, tzinfo=UTC)


def per_call_ms(call: Callable[[], object], calls: int = 50, loops: int = 7) -> float:
    """The median over *loops* of the mean time of one call, in milliseconds."""
    call()  # warm-up
    samples = []
    for _ in range(loops):
        started = time.perf_counter()
        for _ in range(calls):
            call()
        samples.append((time.perf_counter() - started) / calls * 1000)
    return statistics.median(samples)


def main() -> int:
    print("parse_clock_time on long texts (µs per call, median):")
    for name, text in LONG_TEXTS.items():
        print(f"  {name:<22} {1000 * per_call_ms(lambda text=text: parse_clock_time(text)):8.2f}")
    warm = per_call_ms(lambda: zones_for_offset(timedelta(hours=1), JANUARY), calls=20)
    print(f"zones_for_offset(+1 h), warm (ms per call, median): {warm:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
