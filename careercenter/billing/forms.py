from decimal import Decimal

from flask_wtf import FlaskForm
from wtforms import BooleanField, DecimalField, IntegerField, RadioField, StringField
from wtforms.validators import DataRequired, Length, NumberRange

from ..accounts.forms import clean_text, printable
from ..forms import choices
from .models import format_money


class CheckoutForm(FlaskForm):
    """The employer picks a product; the price shown is looked up again on the server."""

    product = RadioField("Choose how to list your post", validators=[DataRequired(message="Choose a product.")])

    def __init__(self, products, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.product.choices = choices(
            [(p.id, f"{p.name} — {format_money(p.price_cents, p.currency)} for {p.duration_days} days") for p in products]
        )
        if products and not self.product.data:
            self.product.data = str(products[0].id)


class ProductForm(FlaskForm):
    name = StringField("Name", filters=[clean_text], validators=[DataRequired(message="Enter a name."), Length(max=80), printable])
    description = StringField("Description", filters=[clean_text], validators=[Length(max=300), printable])
    price = DecimalField("Price (USD)", places=2, validators=[DataRequired(message="Enter a price."),
                                                             NumberRange(min=Decimal("0.50"), max=Decimal("10000"), message="Enter a price between $0.50 and $10,000.")])
    duration_days = IntegerField("Days listed", validators=[DataRequired(message="Enter the number of days."),
                                                            NumberRange(min=1, max=365, message="Between 1 and 365 days.")])
    active = BooleanField("On sale")


class ActionForm(FlaskForm):
    """Only the CSRF token, for one-button actions (pay, refund)."""
