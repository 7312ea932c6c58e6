"""Which saved searches does a post match — without running each saved search as a query.

Every saved search is indexed under a few keys "primary|secondary" built from its
criteria (``index_keys``): the primary is its most selective criterion (a city, a
map cell, one alternative of a keyword group, a specialty ...) and the secondary a
cheap one (state, remote state, employment type, arrangement) or empty. A post
produces every key it could satisfy (``post_keys``), so one indexed lookup returns a
small candidate set that still contains every true match; each candidate is then
checked by ``verify``, which applies exactly the rules of ``search.services``.
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from sqlalchemy import Text, cast, or_, select
from werkzeug.datastructures import MultiDict

from ..database import utcnow
from ..extensions import db
from ..jobs.models import Job, JobLink, LinkKind, LinkSource, WorkArrangement
from ..search import geo
from ..search.criteria import criteria_from_args
from ..search.models import JobSearchDoc
from ..search.text import positions
from .models import SavedSearch, SavedSearchKey, SearchStatus

LINK_PREFIX = {LinkKind.SPECIALTY: "spec", LinkKind.CREDENTIAL: "cred", LinkKind.SETTING: "set"}


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
    for attr, prefix in (("specialty", "spec"), ("credential", "cred"), ("setting", "set")):
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
    """Everything ``verify`` needs to know about a post."""

    job: Job
    doc: JobSearchDoc
    positions: dict
    links: set

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


def verify(c, facts, now):
    """True when a search with criteria ``c`` run at ``now`` returns the post (same rules as the SQL)."""
    job, doc = facts.job, facts.doc
    if job.status != "published" or job.expires_at is None or not job.expires_at > now:
        return False
    if c.state and job.state != c.state:
        return False
    if c.city_key and doc.city_key != c.city_key:
        return False
    if c.center and c.radius and not geo.within(c.center, c.radius, doc.lat, doc.lon):
        return False
    if c.arrangement and job.work_arrangement not in c.arrangement:
        return False
    if c.type and job.employment_type not in c.type:
        return False
    if c.remote_state:
        if job.work_arrangement != WorkArrangement.REMOTE:
            return False
        if doc.remote_states and f",{c.remote_state}," not in doc.remote_states:
            return False
    cents = c.min_pay_cents
    if cents is not None and (doc.pay_cents is None or doc.pay_cents < cents):
        return False
    for attr, kind in (("setting", LinkKind.SETTING), ("specialty", LinkKind.SPECIALTY), ("credential", LinkKind.CREDENTIAL)):
        value = getattr(c, attr)
        if value and (kind, value) not in facts.links:
            return False
    since = c.posted_since(now)
    if since is not None and (job.published_at is None or job.published_at < since):
        return False
    return c.parsed.matches(facts.positions)


def candidate_ids(facts):
    """Active saved searches filed under any key the post produces, narrowed by state and pay."""
    keys = facts.keys()
    pay = facts.doc.pay_cents
    stmt = (
        # The stored arguments as text: the key of the per-process criteria cache, no JSON round trip.
        select(SavedSearch.id, cast(SavedSearch.params, Text).label("params"))
        .join(SavedSearchKey, SavedSearchKey.saved_search_id == SavedSearch.id)
        .where(
            SavedSearchKey.key.in_(keys),
            SavedSearch.status == SearchStatus.ACTIVE,
            or_(SavedSearch.state.is_(None), SavedSearch.state == facts.job.state),
            or_(SavedSearch.min_pay_cents.is_(None), SavedSearch.min_pay_cents <= (pay if pay is not None else -1)),
        )
    )
    return {row.id: row.params for row in db.session.execute(stmt)}


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
