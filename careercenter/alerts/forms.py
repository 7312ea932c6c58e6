from flask_wtf import FlaskForm
from wtforms import EmailField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..accounts.forms import clean_text, email_address, printable
from ..forms import choices
from .models import Frequency
from .timing import WEEKDAYS, timezone_choices

FREQUENCIES = [(Frequency.INSTANT, "Instantly"), (Frequency.DAILY, "Daily digest"), (Frequency.WEEKLY, "Weekly digest")]


def _hour_label(h):
    suffix = "am" if h < 12 else "pm"
    return f"{(h % 12) or 12}:00 {suffix}"


class ScheduleMixin:
    frequency = RadioField("How often", choices=choices(FREQUENCIES), default=Frequency.DAILY,
                           validators=[DataRequired(message="Choose how often to email you.")])
    weekday = SelectField("Day (weekly)", choices=choices([(str(i), d) for i, d in enumerate(WEEKDAYS)]), default="0")
    hour = SelectField("At (your local time)", choices=choices([(str(h), _hour_label(h)) for h in range(24)]), default="8")
    timezone = SelectField("Time zone", default="America/New_York")

    def init_timezones(self, current=None):
        self.timezone.choices = choices([(z, z.replace("_", " ")) for z in timezone_choices(current)])


class SaveSearchForm(ScheduleMixin, FlaskForm):
    name = StringField("Name", filters=[clean_text], validators=[Optional(), Length(max=120), printable],
                       description="Shown in your alert emails. Leave empty to name it after the search.")
    # No Optional(): it would stop the chain before validate_email, which requires it of guests.
    email = EmailField("Email", filters=[clean_text],
                       description="We'll send a link to confirm it's yours before any alert.")

    def __init__(self, *args, guest=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.guest = guest
        self.init_timezones()

    def validate_email(self, field):
        if not self.guest:
            return
        if not field.data:
            raise ValidationError("Enter the email address to send alerts to.")
        email_address(self, field)


class ScheduleForm(ScheduleMixin, FlaskForm):
    def __init__(self, *args, current_timezone=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.init_timezones(current_timezone)


class ActionForm(FlaskForm):
    """Buttons that change a saved search (CSRF only)."""
