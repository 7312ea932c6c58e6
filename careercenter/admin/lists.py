"""Staff home and the lists of users, posts and companies (read-only, paginated, searchable)."""

from flask import render_template, request, url_for

from ..accounts.access import staff_required
from ..extensions import db
from ..jobs.models import JobStatus
from ..pagination import page_number
from . import services
from .views import bp

PER_PAGE = 50
SEARCH_MAX = 100


@bp.route("", strict_slashes=False)
@staff_required
def home():
    return render_template("admin/home.html", counts=services.site_counts())


@bp.route("/users")
@staff_required
def users():
    email = (request.args.get("q") or "").strip()[:SEARCH_MAX]
    page = db.paginate(services.users_query(email), page=page_number(), per_page=PER_PAGE, error_out=False)
    return render_template("admin/users.html", page=page, q=email, type_labels=services.ACCOUNT_TYPE_LABELS,
                           page_url=lambda n: url_for("admin.users", q=email or None, page=n))


@bp.route("/jobs")
@staff_required
def jobs():
    status = request.args.get("status", "")
    status = status if status in set(JobStatus) else ""
    page = db.paginate(services.jobs_query(status), page=page_number(), per_page=PER_PAGE, error_out=False)
    return render_template("admin/jobs.html", page=page, status=status, labels=services.JOB_STATUS_LABELS,
                           page_url=lambda n: url_for("admin.jobs", status=status or None, page=n))


@bp.route("/companies")
@staff_required
def companies():
    name = (request.args.get("q") or "").strip()[:SEARCH_MAX]
    page = db.paginate(services.companies_query(name), page=page_number(), per_page=PER_PAGE, error_out=False)
    return render_template("admin/companies.html", page=page, q=name,
                           job_counts=services.job_counts([c.id for c in page.items]),
                           page_url=lambda n: url_for("admin.companies", q=name or None, page=n))
