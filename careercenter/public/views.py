from flask import Blueprint, render_template

from ..extensions import db
from ..jobs.models import Job

bp = Blueprint("public", __name__)


@bp.route("/")
def home():
    recent = db.session.scalars(
        Job.published().order_by(Job.is_featured.desc(), Job.published_at.desc(), Job.id.desc()).limit(8)
    ).all()
    total = db.session.scalar(db.select(db.func.count()).select_from(Job.published().subquery()))
    return render_template("public/home.html", recent=recent, total=total)


@bp.route("/about")
def about():
    return render_template("public/about.html")


@bp.route("/healthz")
def healthz():
    db.session.execute(db.text("SELECT 1"))
    return {"status": "ok"}
