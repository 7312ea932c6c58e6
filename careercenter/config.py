"""Settings read from the environment, with safe local defaults.

This is the only module that reads ``os.environ``. ``load_config()`` returns a
plain dict; ``create_app(config)`` lays any mapping over it, which is how tests
and tools pick a database or a mail backend.
"""

import os
from pathlib import Path

DEV_SECRET_KEY = "dev-only-secret-key-change-me"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = PROJECT_ROOT / "instance"


def _bool(value, default=False):
    if value is None or value == "":
        return default
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


def load_config(env=None):
    """Return the settings as a dict read from ``env`` (default ``os.environ``)."""
    env = os.environ if env is None else env
    instance = Path(env.get("INSTANCE_DIR") or INSTANCE_DIR)
    production = env.get("CAREERCENTER_ENV", "development") == "production"
    site_url = env.get("SITE_URL", "http://127.0.0.1:5000").rstrip("/")
    return {
        "ENV_NAME": "production" if production else "development",
        "PRODUCTION": production,
        "SECRET_KEY": env.get("SECRET_KEY", DEV_SECRET_KEY),
        "INSTANCE_DIR": str(instance),
        "SQLALCHEMY_DATABASE_URI": _database_url(env, instance),
        "REDIS_URL": env.get("REDIS_URL", ""),
        "RQ_QUEUES": ["default", "emails"],
        "SMTP_URL": env.get("SMTP_URL", ""),
        "OUTBOX_DIR": env.get("OUTBOX_DIR", str(instance / "outbox")),
        "MAIL_FROM": env.get("MAIL_FROM", "CareerCenter <no-reply@careercenter.example>"),
        "ALERTS_FROM": env.get("ALERTS_FROM", "CareerCenter Alerts <alerts@careercenter.example>"),
        "UPLOAD_DIR": env.get("UPLOAD_DIR", str(instance / "uploads")),
        "SITE_URL": site_url,
        "SITE_NAME": env.get("SITE_NAME", "CareerCenter"),
        "TIMEZONE": env.get("TIMEZONE", "America/New_York"),
        "PAYMENT_GATEWAY": env.get("PAYMENT_GATEWAY", "stripe" if env.get("STRIPE_SECRET_KEY") else "offline"),
        "STRIPE_SECRET_KEY": env.get("STRIPE_SECRET_KEY", ""),
        "STRIPE_WEBHOOK_SECRET": env.get("STRIPE_WEBHOOK_SECRET", ""),
        "STRIPE_API_BASE": env.get("STRIPE_API_BASE", ""),
        "CURRENCY": env.get("CURRENCY", "usd"),
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI") or env.get("REDIS_URL") or "memory://",
        "RATELIMIT_ENABLED": _bool(env.get("RATELIMIT_ENABLED"), True),
        "RATELIMIT_HEADERS_ENABLED": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production or site_url.startswith("https://"),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": production or site_url.startswith("https://"),
        "MAX_CONTENT_LENGTH": 8 * 1024 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,
        "PASSWORD_HASH_METHOD": env.get("PASSWORD_HASH_METHOD", "scrypt"),
        "JOBS_PER_PAGE": 20,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    }


def _database_url(env, instance):
    url = env.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{instance / 'careercenter.sqlite3'}"
    # Hosting platforms still hand out postgres:// URLs; SQLAlchemy wants the driver spelled out.
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://"):]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


class ConfigError(RuntimeError):
    """The settings are unsafe for the mode the app runs in."""


def check_production(config):
    """Refuse to run production with development defaults."""
    if not config.get("PRODUCTION"):
        return
    problems = []
    if config.get("SECRET_KEY") in (None, "", DEV_SECRET_KEY):
        problems.append("SECRET_KEY is the development key")
    if config.get("PAYMENT_GATEWAY") != "stripe":
        problems.append("the offline payment gateway is not allowed in production")
    if not config.get("STRIPE_WEBHOOK_SECRET") and config.get("PAYMENT_GATEWAY") == "stripe":
        problems.append("STRIPE_WEBHOOK_SECRET is not set")
    if problems:
        raise ConfigError("Refusing to start in production: " + "; ".join(problems))
