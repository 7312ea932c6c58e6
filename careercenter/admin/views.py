"""Staff pages for products and prices, orders and refunds; lists.py adds the home page and lists."""

from decimal import Decimal

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for

from ..accounts.access import staff_required
from ..billing.forms import ActionForm, ProductForm
from ..billing.gateway import GatewayError
from ..billing.models import Order, OrderStatus, Product
from ..billing.services import refund_order
from ..extensions import db
from ..pagination import page_number

bp = Blueprint("admin", __name__, url_prefix="/admin")

ORDERS_PER_PAGE = 50


@bp.route("/products")
@staff_required
def products():
    rows = db.session.scalars(db.select(Product).order_by(Product.sort_order, Product.id)).all()
    return render_template("admin/products.html", products=rows)


@bp.route("/products/<int:product_id>", methods=["GET", "POST"])
@staff_required
def edit_product(product_id):
    product = db.session.get(Product, product_id) or abort(404)
    form = ProductForm(obj=product, price=Decimal(product.price_cents) / 100) if request.method == "GET" else ProductForm()
    if form.validate_on_submit():
        product.name = form.name.data
        product.description = form.description.data or ""
        product.price_cents = int((form.price.data * 100).to_integral_value())
        product.duration_days = form.duration_days.data
        product.active = form.active.data
        db.session.commit()
        flash(f"{product.name} saved. New checkouts use the new price; orders already started keep theirs.", "success")
        return redirect(url_for("admin.products"))
    return render_template("admin/product_edit.html", form=form, product=product), 200 if request.method == "GET" else 422


@bp.route("/orders")
@staff_required
def orders():
    status = request.args.get("status", "")
    query = db.select(Order).order_by(Order.id.desc())
    if status in set(OrderStatus):
        query = query.filter_by(status=status)
    page = db.paginate(query, page=page_number(), per_page=ORDERS_PER_PAGE, error_out=False)
    return render_template("admin/orders.html", page=page, status=status, statuses=list(OrderStatus),
                           form=ActionForm(), OrderStatus=OrderStatus,
                           page_url=lambda n: url_for("admin.orders", status=status or None, page=n))


@bp.route("/orders/<int:order_id>/refund", methods=["POST"])
@staff_required
def refund(order_id):
    order = db.session.get(Order, order_id) or abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        refund_order(order)
    except ValueError as exc:
        flash(str(exc), "warning")
    except GatewayError:
        current_app.logger.exception("refund of order %s failed", order.id)
        flash("The payment service refused the refund or could not be reached; nothing changed.", "danger")
    else:
        flash(f"Order {order.number} refunded; the post is taken down and the employer emailed.", "success")
    return redirect(url_for("admin.orders"))


from . import lists  # noqa: E402,F401  (the staff home and lists live on the same blueprint)
