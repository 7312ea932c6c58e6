import unicodedata

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, RadioField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, ValidationError
from email_validator import EmailNotValidError, validate_email

from ..forms import choices
from .models import AccountType

PASSWORD_MIN = 10
PASSWORD_MAX = 128


def clean_text(value):
    """Trim, normalise to NFC and collapse whitespace; None stays None."""
    if value is None:
        return None
    return " ".join(unicodedata.normalize("NFC", value).split())


def printable(form, field):
    if field.data and any(unicodedata.category(c) in {"Cc", "Cf", "Co", "Cs"} for c in field.data):
        raise ValidationError("Remove invisible or control characters.")


def email_address(form, field):
    try:
        field.data = validate_email(field.data or "", check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise ValidationError(f"Enter a valid email address ({exc}).") from exc


class RegisterForm(FlaskForm):
    account_type = RadioField(
        "I am",
        choices=choices([(AccountType.SEEKER, "Looking for coding work"), (AccountType.EMPLOYER, "Hiring coders")]),
        default=AccountType.SEEKER,
        validators=[DataRequired(message="Choose the kind of account.")],
    )
    name = StringField("Your name", filters=[clean_text], validators=[DataRequired(message="Enter your name."), Length(max=120), printable])
    company_name = StringField(
        "Organisation name", filters=[clean_text], validators=[Optional(), Length(max=160), printable],
        description="Employers only: the hospital, practice, vendor or plan you hire for.",
    )
    email = EmailField("Email", filters=[lambda v: v.strip() if v else v], validators=[DataRequired(message="Enter your email address."), Length(max=254), email_address])
    password = PasswordField(
        "Password",
        validators=[DataRequired(message="Choose a password."), Length(min=PASSWORD_MIN, max=PASSWORD_MAX, message=f"Use {PASSWORD_MIN} to {PASSWORD_MAX} characters.")],
    )
    confirm = PasswordField("Repeat password", validators=[DataRequired(message="Repeat the password."), EqualTo("password", message="The passwords do not match.")])

    def validate_company_name(self, field):
        if self.account_type.data == AccountType.EMPLOYER and not field.data:
            raise ValidationError("Enter the name of the organisation you hire for.")


class LoginForm(FlaskForm):
    email = EmailField("Email", filters=[lambda v: v.strip().lower() if v else v], validators=[DataRequired(message="Enter your email address."), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(message="Enter your password."), Length(max=PASSWORD_MAX)])
    remember = BooleanField("Keep me signed in")
    next = HiddenField()


class ResetRequestForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(message="Enter your email address."), Length(max=254), email_address])


class SetPasswordForm(FlaskForm):
    password = PasswordField(
        "New password",
        validators=[DataRequired(message="Choose a password."), Length(min=PASSWORD_MIN, max=PASSWORD_MAX, message=f"Use {PASSWORD_MIN} to {PASSWORD_MAX} characters.")],
    )
    confirm = PasswordField("Repeat password", validators=[DataRequired(message="Repeat the password."), EqualTo("password", message="The passwords do not match.")])
