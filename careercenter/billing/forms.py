from decimal import Decimal

from flask_wtf import FlaskForm
from wtforms import BooleanField, DecimalField, IntegerField, RadioField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..accounts.forms import clean_text, printable
from ..forms import choices
from .models import format_money

CENT = Decimal("0.01")
# Stripe refuses charges under $0.50; a dollar keeps a typo (0.1 for 100) from going on sale.
MIN_PRICE = Decimal("1.00")
MAX_PRICE = Decimal("10000")
MAX_DAYS = 365


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
    # InputRequired, not DataRequired: a typed 0 is an answer (too low), not a missing one.
    price = DecimalField("Price (USD)", places=2, validators=[InputRequired(message="Enter a price.")],
                         description=f"In dollars and cents, from ${MIN_PRICE} to ${MAX_PRICE:,}.")
    duration_days = IntegerField("Days listed", validators=[InputRequired(message="Enter the number of days.")],
                                 description=f"From 1 to {MAX_DAYS} days.")
    active = BooleanField("On sale")

    def validate_price(self, field):
        if field.data is None:
            return
        if field.data != field.data.quantize(CENT):
            raise ValidationError("Enter the price in dollars and cents, with at most 2 decimals (e.g. 12.35).")
        if field.data < MIN_PRICE:
            raise ValidationError(f"The price must be at least ${MIN_PRICE}.")
        if field.data > MAX_PRICE:
            raise ValidationError(f"The price can be at most ${MAX_PRICE:,}.")

    def validate_duration_days(self, field):
        if field.data is None:
            return
        if field.data < 1:
            raise ValidationError("A post must run at least 1 day.")
        if field.data > MAX_DAYS:
            raise ValidationError(f"A post can run at most {MAX_DAYS} days.")


class ActionForm(FlaskForm):
    """Only the CSRF token, for one-button actions (pay, refund)."""
