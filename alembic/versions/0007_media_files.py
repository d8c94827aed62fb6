"""Media files: Telegram file_ids of uploaded animations and voice guides, by media key.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 05:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "media_files",
        sa.Column("media_key", sa.String(length=160), nullable=False),
        sa.Column("file_id", sa.String(length=255), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("media_key", name=op.f("pk_media_files")),
    )


def downgrade() -> None:
    op.drop_table("media_files")
