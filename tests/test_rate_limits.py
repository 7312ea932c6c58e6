"""Sign-in, registration and password reset slow down guessing with a clear 429 page."""

import html

import pytest

from tests.support.factories import PASSWORD, make_user


@pytest.fixture
def app_config(app_config):
    return {**app_config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://"}


def text(response):
    return html.unescape(response.get_data(as_text=True))


def hammer(client, path, data, times):
    return [client.post(path, data=data).status_code for _ in range(times)]


def test_login_is_limited_after_ten_tries_a_minute(client):
    make_user("ada@example.com")
    codes = hammer(client, "/account/login", {"email": "ada@example.com", "password": "guess guess guess"}, 10)
    assert codes == [422] * 10
    response = client.post("/account/login", data={"email": "ada@example.com", "password": PASSWORD})
    assert response.status_code == 429
    page = text(response)
    assert "Too many attempts. Please wait a minute and try again." in page
    assert "Retry-After" in response.headers or "X-RateLimit-Reset" in response.headers


def test_registration_is_limited(client):
    data = {"account_type": "seeker", "name": "", "email": "x@example.com", "password": "", "confirm": ""}
    assert set(hammer(client, "/account/register", data, 10)) == {422}
    response = client.post("/account/register", data=data)
    assert response.status_code == 429 and "Too many attempts" in text(response)


def test_reset_requests_are_limited(client, outbox):
    make_user("ada@example.com")
    assert set(hammer(client, "/account/reset", {"email": "ada@example.com"}, 5)) == {302}
    response = client.post("/account/reset", data={"email": "ada@example.com"})
    assert response.status_code == 429 and "Too many attempts" in text(response)
    assert len(outbox.messages(to="ada@example.com")) == 5


def test_reading_pages_is_not_limited(client):
    assert {client.get("/account/login").status_code for _ in range(30)} == {200}


def test_rate_limit_answers_json_to_json_clients(client):
    hammer(client, "/account/reset", {"email": "a@example.com"}, 5)
    response = client.post("/account/reset", data={"email": "a@example.com"}, headers={"Accept": "application/json"})
    assert response.status_code == 429 and response.get_json()["error"]["code"] == 429
