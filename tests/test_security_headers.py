"""Every response carries the security headers; session cookies are locked down."""

import pytest

from careercenter.config import load_config
from tests.support.factories import PASSWORD, make_user


@pytest.mark.parametrize("path", ["/", "/jobs", "/account/login", "/no-such-page"])
def test_security_headers_on_every_page(client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_inline_script_needs_the_per_request_nonce(client):
    first = client.get("/")
    second = client.get("/")
    nonce = first.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in first.get_data(as_text=True)
    assert nonce not in second.headers["Content-Security-Policy"]


def cookie(response, name):
    found = [h for h in response.headers.getlist("Set-Cookie") if h.startswith(name + "=")]
    assert found, f"no {name} cookie set"
    return found[0]


def test_session_and_remember_cookies_are_httponly_and_lax(client):
    make_user("ada@example.com")
    response = client.post("/account/login", data={"email": "ada@example.com", "password": PASSWORD, "remember": "y"})
    for name in ("session", "remember_token"):
        header = cookie(response, name)
        assert "HttpOnly" in header and "SameSite=Lax" in header
        assert "Secure" not in header  # plain http on the local default


def test_production_cookies_are_secure_and_hsts_is_sent(app, client):
    production = load_config({"CAREERCENTER_ENV": "production", "SECRET_KEY": "k", "STRIPE_SECRET_KEY": "sk"})
    app.config.update({k: v for k, v in production.items() if "COOKIE" in k or k == "PRODUCTION"})
    make_user("ada@example.com")
    response = client.post("/account/login", data={"email": "ada@example.com", "password": PASSWORD, "remember": "y"},
                           base_url="https://careercenter.test")
    for name in ("session", "remember_token"):
        header = cookie(response, name)
        assert "Secure" in header and "HttpOnly" in header and "SameSite=Lax" in header
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_https_site_url_alone_makes_cookies_secure():
    config = load_config({"SITE_URL": "https://jobs.example.org"})
    assert config["SESSION_COOKIE_SECURE"] and config["REMEMBER_COOKIE_SECURE"]
