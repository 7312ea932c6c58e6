from datetime import timedelta

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, DecimalField, EmailField, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..accounts.forms import clean_text, email_address, printable
from ..codes.choices import credential_choices, setting_choices, specialty_choices
from ..employers.forms import http_url
from ..forms import ZipInState, choices
from .models import LABELS, ApplyMethod, EmploymentType, ExperienceLevel, PayPeriod, WorkArrangement
from .pay import pay_problem
from .places import US_STATES



def _enum(enum):
    return choices([(m, LABELS.get(m, m.value)) for m in enum])


class JobForm(FlaskForm):
    title = StringField("Job title", filters=[clean_text], validators=[DataRequired(message="Enter the job title."), Length(max=160), printable])
    description_md = TextAreaField(
        "Description", validators=[DataRequired(message="Describe the job."), Length(max=20_000)],
        description="Markdown: **bold**, *italic*, lists with -, links. HTML is not allowed.",
    )
    work_arrangement = RadioField("Work arrangement", choices=_enum(WorkArrangement), default=WorkArrangement.ONSITE)
    # No Optional() here: it would stop the chain before the on-site/remote checks below.
    city = StringField("City", filters=[clean_text], validators=[Length(max=100), printable])
    state = SelectField("State", choices=choices([("", "—")] + US_STATES))
    zip_code = StringField("ZIP code", filters=[clean_text], validators=[Optional(), Length(max=10), ZipInState()])
    remote_states = SelectMultipleField(
        "States a remote hire may live in", choices=choices(US_STATES), validators=[Optional()],
        description="Remote jobs only. Leave empty for anywhere in the US.",
    )
    employment_type = SelectField("Employment type", choices=_enum(EmploymentType), default=EmploymentType.FULL_TIME)
    experience_level = SelectField("Experience level", choices=choices([("", "Not specified")]) + _enum(ExperienceLevel), validators=[Optional()])
    # Plausibility per pay period is checked in validate_pay_min/validate_pay_max (see pay.py).
    pay_min = DecimalField("Pay from", places=2, validators=[Optional()])
    pay_max = DecimalField("Pay up to", places=2, validators=[Optional()])
    pay_period = SelectField("Pay period", choices=_enum(PayPeriod), default=PayPeriod.YEAR)
    settings = SelectMultipleField("Settings", choices=choices(setting_choices()), validators=[Optional()])
    specialties = SelectMultipleField("Specialties", choices=choices(specialty_choices()), validators=[Optional()])
    credentials_required = SelectMultipleField("Required credentials", choices=choices(credential_choices()), validators=[Optional()])
    credentials_preferred = SelectMultipleField("Preferred credentials", choices=choices(credential_choices()), validators=[Optional()])
    apply_method = RadioField(
        "How to apply",
        choices=choices([(ApplyMethod.ONSITE, "On CareerCenter"), (ApplyMethod.URL, "On our website"), (ApplyMethod.EMAIL, "By email")]),
        default=ApplyMethod.ONSITE,
    )
    apply_url = StringField("Application web address", filters=[clean_text], validators=[Length(max=500), http_url])
    apply_email = EmailField("Application email", filters=[lambda v: v.strip() if v else v], validators=[Length(max=254)])
    apply_deadline = DateField("Application deadline", validators=[Optional()], description="Optional.")

    def __init__(self, *args, today=None, deadline_limit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        # (last listed day, why) when the post's paid listing is known: live, or being paid for.
        self.deadline_limit = deadline_limit

    def validate_city(self, field):
        if self.work_arrangement.data != WorkArrangement.REMOTE and not field.data:
            raise ValidationError("Enter the city of the workplace (or choose Remote).")

    def validate_state(self, field):
        if self.work_arrangement.data != WorkArrangement.REMOTE and not field.data:
            raise ValidationError("Choose the state of the workplace.")

    def validate_pay_min(self, field):
        problem = pay_problem(field.data, self.pay_period.data)
        if problem:
            raise ValidationError(problem)

    def validate_pay_max(self, field):
        problem = pay_problem(field.data, self.pay_period.data)
        if problem:
            raise ValidationError(problem)
        if field.data is not None and self.pay_min.data is not None and field.data < self.pay_min.data:
            raise ValidationError("The top of the range is below the bottom.")

    def validate_apply_url(self, field):
        if self.apply_method.data == ApplyMethod.URL and not field.data:
            raise ValidationError("Enter the address where people apply.")

    def validate_apply_email(self, field):
        if self.apply_method.data == ApplyMethod.EMAIL and not field.data:
            raise ValidationError("Enter the address that receives applications.")
        if field.data:
            email_address(self, field)

    def validate_apply_deadline(self, field):
        if field.data and self.today and field.data < self.today:
            raise ValidationError("The deadline is in the past.")
        if field.data and self.today and field.data > self.today + timedelta(days=365):
            raise ValidationError("Choose a deadline within a year.")
        if field.data and self.deadline_limit and field.data > self.deadline_limit[0]:
            last_day, why = self.deadline_limit
            raise ValidationError(
                f"{why} {last_day:%b} {last_day.day}, {last_day.year}: choose a deadline on or before that day "
                "(renew the post to take applications for longer)."
            )

    def validate_credentials_preferred(self, field):
        both = set(field.data or []) & set(self.credentials_required.data or [])
        if both:
            raise ValidationError(f"{', '.join(sorted(both))} cannot be both required and preferred.")


class CloseForm(FlaskForm):
    """Only the CSRF token: close, duplicate and similar one-button actions."""


class ConfirmCloseForm(FlaskForm):
    """Closing a post as filled cannot be taken back once its paid period ends: a tick box confirms it."""

    confirm = BooleanField("Yes, close this post: it leaves the lists and takes no more applications",
                           validators=[DataRequired(message="Tick the box to confirm that the position is filled.")])


class ConfirmDeleteForm(FlaskForm):
    confirm = BooleanField("Yes, delete this draft for good",
                           validators=[DataRequired(message="Tick the box to confirm that you want to delete the draft.")])
