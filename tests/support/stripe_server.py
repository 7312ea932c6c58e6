"""A small Stripe-compatible HTTP server for tests, answering the calls the real
``stripe`` library makes: Checkout Sessions (create/retrieve), refunds and
payment intents. It also builds events, signed the way Stripe signs them.
"""

import itertools
import json
import time

import stripe
from werkzeug.wrappers import Request, Response

from tests.support.live_server import LiveServer

WEBHOOK_SECRET = "whsec_test_secret"
API_KEY = "sk_test_local"


def _unflatten(form):
    """Stripe's form encoding (``a[b][0][c]=v``) back into nested dicts."""
    out = {}
    for key, value in form.items(multi=False) if hasattr(form, "items") else form:
        parts = key.replace("]", "").split("[")
        node = out
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return out


class StripeServer(LiveServer):
    def __init__(self):
        self.sessions = {}
        self.payment_intents = {}
        self.refunds = {}
        self.requests = []
        self.fail_next = None
        self._ids = itertools.count(1)
        super().__init__(self._wsgi)

    def _id(self, prefix):
        return f"{prefix}_test_{next(self._ids):06d}"

    # --- HTTP -----------------------------------------------------------------------
    def _wsgi(self, environ, start_response):
        request = Request(environ)
        self.requests.append((request.method, request.path))
        if request.headers.get("Authorization") != f"Bearer {API_KEY}":
            return self._json({"error": {"type": "invalid_request_error", "message": "Invalid API Key"}}, 401)(environ, start_response)
        if self.fail_next:
            status, self.fail_next = self.fail_next, None
            return self._json({"error": {"type": "api_error", "message": "Something went wrong"}}, status)(environ, start_response)
        params = _unflatten(request.form)
        path = request.path.rstrip("/")
        if request.method == "POST" and path == "/v1/checkout/sessions":
            response = self._create_session(params)
        elif request.method == "POST" and path.startswith("/v1/checkout/sessions/") and path.endswith("/expire"):
            response = self._expire_session(path.split("/")[-2])
        elif request.method == "GET" and path.startswith("/v1/checkout/sessions/"):
            response = self._get(self.sessions, path.rsplit("/", 1)[1])
        elif request.method == "POST" and path == "/v1/refunds":
            response = self._create_refund(params)
        elif request.method == "GET" and path.startswith("/v1/payment_intents/"):
            response = self._get(self.payment_intents, path.rsplit("/", 1)[1])
        else:
            response = self._json({"error": {"type": "invalid_request_error", "message": f"Unrecognized request URL ({request.method}: {path})"}}, 404)
        return response(environ, start_response)

    def _json(self, data, status=200):
        return Response(json.dumps(data), status=status, mimetype="application/json")

    def _get(self, store, key):
        if key not in store:
            return self._json({"error": {"type": "invalid_request_error", "message": f"No such object: '{key}'"}}, 404)
        return self._json(store[key])

    def _create_session(self, params):
        item = params["line_items"]["0"]
        price = item["price_data"]
        sid = self._id("cs")
        session = {
            "id": sid, "object": "checkout.session", "mode": params.get("mode"),
            "url": f"https://checkout.stripe.test/pay/{sid}", "status": "open", "payment_status": "unpaid",
            "amount_total": int(price["unit_amount"]) * int(item.get("quantity", 1)), "currency": price["currency"],
            "client_reference_id": params.get("client_reference_id"), "metadata": params.get("metadata", {}),
            "payment_intent": None, "success_url": params["success_url"], "cancel_url": params["cancel_url"],
            "customer_email": params.get("customer_email"), "line_items_name": price["product_data"]["name"],
            "payment_intent_data": params.get("payment_intent_data", {}),
        }
        self.sessions[sid] = session
        return self._json(session)

    def _expire_session(self, sid):
        session = self.sessions.get(sid)
        if session is None:
            return self._json({"error": {"type": "invalid_request_error", "message": f"No such checkout.session: '{sid}'"}}, 404)
        if session["status"] != "open":
            return self._json({"error": {"type": "invalid_request_error",
                                         "message": "Only Checkout Sessions with a status in [\"open\"] can be expired."}}, 400)
        session.update(status="expired")
        return self._json(session)

    def _create_refund(self, params):
        pi = self.payment_intents.get(params.get("payment_intent"))
        if pi is None:
            return self._json({"error": {"type": "invalid_request_error", "message": "No such payment_intent"}}, 404)
        refund = {"id": self._id("re"), "object": "refund", "payment_intent": pi["id"], "amount": pi["amount"], "status": "succeeded"}
        pi["refunded"] = True
        self.refunds[refund["id"]] = refund
        return self._json(refund)

    # --- what a customer or Stripe does -----------------------------------------------
    def pay(self, session_id, *, payment_status="paid"):
        """The customer completes the checkout; returns the session."""
        session = self.sessions[session_id]
        pi = self._id("pi")
        self.payment_intents[pi] = {"id": pi, "object": "payment_intent", "amount": session["amount_total"],
                                    "currency": session["currency"], "status": "succeeded",
                                    "metadata": session["payment_intent_data"].get("metadata", {}), "refunded": False}
        session.update(status="complete", payment_status=payment_status, payment_intent=pi)
        return session

    def expire(self, session_id):
        self.sessions[session_id].update(status="expired")
        return self.sessions[session_id]

    def event(self, type_, obj, event_id=None):
        return {"id": event_id or self._id("evt"), "object": "event", "type": type_, "created": int(time.time()),
                "data": {"object": dict(obj)}, "livemode": False, "api_version": "2024-06-20"}

    def charge_refunded(self, payment_intent_id):
        pi = self.payment_intents[payment_intent_id]
        charge = {"id": self._id("ch"), "object": "charge", "payment_intent": pi["id"], "amount": pi["amount"],
                  "amount_refunded": pi["amount"], "refunded": True, "metadata": pi["metadata"]}
        return self.event("charge.refunded", charge)


def signed(event, secret=WEBHOOK_SECRET, timestamp=None):
    """``(body, headers)`` for posting ``event`` to the webhook, signed with Stripe's real scheme."""
    body = json.dumps(event)
    header = stripe.WebhookSignature.generate_signature_header(body, secret, timestamp=timestamp)
    return body, {"Stripe-Signature": header, "Content-Type": "application/json"}
