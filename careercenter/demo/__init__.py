"""Demo data for ``make run``: employers, coders with profiles, published jobs and a few
applications to the demo employer. Idempotent."""

from datetime import timedelta

from ..accounts.models import AccountType, User
from ..accounts.services import hash_password
from ..applications.models import Application
from ..database import utcnow
from ..employers.models import Company
from ..employers.services import create_company
from ..extensions import db
from ..jobs.models import Job, JobStatus
from ..jobs.tasks import job_published
from ..queue import enqueue
from .coders import seed_coders
from .data import COMPANIES, DEMO_PASSWORD, JOBS, PEOPLE

DEMO_LOGINS = [(p["email"], DEMO_PASSWORD, p["label"]) for p in PEOPLE if p.get("show")]


def _owner_spec(company_spec):
    """The demo employer account that owns a company: the named person, or a hiring inbox."""
    return {"key": company_spec["key"], "email": f"hiring.{company_spec['key']}@demo.careercenter.test",
            "name": f"{company_spec['name']} hiring team", "type": AccountType.EMPLOYER}


def _user(person, now):
    user = db.session.scalar(db.select(User).filter_by(email=person["email"]))
    if user is None:
        user = User(email=person["email"], name=person["name"], account_type=person["type"],
                    password_hash=hash_password(DEMO_PASSWORD), email_verified_at=now,
                    is_staff=person.get("staff", False))
        db.session.add(user)
    return user


def _company(spec, owner):
    company = db.session.scalar(db.select(Company).filter_by(name=spec["name"]))
    if company is None:
        fields = {k: v for k, v in spec.items() if k not in {"name", "key"}}
        company = create_company(owner=owner, name=spec["name"], **fields)
    return company


def database_is_empty():
    """True when no job exists yet (``seed-demo --if-empty`` loads the set only then)."""
    return db.session.scalar(db.select(Job.id).limit(1)) is None


def seed_demo():
    """Create what is missing of the demo set; returns a one-line summary. Commits."""
    now = utcnow()
    users = {p["key"]: _user(p, now) for p in PEOPLE}
    companies = {}
    for spec in COMPANIES:
        owner = users.get(spec["key"]) or _user(_owner_spec(spec), now)
        companies[spec["key"]] = _company(spec, owner)
    db.session.flush()
    added = 0
    for i, spec in enumerate(JOBS):
        company = companies[spec["company"]]
        exists = db.session.scalar(db.select(Job.id).filter_by(company_id=company.id, title=spec["title"]))
        if exists:
            continue
        fields = {k: v for k, v in spec.items() if k not in {"company", "days_ago"}}
        # Spread over the last three weeks so the list has a believable order; each lasts 30 days.
        published = now - timedelta(days=spec.get("days_ago", i % 20), hours=i)
        job = Job(company=company, status=JobStatus.PUBLISHED, published_at=published,
                  expires_at=published + timedelta(days=30), **fields)
        if job.is_featured:
            job.featured_until = job.expires_at
        db.session.add(job)
        db.session.flush()
        enqueue(job_published, job.id)
        added += 1
    db.session.flush()
    added += seed_coders(users, companies["employer"], users["employer"], now)
    db.session.commit()
    total = db.session.scalar(db.select(db.func.count(Job.id)))
    applications = db.session.scalar(db.select(db.func.count(Application.id)))
    return f"Demo data ready: {len(companies)} employers, {total} jobs, {applications} applications ({added} added)."
