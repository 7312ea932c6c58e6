"""Form helpers shared by every domain."""

from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError


def choices(pairs):
    """WTForms choices from ``(value, label)`` pairs (or enum members with a ``label``)."""
    out = []
    for item in pairs:
        value, text = item if isinstance(item, tuple) else (item.value, getattr(item, "label", item.value))
        out.append(SelectChoice(str(value), str(text)))
    return out


class ZipInState:
    """Validator for a ZIP code field: a real US ZIP, in the state chosen in the form's ``state`` field.

    The one rule for the post editor and the coder profile, so ZIP search places both correctly."""

    def __init__(self, state_field="state"):
        self.state_field = state_field

    def __call__(self, form, field):
        from .jobs.places import zip_problem

        state = getattr(form, self.state_field).data or None
        problem = zip_problem(field.data, state)
        if problem:
            raise ValidationError(problem)
