"""404 and 500 answer in HTML for browsers and JSON for API clients; a 500 rolls back."""

import pytest

from careercenter.accounts.models import User
from careercenter.extensions import db
from tests.conftest import count
from tests.support.factories import login, make_user

JSON = {"Accept": "application/json"}


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "We couldn't find that page" in page and 'href="/jobs"' in page
    assert response.mimetype == "text/html"


def test_unknown_page_answers_json_when_asked(client):
    response = client.get("/no/such/page", headers=JSON)
    assert response.status_code == 404 and response.mimetype == "application/json"
    assert response.get_json()["error"]["code"] == 404


def test_api_paths_answer_json_even_to_browsers(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.get_json()["error"]["name"] == "Not Found"


def test_browsers_accepting_anything_get_html(client):
    response = client.get("/nope", headers={"Accept": "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8"})
    assert response.mimetype == "text/html"


def test_method_not_allowed_gets_a_page(client):
    response = client.get("/account/logout")
    assert response.status_code == 405 and "Method Not Allowed" in response.get_data(as_text=True)


@pytest.fixture
def broken_route(app):
    """A view that writes, then fails half-way (a duplicate email violates the unique index)."""

    def broken():
        db.session.add(User(email="first@example.com", name="Written before the failure"))
        db.session.flush()
        db.session.add(User(email="ada@example.com", name="Duplicate"))
        db.session.flush()
        return "not reached"

    app.add_url_rule("/broken-for-test", "broken_for_test", broken)
    return "/broken-for-test"


def test_server_error_rolls_back_and_still_renders_for_a_signed_in_user(client, broken_route):
    make_user("ada@example.com", name="Ada Lovelace")
    login(client, "ada@example.com")
    response = client.get(broken_route)
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Something went wrong on our side" in page
    assert "Ada Lovelace" in page  # the layout could still read the database after the failure
    assert count(User) == 1


def test_server_error_answers_json_when_asked(client, broken_route):
    make_user("ada@example.com")
    response = client.get(broken_route, headers=JSON)
    assert response.status_code == 500
    assert response.get_json()["error"] == {"code": 500, "name": "Internal Server Error",
                                            "message": response.get_json()["error"]["message"]}
    assert "Traceback" not in response.get_data(as_text=True)


def test_health_check(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
