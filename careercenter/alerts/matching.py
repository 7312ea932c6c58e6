"""Which saved searches does a post match — without running each saved search as a query.

Every saved search is indexed under a few keys "primary|secondary" built from its
criteria (``index_keys``): the primary is its most selective criterion (a city, a
map cell, one alternative of a keyword group, a specialty, a code or any of its
specialties ...) and the secondary a
cheap one (state, remote state, employment type, arrangement) or empty. A post
produces every key it could satisfy (``post_keys``), so one indexed lookup returns a
small candidate set that still contains every true match; each candidate is then
checked by ``verify``, which applies exactly the rules of ``search.services``.
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from sqlalchemy import Integer, Text, bindparam, cast, func, or_, select
from sqlalchemy.dialects.postgresql import ARRAY
from werkzeug.datastructures import MultiDict

from ..database import utcnow
from ..extensions import db
from ..jobs.models import Job, JobLink, LinkKind, LinkSource, WorkArrangement
from ..search import geo
from ..search.criteria import criteria_from_args
from ..search.models import JobSearchDoc
from ..search.text import positions
from .models import SavedSearch, SavedSearchKey, SearchStatus

LINK_PREFIX = {LinkKind.SPECIALTY: "spec", LinkKind.CREDENTIAL: "cred", LinkKind.SETTING: "set", LinkKind.CODE: "code"}


@lru_cache(maxsize=200_000)
def criteria_for(params_json):
    """Criteria of a saved search from its stored arguments (cached: saved searches rarely change)."""
    return criteria_from_args(MultiDict(_pairs(json.loads(params_json))))


def _pairs(params):
    for key, value in params.items():
        for v in value if isinstance(value, list) else [value]:
            yield key, str(v)


def params_json(params):
    return json.dumps(params, sort_keys=True, separators=(",", ":"))


def _primary_options(c):
    """Candidate primaries, best first: (name, keys)."""
    options = []
    if c.city_key:
        options.append([f"city:{c.city_key}"])
    if c.center and c.radius:
        options.append([f"geo:{cell}" for cell in geo.cells(c.center, c.radius)])
    groups = c.parsed.groups
    if groups:
        # One word of every alternative of one group must be in the post: take the group
        # with the fewest alternatives and, in each phrase, its longest (rarest-looking) word.
        group = min(groups, key=lambda g: (len(g), -min(len(max(t, key=len)) for t in g)))
        options.append(sorted({f"w:{max(term, key=len)}" for term in group}))
    if c.specialty:
        options.append([f"spec:{c.specialty}"])
    if c.code:
        # A post matches a code filter by naming the code or by one of the code's specialties.
        options.append([f"code:{c.code}", *(f"spec:{slug}" for slug in c.code_specialties)])
    for attr, prefix in (("credential", "cred"), ("setting", "set")):
        if getattr(c, attr):
            options.append([f"{prefix}:{getattr(c, attr)}"])
    return options


def _secondary_options(c):
    options = []
    if c.state:
        options.append([f"st:{c.state}"])
    if c.remote_state:
        options.append([f"rs:{c.remote_state}", "rs:*"])
    if c.type:
        options.append([f"et:{t}" for t in c.type])
    if c.arrangement:
        options.append([f"wa:{a}" for a in c.arrangement])
    return options


def index_keys(c):
    """The keys a saved search with criteria ``c`` is filed under."""
    primaries, secondaries = _primary_options(c), _secondary_options(c)
    if not primaries and secondaries:
        primaries, secondaries = [secondaries[0]], secondaries[1:]
    primary = primaries[0] if primaries else ["all"]
    secondary = secondaries[0] if secondaries else [""]
    return sorted({f"{p}|{s}" for p, s in product(primary, secondary)})


@dataclass
class PostFacts:
    """Everything ``verify`` needs to know about a post, copied into plain values once."""

    job: Job
    doc: JobSearchDoc
    positions: dict
    links: set

    def __post_init__(self):
        job, doc = self.job, self.doc
        self.status, self.expires_at, self.published_at = job.status, job.expires_at, job.published_at
        self.state, self.arrangement, self.employment_type = job.state, job.work_arrangement, job.employment_type
        self.city_key, self.remote_states, self.pay_cents = doc.city_key, doc.remote_states, doc.pay_cents
        self.lat, self.lon = doc.lat, doc.lon

    @classmethod
    def load(cls, job_id):
        job = db.session.get(Job, job_id)
        doc = db.session.get(JobSearchDoc, job_id) if job else None
        if job is None or doc is None:
            return None
        links = set(
            db.session.execute(
                select(JobLink.kind, JobLink.value).where(JobLink.job_id == job_id, JobLink.source != LinkSource.REMOVED)
            ).all()
        )
        return cls(job, doc, positions(doc.terms.split()), links)

    def keys(self):
        job, doc = self.job, self.doc
        prim = {"all"} | {f"w:{tok}" for tok in self.positions}
        if doc.city_key:
            prim.add(f"city:{doc.city_key}")
        if doc.lat is not None and doc.lon is not None:
            prim.add(f"geo:{geo.cell(doc.lat, doc.lon)}")
        prim |= {f"{LINK_PREFIX[k]}:{v}" for k, v in self.links if k in LINK_PREFIX}
        sec = set()
        if job.state:
            sec.add(f"st:{job.state}")
        if job.work_arrangement == WorkArrangement.REMOTE:
            sec |= {"rs:*"} if not doc.remote_states else {f"rs:{s}" for s in doc.remote_states.strip(",").split(",")}
        if job.employment_type:
            sec.add(f"et:{job.employment_type}")
        if job.work_arrangement:
            sec.add(f"wa:{job.work_arrangement}")
        return sorted({f"{p}|{s}" for p in prim | sec for s in sec | {""}})


def verify(c, f, now):
    """True when a search with criteria ``c`` run at ``now`` returns the post (same rules as the SQL)."""
    if f.status != "published" or f.expires_at is None or not f.expires_at > now:
        return False
    if c.state and f.state != c.state:
        return False
    if c.city_key and f.city_key != c.city_key:
        return False
    if c.center and c.radius and not geo.within(c.center, c.radius, f.lat, f.lon):
        return False
    if c.arrangement and f.arrangement not in c.arrangement:
        return False
    if c.type and f.employment_type not in c.type:
        return False
    if c.remote_state:
        if f.arrangement != WorkArrangement.REMOTE:
            return False
        if f.remote_states and f",{c.remote_state}," not in f.remote_states:
            return False
    if c.min_pay is not None and (f.pay_cents is None or f.pay_cents < c.min_pay_cents):
        return False
    if c.setting and (LinkKind.SETTING, c.setting) not in f.links:
        return False
    if c.specialty and (LinkKind.SPECIALTY, c.specialty) not in f.links:
        return False
    if c.credential and (LinkKind.CREDENTIAL, c.credential) not in f.links:
        return False
    if c.code and (LinkKind.CODE, c.code) not in f.links and \
            not any((LinkKind.SPECIALTY, slug) in f.links for slug in c.code_specialties):
        return False
    if c.posted_within:
        since = c.posted_since(now)
        if f.published_at is None or f.published_at < since:
            return False
    return not c.q or c.parsed.matches(f.positions)


def candidate_ids(facts):
    """Active saved searches filed under any key the post produces, narrowed by state and pay.

    Two indexed steps (keys → ids, then ids → rows by primary key) rather than one join, which
    the planner tends to answer by scanning every saved search.
    """
    postgres = db.session.get_bind().dialect.name == "postgresql"
    keys = facts.keys()
    key_match = (SavedSearchKey.key == func.any(bindparam("keys", keys, type_=ARRAY(Text)))) if postgres \
        else SavedSearchKey.key.in_(keys)
    ids = set(db.session.scalars(select(SavedSearchKey.saved_search_id).where(key_match)))
    if not ids:
        return {}
    pay = facts.pay_cents
    out = {}
    ordered = sorted(ids)
    step = len(ordered) if postgres else 10_000  # SQLite caps bound parameters
    for i in range(0, len(ordered), step):
        chunk = ordered[i:i + step]
        id_match = (SavedSearch.id == func.any(bindparam(f"ids{i}", chunk, type_=ARRAY(Integer)))) if postgres \
            else SavedSearch.id.in_(chunk)
        stmt = select(SavedSearch.id, cast(SavedSearch.params, Text).label("params")).where(
            id_match,
            SavedSearch.status == SearchStatus.ACTIVE,
            or_(SavedSearch.state.is_(None), SavedSearch.state == facts.state),
            or_(SavedSearch.min_pay_cents.is_(None), SavedSearch.min_pay_cents <= (pay if pay is not None else -1)),
        )
        out.update((row.id, row.params) for row in db.session.execute(stmt))
    return out


def matching_searches(job_id, now=None):
    """Ids of the active saved searches whose search returns the post now."""
    now = now or utcnow()
    facts = PostFacts.load(job_id)
    if facts is None:
        return []
    found = []
    for ss_id, params in candidate_ids(facts).items():
        if verify(criteria_for(params), facts, now):
            found.append(ss_id)
    return sorted(found)
