"""Factories for the code catalogue: ICD-10-CM rows and post links."""

from careercenter.codes.models import Icd10cmCode
from careercenter.extensions import db
from careercenter.jobs.models import JobLink, LinkSource

ICD_SAMPLE = {
    "M17.11": "Unilateral primary osteoarthritis, right knee",
    "M17": "Osteoarthritis of knee",
    "E11.9": "Type 2 diabetes mellitus without complications",
    "I10": "Essential (primary) hypertension",
    "Z51.11": "Encounter for antineoplastic chemotherapy",
    "C50.911": "Malignant neoplasm of unspecified site of right female breast",
}


def add_icd10cm(codes=None):
    """Put ICD-10-CM codes ({code: description}, default ICD_SAMPLE) in the code-list table."""
    for code, description in (codes or ICD_SAMPLE).items():
        db.session.merge(Icd10cmCode(code=code, description=description, billable="." in code))
    db.session.commit()


def add_link(job, kind, value, source=LinkSource.EMPLOYER, **fields):
    link = JobLink(job=job, kind=kind, value=value, source=source, evidence=fields.pop("evidence", []), **fields)
    db.session.add(link)
    db.session.commit()
    return link


def links_of(job, source=None):
    """{(kind, value): JobLink} of the post, freshly read."""
    db.session.expire_all()
    rows = db.session.scalars(db.select(JobLink).filter_by(job_id=job.id)).all()
    return {(link.kind, link.value): link for link in rows if source is None or link.source == source}
