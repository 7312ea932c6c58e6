"""The embedded default: the offline gateway's local checkout page runs the same fulfilment."""

import pytest

from careercenter import create_app
from careercenter.billing.gateway import GatewayError, get_gateway
from careercenter.billing.models import Order, OrderStatus
from careercenter.config import ConfigError
from careercenter.extensions import db
from careercenter.jobs.models import Job, JobStatus
from tests.conftest import count
from tests.support.billing_factories import make_draft, product
from tests.support.factories import login, make_employer


def reload(job_id):
    db.session.expire_all()
    return db.session.get(Job, job_id)


def test_pay_on_the_offline_page_publishes_the_post(client, outbox):
    user, company = make_employer("hr@valley.example", company_name="Valley Health")
    login(client, user.email)
    job_id = make_draft(company, user, title="Coding Auditor").id
    response = client.post(f"/billing/checkout/{job_id}", data={"product": str(product("featured-30").id)})
    assert response.status_code == 303
    page = client.get(response.headers["Location"])
    assert "$199.00" in page.get_data(as_text=True)
    assert reload(job_id).status == JobStatus.PENDING_PAYMENT
    order_id = db.session.scalar(db.select(Order.id))
    done = client.post(f"/billing/offline/{order_id}", data={"action": "pay"}, follow_redirects=True)
    text = done.get_data(as_text=True)
    assert "your post is live" in text and "Coding Auditor" in text
    job = reload(job_id)
    assert job.status == JobStatus.PUBLISHED and job.is_featured
    # Paying the same order again (back button, double click) changes nothing.
    client.post(f"/billing/offline/{order_id}", data={"action": "pay"})
    assert count(Order, status=OrderStatus.PAID) == 1
    subjects = [m.subject for m in outbox.messages(to="hr@valley.example")]
    assert subjects.count("Your post is live: Coding Auditor") == 1
    assert len([s for s in subjects if s.startswith("Receipt for order CC-")]) == 1
    history = client.get("/billing/").get_data(as_text=True)
    assert "Coding Auditor" in history and "$199.00" in history and "paid" in history


def test_cancel_on_the_offline_page_keeps_a_draft(client):
    user, company = make_employer()
    login(client, user.email)
    job_id = make_draft(company, user).id
    client.post(f"/billing/checkout/{job_id}", data={"product": str(product().id)})
    order_id = db.session.scalar(db.select(Order.id))
    page = client.post(f"/billing/offline/{order_id}", data={"action": "cancel"}, follow_redirects=True)
    assert "Resume payment" in page.get_data(as_text=True)
    assert reload(job_id).status == JobStatus.DRAFT


def test_form_cannot_choose_the_amount(client):
    user, company = make_employer()
    login(client, user.email)
    job_id = make_draft(company, user).id
    client.post(f"/billing/checkout/{job_id}", data={"product": str(product().id), "amount": "1", "price_cents": "1"})
    assert db.session.scalar(db.select(Order.amount_cents)) == 9900
    bad = client.post(f"/billing/checkout/{job_id}", data={"product": "99999"})
    assert bad.status_code == 422 and "Not a valid choice" in bad.get_data(as_text=True)


def test_offline_gateway_is_refused_in_production(app):
    with pytest.raises(ConfigError, match="offline payment gateway"):
        create_app({"PRODUCTION": True, "SECRET_KEY": "real", "PAYMENT_GATEWAY": "offline",
                    "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    app.config.update(PRODUCTION=True)
    try:
        with pytest.raises(GatewayError):
            get_gateway()
    finally:
        app.config.update(PRODUCTION=False)


def test_offline_page_is_not_served_when_stripe_is_configured(client, app):
    user, company = make_employer()
    login(client, user.email)
    job_id = make_draft(company, user).id
    client.post(f"/billing/checkout/{job_id}", data={"product": str(product().id)})
    order_id = db.session.scalar(db.select(Order.id))
    app.config.update(PAYMENT_GATEWAY="stripe", STRIPE_SECRET_KEY="sk_test_x")
    assert client.post(f"/billing/offline/{order_id}", data={"action": "pay"}).status_code == 404
    assert reload(job_id).status == JobStatus.PENDING_PAYMENT
