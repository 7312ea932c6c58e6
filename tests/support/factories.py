"""Factory functions: one call, a valid object, any field overridable."""

import itertools
from datetime import timedelta

from careercenter.accounts.models import AccountType, User
from careercenter.accounts.services import hash_password
from careercenter.database import utcnow
from careercenter.employers.services import create_company
from careercenter.extensions import db
from careercenter.jobs.models import Job, JobStatus

PASSWORD = "correct horse battery"
_seq = itertools.count(1)


def make_user(email=None, *, verified=True, account_type=AccountType.SEEKER, password=PASSWORD, **fields):
    n = next(_seq)
    user = User(
        email=(email or f"user{n}@example.com").lower(),
        name=fields.pop("name", f"User {n}"),
        account_type=account_type,
        password_hash=hash_password(password),
        email_verified_at=utcnow() if verified else None,
        **fields,
    )
    db.session.add(user)
    db.session.commit()
    return user


def make_employer(email=None, *, company_name=None, verified=True, **fields):
    """An employer user owning a company; returns (user, company)."""
    user = make_user(email, verified=verified, account_type=AccountType.EMPLOYER, **fields)
    company = create_company(owner=user, name=company_name or f"Clinic {user.id}")
    db.session.commit()
    return user, company


def make_job(company=None, *, status=JobStatus.PUBLISHED, days_left=30, **fields):
    if company is None:
        _, company = make_employer()
    now = utcnow()
    values = {
        "title": "Outpatient Coder",
        "description_md": "Code outpatient encounters with CPT and ICD-10-CM.",
        "city": "Columbus",
        "state": "OH",
        "zip_code": "43215",
        "work_arrangement": "onsite",
        "employment_type": "full-time",
        "pay_min": 52000,
        "pay_max": 61000,
        "pay_period": "year",
    }
    values.update(fields)
    if status == JobStatus.PUBLISHED:
        values.setdefault("published_at", now - timedelta(days=1))
        values.setdefault("expires_at", now + timedelta(days=days_left))
    job = Job(company=company, status=status, **values)
    db.session.add(job)
    db.session.commit()
    return job


def login(client, email, password=PASSWORD, follow_redirects=False):
    return client.post("/account/login", data={"email": email, "password": password}, follow_redirects=follow_redirects)
