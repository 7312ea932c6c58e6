import unicodedata
from functools import cache
from pathlib import Path

from flask import current_app
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, RadioField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError
from email_validator import EmailNotValidError, validate_email

from ..forms import choices
from .models import AccountType

PASSWORD_MIN = 10
PASSWORD_MAX = 128
PASSWORD_LENGTH = f"Use {PASSWORD_MIN} to {PASSWORD_MAX} characters."


def clean_text(value):
    """Trim, normalise to NFC and collapse whitespace; None stays None."""
    if value is None:
        return None
    return " ".join(unicodedata.normalize("NFC", value).split())


def at_most(n):
    """A length limit whose message says the limit."""
    return Length(max=n, message=f"Use at most {n:,} characters.")


COMMON_PASSWORDS_FILE = Path(__file__).with_name("data") / "common-passwords.txt"
_TRAILING = "0123456789!@#$%^&*()-_=+.,?~ "


@cache
def common_passwords():
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _account_email(form):
    """The address the password is for: the form's email field, the address a view set on the
    form (``form.account_email``, e.g. from a reset link), else the signed-in user's."""
    from flask_login import current_user

    email_field = getattr(form, "email", None)
    if email_field is not None and email_field.data:
        return str(email_field.data)
    if getattr(form, "account_email", None):
        return form.account_email
    return current_user.email if current_user and current_user.is_authenticated else ""


def hard_to_guess(form, field):
    """Refuse passwords that are one repeated character, among the most common ones (ignoring
    case and trailing digits or symbols), or that contain the email address's local part."""
    password = field.data or ""
    lowered = password.lower()
    if len(set(password)) == 1:
        raise ValidationError("A password of one character repeated is easy to guess. A few unrelated words work well.")
    if lowered in common_passwords() or lowered.rstrip(_TRAILING) in common_passwords():
        raise ValidationError("That password is one of the most common ones, so it is easy to guess. Choose another.")
    local = _account_email(form).split("@")[0].lower()
    if len(local) >= 3 and local in lowered:
        raise ValidationError("Don't use your email address in your password.")


def new_password_fields(label="Password", repeat="Repeat password", noun="password"):
    """A new password and its repeat, with the length and guessability rules and one wording
    for every form."""
    password = PasswordField(
        label,
        validators=[DataRequired(message=f"Choose a {noun}."), Length(min=PASSWORD_MIN, max=PASSWORD_MAX, message=PASSWORD_LENGTH),
                    hard_to_guess],
    )
    confirm = PasswordField(repeat, validators=[DataRequired(message=f"Repeat the {noun}."), EqualTo("password", message="The passwords do not match.")])
    return password, confirm


ZWJ = "\u200d"
_HIDDEN = {"Cc", "Cf", "Co", "Cs"}


def _is_emoji(c):
    # Pictographic symbols (So), skin-tone modifiers and the regional-indicator / emoji blocks.
    return unicodedata.category(c) == "So" or 0x1F000 <= ord(c) <= 0x1FAFF or 0x2600 <= ord(c) <= 0x27BF


def _is_variation_selector(c):
    return 0xFE00 <= ord(c) <= 0xFE0F or 0xE0100 <= ord(c) <= 0xE01EF


def _joins_emoji(text, i):
    """True when the ZERO WIDTH JOINER at ``i`` sits between two emoji (as in 👩‍⚕️)."""
    before = i - 1
    while before >= 0 and (_is_variation_selector(text[before]) or 0x1F3FB <= ord(text[before]) <= 0x1F3FF):
        before -= 1
    return before >= 0 and i + 1 < len(text) and _is_emoji(text[before]) and _is_emoji(text[i + 1])


def printable(form, field):
    """Refuse control, format (zero-width, bidi override), private-use and surrogate characters:
    they hide text, reorder it on screen or break databases (NUL). A ZERO WIDTH JOINER inside an
    emoji sequence (👩‍⚕️) is part of the emoji, so it stays; variation selectors are marks, not
    format characters, and were never refused."""
    if has_hidden_characters(field.data or ""):
        raise ValidationError("Remove invisible or control characters.")


def has_hidden_characters(text, allowed=""):
    """True when ``text`` holds a character ``printable`` refuses (other than those in ``allowed``)."""
    return any(unicodedata.category(c) in _HIDDEN and c not in allowed and not (c == ZWJ and _joins_emoji(text, i))
               for i, c in enumerate(text))


def strip(value):
    return value.strip() if isinstance(value, str) else value


INVALID_EMAIL = "Enter a valid email address, like name@example.com."


def normalize_email(value):
    """The address lower-cased and normalised; raises EmailNotValidError. Outside production,
    special-use test domains (``.test``) are accepted, so the demo's own addresses work."""
    production = current_app.config.get("PRODUCTION", False)
    return validate_email(value or "", check_deliverability=False, test_environment=not production).normalized.lower()


def email_address(form, field):
    # The library's explanation ("The part after the @-sign is a special-use or reserved name…")
    # means little to most people; one plain sentence with an example does.
    try:
        field.data = normalize_email(field.data)
    except EmailNotValidError as exc:
        raise ValidationError(INVALID_EMAIL) from exc


class RegisterForm(FlaskForm):
    account_type = RadioField(
        "I am",
        choices=choices([(AccountType.SEEKER, "Looking for coding work"), (AccountType.EMPLOYER, "Hiring coders")]),
        default=AccountType.SEEKER,
        validators=[DataRequired(message="Choose the kind of account.")],
    )
    name = StringField("Your name", filters=[clean_text], validators=[DataRequired(message="Enter your name."), at_most(120), printable])
    company_name = StringField(
        "Organisation name", filters=[clean_text], validators=[at_most(160), printable],
        description="Employers only: the hospital, practice, vendor or plan you hire for.",
    )
    email = EmailField("Email", filters=[strip], validators=[DataRequired(message="Enter your email address."), at_most(254), email_address])
    password, confirm = new_password_fields()

    def validate_company_name(self, field):
        if self.account_type.data == AccountType.EMPLOYER and not field.data:
            raise ValidationError("Enter the name of the organisation you hire for.")


class LoginForm(FlaskForm):
    # Not lower-cased here, so a failed attempt shows the address as typed; lookups ignore case.
    email = EmailField("Email", filters=[strip], validators=[DataRequired(message="Enter your email address."), at_most(254), printable])
    password = PasswordField("Password", validators=[DataRequired(message="Enter your password."), at_most(PASSWORD_MAX)])
    remember = BooleanField("Keep me signed in")
    next = HiddenField()


class ResetRequestForm(FlaskForm):
    email = EmailField("Email", filters=[strip], validators=[DataRequired(message="Enter your email address."), at_most(254), email_address])


class SetPasswordForm(FlaskForm):
    password, confirm = new_password_fields("New password")


class NameForm(FlaskForm):
    name = StringField("Your name", filters=[clean_text], validators=[DataRequired(message="Enter your name."), at_most(120), printable])


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField("Current password", validators=[DataRequired(message="Enter your current password."), at_most(PASSWORD_MAX)])
    password, confirm = new_password_fields("New password", "Repeat the new password", noun="new password")


class ChangeEmailForm(FlaskForm):
    email = EmailField("New email address", filters=[strip], validators=[DataRequired(message="Enter the new email address."), at_most(254), email_address])
    current_password = PasswordField("Current password", validators=[DataRequired(message="Enter your current password."), at_most(PASSWORD_MAX)],
                                     description="So nobody who finds your device signed in can take over the account.")


class ResendVerificationForm(FlaskForm):
    email = EmailField("Email", filters=[strip], validators=[DataRequired(message="Enter your email address."), at_most(254), email_address])
