from datetime import date

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DecimalField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from ..accounts.forms import clean_text, printable
from ..codes.choices import credential_choices, setting_choices, specialty_choices
from ..forms import ZipInState, choices
from ..jobs.models import PayPeriod
from ..jobs.pay import pay_problem
from .models import WorkPreference

US_STATES = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI"]
MAX_CREDENTIALS = 8


def upper(value):
    return value.strip().upper() if value else value


class CredentialEntry(Form):
    """One row of "credentials held"; a blank row is ignored."""

    code = SelectField("Credential", choices=[], validate_choice=False)
    year = IntegerField("Year earned", validators=[Optional(), NumberRange(min=1950, max=date.today().year,
                                                                          message="Enter a year between 1950 and this year.")])

    def validate_code(self, field):
        if field.data and field.data not in dict(credential_choices()):
            raise ValidationError("Choose a credential from the list.")


class ProfileForm(FlaskForm):
    name = StringField("Full name", filters=[clean_text], validators=[DataRequired(message="Enter your name."), Length(max=120), printable])
    headline = StringField("Headline", filters=[clean_text], validators=[Optional(), Length(max=160), printable],
                           description="For example: CPC, 6 years of E/M and surgery pro-fee coding.")
    city = StringField("City", filters=[clean_text], validators=[Optional(), Length(max=100), printable])
    state = StringField("State", filters=[upper], validators=[Optional(), Length(max=2)], description="Two letters, e.g. OH.")
    zip_code = StringField("ZIP code", filters=[lambda v: v.strip() if v else v], validators=[Optional(), Length(max=10), ZipInState()])
    work_preference = RadioField("Work preference", choices=choices(list(WorkPreference)), default=WorkPreference.ANY)
    years_experience = IntegerField("Years of coding experience", validators=[Optional(), NumberRange(min=0, max=60, message="Enter 0 to 60 years.")])
    desired_pay = DecimalField("Desired pay (USD)", places=2, validators=[Optional()])
    desired_pay_period = SelectField("Pay period", choices=choices([("", "—"), (PayPeriod.HOUR, "per hour"), (PayPeriod.YEAR, "per year")]),
                                     validators=[Optional()])
    settings = SelectMultipleField("Settings you code", choices=[], validators=[Optional()])
    specialties = SelectMultipleField("Specialties you code", choices=[], validators=[Optional()])
    credentials = FieldList(FormField(CredentialEntry), min_entries=MAX_CREDENTIALS, max_entries=MAX_CREDENTIALS)
    visible_to_employers = BooleanField(
        "Let employers find my profile",
        description="Company members can then find you in their candidate search and invite you to apply. They see this "
                    "profile, never your email address or resume. Employers you apply to always see it.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.settings.choices = choices(setting_choices())
        self.specialties.choices = choices(specialty_choices())
        for entry in self.credentials:
            entry.form.code.choices = choices([("", "—")] + credential_choices())

    def validate_state(self, field):
        if field.data and field.data not in US_STATES:
            raise ValidationError("Enter a two-letter US state, e.g. OH.")

    def validate_desired_pay(self, field):
        if field.data is None:
            return
        if not self.desired_pay_period.data:
            raise ValidationError("Choose whether this is pay per hour or per year.")
        problem = pay_problem(field.data, self.desired_pay_period.data)
        if problem:
            raise ValidationError(problem)

    def validate_credentials(self, field):
        codes = [e.form.code.data for e in field if e.form.code.data]
        if len(codes) != len(set(codes)):
            raise ValidationError("Each credential only once, please.")

    def credential_pairs(self):
        return [(e.form.code.data, e.form.year.data) for e in self.credentials if e.form.code.data]


class ResumeForm(FlaskForm):
    resume = FileField("Resume (PDF or Word .docx, up to 5 MB)")


class DeleteAccountForm(FlaskForm):
    password = PasswordField("Your password", validators=[DataRequired(message="Enter your password to confirm.")])
    confirm = BooleanField("I understand my profile, resumes and saved jobs will be erased", validators=[DataRequired(message="Tick the box to confirm.")])
