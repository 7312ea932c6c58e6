"""The matcher returns exactly the saved searches whose search would return the post.

Random posts (with catalogue links, some of them turned down by the employer) and random
saved searches (keywords with phrases, OR and exclusions, and every filter, codes included)
on the configured database: for each post, the indexed matcher must agree with running
every saved search as a real query.
"""

from datetime import timedelta

from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import delete

from careercenter.alerts.matching import matching_searches
from careercenter.alerts.models import AlertMatch, SavedSearch, SavedSearchKey
from careercenter.database import utcnow
from careercenter.extensions import db
from careercenter.jobs.models import Job, JobLink
from careercenter.search.models import JobSearchDoc
from careercenter.search.services import search_ids
from tests.support.alerts_factories import criteria
from tests.support.factories import make_employer

WORDS = ["coder", "coding", "codes", "remote", "risk", "adjustment", "audit", "auditor", "inpatient", "cpc", "crc",
         "denial", "lead", "senior", "hcc", "drg", "the", "of", "in",
         # Longer than the 40-character token cap: cut alike in posts, queries and the matcher.
         "q" * 41, "q" * 45, "chemoradiotherapyauthorizationspecialistcoders"]
PLACES = [("Columbus", "OH", "43215"), ("Dublin", "OH", "43017"), ("Cincinnati", "OH", "45202"),
          ("San José", "CA", "95113"), ("Oakland", "CA", "94612"), (None, "TX", None), (None, None, None)]
LINKS = [("specialty", "orthopedics"), ("specialty", "cardiology"), ("setting", "risk-adjustment"),
         ("credential", "CPC"), ("credential", "CRC"), ("specialty", "radiology"), ("specialty", "primary-care"),
         ("code", "29881"), ("code", "M17.11"), ("code", "E11.22"), ("code", "J9271"), ("code", "93458")]
# Codes whose specialties are known: 29881, 27447 → orthopedics; 93458 → cardiology; M17.11 →
# orthopedics, radiology, rehab-therapy; E11.22 → primary-care; J9271 → hematology-oncology (no post
# has that specialty, so J9271 matches only posts naming it). Typed spellings are normalised.
CODES = ["29881", "27447", "93458", "M17.11", "m17.11", "E11.22", "J9271"]
SOURCES = ["employer", "linker", "removed"]  # removed links never count

text = st.lists(st.sampled_from(WORDS), min_size=0, max_size=16).map(" ".join)


@st.composite
def keyword_query(draw):
    parts = []
    for _ in range(draw(st.integers(1, 2))):
        kind = draw(st.sampled_from(["word", "phrase", "or", "neg", "negphrase", "junk"]))
        w = draw(st.sampled_from(WORDS))
        w2 = draw(st.sampled_from(WORDS))
        parts.append({"word": w, "phrase": f'"{w} {w2}"', "or": f"{w} OR {w2}", "neg": f"-{w}",
                      "negphrase": f'-"{w} {w2}"', "junk": draw(st.sampled_from(['"', "OR", "-", "--x", "((", "CPC-A"]))}[kind])
    return " ".join(parts)


@st.composite
def post(draw):
    city, state, zip_code = draw(st.sampled_from(PLACES))
    arrangement = draw(st.sampled_from(["onsite", "hybrid", "remote"]))
    period = draw(st.sampled_from([None, "hour", "year"]))
    pay = None if period is None else draw(st.integers(15, 60) if period == "hour" else st.integers(30, 120).map(lambda k: k * 1000))
    return {
        "title": draw(text)[:160], "description_md": draw(text), "city": city, "state": state, "zip_code": zip_code,
        "work_arrangement": arrangement,
        "remote_states": draw(st.lists(st.sampled_from(["CA", "OH", "TX"]), max_size=2, unique=True)),
        "employment_type": draw(st.sampled_from(["full-time", "contract", "part-time"])),
        "pay_min": pay, "pay_max": pay, "pay_period": period,
        "is_featured": draw(st.booleans()),
        "age_days": draw(st.integers(0, 40)),
        "live": draw(st.sampled_from([True, True, True, False])),
        "links": draw(st.lists(st.sampled_from(LINKS), max_size=4, unique=True)),
        "sources": draw(st.lists(st.sampled_from(SOURCES), min_size=4, max_size=4)),
    }


@st.composite
def search_args(draw):
    args = {"q": draw(keyword_query()) if draw(st.booleans()) else ""}
    if draw(st.integers(0, 4)) == 0:
        args["state"] = draw(st.sampled_from(["OH", "CA", "TX"]))
    if draw(st.integers(0, 6)) == 0:
        args["city"] = draw(st.sampled_from(["columbus", "San Jose", "DUBLIN"]))
    if draw(st.integers(0, 5)) == 0:
        args["zip"] = draw(st.sampled_from(["43215", "94612", "45202"]))
        args["radius"] = draw(st.sampled_from([5, 25, 60, 120]))
    if draw(st.integers(0, 5)) == 0:
        args["arrangement"] = draw(st.lists(st.sampled_from(["onsite", "hybrid", "remote"]), min_size=1, max_size=2, unique=True))
    if draw(st.integers(0, 5)) == 0:
        args["type"] = draw(st.lists(st.sampled_from(["full-time", "contract", "part-time"]), min_size=1, max_size=2, unique=True))
    if draw(st.integers(0, 5)) == 0:
        args["remote_state"] = draw(st.sampled_from(["CA", "OH", "NY"]))
    if draw(st.integers(0, 5)) == 0:
        args["pay_period"] = draw(st.sampled_from(["hour", "year"]))
        args["min_pay"] = draw(st.integers(20, 40)) if args["pay_period"] == "hour" else draw(st.integers(40, 110)) * 1000
    for key, (kind, value) in (("specialty", LINKS[0]), ("setting", LINKS[2]), ("credential", LINKS[3])):
        if draw(st.integers(0, 6)) == 0:
            args[key] = value
    if draw(st.integers(0, 3)) == 0:
        args["code"] = draw(st.sampled_from(CODES))
    if draw(st.integers(0, 6)) == 0:
        args["posted_within"] = draw(st.sampled_from([1, 7, 30]))
    return {k: v for k, v in args.items() if v not in ("", None)}


def _clear():
    for model in (AlertMatch, SavedSearchKey, SavedSearch, JobLink, JobSearchDoc, Job):
        db.session.execute(delete(model))
    db.session.commit()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow, HealthCheck.data_too_large])
@given(posts=st.lists(post(), min_size=4, max_size=8), searches=st.lists(search_args(), min_size=20, max_size=40))
def test_matcher_agrees_with_running_every_search(app, posts, searches):
    _clear()
    _, company = make_employer()
    now = utcnow()
    saved = []
    for i, args in enumerate(searches):
        from careercenter.alerts.services import create_saved_search

        # One address each: an address cannot save the same search twice.
        saved.append(create_saved_search(criteria(**args), name="s", frequency="instant", hour=8,
                                         timezone="UTC", email=f"p{i}@example.com"))
    for s in saved:
        s.status = "active"
    jobs = []
    for p in posts:
        published = now - timedelta(days=p["age_days"], minutes=5)
        job = Job(company=company, status="published" if p["live"] else "expired", published_at=published,
                  expires_at=now + timedelta(days=5) if p["live"] else now - timedelta(hours=1),
                  **{k: v for k, v in p.items() if k not in ("age_days", "live", "links", "sources")})
        db.session.add(job)
        db.session.flush()
        for (kind, value), source in zip(p["links"], p["sources"]):
            db.session.add(JobLink(job_id=job.id, kind=kind, value=value, source=source))
        jobs.append(job)
    db.session.commit()
    expected = {job.id: set() for job in jobs}
    for s, args in zip(saved, searches):
        for job_id in search_ids(criteria(**args), now):
            expected[job_id].add(s.id)
    import os
    if os.environ.get("DEBUG_PROP"):
        print("pairs", len(jobs) * len(saved), "matches", sum(len(v) for v in expected.values()))
    for job in jobs:
        assert set(matching_searches(job.id, now)) == expected[job.id], (job.id, expected)
