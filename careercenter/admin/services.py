"""Read-only queries behind the staff pages: the home page's counts and the searchable lists."""

from ..accounts.models import AccountType, User
from ..billing.models import Order, OrderStatus
from ..employers.models import Company
from ..extensions import db
from ..jobs.models import Job, JobStatus

JOB_STATUS_LABELS = {
    JobStatus.DRAFT: "Draft",
    JobStatus.PENDING_PAYMENT: "Awaiting payment",
    JobStatus.PUBLISHED: "Published",
    JobStatus.EXPIRED: "Expired",
    JobStatus.CLOSED: "Closed (filled)",
    JobStatus.REMOVED: "Removed",
}
ACCOUNT_TYPE_LABELS = {AccountType.SEEKER: "Coder", AccountType.EMPLOYER: "Employer"}


def _count(query):
    return db.session.scalar(query) or 0


def site_counts():
    """Figures for the staff home page (a handful of COUNT queries)."""
    count = db.func.count
    return {
        "users": _count(db.select(count(User.id))),
        "coders": _count(db.select(count(User.id)).where(User.account_type == AccountType.SEEKER)),
        "employers": _count(db.select(count(User.id)).where(User.account_type == AccountType.EMPLOYER)),
        "unverified": _count(db.select(count(User.id)).where(User.email_verified_at.is_(None))),
        "companies": _count(db.select(count(Company.id))),
        "jobs": _count(db.select(count(Job.id))),
        "live_jobs": _count(db.select(count(Job.id)).where(Job.live_condition())),
        "drafts": _count(db.select(count(Job.id)).where(Job.status.in_([JobStatus.DRAFT, JobStatus.PENDING_PAYMENT]))),
        "orders": _count(db.select(count(Order.id))),
        "paid_orders": _count(db.select(count(Order.id)).where(Order.status == OrderStatus.PAID)),
        "pending_orders": _count(db.select(count(Order.id)).where(Order.status == OrderStatus.PENDING)),
    }


def _like(text):
    """A LIKE pattern matching ``text`` anywhere, with the wildcards in it taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def users_query(email=""):
    query = db.select(User).order_by(User.created_at.desc(), User.id.desc())
    if email:
        query = query.where(User.email.ilike(_like(email.lower()), escape="\\"))
    return query


def jobs_query(status=""):
    query = db.select(Job).order_by(Job.updated_at.desc(), Job.id.desc())
    if status in set(JobStatus):
        query = query.where(Job.status == status)
    return query


def companies_query(name=""):
    query = db.select(Company).order_by(Company.created_at.desc(), Company.id.desc())
    if name:
        query = query.where(Company.name.ilike(_like(name), escape="\\"))
    return query


def job_counts(company_ids):
    """``{company id: number of posts}`` for the companies on one page (one GROUP BY)."""
    if not company_ids:
        return {}
    rows = db.session.execute(
        db.select(Job.company_id, db.func.count(Job.id)).where(Job.company_id.in_(company_ids)).group_by(Job.company_id)
    )
    return dict(rows.all())
