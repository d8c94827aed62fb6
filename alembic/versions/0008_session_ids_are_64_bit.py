"""Session ids are 64-bit: sessions.id, its sequence and every column that names a session.

Buttons carry session ids (the session's own and the morning check-in's), so a forged one can
be any number up to 18 digits; a real one may pass 2^31 one day. PostgreSQL only: on SQLite an
INTEGER is already 64-bit (and sessions.id stays the rowid).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 13:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column, nullable) for every column that holds a session id.
SESSION_ID_COLUMNS = (
    ("sessions", "id", False),
    ("step_results", "session_id", False),
    ("soreness_reports", "session_id", True),
    ("check_ins", "session_id", False),
    ("doses", "since_session", True),
    ("doses", "raised_after", True),
    ("doses", "eased_after", True),
)


def _retype(old: sa.types.TypeEngine[int], new: sa.types.TypeEngine[int]) -> None:
    for table, column, nullable in SESSION_ID_COLUMNS:
        op.alter_column(table, column, type_=new, existing_type=old, existing_nullable=nullable)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _retype(sa.Integer(), sa.BigInteger())
    op.execute("ALTER SEQUENCE sessions_id_seq AS bigint")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # Fails (integer out of range) if a session id has passed 2^31 − 1: nothing is truncated.
    op.execute("ALTER SEQUENCE sessions_id_seq AS integer")
    _retype(sa.BigInteger(), sa.Integer())
