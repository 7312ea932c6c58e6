import pytest

from careercenter import create_app
from careercenter.config import ConfigError, DEV_SECRET_KEY, load_config


def test_factory_takes_a_config_mapping(database_url):
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SITE_URL": "https://jobs.example.org"})
    assert app.config["SITE_URL"] == "https://jobs.example.org"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == database_url


def test_environment_defaults_are_the_embedded_stack():
    config = load_config({})
    assert config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
    assert config["REDIS_URL"] == ""
    assert config["PAYMENT_GATEWAY"] == "offline"
    assert config["SMTP_URL"] == ""


def test_postgres_urls_get_the_psycopg_driver():
    config = load_config({"DATABASE_URL": "postgres://u@db/cc"})
    assert config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db/cc"


@pytest.mark.parametrize(
    "env, problem",
    [
        ({"CAREERCENTER_ENV": "production", "STRIPE_SECRET_KEY": "sk", "STRIPE_WEBHOOK_SECRET": "wh"}, "SECRET_KEY"),
        ({"CAREERCENTER_ENV": "production", "SECRET_KEY": "s3cret-enough"}, "offline payment gateway"),
        ({"CAREERCENTER_ENV": "production", "SECRET_KEY": DEV_SECRET_KEY, "PAYMENT_GATEWAY": "offline"}, "SECRET_KEY"),
    ],
)
def test_production_refuses_development_defaults(env, problem):
    with pytest.raises(ConfigError, match=problem):
        create_app(load_config(env))


def test_production_starts_with_real_settings(database_url):
    env = {"CAREERCENTER_ENV": "production", "SECRET_KEY": "a-long-random-production-key",
           "STRIPE_SECRET_KEY": "sk_live_x", "STRIPE_WEBHOOK_SECRET": "whsec_x", "DATABASE_URL": database_url}
    app = create_app(load_config(env))
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["PAYMENT_GATEWAY"] == "stripe"
