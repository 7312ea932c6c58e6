from enum import StrEnum

from sqlalchemy import ForeignKey, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db


class Product(db.Model):
    """Something an employer can buy for a post; the price is kept here and edited by staff."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(db.String(32), unique=True)
    name: Mapped[str] = mapped_column(db.String(80))
    description: Mapped[str] = mapped_column(db.String(300), default="")
    duration_days: Mapped[int] = mapped_column(default=30)
    featured: Mapped[bool] = mapped_column(default=False)
    price_cents: Mapped[int] = mapped_column()
    currency: Mapped[str] = mapped_column(db.String(3), default="usd")
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)

    @classmethod
    def available(cls):
        return db.select(cls).where(cls.active.is_(True)).order_by(cls.sort_order, cls.id)


class OrderStatus(StrEnum):
    PENDING = "pending"  # checkout created, not paid
    PAID = "paid"
    FAILED = "failed"  # asynchronous payment failed
    EXPIRED = "expired"  # checkout session expired unpaid
    CANCELLED = "cancelled"  # the employer cancelled on the checkout page
    SUPERSEDED = "superseded"  # the employer started another checkout for the same post
    REFUNDED = "refunded"

    @property
    def label(self):
        return {"pending": "Pending", "paid": "Paid", "failed": "Payment failed", "expired": "Checkout expired",
                "cancelled": "Cancelled", "superseded": "Cancelled (replaced by a newer checkout)",
                "refunded": "Refunded"}[self.value]


class OrderKind(StrEnum):
    PUBLISH = "publish"
    RENEW = "renew"
    # A second payment to publish a post that another order had already published:
    # refunded automatically, and refunding it never takes the post down.
    DUPLICATE = "duplicate"


# Payment confirmation may still arrive for these (late, or out of order): a late payment of a
# cancelled or replaced checkout is fulfilled (or refunded as a duplicate), never lost.
FULFILLABLE = (OrderStatus.PENDING, OrderStatus.FAILED, OrderStatus.EXPIRED, OrderStatus.CANCELLED,
               OrderStatus.SUPERSEDED)
# Closed by the employer: the offline page refuses to pay them.
WITHDRAWN = (OrderStatus.CANCELLED, OrderStatus.SUPERSEDED)


class Order(db.Model):
    """One payment for one post. The amount is copied from the product when checkout starts."""

    __tablename__ = "billing_order"  # "order" is an SQL keyword

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("job.id", ondelete="SET NULL"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(db.String(10), default=OrderKind.PUBLISH)
    status: Mapped[str] = mapped_column(db.String(10), default=OrderStatus.PENDING, index=True)
    amount_cents: Mapped[int] = mapped_column()
    currency: Mapped[str] = mapped_column(db.String(3))
    product_name: Mapped[str] = mapped_column(db.String(80))
    # What was bought, as it was at payment time (the post may be edited later).
    job_title: Mapped[str | None] = mapped_column(db.String(160))
    period_start = mapped_column(UTCDateTime())
    period_end = mapped_column(UTCDateTime())
    duration_days: Mapped[int] = mapped_column()
    featured: Mapped[bool] = mapped_column(default=False)
    gateway: Mapped[str] = mapped_column(db.String(10))
    stripe_session_id: Mapped[str | None] = mapped_column(db.String(255), unique=True)
    stripe_payment_intent_id: Mapped[str | None] = mapped_column(db.String(255), index=True)
    checkout_url: Mapped[str | None] = mapped_column(db.String(1000))
    refund_id: Mapped[str | None] = mapped_column(db.String(255))
    note: Mapped[str | None] = mapped_column(db.String(300))
    created_at = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now(), nullable=False)
    paid_at = mapped_column(UTCDateTime())
    refunded_at = mapped_column(UTCDateTime())

    company = relationship("Company")
    job = relationship("Job")
    product = relationship("Product")
    user = relationship("User")

    @property
    def number(self):
        return f"CC-{self.id:06d}"

    @property
    def status_label(self):
        return OrderStatus(self.status).label

    @property
    def period_last_moment(self):
        """The end of the last paid day (``period_end`` is the midnight after it)."""
        from datetime import timedelta

        return self.period_end - timedelta(microseconds=1) if self.period_end else None

    @property
    def payment_method(self):
        if self.gateway == "stripe":
            return "Card via Stripe"
        return "Offline (development checkout)"

    def amount_label(self):
        return format_money(self.amount_cents, self.currency)


class WebhookEvent(db.Model):
    """A Stripe event id seen once; a repeat of the same id changes nothing."""

    id: Mapped[str] = mapped_column(db.String(255), primary_key=True)
    type: Mapped[str] = mapped_column(db.String(80))
    received_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


def format_money(cents, currency="usd"):
    symbol = "$" if (currency or "usd").lower() == "usd" else (currency or "").upper() + " "
    return f"{symbol}{cents / 100:,.2f}"
