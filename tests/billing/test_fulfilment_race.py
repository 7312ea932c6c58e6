"""The webhook and the success page confirming the same order at the same moment publish once."""

import threading

from careercenter.billing.models import Order, OrderStatus
from careercenter.billing.services import fulfil_order
from careercenter.extensions import db
from careercenter.jobs.models import Job, JobStatus
from careercenter.queue import run_ready, site_request_context
from tests.support.billing_factories import make_draft, product
from tests.support.factories import make_employer


def test_two_confirmations_at_once_fulfil_once(app, outbox):
    user, company = make_employer("race@clinic.example")
    job = make_draft(company, user)
    order = Order(company_id=company.id, job_id=job.id, product_id=product().id, user_id=user.id, amount_cents=9900,
                  currency="usd", product_name="Standard", duration_days=30, gateway="offline",
                  stripe_session_id="offline_race")
    db.session.add(order)
    db.session.commit()
    order_id, job_id = order.id, job.id
    results, barrier = [], threading.Barrier(4)

    def confirm():
        with site_request_context(app):
            barrier.wait()
            results.append(fulfil_order(order_id, payment_intent="pi_race"))
            run_ready()  # what the end of a request does in the embedded default
            db.session.remove()

    threads = [threading.Thread(target=confirm) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(results) == ["already fulfilled"] * 3 + ["fulfilled"]
    db.session.expire_all()
    assert db.session.get(Order, order_id).status == OrderStatus.PAID
    assert db.session.get(Job, job_id).status == JobStatus.PUBLISHED
    receipts = [m for m in outbox.messages(to="race@clinic.example") if m.subject.startswith("Receipt")]
    assert len(receipts) == 1
