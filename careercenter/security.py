"""Security defaults applied to every response, and safe redirects."""

import secrets
from urllib.parse import urlsplit

from flask import g, request


def is_safe_next(target):
    """True when ``target`` is a path on this site (no scheme, no host, no backslash tricks)."""
    if not target or not isinstance(target, str):
        return False
    if "\\" in target or any(ord(c) < 32 for c in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//")


def safe_next(default="/"):
    """The ``next`` parameter if it stays on this site, else ``default``."""
    target = request.values.get("next")
    return target if is_safe_next(target) else default


def configure_security_headers(app):
    @app.before_request
    def _nonce():
        g.csp_nonce = secrets.token_urlsafe(16)

    @app.after_request
    def _headers(response):
        nonce = getattr(g, "csp_nonce", "")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            f"script-src 'self' 'nonce-{nonce}'; object-src 'none'; base-uri 'self'; "
            "form-action 'self' https://checkout.stripe.com; frame-ancestors 'none'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if app.config.get("PRODUCTION"):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response
