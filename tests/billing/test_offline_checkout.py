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
    assert "Coding Auditor" in history and "$199.00" in history and "Paid" in history
    assert f'href="/employer/jobs/{job_id}/preview"' in history


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


def test_a_cancelled_checkout_cannot_be_paid_and_billing_shows_it_cancelled(client):
    user, company = make_employer()
    login(client, user.email)
    job_id = make_draft(company, user, title="Cancelled post").id
    client.post(f"/billing/checkout/{job_id}", data={"product": str(product().id)})
    order_id = db.session.scalar(db.select(Order.id))
    client.post(f"/billing/offline/{order_id}", data={"action": "cancel"}, follow_redirects=True)
    page = client.get(f"/billing/offline/{order_id}").get_data(as_text=True)
    assert "This checkout was cancelled, so it cannot be paid" in page and "Pay $99.00" not in page
    refused = client.post(f"/billing/offline/{order_id}", data={"action": "pay"})
    assert refused.status_code == 409 and "cannot be paid" in refused.get_data(as_text=True)
    assert reload(job_id).status == JobStatus.DRAFT and count(Order, status=OrderStatus.PAID) == 0
    history = client.get("/billing/").get_data(as_text=True)
    assert "Cancelled" in history and "Pending" not in history


def test_starting_a_new_checkout_replaces_the_open_one(client):
    user, company = make_employer()
    login(client, user.email)
    job_id = make_draft(company, user).id
    client.post(f"/billing/checkout/{job_id}", data={"product": str(product().id)})
    client.post(f"/billing/checkout/{job_id}", data={"product": str(product("featured-30").id)})
    old_id, new_id = db.session.scalars(db.select(Order.id).order_by(Order.id)).all()
    refused = client.post(f"/billing/offline/{old_id}", data={"action": "pay"})
    assert refused.status_code == 409 and "replaced by a newer one" in refused.get_data(as_text=True)
    client.post(f"/billing/offline/{new_id}", data={"action": "pay"})
    db.session.expire_all()
    assert db.session.get(Order, old_id).status == OrderStatus.SUPERSEDED
    assert db.session.get(Order, new_id).status == OrderStatus.PAID
    assert reload(job_id).is_featured


def test_the_receipt_keeps_what_was_bought_after_the_post_is_edited(client, app):
    user, company = make_employer(company_name="Valley Health")
    login(client, user.email)
    job_id = make_draft(company, user, title="Coding Auditor").id
    client.post(f"/billing/checkout/{job_id}", data={"product": str(product().id)})
    order_id = db.session.scalar(db.select(Order.id))
    client.post(f"/billing/offline/{order_id}", data={"action": "pay"})
    listed_until = reload(job_id).listed_until
    job = reload(job_id)
    job.title = "Senior Coding Auditor"
    db.session.commit()
    app.config.update(SITE_NAME="Coders Hiring Hub")
    try:
        page = client.get(f"/billing/orders/{order_id}").get_data(as_text=True)
    finally:
        app.config.update(SITE_NAME="CareerCenter")
    assert "Coding Auditor" in page and "Senior Coding Auditor" not in page
    assert "Standard" in page and "30 days" in page
    assert listed_until.strftime("%b %-d, %Y") in page
    assert "Coders Hiring Hub" in page and "Offline" in page
    css = client.get("/static/css/app.css")
    assert "@media print" in css.get_data(as_text=True)
    css.close()
    history = client.get("/billing/").get_data(as_text=True)
    assert "Coding Auditor" in history
