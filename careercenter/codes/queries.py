"""Read-only queries behind the specialty and code pages, the job-page chips and search filters."""

from __future__ import annotations

from functools import lru_cache

import sqlalchemy as sa

from ..extensions import db
from ..jobs.models import Job, JobLink, LinkKind, LinkSource
from .linker import describe_code
from .models import (CatalogCredentialLink, CmsSpecialtyCode, CodeRange, Credential, HcpcsSection,
                     Specialty, TaxonomyCode)

VISIBLE_SOURCES = (LinkSource.EMPLOYER, LinkSource.LINKER)
RANGE_SYSTEMS = [("cpt", "CPT"), ("icd10cm", "ICD-10-CM"), ("hcpcs", "HCPCS Level II")]


def linked_job_ids(kind: str, values) -> sa.Select:
    """Select the ids of posts linked (by the employer or the linker) to any of ``values``."""
    return sa.select(JobLink.job_id).where(JobLink.kind == kind, JobLink.value.in_(list(values)),
                                           JobLink.source.in_(VISIBLE_SOURCES))


def specialties_with_counts() -> list[tuple[Specialty, int]]:
    """Every specialty in catalogue order, with how many live posts are linked to it."""
    live = (sa.select(JobLink.value, sa.func.count(sa.distinct(JobLink.job_id)).label("jobs"))
            .join(Job, Job.id == JobLink.job_id)
            .where(JobLink.kind == LinkKind.SPECIALTY, JobLink.source.in_(VISIBLE_SOURCES), Job.live_condition())
            .group_by(JobLink.value).subquery())
    rows = db.session.execute(
        sa.select(Specialty, sa.func.coalesce(live.c.jobs, 0))
        .outerjoin(live, live.c.value == Specialty.slug).order_by(Specialty.name))
    return [(specialty, count) for specialty, count in rows]


def live_jobs_query(condition) -> sa.Select:
    """Live posts matching ``condition``, featured then newest first."""
    return (Job.published().where(condition)
            .order_by(Job.is_featured.desc(), Job.published_at.desc(), Job.id.desc()))


def specialty_jobs_query(slug: str) -> sa.Select:
    return live_jobs_query(Job.id.in_(linked_job_ids(LinkKind.SPECIALTY, [slug])))


def code_jobs_query(code: str, specialty_slugs) -> sa.Select:
    """Live posts naming ``code`` or linked to one of ``specialty_slugs``."""
    from .filters import code_filter_condition

    return live_jobs_query(code_filter_condition(code, specialty_slugs))


@lru_cache(maxsize=2048)
def range_place(lo: str) -> str | None:
    """Name the section a range starts in ("Surgery › Musculoskeletal system"); pure, cached."""
    described = describe_code(lo, icd10cm_lookup=lambda code: True)
    if not described or not described["section_name"]:
        return None
    return " › ".join(part for part in (described["section_name"], described["subsection_name"]) if part)


def specialty_details(slug: str) -> dict | None:
    """Everything the specialty page shows except its jobs, or None for an unknown slug."""
    specialty = db.session.get(Specialty, slug)
    if specialty is None:
        return None
    owner = {"owner_kind": "specialty", "owner_slug": slug}
    credentials = db.session.execute(
        sa.select(Credential, CatalogCredentialLink.related)
        .join(CatalogCredentialLink, CatalogCredentialLink.credential_code == Credential.code)
        .where(CatalogCredentialLink.owner_kind == "specialty", CatalogCredentialLink.owner_slug == slug)
        .order_by(CatalogCredentialLink.related, Credential.position)).all()
    ranges = db.session.scalars(sa.select(CodeRange).filter_by(**owner).order_by(CodeRange.position)).all()
    hcpcs_sections = db.session.scalars(
        sa.select(HcpcsSection).where(HcpcsSection.slug.in_(specialty.hcpcs_sections or []))
        .order_by(HcpcsSection.position)).all()
    return {
        "specialty": specialty,
        "cms_codes": db.session.scalars(sa.select(CmsSpecialtyCode).filter_by(**owner)).all(),
        "taxonomy": db.session.scalars(sa.select(TaxonomyCode.code).filter_by(**owner)).all(),
        "credentials": credentials,
        "ranges": [(label, [(r, range_place(r.lo)) for r in ranges if r.system == system])
                   for system, label in RANGE_SYSTEMS],
        "hcpcs_sections": hcpcs_sections,
    }


def specialty_names(slugs) -> dict[str, str]:
    """slug -> display name, from the catalogue table."""
    rows = db.session.execute(sa.select(Specialty.slug, Specialty.name).where(Specialty.slug.in_(list(slugs))))
    return dict(rows.all())
