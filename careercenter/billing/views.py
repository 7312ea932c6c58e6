from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_login import current_user

from ..employers.access import member_required, own_or_404
from ..extensions import csrf, db
from ..jobs.models import Job, JobStatus
from . import services
from .forms import ActionForm, CheckoutForm
from .gateway import GatewayError, InvalidEvent, OfflineGateway, get_gateway
from .models import FULFILLABLE, Order, OrderStatus, Product
from .webhooks import handle_event

bp = Blueprint("billing", __name__, url_prefix="/billing")

GATEWAY_TROUBLE = "We could not reach the payment service. Nothing was charged; please try again in a minute."


def _order(order_id):
    return own_or_404(db.session.get(Order, order_id))


@bp.route("/checkout/<int:job_id>", methods=["GET", "POST"])
@member_required
def checkout(job_id):
    job = own_or_404(db.session.get(Job, job_id))
    products = db.session.scalars(Product.available()).all()
    form = CheckoutForm(products)
    try:
        kind = services.order_kind(job)
    except services.CheckoutRefused as exc:
        flash(str(exc), "warning")
        return redirect(url_for("employers.dashboard"))
    if form.validate_on_submit():
        product = db.session.get(Product, int(form.product.data))
        if product is None or not product.active:
            form.product.errors = ["That product is no longer on sale. Choose another."]
        else:
            try:
                target = services.start_checkout(job, product, user=current_user)
            except GatewayError:
                current_app.logger.exception("checkout for job %s failed", job.id)
                flash(GATEWAY_TROUBLE, "danger")
            else:
                return redirect(target, code=303)
    return render_template("billing/checkout.html", form=form, job=job, kind=kind, products=products), \
        200 if request.method == "GET" else 422


@bp.route("/orders/<int:order_id>/success")
@member_required
def success(order_id):
    order = _order(order_id)
    if order.status in FULFILLABLE and order.stripe_session_id:
        # The webhook may not have arrived yet: ask the gateway and fulfil here (idempotent either way).
        try:
            session = get_gateway().retrieve_checkout(order.stripe_session_id)
        except GatewayError:
            current_app.logger.exception("could not read checkout for order %s", order.id)
        else:
            if session.is_paid:
                services.fulfil_from_session(order, session)
        db.session.refresh(order)
    return render_template("billing/success.html", order=order, job=order.job, JobStatus=JobStatus, OrderStatus=OrderStatus)


@bp.route("/orders/<int:order_id>/cancel")
@member_required
def cancel(order_id):
    order = _order(order_id)
    if services.cancel_checkout(order):
        flash("Payment cancelled — nothing was charged. Your post is saved; resume payment when you are ready.", "info")
    if order.job is None:
        return redirect(url_for("employers.dashboard"))
    return redirect(url_for("posts.preview", job_id=order.job_id))


@bp.route("/offline/<int:order_id>", methods=["GET", "POST"])
@member_required
def offline_checkout(order_id):
    """The embedded default's stand-in for Stripe Checkout."""
    try:
        gateway = get_gateway()
    except GatewayError:
        abort(404)
    if not isinstance(gateway, OfflineGateway):
        abort(404)
    order = _order(order_id)
    form = ActionForm()
    refused = services.WITHDRAWN_MESSAGE.get(order.status)
    if form.validate_on_submit():
        if request.form.get("action") == "cancel":
            return redirect(url_for("billing.cancel", order_id=order.id))
        try:
            services.pay_offline(order)
        except services.CheckoutRefused as exc:
            return render_template("billing/offline_checkout.html", order=order, form=form, refused=str(exc)), 409
        return redirect(url_for("billing.success", order_id=order.id))
    return render_template("billing/offline_checkout.html", order=order, form=form, refused=refused)


@bp.route("/")
@member_required
def history():
    orders = db.session.scalars(
        db.select(Order).filter_by(company_id=g.company.id).order_by(Order.id.desc())
    ).all()
    return render_template("billing/history.html", orders=orders, company=g.company, OrderStatus=OrderStatus)


@bp.route("/orders/<int:order_id>")
@member_required
def receipt(order_id):
    order = _order(order_id)
    return render_template("billing/receipt.html", order=order, company=g.company, OrderStatus=OrderStatus)


@bp.route("/stripe/webhook", methods=["POST"])
@csrf.exempt
def stripe_webhook():
    """Signed events from Stripe: 400 and no change when the signature is wrong."""
    try:
        gateway = get_gateway()
        event = gateway.parse_event(request.get_data(cache=False), request.headers.get("Stripe-Signature"))
    except (InvalidEvent, GatewayError) as exc:
        current_app.logger.warning("rejected webhook: %s", exc)
        return {"error": "invalid signature"}, 400
    outcome = handle_event(event)
    return {"received": True, "outcome": outcome}, 200
