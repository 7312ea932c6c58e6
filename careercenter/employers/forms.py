from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import EmailField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, NumberRange, Optional, ValidationError

from ..accounts.forms import at_most, clean_text, email_address, new_password_fields, printable
from ..codes.choices import credential_choices, setting_choices, specialty_choices
from ..forms import choices
from ..jobs.places import US_STATES
from .models import ORGANISATION_LABELS, MemberRole, OrganisationType


def http_url(form, field):
    if field.data:
        value = field.data.strip()
        if "://" not in value:
            value = "https://" + value
        if not value.lower().startswith(("http://", "https://")) or " " in value or "." not in value.split("://", 1)[1]:
            raise ValidationError("Enter a web address such as https://www.example.org.")
        field.data = value


class CompanyForm(FlaskForm):
    name = StringField("Organisation name", filters=[clean_text], validators=[DataRequired(message="Enter the organisation's name."), at_most(160), printable])
    website = StringField("Website", filters=[clean_text], validators=[Optional(), at_most(300), http_url])
    org_type = SelectField("Type of organisation", choices=choices([(t, ORGANISATION_LABELS[t]) for t in OrganisationType]))
    city = StringField("City", filters=[clean_text], validators=[Optional(), at_most(100), printable])
    state = SelectField("State", choices=choices([("", "—")] + US_STATES), validators=[Optional()])
    about = TextAreaField("About the organisation", validators=[Optional(), at_most(10_000)],
                          description="Markdown is allowed: **bold**, lists, links.")
    logo = FileField("Logo", description="PNG, JPEG, GIF or WebP, up to 2 MB.")


class InviteForm(FlaskForm):
    email = EmailField("Colleague's email", filters=[lambda v: v.strip() if v else v],
                       validators=[DataRequired(message="Enter an email address."), at_most(254), email_address])
    role = RadioField("Role", choices=choices([(MemberRole.MEMBER, "Member — posts jobs and reads applications"),
                                               (MemberRole.OWNER, "Owner — also manages the team")]),
                      default=MemberRole.MEMBER)


class JoinForm(FlaskForm):
    """Create an employer account from an invitation (the email is proven by the link)."""

    name = StringField("Your name", filters=[clean_text], validators=[DataRequired(message="Enter your name."), at_most(120), printable])
    password, confirm = new_password_fields()


class CandidateSearchForm(FlaskForm):
    """The filters of the candidate search (a GET form: shareable, no CSRF token)."""

    q = StringField("Headline contains", filters=[clean_text], validators=[Optional(), at_most(100), printable])
    credential = SelectField("Credential held", validators=[Optional()])
    setting = SelectField("Setting coded", validators=[Optional()])
    specialty = SelectField("Specialty coded", validators=[Optional()])
    state = SelectField("State", choices=choices([("", "Any state")] + US_STATES), validators=[Optional()])
    work_preference = SelectField("Open to", validators=[Optional()], choices=choices(
        [("", "Any arrangement"), ("remote", "Remote"), ("hybrid", "Hybrid"), ("onsite", "On-site")]))
    min_years = IntegerField("At least … years of experience", validators=[
        Optional(), NumberRange(min=0, max=60, message="Enter 0 to 60 years.")])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.credential.choices = choices([("", "Any credential")] + credential_choices())
        self.setting.choices = choices([("", "Any setting")] + setting_choices())
        self.specialty.choices = choices([("", "Any specialty")] + specialty_choices())


class InviteToApplyForm(FlaskForm):
    job_id = SelectField("Post", coerce=int, validators=[DataRequired(message="Choose one of your live posts.")],
                         validate_choice=True)
    message = TextAreaField("Short message (optional)", filters=[lambda v: v.strip() if v else v],
                            validators=[Optional(), at_most(1000)],
                            description="Sent with the invitation, at most 1,000 characters.")
