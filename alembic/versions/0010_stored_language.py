"""The language Limber speaks to each person is stored: Telegram's at first contact, or their
/language choice. Rows from before were all written "en" without anyone choosing it: they become
NULL (not stored yet) and take the language of their next update, once.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 17:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.alter_column("language", existing_type=sa.String(length=8), nullable=True)
    op.execute("UPDATE users SET language = NULL")


def downgrade() -> None:
    op.execute("UPDATE users SET language = 'en' WHERE language IS NULL")
    with op.batch_alter_table("users") as batch:
        batch.alter_column("language", existing_type=sa.String(length=8), nullable=False)
