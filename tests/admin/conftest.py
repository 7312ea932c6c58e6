import pytest

from tests.support.stripe_server import API_KEY, WEBHOOK_SECRET, StripeServer


@pytest.fixture
def stripe_server():
    server = StripeServer().start()
    yield server
    server.stop()


@pytest.fixture
def stripe_config(stripe_server):
    return {"PAYMENT_GATEWAY": "stripe", "STRIPE_SECRET_KEY": API_KEY, "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "STRIPE_API_BASE": stripe_server.url}


@pytest.fixture(autouse=True)
def _restore_products(app):
    """Products are reference data kept between tests: put back any price a test changed."""
    from careercenter.billing.models import Product
    from careercenter.extensions import db

    saved = {p.id: (p.price_cents, p.duration_days, p.active, p.name) for p in db.session.scalars(db.select(Product))}
    yield
    db.session.rollback()
    for p in db.session.scalars(db.select(Product)):
        p.price_cents, p.duration_days, p.active, p.name = saved[p.id]
    db.session.commit()
