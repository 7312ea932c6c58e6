"""Staff edit prices and refund orders; a refund goes through Stripe and takes the post down."""

import pytest

from careercenter.billing.models import Order, OrderStatus
from careercenter.extensions import db
from careercenter.jobs.models import Job, JobStatus
from tests.support.billing_factories import make_draft, product
from tests.support.factories import login, make_employer, make_user
from tests.support.stripe_server import signed


@pytest.fixture
def app_config(app_config, stripe_config):
    return {**app_config, **stripe_config}


def paid_post(client, stripe_server, title="Coding Educator"):
    owner, company = make_employer("owner@clinic.example", company_name="North Clinic")
    login(client, owner.email)
    job = make_draft(company, owner, title=title)
    client.post(f"/billing/checkout/{job.id}", data={"product": str(product().id)})
    session_id = next(iter(stripe_server.sessions))
    body, headers = signed(stripe_server.event("checkout.session.completed", stripe_server.pay(session_id)))
    assert client.post("/billing/stripe/webhook", data=body, headers=headers).json["outcome"] == "fulfilled"
    client.post("/account/logout")
    return job.id


def test_staff_refund_goes_through_stripe_removes_the_post_and_emails_the_employer(client, stripe_server, outbox):
    job_id = paid_post(client, stripe_server)
    staff = make_user("staff@careercenter.example", is_staff=True)
    login(client, staff.email)
    orders = client.get("/admin/orders").get_data(as_text=True)
    assert "North Clinic" in orders and "Coding Educator" in orders
    order_id = db.session.scalar(db.select(Order.id))
    page = client.post(f"/admin/orders/{order_id}/refund", follow_redirects=True)
    assert "refunded" in page.get_data(as_text=True)
    db.session.expire_all()
    order = db.session.get(Order, order_id)
    assert order.status == OrderStatus.REFUNDED and order.refund_id.startswith("re_")
    assert stripe_server.payment_intents[order.stripe_payment_intent_id]["refunded"] is True
    assert db.session.get(Job, job_id).status == JobStatus.REMOVED
    assert "Coding Educator" not in client.get("/jobs").get_data(as_text=True)
    mail = [m for m in outbox.messages(to="owner@clinic.example") if m.subject.startswith("Refund for order")]
    assert len(mail) == 1 and "$99.00" in mail[0].text and "no longer listed" in mail[0].text
    # Stripe's own charge.refunded event for the same refund arrives afterwards: nothing more happens.
    payment = db.session.scalar(db.select(Order.stripe_payment_intent_id))
    body, headers = signed(stripe_server.charge_refunded(payment))
    assert client.post("/billing/stripe/webhook", data=body, headers=headers).json["outcome"] == "already refunded"
    assert len([m for m in outbox.messages(to="owner@clinic.example") if m.subject.startswith("Refund")]) == 1


def test_refund_refused_by_stripe_changes_nothing(client, stripe_server):
    job_id = paid_post(client, stripe_server)
    staff = make_user(is_staff=True)
    login(client, staff.email)
    stripe_server.fail_next = 400
    order_id = db.session.scalar(db.select(Order.id))
    page = client.post(f"/admin/orders/{order_id}/refund", follow_redirects=True)
    assert "nothing changed" in page.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Order, order_id).status == OrderStatus.PAID
    assert db.session.get(Job, job_id).status == JobStatus.PUBLISHED


def test_staff_edit_a_price_and_bad_input_is_reshown(client):
    staff = make_user(is_staff=True)
    login(client, staff.email)
    standard = product()
    bad = client.post(f"/admin/products/{standard.id}", data={"name": "Standard", "price": "abc", "duration_days": "30", "active": "y"})
    assert bad.status_code == 422 and 'value="abc"' in bad.get_data(as_text=True)
    ok = client.post(f"/admin/products/{standard.id}", data={"name": "Standard", "description": "30 days",
                                                             "price": "129.00", "duration_days": "30", "active": "y"},
                     follow_redirects=True)
    assert "$129.00" in ok.get_data(as_text=True)
    db.session.expire_all()
    assert product().price_cents == 12900


def test_admin_pages_are_for_staff_only(client):
    owner, _ = make_employer()
    login(client, owner.email)
    for path in ("/admin/products", "/admin/orders", f"/admin/products/{product().id}"):
        assert client.get(path).status_code == 403
    assert client.post("/admin/orders/1/refund").status_code == 403
    client.post("/account/logout")
    assert client.get("/admin/orders").status_code == 302
