"""Saved-search pages: save a search, manage (pause, resume, change, delete), confirm, unsubscribe."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from markupsafe import Markup

from ..extensions import csrf, db
from ..search.criteria import FIELD_LABELS, criteria_from_args
from ..search.views import search_url
from .forms import ActionForm, SaveSearchForm, ScheduleForm
from .models import SavedSearch, SearchStatus
from .services import (
    AlertError, DuplicateSearch, confirm_saved_search, create_saved_search, delete_saved_search, describe, pause_saved_search,
    resend_confirmation, resume_saved_search, searches_for_address, unsubscribe_saved_search, update_schedule,
)
from .tokens import make_manage_token, read_confirm_token, read_manage_token, read_unsubscribe_token

bp = Blueprint("alerts", __name__, url_prefix="/alerts")


@bp.route("/new", methods=["GET", "POST"])
def new():
    criteria = criteria_from_args(request.args)
    guest = not current_user.is_authenticated
    form = SaveSearchForm(guest=guest)
    if not guest and not current_user.is_verified:
        flash("Verify your email address before saving searches — we sent you a link.", "warning")
        return redirect(url_for("accounts.verify_pending"))
    filter_errors = [(FIELD_LABELS.get(k, k), message) for k, message in criteria.errors.items()]
    if filter_errors:
        # Never save a search with its bad filters dropped: that would widen it.
        return render_template("alerts/new.html", form=form, criteria=criteria, args=criteria.to_args(),
                               default_name=describe(criteria), guest=guest, filter_errors=filter_errors,
                               fix_url=url_for("jobs.index", **request.args.to_dict(flat=False))), 400
    if form.validate_on_submit():
        try:
            saved = create_saved_search(
                criteria,
                name=form.name.data,
                frequency=form.frequency.data,
                hour=int(form.hour.data),
                timezone=form.timezone.data,
                weekday=int(form.weekday.data),
                user=None if guest else current_user,
                email=form.email.data if guest else None,
            )
        except DuplicateSearch as exc:
            if guest and exc.saved.status == SearchStatus.PENDING:
                # Saved before but never confirmed: the first link may be lost, so send it again.
                resend_confirmation(exc.saved)
                db.session.commit()
                return render_template("alerts/check_email.html", email=exc.saved.email, resent=True)
            if guest:
                # No link for guests: the address is not proven theirs; every alert email has one.
                form.email.errors = [*form.email.errors, f"{exc} Manage it with the link in any of our "
                                                         "emails to this address."]
            else:
                flash(Markup('{} <a href="{}">See it in your saved searches</a>.').format(
                    str(exc), url_for("alerts.index", _anchor=f"saved-{exc.saved.id}")), "info")
                return redirect(url_for("alerts.index", _anchor=f"saved-{exc.saved.id}"))
        except AlertError as exc:
            form.email.errors = [*form.email.errors, str(exc)] if guest else form.email.errors
            if not guest:
                flash(str(exc), "danger")
        else:
            db.session.commit()
            if guest:
                return render_template("alerts/check_email.html", email=saved.email)
            flash(f"Saved “{saved.name}”. We'll email you new matching jobs.", "success")
            return redirect(url_for("alerts.index"))
    return render_template("alerts/new.html", form=form, criteria=criteria, args=criteria.to_args(),
                           default_name=describe(criteria), guest=guest)


def _owned(saved_id, token=None):
    """The saved search if the signed-in user owns it or the manage token names its address; else 404."""
    saved = db.session.get(SavedSearch, saved_id)
    if saved is None:
        abort(404)
    if current_user.is_authenticated and saved.user_id == current_user.id:
        return saved
    email = read_manage_token(token) if token else None
    if email and email == saved.recipient.lower():
        return saved
    abort(404)


def _back(token):
    return redirect(url_for("alerts.manage_by_token", token=token) if token else url_for("alerts.index"))


@bp.route("")
def index():
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.login", next=url_for("alerts.index")))
    return _manage_page(searches_for_address(current_user.email), token=None)


@bp.route("/manage/<token>")
def manage_by_token(token):
    email = read_manage_token(token)
    if email is None:
        abort(404)
    return _manage_page(searches_for_address(email), token=token)


def _manage_page(searches, token):
    forms = {}
    for saved in searches:
        form = ScheduleForm(prefix=f"s{saved.id}", formdata=None, frequency=saved.frequency, hour=str(saved.hour),
                            timezone=saved.timezone, weekday=str(saved.weekday or 0),
                            current_timezone=saved.timezone)
        forms[saved.id] = form
    return render_template("alerts/index.html", searches=searches, forms=forms, action=ActionForm(), token=token,
                           search_link=lambda s: search_url(criteria_from_args_dict(s.params)))


def criteria_from_args_dict(params):
    from werkzeug.datastructures import MultiDict

    pairs = [(k, str(v)) for k, vals in (params or {}).items() for v in (vals if isinstance(vals, list) else [vals])]
    return criteria_from_args(MultiDict(pairs))


@bp.get("/<int:saved_id>/delete")
def confirm_delete(saved_id):
    """Ask before deleting: a plain page with the button, so it works without JavaScript."""
    token = request.args.get("token") or None
    saved = _owned(saved_id, token)
    return render_template("alerts/delete.html", saved=saved, action=ActionForm(), token=token,
                           search_link=search_url(criteria_from_args_dict(saved.params)))


@bp.post("/<int:saved_id>/<any(pause, resume, delete, schedule):action>")
def change(saved_id, action):
    token = request.form.get("token") or None
    saved = _owned(saved_id, token)
    if action == "schedule":
        form = ScheduleForm(prefix=f"s{saved.id}", current_timezone=saved.timezone)
        if not form.validate_on_submit():
            flash("Choose a valid frequency, hour and time zone.", "danger")
            return _back(token)
        update_schedule(saved, frequency=form.frequency.data, hour=int(form.hour.data), timezone=form.timezone.data,
                        weekday=int(form.weekday.data))
        message = f"“{saved.name}” now arrives {saved.frequency}."
    else:
        if not ActionForm().validate_on_submit():
            abort(400)
        try:
            if action == "pause":
                pause_saved_search(saved)
                message = f"Paused “{saved.name}”."
            elif action == "resume":
                resume_saved_search(saved)
                message = f"Resumed “{saved.name}”."
            else:
                message = f"Deleted “{saved.name}”."
                delete_saved_search(saved)
        except AlertError as exc:
            flash(str(exc), "danger")
            return _back(token)
    db.session.commit()
    flash(message, "success")
    return _back(token)


@bp.route("/confirm/<token>")
def confirm(token):
    saved_id, reason = read_confirm_token(token)
    saved = db.session.get(SavedSearch, saved_id) if saved_id else None
    if saved is None:
        message = ("This confirmation link has expired. Save the search again to get a new one."
                   if reason == "expired" else "This confirmation link is not valid.")
        return render_template("alerts/message.html", title="Link not valid", message=message), 400
    confirm_saved_search(saved)
    db.session.commit()
    flash(f"Your saved search “{saved.name}” is confirmed.", "success")
    return redirect(url_for("alerts.manage_by_token", token=make_manage_token(saved.recipient)))


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058 one-click POSTs come from mail providers; the signed token is the authority.
def unsubscribe(token):
    ids = read_unsubscribe_token(token)
    # One token may name every saved search of a combined instant email.
    searches = db.session.scalars(select(SavedSearch).where(SavedSearch.id.in_(ids))
                                  .order_by(SavedSearch.id)).all() if ids else []
    if not searches:
        return render_template("alerts/message.html", title="Link not valid",
                               message="This unsubscribe link is not valid, or the saved search was deleted."), 404
    saved = searches[0]
    manage_token = make_manage_token(saved.recipient)
    if request.method == "POST":
        for each in searches:
            unsubscribe_saved_search(each)
        db.session.commit()
        return render_template("alerts/unsubscribed.html", saved=saved, searches=searches,
                               manage_token=manage_token), 200
    # A GET only shows the button: link scanners and previews must not unsubscribe anyone.
    return render_template("alerts/unsubscribe.html", saved=saved, searches=searches, token=token,
                           already=all(each.status == SearchStatus.UNSUBSCRIBED for each in searches))
