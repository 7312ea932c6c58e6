"""Run a search: the SQL for ``Criteria`` on PostgreSQL or SQLite, results, counts and facets."""

import json
import time

from dataclasses import dataclass

from sqlalchemy import (
    and_, bindparam, cast, column, exists, func, literal, literal_column, or_, select, table, text, union_all,
)
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.orm import selectinload

from ..codes.filters import code_filter_condition
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
        dlon = r / (geo.MILES_PER_DEGREE * max(k, 0.01))
        conds += [
            Doc.lat.between(clat - r / geo.MILES_PER_DEGREE - margin, clat + r / geo.MILES_PER_DEGREE + margin),
            Doc.lon.between(clon - dlon - margin, clon + dlon + margin),
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
    if criteria.code:
        conds.append(code_filter_condition(criteria.code, criteria.code_specialties))
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


def needs_document(criteria):
    """True when a filter reads the search document (keywords, city, distance, remote state, pay)."""
    return bool(not criteria.parsed.is_empty or criteria.city_key or (criteria.center and criteria.radius)
                or criteria.remote_state or criteria.min_pay_cents is not None)


def base_query(criteria, now=None, columns=None):
    """(select over matching posts, rank expression or None)."""
    now = now or utcnow()
    dialect = _dialect()
    kw_conds, rank, ranked = keyword_parts(criteria.parsed, dialect)
    stmt = select(*(columns or [Job.id])).select_from(Job)
    if needs_document(criteria):
        stmt = stmt.join(Doc, Doc.job_id == Job.id)
    if ranked is not None:
        stmt = stmt.join(ranked, ranked.c.job_id == Job.id)
    stmt = stmt.where(and_(*filter_conditions(criteria, now), *kw_conds))
    return stmt, rank


# Ranking computes a score for every match; past this many matches the order falls back to
# featured-then-newest, which an index serves at once (such broad searches rarely reach page 2).
RANK_LIMIT = 5000


def ordering(criteria, rank):
    if criteria.sort == "date":
        return [Job.published_at.desc(), Job.id.desc()]
    if rank is not None:
        return [rank.desc(), Job.is_featured.desc(), Job.published_at.desc(), Job.id.desc()]
    featured = Job.is_featured
    if criteria.city_key or criteria.center:
        # A place matches few posts: wrapping the column keeps the planner from walking the whole
        # listing-order index looking for them, so it filters by place first and sorts the few.
        featured = func.coalesce(Job.is_featured, False)
    return [featured.desc(), Job.published_at.desc(), Job.id.desc()]


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


def search_ids(criteria, now=None, limit=None, offset=0, ranked=True):
    """Ids of matching posts in result order (``ranked=False``: featured then newest even with keywords)."""
    stmt, rank = base_query(criteria, now)
    rank = rank if ranked else None
    stmt = stmt.order_by(*ordering(criteria, rank)).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(db.session.scalars(stmt))


def count_matches(criteria, now=None):
    stmt, _ = base_query(criteria, now)
    return db.session.scalar(select(func.count()).select_from(stmt.subquery()))


# Facet counts and totals of big result sets (hundreds of posts or more) move slowly: they are kept for
# a minute per process so a popular broad search does not rescan most of the board on every hit.
# Small result sets are always counted exactly.
SUMMARY_TTL = 60
SUMMARY_CACHE_MIN_TOTAL = 500
_summary_cache = {}


def _summary_key(criteria):
    return (_dialect(), tuple(sorted((k, str(v)) for k, v in criteria.to_args(with_sort=False).items())))


def summary(criteria, now=None, with_facets=True):
    """(total, facets) of a search."""
    now = now or utcnow()
    key = _summary_key(criteria)
    hit = _summary_cache.get(key)
    if hit and hit[0] > time.monotonic() and (hit[2] or not with_facets):
        return hit[1], hit[2] if with_facets else {}
    if with_facets:
        total, facets = facet_counts(criteria, now)
    else:
        total, facets = count_matches(criteria, now), {}
    if total >= SUMMARY_CACHE_MIN_TOTAL:
        if len(_summary_cache) > 2000:
            _summary_cache.clear()
        _summary_cache[key] = (time.monotonic() + SUMMARY_TTL, total, facets)
    return total, facets


def clear_summary_cache():
    _summary_cache.clear()


def search_jobs(criteria, page=1, per_page=20, now=None, with_facets=True):
    """One page of matching posts with the total and (optionally) facet counts."""
    now = now or utcnow()
    page = max(1, page)
    total, facets = summary(criteria, now, with_facets)
    ids = search_ids(criteria, now, limit=per_page, offset=(page - 1) * per_page, ranked=total <= RANK_LIMIT) \
        if total else []
    by_id = {j.id: j for j in db.session.scalars(select(Job).options(selectinload(Job.links)).where(Job.id.in_(ids)))} if ids else {}
    return SearchResult([by_id[i] for i in ids if i in by_id], total, page, per_page, facets if total else {})


FACET_WORK_MEM = "32MB"


def estimated_rows(stmt):
    """PostgreSQL's estimate of how many rows ``stmt`` returns (planning only, nothing is run).

    Picks how facets probe the links: counting the matches exactly first would scan them twice."""
    compiled = stmt.compile(dialect=db.session.get_bind().dialect, compile_kwargs={"render_postcompile": True})
    processors = compiled._bind_processors
    params = {k: processors[k](v) if k in processors else v for k, v in compiled.params.items()}
    plan = db.session.connection().exec_driver_sql("EXPLAIN (FORMAT JSON) " + str(compiled), params).scalar()
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return plan[0]["Plan"]["Plan Rows"]


def facet_counts(criteria, now=None):
    """(total, {"arrangement": [(value, n)], "type": ..., "state": ..., "setting": ..., ...}) over the matches.

    One statement: the matching posts are computed once (a CTE used several times is
    materialised) and every facet is a GROUP BY over them.
    """
    stmt, _ = base_query(criteria, now, columns=[Job.id, Job.work_arrangement, Job.employment_type, Job.state])
    m = stmt.cte("matching")
    parts = [
        select(literal("total").label("facet"), literal(None, db.String).label("value"), func.count().label("n"))
        .select_from(m)
    ]
    for name, col in (("arrangement", m.c.work_arrangement), ("type", m.c.employment_type), ("state", m.c.state)):
        parts.append(select(literal(name), col, func.count()).where(col.is_not(None)).group_by(col))
    postgres = _dialect() == "postgresql"
    if postgres:
        # Hashing the matching posts and the link table needs more than the default 4 MB on a large
        # board; without it the join spills to disk in batches. Lasts until the end of the transaction.
        db.session.execute(text(f"SET LOCAL work_mem = '{FACET_WORK_MEM}'"))
    if postgres and estimated_rows(stmt) <= 20_000:
        # "= ANY(ARRAY(...))" probes the links by job id instead of hashing the whole link table;
        # for most of the board, hashing the link table once is cheaper.
        in_matching = JobLink.job_id == func.any(func.array(select(m.c.id).scalar_subquery()))
        links = select(JobLink.kind, JobLink.value, func.count()).where(in_matching)
    else:
        links = select(JobLink.kind, JobLink.value, func.count()).join(m, m.c.id == JobLink.job_id)
    parts.append(
        links.where(JobLink.kind.in_([k for _, k in LINK_FILTERS]), JobLink.source != LinkSource.REMOVED)
        .group_by(JobLink.kind, JobLink.value)
    )
    rows = db.session.execute(union_all(*parts)).all()
    total = 0  # filled from the "total" row
    grouped = {}
    for facet, value, n in rows:
        if facet == "total":
            total = n
        else:
            grouped.setdefault(facet, []).append((value, n))
    out = {}
    for name in ("arrangement", "type", "state", *(attr for attr, _ in LINK_FILTERS)):
        values = sorted(grouped.get(name, []), key=lambda p: (-p[1], p[0]))
        # Every state with jobs stays reachable (at most 52); the page folds the tail away.
        out[name] = values[:FACET_LIMIT] if name not in ("arrangement", "type", "state") else values
    return total, out
