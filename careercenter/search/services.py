"""Run a search: the SQL for ``Criteria`` on PostgreSQL or SQLite, results, counts and facets."""

from dataclasses import dataclass

from sqlalchemy import and_, bindparam, cast, column, exists, func, literal_column, or_, select, table, text
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.orm import selectinload

from ..database import utcnow
from ..extensions import db
from ..jobs.models import Job, JobLink, LinkKind, LinkSource, WorkArrangement
from . import geo
from .models import JobSearchDoc as Doc

FTS = table("job_search_fts", column("rowid"))
LINK_FILTERS = (("setting", LinkKind.SETTING), ("specialty", LinkKind.SPECIALTY), ("credential", LinkKind.CREDENTIAL))
FACET_LIMIT = 12


def _dialect():
    return db.session.get_bind().dialect.name


def link_condition(kind, value):
    return exists().where(
        JobLink.job_id == Job.id, JobLink.kind == kind, JobLink.value == value, JobLink.source != LinkSource.REMOVED
    )


def filter_conditions(criteria, now):
    """SQL conditions (over Job joined to its search document) for everything but keywords."""
    conds = [Job.status == "published", Job.expires_at > now]
    if criteria.state:
        conds.append(Job.state == criteria.state)
    if criteria.city_key:
        conds.append(Doc.city_key == criteria.city_key)
    center = criteria.center
    if center and criteria.radius:
        clat, clon = center
        r = criteria.radius
        k = geo.lon_factor(clat)
        dy = Doc.lat - clat
        dx = (Doc.lon - clon) * k
        margin = 0.01  # the box only narrows the rows the exact rule below looks at
        conds += [
            Doc.lat.between(clat - r / geo.MILES_PER_DEGREE - margin, clat + r / geo.MILES_PER_DEGREE + margin),
            (dy * dy + dx * dx) * (geo.MILES_PER_DEGREE * geo.MILES_PER_DEGREE) <= r * r,
        ]
    if criteria.arrangement:
        conds.append(Job.work_arrangement.in_(criteria.arrangement))
    if criteria.type:
        conds.append(Job.employment_type.in_(criteria.type))
    if criteria.remote_state:
        conds.append(Job.work_arrangement == WorkArrangement.REMOTE)
        conds.append(or_(Doc.remote_states == "", Doc.remote_states.contains(f",{criteria.remote_state},")))
    if criteria.min_pay_cents is not None:
        conds.append(Doc.pay_cents >= criteria.min_pay_cents)
    for attr, kind in LINK_FILTERS:
        value = getattr(criteria, attr)
        if value:
            conds.append(link_condition(kind, value))
    since = criteria.posted_since(now)
    if since is not None:
        conds.append(Job.published_at >= since)
    return conds


def keyword_parts(parsed, dialect):
    """(conditions, rank expression or None, extra FROM for the rank) for the keyword query."""
    if parsed.is_empty:
        return [], None, None
    if dialect == "postgresql":
        tsq = cast(bindparam("tsq", parsed.to_tsquery()), TSQUERY)
        rank = func.ts_rank_cd(Doc.tsv, tsq) if parsed.groups else None
        return [Doc.tsv.bool_op("@@")(tsq)], rank, None
    conds, rank, ranked = [], None, None
    positive, negative = parsed.to_fts5_positive(), parsed.to_fts5_excluded()
    if positive:
        ranked = (
            select(literal_column("rowid").label("job_id"), literal_column("bm25(job_search_fts)").label("score"))
            .select_from(FTS)
            .where(text("job_search_fts MATCH :fts_pos").bindparams(fts_pos=positive))
            .subquery("ranked")
        )
        rank = -ranked.c.score  # bm25 is lower for better matches
    if negative:
        excluded = select(literal_column("rowid")).select_from(FTS).where(
            text("job_search_fts MATCH :fts_neg").bindparams(fts_neg=negative)
        )
        conds.append(Job.id.not_in(excluded))
    return conds, rank, ranked


def base_query(criteria, now=None, columns=None):
    """(select over matching posts, rank expression or None)."""
    now = now or utcnow()
    dialect = _dialect()
    kw_conds, rank, ranked = keyword_parts(criteria.parsed, dialect)
    stmt = select(*(columns or [Job.id])).select_from(Job).join(Doc, Doc.job_id == Job.id)
    if ranked is not None:
        stmt = stmt.join(ranked, ranked.c.job_id == Job.id)
    stmt = stmt.where(and_(*filter_conditions(criteria, now), *kw_conds))
    return stmt, rank


def ordering(criteria, rank):
    if criteria.sort == "date":
        return [Job.published_at.desc(), Job.id.desc()]
    if rank is not None:
        return [rank.desc(), Job.is_featured.desc(), Job.published_at.desc(), Job.id.desc()]
    return [Job.is_featured.desc(), Job.published_at.desc(), Job.id.desc()]


@dataclass
class SearchResult:
    jobs: list
    total: int
    page: int
    per_page: int
    facets: dict

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))

    @property
    def has_next(self):
        return self.page < self.pages

    @property
    def has_prev(self):
        return self.page > 1


def search_ids(criteria, now=None, limit=None, offset=0):
    """Ids of matching posts in result order."""
    stmt, rank = base_query(criteria, now)
    stmt = stmt.order_by(*ordering(criteria, rank)).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(db.session.scalars(stmt))


def count_matches(criteria, now=None):
    stmt, _ = base_query(criteria, now)
    return db.session.scalar(select(func.count()).select_from(stmt.subquery()))


def search_jobs(criteria, page=1, per_page=20, now=None, with_facets=True):
    """One page of matching posts with the total and (optionally) facet counts."""
    now = now or utcnow()
    page = max(1, page)
    ids = search_ids(criteria, now, limit=per_page, offset=(page - 1) * per_page)
    total = count_matches(criteria, now) if (ids or page > 1) else 0
    by_id = {j.id: j for j in db.session.scalars(select(Job).options(selectinload(Job.links)).where(Job.id.in_(ids)))} if ids else {}
    facets = facet_counts(criteria, now) if with_facets and total else {}
    return SearchResult([by_id[i] for i in ids if i in by_id], total, page, per_page, facets)


def facet_counts(criteria, now=None):
    """{"arrangement": [(value, n)], "type": ..., "state": ..., "setting": ..., ...} over the matches."""
    stmt, _ = base_query(criteria, now)
    matching = stmt.subquery("matching")
    out = {}
    for name, col in (("arrangement", Job.work_arrangement), ("type", Job.employment_type), ("state", Job.state)):
        rows = db.session.execute(
            select(col, func.count())
            .select_from(Job)
            .join(matching, matching.c.id == Job.id)
            .where(col.is_not(None))
            .group_by(col)
            .order_by(func.count().desc(), col)
            .limit(FACET_LIMIT if name == "state" else None)
        ).all()
        out[name] = [(v, n) for v, n in rows]
    rows = db.session.execute(
        select(JobLink.kind, JobLink.value, func.count(func.distinct(JobLink.job_id)))
        .join(matching, matching.c.id == JobLink.job_id)
        .where(JobLink.kind.in_([k for _, k in LINK_FILTERS]), JobLink.source != LinkSource.REMOVED)
        .group_by(JobLink.kind, JobLink.value)
    ).all()
    for attr, kind in LINK_FILTERS:
        values = sorted(((v, n) for k, v, n in rows if k == kind), key=lambda p: (-p[1], p[0]))
        out[attr] = values[:FACET_LIMIT]
    return out


