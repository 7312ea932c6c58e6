"""Form helpers shared by every domain."""

from wtforms.fields.choices import SelectChoice


def choices(pairs):
    """WTForms choices from ``(value, label)`` pairs (or enum members with a ``label``)."""
    out = []
    for item in pairs:
        value, text = item if isinstance(item, tuple) else (item.value, getattr(item, "label", item.value))
        out.append(SelectChoice(str(value), str(text)))
    return out
