"""The nudge outbox without a foreign key to users: its check of each inserted row cost ~10 ms
of the claim of 1 000 due nudges among a million users (30.7 → 21.1 ms for the claim's write;
bench/README.md, "Sixth look"). Nothing is lost by it: the claim, the outbox's only
writer, inserts nudges only for the user rows it holds locked in the same transaction, and
/delete removes a person's nudges with the rest of their rows.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 05:10:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY = "fk_nudges_user_id_users"


def upgrade() -> None:
    with op.batch_alter_table("nudges") as batch:
        batch.drop_constraint(_KEY, type_="foreignkey")


def downgrade() -> None:
    # A nudge of a person deleted meanwhile would break the key: it is nobody's any more.
    op.execute("DELETE FROM nudges WHERE user_id NOT IN (SELECT id FROM users)")
    with op.batch_alter_table("nudges") as batch:
        batch.create_foreign_key(_KEY, "users", ["user_id"], ["id"], ondelete="CASCADE")
