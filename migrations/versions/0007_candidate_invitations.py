"""Invitations to apply sent from the candidate search: one per coder and post.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "candidate_invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("invited_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], name=op.f("fk_candidate_invitation_user_id_user"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["job_id"], ["job.id"], name=op.f("fk_candidate_invitation_job_id_job"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["invited_by_id"], ["user.id"],
                                name=op.f("fk_candidate_invitation_invited_by_id_user"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate_invitation")),
        sa.UniqueConstraint("user_id", "job_id", name="uq_candidate_invitation_user_job"),
    )
    op.create_index(op.f("ix_candidate_invitation_job_id"), "candidate_invitation", ["job_id"])


def downgrade():
    op.drop_index(op.f("ix_candidate_invitation_job_id"), table_name="candidate_invitation")
    op.drop_table("candidate_invitation")
