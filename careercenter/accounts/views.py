from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import limiter, login_manager
from ..security import is_safe_next, safe_next
from . import services
from .forms import (
    ChangeEmailForm,
    ChangePasswordForm,
    LoginForm,
    NameForm,
    RegisterForm,
    ResendVerificationForm,
    ResetRequestForm,
    SetPasswordForm,
)
from .models import AccountType
from .tokens import TokenError

bp = Blueprint("accounts", __name__, url_prefix="/account")

TOKEN_MESSAGES = {
    "expired": "This link has expired. Ask for a new one below.",
    "invalid": "This link is not valid — it may have been mistyped, changed or already used. Ask for a new one below.",
    "taken": "That address now belongs to another account, so your address was not changed.",
}


def landing_page(user):
    """Where a user goes after signing in with no ``next``: employers to their dashboard,
    coders to the home page (latest jobs, their profile and applications). An employer who
    has not verified yet sees the verification page: the dashboard would only send them there."""
    if user.is_employer and not user.is_verified:
        return url_for("accounts.verify_pending")
    if user.is_employer:
        return url_for("employers.dashboard")
    return url_for("public.home")


@login_manager.user_loader
def _load_user(session_id):
    return services.load_session_user(session_id)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit("10/minute;50/hour", methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("public.home"))
    form = RegisterForm()
    if request.method == "GET" and request.args.get("type") == AccountType.EMPLOYER:
        form.account_type.data = AccountType.EMPLOYER
    if form.validate_on_submit():
        services.register_user(
            email=form.email.data,
            password=form.password.data,
            name=form.name.data,
            account_type=form.account_type.data,
            company_name=form.company_name.data,
        )
        return redirect(url_for("accounts.check_email", email=form.email.data))
    return render_template("accounts/register.html", form=form), 200 if request.method == "GET" else 422


@bp.route("/check-email")
def check_email():
    return render_template("accounts/check_email.html", email=request.args.get("email", "")[:254])


@bp.route("/verify/<token>")
def verify(token):
    try:
        user = services.verify_email(token)
    except TokenError as exc:
        flash(TOKEN_MESSAGES[exc.reason], "danger")
        return redirect(url_for("accounts.verify_pending"))
    flash("Thank you — your email address is verified.", "success")
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.login", email=user.email, next=after_verify_page(user)))
    return redirect(after_verify_page(current_user))


def after_verify_page(user):
    """Where a newly verified user starts: employers on their dashboard, coders on their
    profile until they have one, then on the job list."""
    if user.is_employer:
        return url_for("employers.dashboard")
    from ..seekers.services import profile_of

    return url_for("jobs.index") if user.is_staff or profile_of(user) is not None else url_for("seekers.profile")


@bp.route("/verify", methods=["GET", "POST"])
@limiter.limit("5/hour", methods=["POST"])
def verify_pending():
    # Signed out, the page asks for the address; the answer reads the same whether or not it has an account.
    form = ResendVerificationForm()
    if request.method == "POST":
        if current_user.is_authenticated:
            if not current_user.is_verified:
                services.resend_verification(current_user)
                flash(f"We sent a new verification link to {current_user.email}.", "info")
            return redirect(url_for("accounts.verify_pending"))
        if form.validate_on_submit():
            services.resend_verification_to(form.email.data)
            flash(f"If {form.email.data} has an account that still needs verifying, a new link is on its way.", "info")
            return redirect(url_for("accounts.verify_pending"))
        return render_template("accounts/verify_pending.html", form=form, next=safe_next("")), 422
    return render_template("accounts/verify_pending.html", form=form, next=safe_next(""))


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10/minute;100/hour", methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(safe_next(landing_page(current_user)))
    form = LoginForm()
    if request.method == "GET":
        # An off-site target is dropped here too, so it never sits in the page.
        form.next.data = safe_next("")
        form.email.data = request.args.get("email", "")[:254]
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None or not user.is_active:
            form.password.errors.append("The email or password is not right.")
        else:
            # An unverified account is told so by the banner on every page; no second message here.
            login_user(user, remember=form.remember.data)
            target = form.next.data if form.next.data and is_safe_next(form.next.data) else landing_page(user)
            return redirect(target)
    return render_template("accounts/login.html", form=form), 200 if request.method == "GET" else 422


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    flash("You are signed out.", "info")
    return redirect(url_for("public.home"))


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit("5/minute;20/hour", methods=["POST"])
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        flash(f"If {form.email.data} has an account, a reset link is on its way. It works for one hour.", "info")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_request.html", form=form), 200 if request.method == "GET" else 422


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit("10/minute", methods=["POST"])
def reset_password(token):
    form = SetPasswordForm()
    try:
        form.account_email = services.read_reset_token(token, services.load_user).email
    except TokenError as exc:
        flash(TOKEN_MESSAGES[exc.reason], "danger")
        return redirect(url_for("accounts.reset_request"))
    if form.validate_on_submit():
        try:
            user = services.reset_password(token, form.password.data)
        except TokenError as exc:
            flash(TOKEN_MESSAGES[exc.reason], "danger")
            return redirect(url_for("accounts.reset_request"))
        logout_user()
        flash("Your password is changed. Sign in with the new one.", "success")
        return redirect(url_for("accounts.login", email=user.email))
    return render_template("accounts/reset_password.html", form=form), 200 if request.method == "GET" else 422


def _settings_page(status=200, **forms):
    """The account page with its three forms; ``forms`` replaces any with the one just sent."""
    forms = {
        "name_form": forms.get("name_form") or NameForm(prefix="name", name=current_user.name),
        "password_form": forms.get("password_form") or ChangePasswordForm(prefix="password", formdata=None),
        "email_form": forms.get("email_form") or ChangeEmailForm(prefix="email", formdata=None),
    }
    return render_template("accounts/settings.html", **forms), status


@bp.route("/")
@login_required
def settings():
    return _settings_page()


@bp.route("/name", methods=["POST"])
@login_required
def change_name():
    form = NameForm(prefix="name")
    if not form.validate_on_submit():
        return _settings_page(422, name_form=form)
    services.rename_user(current_user, form.name.data)
    flash("Your name is changed.", "success")
    return redirect(url_for("accounts.settings"))


@bp.route("/password", methods=["POST"])
@login_required
@limiter.limit("10/minute;50/hour")
def change_password():
    form = ChangePasswordForm(prefix="password")
    if form.validate_on_submit():
        if services.change_password(current_user, form.current_password.data, form.password.data):
            # Other sessions named the old password and are now signed out; this one is
            # re-signed with the new one (and its "keep me signed in" cookie renewed).
            remembered = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies
            login_user(current_user._get_current_object(), remember=remembered)
            flash("Your password is changed. Every other device signed in to your account is now signed out.", "success")
            return redirect(url_for("accounts.settings"))
        form.current_password.errors.append("That is not your current password.")
    return _settings_page(422, password_form=form)


@bp.route("/email", methods=["POST"])
@login_required
@limiter.limit("5/minute;20/hour")
def change_email():
    form = ChangeEmailForm(prefix="email")
    if form.validate_on_submit():
        if not services.check_password(current_user, form.current_password.data):
            form.current_password.errors.append("That is not your current password.")
        elif form.email.data == current_user.email:
            form.email.errors.append("That is already your address.")
        else:
            services.request_email_change(current_user, form.email.data)
            flash(f"We sent a link to {form.email.data}. Open it to start using that address; "
                  f"until then, keep signing in with {current_user.email}.", "info")
            return redirect(url_for("accounts.settings"))
    return _settings_page(422, email_form=form)


@bp.route("/email/<token>")
def confirm_email_change(token):
    try:
        user = services.confirm_email_change(token)
    except TokenError as exc:
        message = TOKEN_MESSAGES[exc.reason].replace(" Ask for a new one below.", " Ask for a new one on your account page.")
        flash(message, "danger")
        return redirect(url_for("accounts.settings") if current_user.is_authenticated else url_for("accounts.login"))
    flash(f"Your account now uses {user.email}.", "success")
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.login", email=user.email))
    return redirect(url_for("accounts.settings"))
