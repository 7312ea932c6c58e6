"""With CSRF protection on (as in production), a form without its token is refused clearly."""

import html
import re

import pytest

from careercenter.accounts.models import User
from tests.conftest import count
from tests.support.factories import PASSWORD, make_user


@pytest.fixture
def app_config(app_config):
    return {**app_config, "WTF_CSRF_ENABLED": True}


def token_from(page):
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


@pytest.mark.parametrize("path, data", [
    ("/account/login", {"email": "ada@example.com", "password": PASSWORD}),
    ("/account/register", {"account_type": "seeker", "name": "Ada", "email": "new@example.com",
                           "password": PASSWORD, "confirm": PASSWORD}),
    ("/account/reset", {"email": "ada@example.com"}),
    ("/account/logout", {}),
])
def test_form_without_token_is_refused_with_a_clear_message(client, path, data):
    make_user("ada@example.com")
    response = client.post(path, data=data)
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert "Your form expired or was sent from another page. Go back, reload it and try again." in page
    assert count(User) == 1


def test_form_with_a_forged_token_is_refused(client):
    make_user("ada@example.com")
    response = client.post("/account/login", data={"email": "ada@example.com", "password": PASSWORD,
                                                   "csrf_token": "forged"})
    assert response.status_code == 400 and "Sign out" not in response.get_data(as_text=True)


def test_form_with_its_token_goes_through(client):
    make_user("ada@example.com")
    token = token_from(client.get("/account/login").get_data(as_text=True))
    response = client.post("/account/login", data={"email": "ada@example.com", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302


def test_json_clients_get_the_csrf_refusal_as_json(client):
    response = client.post("/account/login", data={}, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert "reload it" in response.get_json()["error"]["message"]


def test_csrf_page_has_a_plain_heading(client):
    assert "Please reload the form" in client.post("/account/reset", data={}).get_data(as_text=True)
