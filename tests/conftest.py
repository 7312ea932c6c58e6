"""Fixtures shared by the whole suite.

The suite runs on the database named by ``TEST_DATABASE_URL`` (a PostgreSQL
URL, or ``sqlite`` for the embedded default). With ``TEST_REDIS_URL`` set,
background work goes through Redis and a real RQ worker drains it; without it,
work runs inline after each commit, as in ``make run``.
"""

import os
import socket
from pathlib import Path

import pytest
import sqlalchemy as sa

from careercenter import create_app
from careercenter.extensions import db
from tests.support.database import prepare_database, wipe_database
from tests.support.mail import Outbox

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "sqlite")
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "")


def pytest_report_header(config):
    return [f"database: {TEST_DATABASE_URL}", f"redis: {TEST_REDIS_URL or 'none (inline jobs)'}"]


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch):
    """Fail any test that tries to reach a host other than this machine."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in {"127.0.0.1", "::1", "localhost", "0.0.0.0"} and self.family != socket.AF_UNIX:
            raise RuntimeError(f"test tried to reach {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    if TEST_DATABASE_URL in ("", "sqlite"):
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    else:
        url = TEST_DATABASE_URL
    prepare_database(url)
    return url


@pytest.fixture
def app_config(database_url, tmp_path):
    """Settings for the app under test; override in a module to change them."""
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret-key",
        "REDIS_URL": TEST_REDIS_URL,
        "SMTP_URL": "",
        "OUTBOX_DIR": str(tmp_path / "outbox"),
        "UPLOAD_DIR": str(tmp_path / "uploads"),
        "INSTANCE_DIR": str(tmp_path),
        "SITE_URL": "http://careercenter.test",
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "RATELIMIT_STORAGE_URI": "memory://",
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        "INLINE_TASKS_RAISE": True,
        "PAYMENT_GATEWAY": "offline",
    }


@pytest.fixture
def app(app_config):
    app = create_app(app_config)
    if app.config["REDIS_URL"]:
        from careercenter.queue import redis_connection

        redis_connection(app).flushdb()
    from careercenter.queue import site_request_context

    # A request context on SITE_URL, as background jobs and CLI commands get.
    with site_request_context(app):
        yield app
        db.session.remove()
        wipe_database(db.engine)
        db.engine.dispose()


@pytest.fixture
def client(app):
    # Test-client requests reuse the fixture's app context; load the signed-in user afresh on
    # each request, as production does with its per-request context.
    @app.before_request
    def _fresh_user():
        from flask import g

        g.pop("_login_user", None)

    return app.test_client()


@pytest.fixture
def run_jobs(app):
    """Run the background work queued so far, the way this configuration runs it."""
    from careercenter.queue import make_worker, run_ready, site_request_context

    def run():
        if app.config["REDIS_URL"]:
            make_worker(app, simple=True).work(burst=True)
        else:
            with site_request_context(app):
                run_ready()

    return run


@pytest.fixture
def outbox(app, run_jobs):
    return Outbox(Path(app.config["OUTBOX_DIR"]), run_jobs)


@pytest.fixture
def db_session(app):
    return db.session


def count(model, **filters):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).filter_by(**filters))


@pytest.fixture
def smtp_server():
    """A real SMTP server on a free port; point the app at it with ``smtp_server.url``."""
    from tests.support.smtp import SMTPServer

    server = SMTPServer().start()
    yield server
    server.stop()


@pytest.fixture
def live_server(app):
    """The app (with CSRF on, as in production) served on a free local port."""
    from tests.support.live_server import LiveServer

    app.config["WTF_CSRF_ENABLED"] = True
    server = LiveServer(app).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def stripe_server():
    """A local Stripe-compatible API the real ``stripe`` library talks to over HTTP."""
    from tests.support.stripe_server import StripeServer

    server = StripeServer().start()
    yield server
    server.stop()


@pytest.fixture
def stripe_config(stripe_server):
    """Settings that point the app's Stripe gateway at ``stripe_server``."""
    from tests.support.stripe_server import API_KEY, WEBHOOK_SECRET

    return {"PAYMENT_GATEWAY": "stripe", "STRIPE_SECRET_KEY": API_KEY, "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "STRIPE_API_BASE": stripe_server.url}


@pytest.fixture
def restore_products(app):
    """Products are reference data kept between tests: put back any price a test changed."""
    from careercenter.billing.models import Product

    saved = {p.id: (p.price_cents, p.duration_days, p.active, p.name) for p in db.session.scalars(db.select(Product))}
    yield
    db.session.rollback()
    for p in db.session.scalars(db.select(Product)):
        p.price_cents, p.duration_days, p.active, p.name = saved[p.id]
    db.session.commit()
