"""Keep each post's search document in step with the post, in the same transaction.

A session hook rewrites the document whenever a post's searchable fields are
inserted or changed through the ORM, so every code path that writes posts (the
editor, payments, the demo seeder, test factories) is searchable without having
to remember a step. ``reindex_all`` rebuilds every document (CLI
``flask search reindex``).
"""

from sqlalchemy import delete, event, insert, inspect, select
from sqlalchemy.orm import Session

from ..employers.models import Company
from ..jobs.models import Job, WorkArrangement
from . import geo
from .criteria import annual_cents
from .models import JobSearchDoc
from .text import document_tokens, fold, tsvector_literal

WATCHED = ("title", "description_md", "company_id", "city", "zip_code", "remote_states", "pay_min", "pay_max",
           "pay_period", "work_arrangement")


def document_values(job, company_name, dialect_name):
    """Column values of the search document for ``job``."""
    toks = document_tokens(job.title, company_name, job.description_md)
    centroid = geo.zip_centroid(job.zip_code) if job.zip_code else None
    top = job.pay_max if job.pay_max is not None else job.pay_min
    remote = sorted({s.upper() for s in (job.remote_states or []) if isinstance(s, str)})
    return {
        "job_id": job.id,
        "terms": " ".join(toks),
        "tsv": tsvector_literal(toks) if dialect_name == "postgresql" else None,
        "city_key": fold(job.city).strip() or None if job.city else None,
        "remote_states": ("," + ",".join(remote) + ",") if remote and job.work_arrangement == WorkArrangement.REMOTE else "",
        "pay_cents": annual_cents(top, job.pay_period) if top is not None else None,
        "lat": centroid[0] if centroid else None,
        "lon": centroid[1] if centroid else None,
    }


def write_documents(conn, jobs):
    """Replace the search documents of ``jobs`` using ``conn``."""
    if not jobs:
        return
    ids = [j.id for j in jobs]
    names = dict(conn.execute(select(Company.id, Company.name).where(Company.id.in_({j.company_id for j in jobs}))).all())
    rows = [document_values(j, names.get(j.company_id, ""), conn.dialect.name) for j in jobs]
    if conn.dialect.name != "postgresql":
        for row in rows:
            del row["tsv"]  # SQLite indexes ``terms`` through its FTS5 triggers instead
    conn.execute(delete(JobSearchDoc).where(JobSearchDoc.job_id.in_(ids)))
    conn.execute(insert(JobSearchDoc), rows)


def _changed(job):
    state = inspect(job)
    return any(state.attrs[name].history.has_changes() for name in WATCHED)


@event.listens_for(Session, "after_flush")
def _index_flushed_jobs(session, flush_context):
    jobs = [o for o in session.new if isinstance(o, Job)]
    jobs += [o for o in session.dirty if isinstance(o, Job) and _changed(o)]
    jobs = [j for j in jobs if j.id is not None and j not in session.deleted]
    if jobs:
        write_documents(session.connection(), jobs)


def reindex_all(session, batch=1000):
    """Rebuild every post's search document; returns how many were written."""
    done = 0
    last = 0
    while True:
        jobs = session.scalars(select(Job).where(Job.id > last).order_by(Job.id).limit(batch)).all()
        if not jobs:
            return done
        write_documents(session.connection(), jobs)
        session.commit()
        done += len(jobs)
        last = jobs[-1].id
