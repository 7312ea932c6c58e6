"""Saving searches as a user or a guest, confirming, managing, and guest expiry."""

import re
from datetime import timedelta
from urllib.parse import urlparse

import time_machine

from careercenter.alerts.models import SavedSearch, SavedSearchKey
from careercenter.alerts.services import expire_unconfirmed
from careercenter.database import utcnow
from careercenter.extensions import db
from tests.conftest import count
from tests.support.alerts_factories import make_saved_search
from tests.support.factories import login, make_user


def test_signed_in_user_saves_a_search_and_manages_it(client):
    user = make_user("saver@example.com")
    login(client, user.email)
    form = client.get("/alerts/new?q=coder&state=OH")
    assert "We'll email you new jobs matching" in form.get_data(as_text=True)
    response = client.post("/alerts/new?q=coder&state=OH", data={
        "name": "Ohio coders", "frequency": "weekly", "weekday": "2", "hour": "7", "timezone": "America/Chicago"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/alerts")
    saved = db.session.scalars(db.select(SavedSearch)).one()
    assert (saved.name, saved.params, saved.frequency, saved.weekday, saved.status) == (
        "Ohio coders", {"q": "coder", "state": "OH"}, "weekly", 2, "active")
    assert saved.next_run_at.weekday() == 2 and saved.next_run_at > utcnow()
    page = client.get("/alerts").get_data(as_text=True)
    assert "Ohio coders" in page and "Active" in page
    assert 'href="/jobs?q=coder&amp;state=OH"' in page
    client.post(f"/alerts/{saved.id}/pause")
    assert "Paused" in client.get("/alerts").get_data(as_text=True)
    client.post(f"/alerts/{saved.id}/resume")
    assert db.session.get(SavedSearch, saved.id).status == "active"
    client.post(f"/alerts/{saved.id}/schedule", data={f"s{saved.id}-frequency": "instant", f"s{saved.id}-hour": "9",
                                                      f"s{saved.id}-timezone": "UTC", f"s{saved.id}-weekday": "0"})
    assert db.session.get(SavedSearch, saved.id).frequency == "instant"
    client.post(f"/alerts/{saved.id}/delete")
    assert count(SavedSearch) == 0 and count(SavedSearchKey) == 0


def test_bad_input_is_shown_on_the_form(client):
    response = client.post("/alerts/new?q=coder", data={"email": "not-an-email", "frequency": "hourly", "hour": "99",
                                                         "timezone": "Mars/Base"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Enter a valid email address" in html and 'value="not-an-email"' in html
    assert count(SavedSearch) == 0


def test_a_guest_saving_a_search_again_is_told_it_exists(client, outbox):
    make_saved_search(None, email="g@example.com", q="auditor")
    response = client.post("/alerts/new?q=auditor", data={
        "email": "G@example.com", "frequency": "daily", "hour": "8", "timezone": "America/New_York", "weekday": "0"})
    html = response.get_data(as_text=True)
    assert "You already saved this search as “auditor”." in html and "link in any of our emails" in html
    assert count(SavedSearch) == 1


def test_a_guest_saving_an_unconfirmed_search_again_gets_the_confirmation_link_again(client, outbox):
    make_saved_search(None, email="g@example.com", q="auditor", confirm=False)
    first = outbox.messages(to="g@example.com")
    assert len(first) == 1
    response = client.post("/alerts/new?q=auditor", data={
        "email": "g@example.com", "frequency": "daily", "hour": "8", "timezone": "America/New_York", "weekday": "0"})
    html = response.get_data(as_text=True)
    assert "have not confirmed it yet, so we sent its confirmation link to <strong>g@example.com</strong> again" in html
    mails = outbox.messages(to="g@example.com")
    assert len(mails) == 2 and mails[-1].subject == first[0].subject
    assert client.get(mails[-1].link("/alerts/confirm/")).status_code in (200, 302)
    assert count(SavedSearch) == 1 and db.session.scalar(db.select(SavedSearch.status)) == "active"


def test_other_people_cannot_touch_a_saved_search(client):
    owner = make_user("owner@example.com")
    saved = make_saved_search(owner, q="coder")
    login(client, make_user("intruder@example.com").email)
    assert client.post(f"/alerts/{saved.id}/delete").status_code == 404
    assert client.post(f"/alerts/{saved.id}/pause", data={"token": "forged"}).status_code == 404
    assert db.session.get(SavedSearch, saved.id).status == "active"


def test_guest_confirms_by_email_then_manages_by_link(client, outbox):
    response = client.post("/alerts/new?q=auditor&arrangement=remote", data={
        "email": "Guest@Example.com", "frequency": "daily", "hour": "8", "timezone": "America/New_York", "weekday": "0"})
    assert "Check your email" in response.get_data(as_text=True)
    saved = db.session.scalars(db.select(SavedSearch)).one()
    assert saved.status == "pending" and saved.email == "guest@example.com"
    msg = outbox.last(to="guest@example.com")
    assert msg.header("From") == client.application.config["MAIL_FROM"]
    confirm = client.get(urlparse(msg.link("/alerts/confirm/")).path)
    assert confirm.status_code == 302
    assert db.session.get(SavedSearch, saved.id).status == "active"
    manage = client.get(confirm.headers["Location"]).get_data(as_text=True)
    assert "auditor" in manage and "Active" in manage
    token = urlparse(confirm.headers["Location"]).path.rsplit("/", 1)[1]
    client.post(f"/alerts/{saved.id}/pause", data={"token": token})
    assert db.session.get(SavedSearch, saved.id).status == "paused"
    assert client.get("/alerts/confirm/garbage").status_code == 400


def test_unconfirmed_guest_searches_expire_after_7_days(app):
    with time_machine.travel(utcnow() - timedelta(days=8), tick=False):
        make_saved_search(email="late@example.com", q="coder", confirm=False)
        make_saved_search(email="done@example.com", q="coder")
    make_saved_search(email="fresh@example.com", q="coder", confirm=False)
    assert expire_unconfirmed() == 1
    assert {s.email for s in db.session.scalars(db.select(SavedSearch))} == {"done@example.com", "fresh@example.com"}


def test_guest_must_give_an_email_address(client, outbox):
    response = client.post("/alerts/new?q=coder", data={
        "email": "", "frequency": "daily", "hour": "8", "timezone": "America/New_York", "weekday": "0"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Enter the email address to send alerts to." in html
    assert "We sent a confirmation link" not in html and 'name="email"' in html
    assert count(SavedSearch) == 0
    assert outbox.messages() == []


def test_a_search_with_invalid_filters_is_never_saved_wider(client, outbox):
    user = make_user("strict@example.com")
    login(client, user.email)
    for query, field, message in (
        ("code=garbage", "Code", "Enter a CPT, HCPCS or ICD-10-CM code we know"),
        ("state=ZZ&q=coder", "State", "Use a two-letter US state code."),
        ("code=99999", "Code", "Enter a CPT, HCPCS or ICD-10-CM code we know"),
    ):
        page = client.get(f"/alerts/new?{query}")
        html = page.get_data(as_text=True)
        assert page.status_code == 400 and "be saved because" in html and f"{field}: {message}" in html, query
        response = client.post(f"/alerts/new?{query}", data={
            "name": "", "frequency": "instant", "hour": "8", "timezone": "America/New_York", "weekday": "0"})
        assert response.status_code == 400 and f"{field}: {message}" in response.get_data(as_text=True), query
    assert count(SavedSearch) == 0


def test_deleting_asks_first_and_works_without_javascript(client):
    user = make_user("deleter@example.com")
    saved = make_saved_search(user, q="coder")
    login(client, user.email)
    page = client.get("/alerts").get_data(as_text=True)
    assert f'href="/alerts/{saved.id}/delete"' in page
    confirm = client.get(f"/alerts/{saved.id}/delete")
    html = confirm.get_data(as_text=True)
    assert confirm.status_code == 200 and "Delete “coder”?" in html
    assert f'<form method="post" action="/alerts/{saved.id}/delete"' in html and "Keep it" in html
    assert count(SavedSearch) == 1  # asking deleted nothing
    client.post(f"/alerts/{saved.id}/delete")
    assert count(SavedSearch) == 0


def test_saving_the_same_search_twice_points_to_the_first(client):
    user = make_user("twice@example.com")
    saved = make_saved_search(user, q="coder", state="OH")
    login(client, user.email)
    data = {"name": "Again", "frequency": "daily", "hour": "8", "timezone": "America/New_York", "weekday": "0"}
    response = client.post("/alerts/new?state=oh&q=coder", data=data, follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "You already saved this search as “coder · OH”." in html
    assert f'href="/alerts#saved-{saved.id}"' in html and f'id="saved-{saved.id}"' in html
    assert count(SavedSearch) == 1


def test_time_zones_are_canonical_with_us_zones_first(client):
    html = client.get("/alerts/new?q=coder").get_data(as_text=True)
    zones = re.findall(r'<option (?:selected )?value="([A-Za-z_]+/[A-Za-z_/-]+|UTC)"', html)
    assert zones[0] == "America/New_York" and "America/Chicago" in zones[:12] and "Pacific/Honolulu" in zones[:40]
    assert "America/Atka" not in zones and "US/East-Indiana" not in zones and "US/Eastern" not in zones
    assert "Europe/London" in zones


def test_a_stored_older_zone_name_stays_valid(client):
    user = make_user("oldzone@example.com")
    saved = make_saved_search(user, q="coder", frequency="daily", timezone="US/Eastern")
    login(client, user.email)
    assert '<option selected value="US/Eastern">' in client.get("/alerts").get_data(as_text=True)
    client.post(f"/alerts/{saved.id}/schedule", data={f"s{saved.id}-frequency": "weekly", f"s{saved.id}-hour": "9",
                                                      f"s{saved.id}-timezone": "US/Eastern", f"s{saved.id}-weekday": "1"})
    assert db.session.get(SavedSearch, saved.id).frequency == "weekly"
