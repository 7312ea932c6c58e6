"""Stripe webhook events: record each event id once, then dispatch on the type.

Events may arrive twice, late or out of order; every handler is written so
that any order of arrival leaves the same result (payment beats expiry, a
refund beats a late "completed").
"""

import logging

from sqlalchemy.exc import IntegrityError

from ..extensions import db
from .gateway import session_from
from .models import Order, OrderStatus, WebhookEvent
from .services import checkout_ended, fulfil_from_session, record_refund

log = logging.getLogger(__name__)


def handle_event(event):
    """Record ``event`` and act on it; returns a short outcome. Commits.

    A repeated event id changes nothing. If a handler fails, the event id is
    rolled back with everything else, so Stripe's retry is processed.
    """
    db.session.add(WebhookEvent(id=str(event["id"])[:255], type=str(event["type"])[:80]))
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        return "duplicate"
    handler = HANDLERS.get(event["type"])
    obj = (event.get("data") or {}).get("object") or {}
    outcome = handler(obj) if handler and isinstance(obj, dict) else "ignored"
    db.session.commit()
    return outcome


def _order_for_session(obj):
    """Our order for a Checkout Session object, or None when the session is not ours."""
    if not obj.get("id"):
        return None
    order = db.session.scalar(db.select(Order).filter_by(stripe_session_id=str(obj["id"])))
    if order is None:
        return None
    meta = obj.get("metadata") or {}
    if meta.get("order_id") not in (None, str(order.id)):
        return None
    return order


def session_completed(obj):
    order = _order_for_session(obj)
    if order is None:
        return "not ours"
    session = session_from(obj)
    if not session.is_paid:
        # Bank debits and the like confirm later through async_payment_succeeded.
        return "awaiting payment"
    return fulfil_from_session(order, session)


def async_payment_succeeded(obj):
    order = _order_for_session(obj)
    if order is None:
        return "not ours"
    session = session_from(obj)
    session.payment_status = "paid"
    return fulfil_from_session(order, session)


def async_payment_failed(obj):
    order = _order_for_session(obj)
    if order is None:
        return "not ours"
    return "payment failed" if checkout_ended(order, OrderStatus.FAILED) else "no change"


def session_expired(obj):
    order = _order_for_session(obj)
    if order is None:
        return "not ours"
    return "expired" if checkout_ended(order, OrderStatus.EXPIRED) else "no change"


def charge_refunded(obj):
    if not obj.get("refunded"):
        return "partial refund ignored"
    order = None
    if obj.get("payment_intent"):
        order = db.session.scalar(db.select(Order).filter_by(stripe_payment_intent_id=str(obj["payment_intent"])))
    meta_id = (obj.get("metadata") or {}).get("order_id")
    if order is None and meta_id and str(meta_id).isdigit():
        # The refund can overtake checkout.session.completed; the payment intent's
        # metadata (copied to the charge) still names our order.
        order = db.session.get(Order, int(meta_id))
    if order is None:
        return "not ours"
    return "refunded" if record_refund(order) else "already refunded"


HANDLERS = {
    "checkout.session.completed": session_completed,
    "checkout.session.async_payment_succeeded": async_payment_succeeded,
    "checkout.session.async_payment_failed": async_payment_failed,
    "checkout.session.expired": session_expired,
    "charge.refunded": charge_refunded,
}
