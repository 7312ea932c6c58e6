"""The payment gateway: the only module that imports ``stripe``.

Two implementations answer the same calls:

* ``StripeGateway`` talks to the Stripe API (``STRIPE_API_BASE`` can point it at
  a local Stripe-compatible server, which is how the tests run it);
* ``OfflineGateway`` is the embedded default: its "checkout" is a local page,
  and paying there confirms the order through the same fulfilment code as the
  webhook. It is refused in production.
"""

import json
import secrets
from dataclasses import dataclass, field

import stripe
from flask import current_app, url_for


class GatewayError(RuntimeError):
    """The payment provider refused or could not be reached."""


class InvalidEvent(ValueError):
    """A webhook body that is not signed with our secret, or not JSON."""


@dataclass
class CheckoutSession:
    id: str
    url: str | None
    status: str  # open | complete | expired
    payment_status: str  # paid | unpaid | no_payment_required
    payment_intent: str | None = None
    amount_total: int | None = None
    currency: str | None = None
    metadata: dict = field(default_factory=dict)

    @property
    def order_id(self):
        value = (self.metadata or {}).get("order_id")
        return int(value) if value and str(value).isdigit() else None

    @property
    def is_paid(self):
        return self.payment_status == "paid"


def session_from(obj):
    if hasattr(obj, "to_dict"):
        obj = obj.to_dict()
    pi = obj.get("payment_intent")
    if isinstance(pi, dict):
        pi = pi.get("id")
    return CheckoutSession(
        id=obj["id"],
        url=obj.get("url"),
        status=obj.get("status") or "open",
        payment_status=obj.get("payment_status") or "unpaid",
        payment_intent=pi,
        amount_total=obj.get("amount_total"),
        currency=obj.get("currency"),
        metadata=dict(obj.get("metadata") or {}),
    )


class StripeGateway:
    name = "stripe"

    def __init__(self, config):
        base = {"api": config["STRIPE_API_BASE"]} if config.get("STRIPE_API_BASE") else None
        self.client = stripe.StripeClient(config["STRIPE_SECRET_KEY"], base_addresses=base, max_network_retries=2)
        self.webhook_secret = config.get("STRIPE_WEBHOOK_SECRET", "")

    def create_checkout(self, order, *, success_url, cancel_url, customer_email=None):
        params = {
            "mode": "payment",
            "line_items": [{
                "quantity": 1,
                "price_data": {
                    "currency": order.currency,
                    "unit_amount": order.amount_cents,
                    "product_data": {"name": f"{order.product_name} job post ({order.duration_days} days)"},
                },
            }],
            "client_reference_id": str(order.id),
            "metadata": {"order_id": str(order.id)},
            "payment_intent_data": {"metadata": {"order_id": str(order.id)}},
            "success_url": success_url + ("&" if "?" in success_url else "?") + "session_id={CHECKOUT_SESSION_ID}",
            "cancel_url": cancel_url,
        }
        if customer_email:
            params["customer_email"] = customer_email
        try:
            session = self.client.v1.checkout.sessions.create(params, {"idempotency_key": f"checkout-order-{order.id}"})
        except stripe.StripeError as exc:
            raise GatewayError(str(exc)) from exc
        return session_from(session)

    def retrieve_checkout(self, session_id):
        try:
            return session_from(self.client.v1.checkout.sessions.retrieve(session_id))
        except stripe.StripeError as exc:
            raise GatewayError(str(exc)) from exc

    def expire_checkout(self, session_id):
        """Close an open Checkout Session so it can no longer be paid."""
        try:
            self.client.v1.checkout.sessions.expire(session_id)
        except stripe.StripeError as exc:
            raise GatewayError(str(exc)) from exc

    def refund(self, order):
        if not order.stripe_payment_intent_id:
            raise GatewayError("the order has no payment to refund")
        try:
            refund = self.client.v1.refunds.create(
                {"payment_intent": order.stripe_payment_intent_id, "metadata": {"order_id": str(order.id)}},
                {"idempotency_key": f"refund-order-{order.id}"},
            )
        except stripe.StripeError as exc:
            raise GatewayError(str(exc)) from exc
        return refund["id"]

    def parse_event(self, payload, signature):
        """The verified event as a plain dict; raises InvalidEvent."""
        if not self.webhook_secret:
            raise InvalidEvent("no webhook secret configured")
        try:
            stripe.WebhookSignature.verify_header(payload.decode("utf-8"), signature, self.webhook_secret, tolerance=300)
        except (stripe.SignatureVerificationError, UnicodeDecodeError) as exc:
            raise InvalidEvent(str(exc)) from exc

        try:
            event = json.loads(payload)
        except ValueError as exc:
            raise InvalidEvent("body is not JSON") from exc
        if not isinstance(event, dict) or not event.get("id") or not event.get("type"):
            raise InvalidEvent("not an event")
        return event


class OfflineGateway:
    """Checkout on a local page; for development and the embedded default only."""

    name = "offline"

    def create_checkout(self, order, *, success_url, cancel_url, customer_email=None):
        return CheckoutSession(
            id=f"offline_{order.id}_{secrets.token_hex(6)}",
            url=url_for("billing.offline_checkout", order_id=order.id),
            status="open",
            payment_status="unpaid",
            amount_total=order.amount_cents,
            currency=order.currency,
            metadata={"order_id": str(order.id)},
        )

    def retrieve_checkout(self, session_id):
        from .models import Order, OrderStatus
        from ..extensions import db

        order = db.session.scalar(db.select(Order).filter_by(stripe_session_id=session_id))
        if order is None:
            raise GatewayError("no such checkout")
        paid = order.status in (OrderStatus.PAID, OrderStatus.REFUNDED)
        return CheckoutSession(
            id=session_id,
            url=url_for("billing.offline_checkout", order_id=order.id),
            status="complete" if paid else ("expired" if order.status == OrderStatus.EXPIRED else "open"),
            payment_status="paid" if paid else "unpaid",
            payment_intent=order.stripe_payment_intent_id,
            amount_total=order.amount_cents,
            currency=order.currency,
            metadata={"order_id": str(order.id)},
        )

    def expire_checkout(self, session_id):
        """Nothing to close: the offline page itself refuses a withdrawn order."""

    def refund(self, order):
        return f"offline_refund_{order.id}"

    def parse_event(self, payload, signature):
        raise InvalidEvent("the offline gateway receives no webhooks")


def get_gateway(app=None):
    """The gateway named by ``PAYMENT_GATEWAY``; the offline one is refused in production."""
    app = app or current_app
    name = app.config.get("PAYMENT_GATEWAY", "offline")
    if name == "stripe":
        return StripeGateway(app.config)
    if app.config.get("PRODUCTION"):
        raise GatewayError("the offline payment gateway is not allowed in production")
    return OfflineGateway()
