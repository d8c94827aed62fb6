"""How fast `Database.transaction()` is on the inline SQLite connection (no other process).

    .venv/bin/python -m bench.sqlite_transactions [transactions]

Each transaction reads a row and updates it (as a tap does, in miniature). Prints transactions
per second and the p50/p99 of one transaction. Results: bench/README.md.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from bot.store.database import Database


async def measure(transactions: int) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as workdir:
        database = Database(f"sqlite+aiosqlite:///{Path(workdir) / 'bench.sqlite3'}")
        try:
            async with database.transaction() as connection:
                await connection.exec_driver_sql(
                    "CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)"
                )
                await connection.exec_driver_sql("INSERT INTO counters VALUES (1, 0)")
            took: list[float] = []
            started = time.perf_counter()
            for _ in range(transactions):
                one = time.perf_counter()
                async with database.transaction() as connection:
                    n = (
                        await connection.execute(text("SELECT n FROM counters WHERE id = 1"))
                    ).scalar_one()
                    await connection.execute(
                        text("UPDATE counters SET n = :n WHERE id = 1"), {"n": n + 1}
                    )
                took.append(time.perf_counter() - one)
            elapsed = time.perf_counter() - started
        finally:
            await database.dispose()
    took.sort()
    return (
        transactions / elapsed,
        statistics.median(took) * 1000,
        took[int(len(took) * 0.99)] * 1000,
    )


def main() -> None:
    transactions = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    rate, p50, p99 = asyncio.run(measure(transactions))
    print(f"{transactions} transactions: {rate:,.0f}/s, p50 {p50:.3f} ms, p99 {p99:.3f} ms")


if __name__ == "__main__":
    main()
