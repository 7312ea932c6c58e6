"""Search documents (PostgreSQL tsvector / SQLite FTS5), saved searches, alert sent-log, suppression list.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    postgres = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "job_search_doc",
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("tsv", postgresql.TSVECTOR() if postgres else sa.Text(), nullable=True),
        sa.Column("city_key", sa.String(length=100), nullable=True),
        sa.Column("remote_states", sa.String(length=200), nullable=False),
        sa.Column("pay_cents", sa.BigInteger(), nullable=True),
        sa.Column("lat", sa.Double(), nullable=True),
        sa.Column("lon", sa.Double(), nullable=True),
        sa.ForeignKeyConstraint(["job_id"], ["job.id"], name=op.f("fk_job_search_doc_job_id_job"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("job_id", name=op.f("pk_job_search_doc")),
    )
    op.create_index("ix_job_search_doc_city_key", "job_search_doc", ["city_key"])
    op.create_index("ix_job_search_doc_lat", "job_search_doc", ["lat"])
    op.create_index("ix_job_search_order", "job", ["is_featured", "published_at", "id"],
                    postgresql_where=sa.text("status = 'published'"), sqlite_where=sa.text("status = 'published'"))
    if postgres:
        op.create_index("ix_job_search_doc_tsv", "job_search_doc", ["tsv"], postgresql_using="gin")
    else:
        # FTS5 over the pre-stemmed terms, rowid = job id, kept in step by triggers.
        op.execute("CREATE VIRTUAL TABLE job_search_fts USING fts5(terms, tokenize = 'unicode61')")
        op.execute(
            "CREATE TRIGGER job_search_doc_ai AFTER INSERT ON job_search_doc BEGIN "
            "INSERT INTO job_search_fts(rowid, terms) VALUES (new.job_id, new.terms); END"
        )
        op.execute(
            "CREATE TRIGGER job_search_doc_ad AFTER DELETE ON job_search_doc BEGIN "
            "DELETE FROM job_search_fts WHERE rowid = old.job_id; END"
        )
        op.execute(
            "CREATE TRIGGER job_search_doc_au AFTER UPDATE ON job_search_doc BEGIN "
            "DELETE FROM job_search_fts WHERE rowid = old.job_id; "
            "INSERT INTO job_search_fts(rowid, terms) VALUES (new.job_id, new.terms); END"
        )

    op.create_table(
        "saved_search",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("frequency", sa.String(length=10), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=True),
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("pause_reason", sa.String(length=16), nullable=True),
        sa.Column("state", sa.String(length=2), nullable=True),
        sa.Column("min_pay_cents", sa.BigInteger(), nullable=True),
        sa.Column("next_run_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], name=op.f("fk_saved_search_user_id_user"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_search")),
    )
    op.create_index("ix_saved_search_user_id", "saved_search", ["user_id"])
    op.create_index("ix_saved_search_email", "saved_search", ["email"])
    op.create_index("ix_saved_search_due", "saved_search", ["status", "frequency", "next_run_at"])

    op.create_table(
        "saved_search_key",
        sa.Column("saved_search_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(["saved_search_id"], ["saved_search.id"],
                                name=op.f("fk_saved_search_key_saved_search_id_saved_search"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("saved_search_id", "key", name=op.f("pk_saved_search_key")),
    )
    op.create_index("ix_saved_search_key_key", "saved_search_key", ["key", "saved_search_id"])

    op.create_table(
        "alert_match",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("saved_search_id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("matched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["job_id"], ["job.id"], name=op.f("fk_alert_match_job_id_job"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["saved_search_id"], ["saved_search.id"],
                                name=op.f("fk_alert_match_saved_search_id_saved_search"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_match")),
        sa.UniqueConstraint("saved_search_id", "job_id", name="uq_alert_match_search_job"),
    )
    op.create_index("ix_alert_match_job_id", "alert_match", ["job_id"])
    op.create_index("ix_alert_match_unsent", "alert_match", ["saved_search_id", "sent_at"])

    op.create_table(
        "email_suppression",
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("email", name=op.f("pk_email_suppression")),
    )


def downgrade():
    op.drop_table("email_suppression")
    op.drop_index("ix_alert_match_unsent", table_name="alert_match")
    op.drop_index("ix_alert_match_job_id", table_name="alert_match")
    op.drop_table("alert_match")
    op.drop_index("ix_saved_search_key_key", table_name="saved_search_key")
    op.drop_table("saved_search_key")
    op.drop_index("ix_saved_search_due", table_name="saved_search")
    op.drop_index("ix_saved_search_email", table_name="saved_search")
    op.drop_index("ix_saved_search_user_id", table_name="saved_search")
    op.drop_table("saved_search")
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE IF EXISTS job_search_fts")
    else:
        op.drop_index("ix_job_search_doc_tsv", table_name="job_search_doc")
    op.drop_index("ix_job_search_doc_city_key", table_name="job_search_doc")
    op.drop_index("ix_job_search_doc_lat", table_name="job_search_doc")
    op.drop_index("ix_job_search_order", table_name="job")
    op.drop_table("job_search_doc")
