"""After signing in, `next` only ever leads to a page on this site."""

import html

import pytest

from careercenter.security import is_safe_next
from tests.support.factories import PASSWORD, make_user

OFF_SITE = [
    "//evil.example",
    "///evil.example",
    "https://evil.example",
    "http://evil.example/account",
    "HTTPS://evil.example",
    "https:evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    " //evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "%2F%2Fevil.example",
    "%2f%2fevil.example",
    "%5C%5Cevil.example",
    "http%3A%2F%2Fevil.example",
    "evil.example",
    "//evil.example@careercenter.test",
]


@pytest.mark.parametrize("target", OFF_SITE)
def test_off_site_next_goes_home_after_sign_in(client, target):
    make_user("ada@example.com")
    response = client.post("/account/login", data={"email": "ada@example.com", "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert response.location == "/"


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example", "/\\evil.example"])
def test_off_site_next_is_not_carried_into_the_form(client, target):
    page = html.unescape(client.get("/account/login", query_string={"next": target}).get_data(as_text=True))
    assert "evil.example" not in page


@pytest.mark.parametrize("target", OFF_SITE[:6])
def test_signed_in_visit_to_login_ignores_off_site_next(client, target):
    make_user("ada@example.com")
    client.post("/account/login", data={"email": "ada@example.com", "password": PASSWORD})
    response = client.get("/account/login", query_string={"next": target})
    assert response.status_code == 302 and response.location == "/"


@pytest.mark.parametrize("target", ["/jobs", "/jobs?page=2", "/account/", "/jobs/12-inpatient-coder#apply"])
def test_on_site_next_is_followed(client, target):
    make_user("ada@example.com")
    page = client.get("/account/login", query_string={"next": target}).get_data(as_text=True)
    assert html.escape(target) in page
    response = client.post("/account/login", data={"email": "ada@example.com", "password": PASSWORD, "next": target})
    assert response.location == target


def test_guarded_page_sends_the_visitor_back_after_sign_in(client):
    make_user("ada@example.com")
    response = client.get("/account/")
    assert response.status_code == 302 and "/account/login" in response.location
    form_page = client.get(response.location).get_data(as_text=True)
    assert 'value="/account/"' in form_page
    response = client.post("/account/login", data={"email": "ada@example.com", "password": PASSWORD, "next": "/account/"})
    assert response.location == "/account/"


@pytest.mark.parametrize("target", OFF_SITE + [None, "", 42])
def test_is_safe_next_refuses_everything_off_site(target):
    assert not is_safe_next(target)
