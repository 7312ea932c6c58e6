"""Factories and helpers for employers, posts and orders."""

from careercenter.billing.models import Product
from careercenter.employers.models import CompanyMember, MemberRole
from careercenter.extensions import db
from careercenter.jobs.models import JobStatus
from tests.support.factories import make_employer, make_job, make_user
from careercenter.accounts.models import AccountType


def product(code="standard-30"):
    return db.session.scalar(db.select(Product).filter_by(code=code))


def make_member(company, *, role=MemberRole.MEMBER, **fields):
    user = make_user(account_type=AccountType.EMPLOYER, **fields)
    db.session.add(CompanyMember(company=company, user=user, role=role))
    db.session.commit()
    return user


def make_draft(company, user=None, **fields):
    return make_job(company, status=JobStatus.DRAFT, created_by_id=user.id if user else None, **fields)


def job_form(**overrides):
    data = {
        "title": "Inpatient Coder II",
        "description_md": "Code **inpatient** DRG encounters.",
        "work_arrangement": "onsite",
        "city": "Dayton",
        "state": "OH",
        "zip_code": "45402",
        "employment_type": "full-time",
        "experience_level": "mid",
        "pay_min": "58000",
        "pay_max": "67000",
        "pay_period": "year",
        "apply_method": "onsite",
    }
    data.update(overrides)
    return data


__all__ = ["make_employer", "make_member", "make_draft", "product", "job_form"]
