"""Plausible pay: the bounds the post editor and the coder's profile accept, and how pay is written.

The bounds catch slips (a yearly salary typed as hourly, a missing zero), not policy: the floor
of hourly pay is the federal minimum wage, and the ceilings sit well above what coding jobs pay.
"""

from decimal import Decimal

from .models import PayPeriod

CENT = Decimal("0.01")

PAY_BOUNDS = {
    PayPeriod.HOUR: (Decimal("7.25"), Decimal("300")),
    PayPeriod.YEAR: (Decimal("15000"), Decimal("600000")),
}


def format_pay(amount, period):
    """``$31.50`` for hourly amounts (cents matter), ``$62,000`` for yearly ones."""
    if period == PayPeriod.HOUR:
        return f"${amount:,.2f}"
    return f"${amount:,.0f}"


def pay_problem(amount, period):
    """A message saying why ``amount`` is not plausible pay per ``period``, or None when it is."""
    if amount is None:
        return None
    if amount != amount.quantize(CENT):
        # Stored to the cent: a third decimal would be rounded away silently (same rule as product prices).
        return "Enter pay in dollars and cents, with at most 2 decimals (e.g. 25.55)."
    if period not in PAY_BOUNDS:
        return None
    low, high = PAY_BOUNDS[period]
    if low <= amount <= high:
        return None
    if period == PayPeriod.HOUR:
        hint = " If this is a yearly salary, choose “per year”." if amount > high else ""
        return (f"Enter hourly pay between {format_pay(low, period)} (the federal minimum wage) and "
                f"{format_pay(high, period)} an hour.{hint}")
    hint = " If this is hourly pay, choose “per hour”." if amount < low else ""
    return (f"Enter yearly pay between {format_pay(low, period)} and {format_pay(high, period)} a year.{hint}")
