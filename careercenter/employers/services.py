"""Company records and membership."""

from ..extensions import db
from ..jobs.models import slugify
from .models import Company, CompanyMember, MemberRole


def unique_company_slug(name):
    base = slugify(name, max_length=60) or "employer"
    slug, n = base, 1
    while db.session.scalar(db.select(Company.id).filter_by(slug=slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


def create_company(*, owner, name, **fields):
    """Add a company with ``owner`` as its owner to the session (no commit)."""
    company = Company(name=name, slug=unique_company_slug(name), **fields)
    db.session.add(company)
    db.session.add(CompanyMember(company=company, user=owner, role=MemberRole.OWNER))
    return company
