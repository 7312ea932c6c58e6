"""The search document of each post: pre-stemmed tokens and the facts filters need.

One row per post (``JobSearchDoc``), kept up to date by ``indexing`` whenever a post
is written. On PostgreSQL ``tsv`` holds the tokens as a ``tsvector`` with a GIN
index; on SQLite triggers copy ``terms`` into the FTS5 table ``job_search_fts``
(rowid = job id). Both are created by migration 0005.
"""

from sqlalchemy import BigInteger, ForeignKey, Index, Text, cast, text
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from ..extensions import db
from ..jobs.models import Job


class TSVectorText(TypeDecorator):
    """``tsvector`` on PostgreSQL (bound from its text form), unused text elsewhere."""

    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect):
        return dialect.type_descriptor(TSVECTOR() if dialect.name == "postgresql" else Text())

    def bind_expression(self, bindvalue):
        return cast(bindvalue, TSVECTOR)


class JobSearchDoc(db.Model):
    __tablename__ = "job_search_doc"

    job_id: Mapped[int] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"), primary_key=True)
    terms: Mapped[str] = mapped_column(Text, default="")
    tsv = mapped_column(TSVectorText())
    city_key: Mapped[str | None] = mapped_column(db.String(100), index=True)
    # ",CA,NY," for a remote post limited to those states; "" when open to the whole US.
    remote_states: Mapped[str] = mapped_column(db.String(200), default="")
    # The top of the pay range as yearly cents (hourly × HOURS_PER_YEAR), for "minimum pay".
    pay_cents: Mapped[int | None] = mapped_column(BigInteger)
    lat: Mapped[float | None] = mapped_column(index=True)
    lon: Mapped[float | None] = mapped_column()


# The default listing order (featured, newest) read straight from an index, so browsing and
# filter-only searches stop after one page instead of sorting every published post.
Index(
    "ix_job_search_order",
    Job.is_featured,
    Job.published_at,
    Job.id,
    postgresql_where=text("status = 'published'"),
    sqlite_where=text("status = 'published'"),
)
