"""Checkout, fulfilment and refunds. The same fulfilment runs for the webhook,
the success page and the offline checkout, and is idempotent: an order is
claimed with one conditional UPDATE, so only the first caller publishes.
"""

import logging

from flask import url_for

from ..database import utcnow
from ..email import send_email
from ..extensions import db
from ..jobs.lifecycle import PUBLISHABLE, RENEWABLE, check_move
from ..jobs.models import JobStatus
from ..jobs.services import job_contacts, publish_job, remove_job, return_to_draft
from ..templating import absolute_url
from .gateway import GatewayError, get_gateway
from .models import FULFILLABLE, WITHDRAWN, Order, OrderKind, OrderStatus

log = logging.getLogger(__name__)


class CheckoutRefused(ValueError):
    """The post cannot be paid for in its current state."""


def order_kind(job):
    if job.status in PUBLISHABLE:
        return OrderKind.PUBLISH
    if job.status in RENEWABLE:
        return OrderKind.RENEW
    raise CheckoutRefused("This post was removed and cannot be published again.")


def start_checkout(job, product, *, user):
    """Open (or resume) a checkout for ``job`` and ``product``; returns the URL to send the browser to.

    The amount comes from the product row now, never from the form. A still-open
    checkout for the same post and product is reused, so two tabs do not lead to
    two payments. Moves a draft to pending_payment. Commits; raises GatewayError.
    """
    kind = order_kind(job)
    gateway = get_gateway()
    resumed = _resume(job, product, gateway)
    if resumed:
        return resumed
    replaced = _withdraw_open_orders(job, OrderStatus.SUPERSEDED)
    order = Order(company_id=job.company_id, job_id=job.id, product_id=product.id, user_id=user.id, kind=kind,
                  amount_cents=product.price_cents, currency=product.currency, product_name=product.name,
                  duration_days=product.duration_days, featured=product.featured, gateway=gateway.name)
    db.session.add(order)
    db.session.flush()
    try:
        session = gateway.create_checkout(
            order,
            success_url=absolute_url("billing.success", order_id=order.id),
            cancel_url=absolute_url("billing.cancel", order_id=order.id),
            customer_email=user.email,
        )
    except GatewayError:
        db.session.rollback()
        raise
    order.stripe_session_id = session.id
    order.checkout_url = session.url
    if kind == OrderKind.PUBLISH and job.status == JobStatus.DRAFT:
        job.status = check_move(job.status, JobStatus.PENDING_PAYMENT)
    db.session.commit()
    _expire_sessions(gateway, replaced)
    return session.url


def _withdraw_open_orders(job, status):
    """Mark the post's open (pending) orders ``status``; returns their checkout session ids. Does not commit."""
    open_orders = db.session.scalars(db.select(Order).filter_by(job_id=job.id, status=OrderStatus.PENDING)).all()
    sessions = []
    for order in open_orders:
        claimed = db.session.execute(
            db.update(Order).where(Order.id == order.id, Order.status == OrderStatus.PENDING).values(status=status)
            .execution_options(synchronize_session=False)
        ).rowcount
        if claimed and order.stripe_session_id:
            sessions.append(order.stripe_session_id)
    db.session.expire_all()
    return sessions


def withdraw_checkouts_of(job, *, delete):
    """Cancel the post's open checkouts, run ``delete()``, commit, then expire the checkouts at the
    gateway (best effort). Used when a draft is deleted."""
    sessions = _withdraw_open_orders(job, OrderStatus.CANCELLED)
    # Billing keeps the orders, named by the post's last title.
    db.session.execute(
        db.update(Order).where(Order.job_id == job.id)
        .values(job_title=db.func.coalesce(Order.job_title, job.title), job_id=None)
        .execution_options(synchronize_session=False)
    )
    delete()
    db.session.commit()
    if sessions:
        _expire_sessions(get_gateway(), sessions)


def _expire_sessions(gateway, session_ids):
    """Close withdrawn checkouts at the gateway, best effort: a payment that still gets through
    is confirmed by the webhook and fulfilled or refunded like any late payment."""
    for session_id in session_ids:
        try:
            gateway.expire_checkout(session_id)
        except GatewayError as exc:
            log.warning("could not expire checkout %s: %s", session_id, exc)


def _resume(job, product, gateway):
    order = db.session.scalar(
        db.select(Order).filter_by(job_id=job.id, product_id=product.id, status=OrderStatus.PENDING, gateway=gateway.name)
        .order_by(Order.id.desc()).limit(1)
    )
    if order is None or not order.stripe_session_id:
        return None
    session = gateway.retrieve_checkout(order.stripe_session_id)
    if session.is_paid:
        fulfil_from_session(order, session)
        return url_for("billing.success", order_id=order.id)
    if session.status != "open" or order.amount_cents != product.price_cents:
        return None
    if job.status == JobStatus.DRAFT:
        job.status = check_move(job.status, JobStatus.PENDING_PAYMENT)
    db.session.commit()
    return session.url


def fulfil_from_session(order, session):
    """Fulfil ``order`` from a paid gateway session (webhook or success page)."""
    return fulfil_order(order.id, payment_intent=session.payment_intent,
                        amount_total=session.amount_total, currency=session.currency)


def fulfil_order(order_id, *, payment_intent=None, amount_total=None, currency=None, now=None):
    """Mark the order paid and publish (or renew) its post; email the receipt. Commits.

    Returns "fulfilled" when this call did the work, "already fulfilled" when an
    earlier call did (or the order was refunded), "amount mismatch" when the
    payment is not for the order's amount (logged, nothing changed).
    """
    now = now or utcnow()
    order = db.session.get(Order, order_id)
    if order is None:
        return "not ours"
    if amount_total is not None and (amount_total != order.amount_cents or (currency or "").lower() != order.currency):
        log.error("order %s: paid %s %s but the order is for %s %s; not fulfilled",
                  order.id, amount_total, currency, order.amount_cents, order.currency)
        return "amount mismatch"
    values = {"status": OrderStatus.PAID, "paid_at": now}
    if payment_intent:
        values["stripe_payment_intent_id"] = payment_intent
    claimed = db.session.execute(
        db.update(Order).where(Order.id == order_id, Order.status.in_(FULFILLABLE)).values(**values)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not claimed:
        return "already fulfilled"
    db.session.refresh(order)
    job = order.job
    if job is not None:
        order.job_title = job.title
    if order.kind == OrderKind.PUBLISH and job is not None and job.status not in PUBLISHABLE:
        _refund_duplicate(order)
    elif job is not None and job.status != JobStatus.REMOVED:
        order.period_start, order.period_end = publish_job(
            job, days=order.duration_days, featured=order.featured, product_id=order.product_id, now=now)
    for address in _order_contacts(order):
        send_email("payment-receipt", address, order=order, job=job)
    db.session.commit()
    return "fulfilled"


def _refund_duplicate(order):
    """The post was already published by another payment: give this one back."""
    order.kind = OrderKind.DUPLICATE
    try:
        order.refund_id = get_gateway().refund(order)
    except GatewayError as exc:
        log.error("order %s: automatic refund of a duplicate payment failed: %s", order.id, exc)
        order.note = "Duplicate payment for a post that was already published; refund it from this page."
        return
    order.status = OrderStatus.REFUNDED
    order.refunded_at = utcnow()
    order.note = "Duplicate payment for a post that was already published; refunded automatically."
    for address in _order_contacts(order):
        send_email("order-refunded", address, order=order, job=order.job)


def _order_contacts(order):
    if order.user is not None and order.user.is_active:
        return [order.user.email]
    return job_contacts(order.job) if order.job else []


def pay_offline(order):
    """The offline gateway's "Pay" button: confirm the order through the same fulfilment.

    A cancelled or replaced checkout cannot be paid here (raises CheckoutRefused)."""
    if order.status in WITHDRAWN:
        raise CheckoutRefused(WITHDRAWN_MESSAGE[order.status])
    return fulfil_order(order.id, payment_intent=f"offline_pi_{order.id}")


WITHDRAWN_MESSAGE = {
    OrderStatus.CANCELLED: "This checkout was cancelled, so it cannot be paid. Nothing was charged; "
                           "start a new checkout from your post.",
    OrderStatus.SUPERSEDED: "This checkout was replaced by a newer one for the same post, so it cannot be paid. "
                            "Nothing was charged; pay the newer checkout instead.",
}


def checkout_ended(order, status):
    """An unpaid checkout expired or its payment failed: the post returns to draft. Commits."""
    claimed = db.session.execute(
        db.update(Order).where(Order.id == order.id, Order.status == OrderStatus.PENDING).values(status=status)
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed and order.job is not None:
        db.session.refresh(order)
        return_to_draft(order.job)
    db.session.commit()
    return bool(claimed)


def cancel_checkout(order):
    """The employer cancelled on the checkout: the order is cancelled (its checkout is expired at
    the gateway, best effort) and the post is a draft again. Commits; True when this call cancelled."""
    claimed = db.session.execute(
        db.update(Order).where(Order.id == order.id, Order.status == OrderStatus.PENDING)
        .values(status=OrderStatus.CANCELLED).execution_options(synchronize_session=False)
    ).rowcount
    db.session.refresh(order)
    if claimed and order.job is not None:
        return_to_draft(order.job)
    db.session.commit()
    if claimed and order.stripe_session_id:
        _expire_sessions(get_gateway(), [order.stripe_session_id])
    return bool(claimed)


def refund_order(order):
    """Staff refund: refund through the gateway, then record it (post removed, employer emailed).

    Raises GatewayError (nothing changed) or ValueError when the order is not paid.
    """
    if order.status != OrderStatus.PAID:
        raise ValueError("Only a paid order can be refunded.")
    refund_id = get_gateway().refund(order)
    return record_refund(order, refund_id=refund_id)


def record_refund(order, *, refund_id=None, now=None):
    """Mark the order refunded once; take its post down unless the payment was a duplicate. Commits."""
    claimed = db.session.execute(
        db.update(Order).where(Order.id == order.id, Order.status.in_((OrderStatus.PAID, *FULFILLABLE)))
        .values(status=OrderStatus.REFUNDED, refunded_at=now or utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    if not claimed:
        return False
    db.session.refresh(order)
    if refund_id:
        order.refund_id = refund_id
    job = order.job
    if job is not None and order.kind != OrderKind.DUPLICATE and job.status in (
        JobStatus.PUBLISHED, JobStatus.EXPIRED, JobStatus.CLOSED, JobStatus.PENDING_PAYMENT
    ):
        remove_job(job)
    for address in _order_contacts(order):
        send_email("order-refunded", address, order=order, job=job)
    db.session.commit()
    return True
