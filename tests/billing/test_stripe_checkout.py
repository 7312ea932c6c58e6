"""Paying through Stripe: the real ``stripe`` library against a local Stripe-compatible
server, and webhook bodies signed with Stripe's real scheme."""

import pytest

from careercenter.billing.models import Order, OrderStatus, WebhookEvent
from careercenter.extensions import db
from careercenter.jobs.models import Job, JobStatus
from tests.conftest import count
from tests.support.billing_factories import make_draft, product
from tests.support.factories import login, make_employer, make_job
from tests.support.stripe_server import signed


@pytest.fixture
def app_config(app_config, stripe_config):
    return {**app_config, **stripe_config}


@pytest.fixture
def employer(client):
    user, company = make_employer("boss@clinic.example", company_name="Lakeside Clinic")
    login(client, user.email)
    return user, company


def start(client, job, code="standard-30"):
    response = client.post(f"/billing/checkout/{job.id}", data={"product": str(product(code).id)})
    assert response.status_code == 303, response.get_data(as_text=True)
    return response


def latest_order():
    db.session.expire_all()
    return db.session.scalar(db.select(Order).order_by(Order.id.desc()))


def post_event(client, event, **kw):
    body, headers = signed(event, **kw)
    return client.post("/billing/stripe/webhook", data=body, headers=headers)


def refreshed(job):
    db.session.expire_all()
    return db.session.get(Job, job.id)


def test_checkout_sends_the_server_price_and_webhook_publishes(client, employer, stripe_server, outbox):
    user, company = employer
    job = make_draft(company, user, title="Pro-fee Coder")
    response = start(client, job, "featured-30")
    session_id, session = next(iter(stripe_server.sessions.items()))
    assert response.headers["Location"] == session["url"]
    assert session["amount_total"] == 19900 and session["currency"] == "usd"
    assert session["metadata"]["order_id"] == str(latest_order().id)
    assert refreshed(job).status == JobStatus.PENDING_PAYMENT

    stripe_server.pay(session_id)
    reply = post_event(client, stripe_server.event("checkout.session.completed", stripe_server.sessions[session_id]))
    assert reply.status_code == 200
    job = refreshed(job)
    assert job.status == JobStatus.PUBLISHED and job.is_featured and job.is_live
    order = latest_order()
    assert order.status == OrderStatus.PAID and order.stripe_payment_intent_id.startswith("pi_")
    subjects = [m.subject for m in outbox.messages(to=user.email)]
    assert any(s.startswith("Receipt for order") and "$199.00" in s for s in subjects)
    assert "Your post is live: Pro-fee Coder" in subjects
    assert "Pro-fee Coder" in client.get("/jobs").get_data(as_text=True)


def test_success_page_fulfils_when_the_webhook_is_late_and_the_webhook_then_changes_nothing(client, employer, stripe_server, outbox):
    user, company = employer
    job = make_draft(company, user)
    start(client, job)
    session_id = next(iter(stripe_server.sessions))
    stripe_server.pay(session_id)
    order = latest_order()
    page = client.get(f"/billing/orders/{order.id}/success?session_id={session_id}")
    assert "your post is live" in page.get_data(as_text=True)
    assert refreshed(job).status == JobStatus.PUBLISHED
    expires = refreshed(job).expires_at

    reply = post_event(client, stripe_server.event("checkout.session.completed", stripe_server.sessions[session_id]))
    assert reply.status_code == 200 and reply.json["outcome"] == "already fulfilled"
    assert refreshed(job).expires_at == expires
    receipts = [m for m in outbox.messages(to=user.email) if m.subject.startswith("Receipt")]
    assert len(receipts) == 1


def test_replayed_event_is_answered_200_and_ignored(client, employer, stripe_server, outbox):
    user, company = employer
    job = make_draft(company, user)
    start(client, job)
    session_id = next(iter(stripe_server.sessions))
    stripe_server.pay(session_id)
    event = stripe_server.event("checkout.session.completed", stripe_server.sessions[session_id])
    assert post_event(client, event).json["outcome"] == "fulfilled"
    again = post_event(client, event)
    assert again.status_code == 200 and again.json["outcome"] == "duplicate"
    assert count(WebhookEvent) == 1
    assert len([m for m in outbox.messages(to=user.email) if m.subject.startswith("Receipt")]) == 1


@pytest.mark.parametrize("problem", ["wrong secret", "tampered body", "no header", "too old"])
def test_badly_signed_event_gets_400_and_changes_nothing(client, employer, stripe_server, problem):
    user, company = employer
    job = make_draft(company, user)
    start(client, job)
    session_id = next(iter(stripe_server.sessions))
    stripe_server.pay(session_id)
    event = stripe_server.event("checkout.session.completed", stripe_server.sessions[session_id])
    if problem == "wrong secret":
        body, headers = signed(event, secret="whsec_someone_else")
    elif problem == "too old":
        import time

        body, headers = signed(event, timestamp=int(time.time()) - 3600)
    else:
        body, headers = signed(event)
    if problem == "tampered body":
        body = body.replace('"unpaid"', '"paid"').replace('"usd"', '"eur"')
    if problem == "no header":
        headers.pop("Stripe-Signature")
    reply = client.post("/billing/stripe/webhook", data=body, headers=headers)
    assert reply.status_code == 400
    assert refreshed(job).status == JobStatus.PENDING_PAYMENT
    assert latest_order().status == OrderStatus.PENDING
    assert count(WebhookEvent) == 0


def test_events_that_are_not_ours_and_unknown_types_are_ignored(client, employer, stripe_server):
    foreign = {"id": "cs_test_elsewhere", "object": "checkout.session", "payment_status": "paid", "status": "complete",
               "metadata": {}, "amount_total": 100, "currency": "usd"}
    assert post_event(client, stripe_server.event("checkout.session.completed", foreign)).json["outcome"] == "not ours"
    assert post_event(client, stripe_server.event("customer.created", {"id": "cus_1"})).json["outcome"] == "ignored"
    assert count(Order) == 0


def test_out_of_order_expired_after_completed_leaves_the_post_published(client, employer, stripe_server):
    user, company = employer
    job = make_draft(company, user)
    start(client, job)
    session_id = next(iter(stripe_server.sessions))
    paid = dict(stripe_server.pay(session_id))
    expired = dict(paid, status="expired", payment_status="unpaid")
    post_event(client, stripe_server.event("checkout.session.completed", paid))
    reply = post_event(client, stripe_server.event("checkout.session.expired", expired))
    assert reply.json["outcome"] == "no change"
    assert refreshed(job).status == JobStatus.PUBLISHED
    assert latest_order().status == OrderStatus.PAID


def test_refund_overtaking_completion_keeps_the_post_off_the_board(client, employer, stripe_server):
    user, company = employer
    job = make_draft(company, user)
    start(client, job)
    session_id = next(iter(stripe_server.sessions))
    session = stripe_server.pay(session_id)
    refund_event = stripe_server.charge_refunded(session["payment_intent"])
    assert post_event(client, refund_event).json["outcome"] == "refunded"
    assert post_event(client, stripe_server.event("checkout.session.completed", session)).json["outcome"] == "already fulfilled"
    assert refreshed(job).status == JobStatus.REMOVED
    assert latest_order().status == OrderStatus.REFUNDED


def test_async_payment_waits_then_publishes_or_returns_to_draft(client, employer, stripe_server):
    user, company = employer
    job = make_draft(company, user)
    start(client, job)
    session_id = next(iter(stripe_server.sessions))
    pending = stripe_server.pay(session_id, payment_status="unpaid")
    assert post_event(client, stripe_server.event("checkout.session.completed", pending)).json["outcome"] == "awaiting payment"
    assert refreshed(job).status == JobStatus.PENDING_PAYMENT
    page = client.get(f"/billing/orders/{latest_order().id}/success")
    assert "waiting for your payment" in page.get_data(as_text=True)

    other = make_draft(company, user, title="Second post")
    start(client, other)
    second_id = list(stripe_server.sessions)[1]
    failed = stripe_server.pay(second_id, payment_status="unpaid")
    assert post_event(client, stripe_server.event("checkout.session.async_payment_failed", failed)).json["outcome"] == "payment failed"
    assert refreshed(other).status == JobStatus.DRAFT

    stripe_server.sessions[session_id]["payment_status"] = "paid"
    ok = post_event(client, stripe_server.event("checkout.session.async_payment_succeeded", stripe_server.sessions[session_id]))
    assert ok.json["outcome"] == "fulfilled"
    assert refreshed(job).status == JobStatus.PUBLISHED


def test_abandoned_checkout_leaves_a_draft_with_resume_payment(client, employer, stripe_server):
    user, company = employer
    job = make_draft(company, user, title="Abandoned post")
    start(client, job)
    session_id = next(iter(stripe_server.sessions))
    order = latest_order()
    back = client.get(f"/billing/orders/{order.id}/cancel", follow_redirects=True)
    text = back.get_data(as_text=True)
    assert "nothing was charged" in text and "Resume payment" in text
    assert refreshed(job).status == JobStatus.DRAFT
    # The cancelled checkout is closed at Stripe and shown as cancelled in Billing.
    assert stripe_server.sessions[session_id]["status"] == "expired"
    assert latest_order().status == OrderStatus.CANCELLED
    history = client.get("/billing/").get_data(as_text=True)
    assert "Cancelled" in history and "Pending" not in history
    # Stripe's expiry event for it changes nothing; paying again opens a new checkout.
    post_event(client, stripe_server.event("checkout.session.expired", stripe_server.sessions[session_id]))
    assert refreshed(job).status == JobStatus.DRAFT and latest_order().status == OrderStatus.CANCELLED
    again = start(client, job)
    assert again.headers["Location"] != stripe_server.sessions[session_id]["url"]
    assert count(Order) == 2 and len(stripe_server.sessions) == 2
    dashboard = client.get("/employer/").get_data(as_text=True)
    assert "Abandoned post" in dashboard and "Resume payment" in dashboard


def test_a_new_checkout_replaces_the_open_one_and_a_late_payment_of_the_old_one_is_refunded(
        client, employer, stripe_server, outbox):
    user, company = employer
    job = make_draft(company, user, title="Two tabs")
    start(client, job, "standard-30")
    first = latest_order()
    first_session = first.stripe_session_id
    start(client, job, "featured-30")
    second = latest_order()
    db.session.expire_all()
    assert db.session.get(Order, first.id).status == OrderStatus.SUPERSEDED
    assert stripe_server.sessions[first_session]["status"] == "expired"
    history = client.get("/billing/").get_data(as_text=True)
    assert history.count("Pending") == 1 and "replaced by a newer checkout" in history
    # The new checkout is paid, then a payment of the replaced one still arrives: refunded, not lost.
    post_event(client, stripe_server.event("checkout.session.completed", stripe_server.pay(second.stripe_session_id)))
    late = stripe_server.pay(first_session)
    reply = post_event(client, stripe_server.event("checkout.session.completed", late))
    assert reply.json["outcome"] == "fulfilled"
    db.session.expire_all()
    old = db.session.get(Order, first.id)
    assert old.status == OrderStatus.REFUNDED and stripe_server.payment_intents[old.stripe_payment_intent_id]["refunded"]
    assert refreshed(job).status == JobStatus.PUBLISHED and refreshed(job).is_featured


def test_expiring_a_session_stripe_already_closed_is_best_effort(client, employer, stripe_server):
    user, company = employer
    job = make_draft(company, user)
    start(client, job, "standard-30")
    first = latest_order()
    stripe_server.expire(first.stripe_session_id)  # Stripe refuses to expire it again
    start(client, job, "featured-30")
    assert count(Order) == 2
    db.session.expire_all()
    assert db.session.get(Order, first.id).status == OrderStatus.SUPERSEDED


def test_paying_twice_for_the_same_post_refunds_the_second_payment(client, employer, stripe_server, outbox):
    user, company = employer
    job = make_draft(company, user)
    start(client, job, "standard-30")
    start(client, job, "featured-30")  # a second tab, another product: a second session
    first_id, second_id = list(stripe_server.sessions)
    post_event(client, stripe_server.event("checkout.session.completed", stripe_server.pay(first_id)))
    expires = refreshed(job).expires_at
    reply = post_event(client, stripe_server.event("checkout.session.completed", stripe_server.pay(second_id)))
    assert reply.json["outcome"] == "fulfilled"
    second = latest_order()
    assert second.status == OrderStatus.REFUNDED and second.kind == "duplicate"
    payment = second.stripe_payment_intent_id
    assert stripe_server.payment_intents[payment]["refunded"] is True
    assert refreshed(job).status == JobStatus.PUBLISHED and refreshed(job).expires_at == expires
    email, job_id = user.email, job.id
    assert any(m.subject.startswith("Refund for order") for m in outbox.messages(to=email))
    # Stripe's charge.refunded for that automatic refund does not take the post down.
    post_event(client, stripe_server.charge_refunded(payment))
    db.session.expire_all()
    assert db.session.get(Job, job_id).status == JobStatus.PUBLISHED


def test_price_changed_between_checkout_and_webhook_keeps_the_checkout_price(client, employer, stripe_server, outbox):
    user, company = employer
    job = make_draft(company, user)
    start(client, job)
    standard = product()
    standard.price_cents = 14900
    db.session.commit()
    session_id = next(iter(stripe_server.sessions))
    post_event(client, stripe_server.event("checkout.session.completed", stripe_server.pay(session_id)))
    order = latest_order()
    assert order.status == OrderStatus.PAID and order.amount_cents == 9900
    assert refreshed(job).status == JobStatus.PUBLISHED
    assert any("$99.00" in m.subject for m in outbox.messages(to=user.email))
    other = make_draft(company, user, title="Next post")
    start(client, other)
    assert stripe_server.sessions[list(stripe_server.sessions)[1]]["amount_total"] == 14900


def test_session_paid_a_different_amount_is_not_fulfilled(client, employer, stripe_server):
    user, company = employer
    job = make_draft(company, user)
    start(client, job)
    session_id = next(iter(stripe_server.sessions))
    session = dict(stripe_server.pay(session_id), amount_total=100)
    assert post_event(client, stripe_server.event("checkout.session.completed", session)).json["outcome"] == "amount mismatch"
    assert refreshed(job).status == JobStatus.PENDING_PAYMENT


def test_renewing_a_live_post_extends_it(client, employer, stripe_server):
    user, company = employer
    job = make_job(company, days_left=3, created_by_id=user.id)
    before = job.expires_at
    start(client, job)
    assert latest_order().kind == "renew"
    session_id = next(iter(stripe_server.sessions))
    post_event(client, stripe_server.event("checkout.session.completed", stripe_server.pay(session_id)))
    after = refreshed(job).expires_at
    assert 29 <= (after - before).days <= 31


def test_gateway_down_shows_a_message_and_keeps_the_draft(client, employer, stripe_server):
    user, company = employer
    job = make_draft(company, user)
    stripe_server.fail_next = 500
    stripe_server.fail_next = 400  # not retried by the library
    page = client.post(f"/billing/checkout/{job.id}", data={"product": str(product().id)})
    assert page.status_code == 422
    assert "could not reach the payment service" in page.get_data(as_text=True)
    assert refreshed(job).status == JobStatus.DRAFT and count(Order) == 0


def test_webhook_needs_no_csrf_token(app, client, employer, stripe_server):
    app.config["WTF_CSRF_ENABLED"] = True
    user, company = employer
    job = make_draft(company, user)
    app.config["WTF_CSRF_ENABLED"] = False
    start(client, job)
    app.config["WTF_CSRF_ENABLED"] = True
    session_id = next(iter(stripe_server.sessions))
    reply = post_event(client, stripe_server.event("checkout.session.completed", stripe_server.pay(session_id)))
    assert reply.status_code == 200 and reply.json["outcome"] == "fulfilled"
    # Employer forms still demand the token.
    assert client.post(f"/employer/jobs/{job.id}/close").status_code == 400
