from flask import Blueprint, abort, flash, g, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_user

from ..accounts.models import AccountType
from ..accounts.services import find_user, hash_password
from ..database import utcnow
from ..extensions import db
from ..jobs.forms import CloseForm
from ..jobs.models import Job, JobStatus
from ..rendering import render_markdown
from . import services
from .access import member_required, owner_required
from .forms import CompanyForm, InviteForm, JoinForm
from .logos import LogoError, logo_file, read_logo, save_logo
from .models import ORGANISATION_LABELS, Company, CompanyInvitation, CompanyMember, MemberRole, membership

bp = Blueprint("employers", __name__)


@bp.app_template_global()
def on_a_team():
    """True when the signed-in user belongs to a company (so employer pages are open to them)."""
    return membership(current_user) is not None


@bp.route("/employer/")
@member_required
def dashboard():
    jobs = db.session.scalars(
        db.select(Job).filter_by(company_id=g.company.id).order_by(Job.updated_at.desc(), Job.id.desc())
    ).all()
    applications = services.application_counts([j.id for j in jobs])
    return render_template("employers/dashboard.html", company=g.company, jobs=jobs, applications=applications,
                           JobStatus=JobStatus, now=utcnow(), action_form=CloseForm())


@bp.route("/employer/company", methods=["GET", "POST"])
@member_required
def profile():
    company = g.company
    form = CompanyForm(obj=company)
    valid = form.validate_on_submit()
    logo_data = None
    upload = form.logo.data
    if request.method == "POST" and upload and getattr(upload, "filename", ""):
        # Checked even when another field is wrong, so every problem is shown at once.
        try:
            logo_data = read_logo(upload.stream)
        except LogoError as exc:
            form.logo.errors = [str(exc)]
    if valid and not form.logo.errors:
        logo_name = save_logo(company, logo_data) if logo_data else None
        services.update_company(company, form, logo_name)
        flash("Your company profile is saved.", "success")
        return redirect(url_for("employers.profile"))
    return render_template("employers/profile.html", form=form, company=company), 200 if request.method == "GET" else 422


@bp.route("/employer/team", methods=["GET", "POST"])
@member_required
def team():
    form = InviteForm()
    if request.method == "POST":
        if g.member.role != MemberRole.OWNER:
            abort(403)
        if form.validate_on_submit():
            problem = services.invite_problem(g.company, form.email.data)
            if problem:
                form.email.errors.append(problem)
            else:
                again = any(i.email == form.email.data for i in services.pending_invitations(g.company))
                services.invite_member(g.company, email=form.email.data, role=form.role.data, invited_by=current_user)
                flash(f"We emailed a new invitation to {form.email.data}; the earlier link no longer works." if again
                      else f"We emailed an invitation to {form.email.data}.", "success")
                return redirect(url_for("employers.team"))
    pending = services.pending_invitations(g.company)
    status = 200 if request.method == "GET" else 422
    return render_template("employers/team.html", form=form, company=g.company, pending=pending, me=g.member), status


@bp.route("/employer/team/<int:member_id>/remove", methods=["GET", "POST"])
@owner_required
def remove_member(member_id):
    """GET asks first (the team page links here); POST removes."""
    member = db.session.get(CompanyMember, member_id)
    if member is None or member.company_id != g.company.id:
        abort(404)
    if request.method == "GET":
        return render_template("employers/remove_member.html", member=member, company=g.company)
    name = member.user.name
    if member.role == MemberRole.OWNER and services.owners_count(g.company) == 1:
        flash("A company needs at least one owner. Make someone else an owner first.", "danger")
    else:
        services.remove_member(member)
        flash(f"{name} is no longer on your team.", "info")
    return redirect(url_for("employers.team"))


@bp.route("/employer/team/invitations/<int:invitation_id>/revoke", methods=["POST"])
@owner_required
def revoke_invitation(invitation_id):
    invitation = db.session.get(CompanyInvitation, invitation_id)
    if invitation is None or invitation.company_id != g.company.id or invitation.accepted_at is not None:
        flash("That invitation is no longer waiting.", "info")
        return redirect(url_for("employers.team"))
    email = invitation.email
    services.revoke_invitation(invitation)
    flash(f"The invitation to {email} is revoked; its link no longer works.", "info")
    return redirect(url_for("employers.team"))


@bp.route("/employer/invitations/<token>", methods=["GET", "POST"])
def accept_invitation(token):
    invitation = services.find_invitation(token)
    if invitation is None:
        return render_template("employers/invitation_invalid.html"), 404
    form = JoinForm()
    form.account_email = invitation.email  # the password rules refuse one that contains the address
    problem = None
    if current_user.is_authenticated:
        problem = _join_problem(invitation, current_user)
        if request.method == "POST" and problem is None:
            services.accept_invitation(invitation, current_user)
            flash(f"Welcome to {invitation.company.name}.", "success")
            return redirect(url_for("employers.dashboard"))
    elif find_user(invitation.email) is None and form.validate_on_submit():
        user = _employer_account(invitation, form)
        services.accept_invitation(invitation, user)
        login_user(user)
        flash(f"Welcome to {invitation.company.name}.", "success")
        return redirect(url_for("employers.dashboard"))
    existing = None if current_user.is_authenticated else find_user(invitation.email)
    status = 200 if request.method == "GET" else 422
    return render_template("employers/invitation.html", invitation=invitation, form=form, problem=problem,
                           existing=existing, token=token), status


def _join_problem(invitation, user):
    if user.email != invitation.email:
        return f"This invitation was sent to {invitation.email}. Sign out and open the link again to accept it."
    if not user.is_employer:
        return "This is a job-seeker account; colleagues join with an employer account."
    other = membership(user)
    if other is not None and other.company_id != invitation.company_id:
        return f"Your account already belongs to {other.company.name}."
    return None


def _employer_account(invitation, form):
    from ..accounts.models import User

    # The link arrived at this address, which proves it as well as a verification email would.
    user = User(email=invitation.email, name=form.name.data, account_type=AccountType.EMPLOYER,
                password_hash=hash_password(form.password.data), email_verified_at=utcnow())
    db.session.add(user)
    db.session.flush()
    return user


@bp.route("/companies/<slug>")
def company_page(slug):
    company = db.session.scalar(db.select(Company).filter_by(slug=slug))
    if company is None:
        abort(404)
    jobs = db.session.scalars(
        Job.published().where(Job.company_id == company.id).order_by(Job.is_featured.desc(), Job.published_at.desc())
    ).all()
    return render_template("employers/company.html", company=company, jobs=jobs, about=render_markdown(company.about),
                           org_label=ORGANISATION_LABELS.get(company.org_type))


@bp.route("/companies/<slug>/logo")
def logo(slug):
    company = db.session.scalar(db.select(Company).filter_by(slug=slug))
    found = logo_file(company) if company else None
    if found is None:
        abort(404)
    path, mimetype = found
    # The versioned URL names one upload for good; an unversioned or stale one is only briefly cached.
    current = request.args.get("v") == company.logo_version
    response = send_file(path, mimetype=mimetype, max_age=31_536_000 if current else 60)
    if current:
        response.cache_control.immutable = True
    response.headers["Content-Disposition"] = "inline"
    return response

from . import candidates  # noqa: E402,F401  (candidate search lives on the same blueprint)
