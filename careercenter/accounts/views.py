from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import limiter, login_manager
from ..security import is_safe_next, safe_next
from . import services
from .forms import LoginForm, RegisterForm, ResetRequestForm, SetPasswordForm
from .models import AccountType
from .tokens import TokenError

bp = Blueprint("accounts", __name__, url_prefix="/account")

TOKEN_MESSAGES = {
    "expired": "This link has expired. Ask for a new one below.",
    "invalid": "This link is not valid — it may have been mistyped, changed or already used. Ask for a new one below.",
}


@login_manager.user_loader
def _load_user(user_id):
    return services.load_user(user_id)


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
        return redirect(url_for("accounts.login", email=user.email))
    return redirect(url_for("public.home"))


@bp.route("/verify", methods=["GET", "POST"])
@limiter.limit("5/hour", methods=["POST"])
def verify_pending():
    if request.method == "POST":
        if current_user.is_authenticated and not current_user.is_verified:
            services.resend_verification(current_user)
            flash(f"We sent a new verification link to {current_user.email}.", "info")
        return redirect(url_for("accounts.verify_pending"))
    return render_template("accounts/verify_pending.html", next=safe_next(""))


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10/minute;100/hour", methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(safe_next(url_for("public.home")))
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
            login_user(user, remember=form.remember.data)
            if not user.is_verified:
                flash("You are signed in. Verify your email address before posting jobs or applying.", "warning")
            target = form.next.data if is_safe_next(form.next.data) else url_for("public.home")
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
        services.read_reset_token(token, services.load_user)
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


@bp.route("/")
@login_required
def settings():
    return render_template("accounts/settings.html")
