"""Featuring ends with its paid period; orders keep what was bought (post title, period).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("featured_until", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("billing_order", schema=None) as batch_op:
        batch_op.add_column(sa.Column("job_title", sa.String(length=160), nullable=True))
        batch_op.add_column(sa.Column("period_start", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("period_end", sa.DateTime(timezone=True), nullable=True))
    # Featured posts so far were featured for their whole current period.
    op.execute("UPDATE job SET featured_until = expires_at WHERE is_featured")
    # The best record there is of what older orders bought: the post's title today.
    op.execute("UPDATE billing_order SET job_title = (SELECT job.title FROM job WHERE job.id = billing_order.job_id) "
               "WHERE job_title IS NULL AND job_id IS NOT NULL")


def downgrade():
    with op.batch_alter_table("billing_order", schema=None) as batch_op:
        batch_op.drop_column("period_end")
        batch_op.drop_column("period_start")
        batch_op.drop_column("job_title")
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.drop_column("featured_until")
