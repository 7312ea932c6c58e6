from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user

from ..extensions import db
from ..pagination import page_number
from ..rendering import render_markdown
from .models import Job, JobStatus

bp = Blueprint("jobs", __name__, url_prefix="/jobs")


@bp.route("", strict_slashes=False)
def index():
    """The search page: every filter is a query-string argument, so every search is a shareable URL."""
    from ..search.views import render_search_page

    return render_search_page(page_number())


def _parse_ref(ref):
    head, _, _slug = ref.partition("-")
    if not head.isdigit() or len(head) > 12:
        abort(404)
    return int(head)


def _other_openings(job, limit=5):
    """Live posts to offer instead of a closed one: the same employer's first, then the same state."""
    base = Job.published().where(Job.id != job.id).order_by(Job.published_at.desc()).limit(limit)
    others = db.session.scalars(base.where(Job.company_id == job.company_id)).all()
    if len(others) < limit and job.state:
        seen = [j.id for j in others] or [0]
        others += db.session.scalars(base.where(Job.state == job.state, Job.id.not_in(seen))
                                     .limit(limit - len(others))).all()
    return others


def can_preview(job, user):
    """Members of the posting company and staff may see a post that is not live."""
    if not user.is_authenticated:
        return False
    return user.is_staff or job.company.has_member(user)


@bp.route("/<ref>")
def detail(ref):
    job = db.session.get(Job, _parse_ref(ref))
    if job is None:
        abort(404)
    if not job.is_live and not can_preview(job, current_user):
        if job.status in (JobStatus.EXPIRED, JobStatus.CLOSED) or (job.status == JobStatus.PUBLISHED):
            return render_template("jobs/gone.html", job=job, others=_other_openings(job)), 410
        abort(404)
    if ref != f"{job.id}-{job.slug}" and request.method == "GET":
        return redirect(url_for("jobs.detail", ref=f"{job.id}-{job.slug}"), code=301)
    if job.is_live and not can_preview(job, current_user):
        # One UPDATE, no read-modify-write race between gunicorn processes.
        db.session.execute(db.update(Job).where(Job.id == job.id).values(view_count=Job.view_count + 1))
        db.session.commit()
    return render_template("jobs/detail.html", job=job, description=render_markdown(job.description_md))
