from pathlib import Path

from flask import Blueprint, Response, current_app, render_template

from ..extensions import db
from ..jobs.models import Job

bp = Blueprint("public", __name__)

# The hero's short setting names and the catalogue slugs their links search for.
HOME_SETTINGS = [
    ("Inpatient", "inpatient-facility"), ("Outpatient", "outpatient-facility"), ("Pro-fee", "professional-fee"),
    ("Risk adjustment", "risk-adjustment"), ("CDI", "cdi"), ("Audit", "auditing-compliance"),
    ("Cancer registry", "cancer-registry"),
]


@bp.route("/")
def home():
    recent = db.session.scalars(
        Job.published().order_by(Job.is_featured.desc(), Job.published_at.desc(), Job.id.desc()).limit(8)
    ).all()
    total = db.session.scalar(db.select(db.func.count()).select_from(Job.published().subquery()))
    return render_template("public/home.html", recent=recent, total=total, settings=HOME_SETTINGS)


@bp.route("/favicon.ico")
def favicon():
    """Browsers ask for /favicon.ico whatever the page links; answer with the site's icon."""
    icon = Path(current_app.static_folder, "favicon.svg").read_bytes()
    response = Response(icon, mimetype="image/svg+xml")
    response.cache_control.public = True
    response.cache_control.max_age = 7 * 24 * 3600
    return response


@bp.route("/about")
def about():
    return render_template("public/about.html")


@bp.route("/healthz")
def healthz():
    db.session.execute(db.text("SELECT 1"))
    return {"status": "ok"}
