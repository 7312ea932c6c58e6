"""The editor include: an employer presses "Suggest", ticks and unticks, and the form submits
the choices (CSRF on, real Chromium). The page stands in for the post editor."""

import pytest
from flask import render_template_string, request

from tests.support.factories import PASSWORD, make_employer

pytestmark = pytest.mark.browser

EDITOR = """{% extends "base.html" %}{% block content %}
<form method="post" action="/test-editor">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <label for="title">Title</label><input id="title" name="title" value="Orthopedic Coder">
  <label for="description_md">Description</label>
  <textarea id="description_md" name="description_md">Pro-fee orthopedic coding: 29881 and 27447. COSC required, CPC preferred.</textarea>
  <label for="specialties">Specialties</label>
  <select id="specialties" name="specialties" multiple><option value="orthopedics">Orthopedics</option><option value="cardiology">Cardiology</option></select>
  {% include "codes/_suggestions.html" %}
  <button type="submit">Save</button>
</form>{% endblock %}"""


def test_employer_gets_suggestions_and_submits_choices(app, page, live_server):
    submitted = {}

    def editor():
        if request.method == "POST":
            submitted.update({key: request.form.getlist(key) for key in request.form})
            return "saved"
        return render_template_string(EDITOR)

    app.add_url_rule("/test-editor", "test_editor", editor, methods=["GET", "POST"])
    user, _ = make_employer()
    page.goto("/account/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").wait_for()

    page.goto("/test-editor")
    page.get_by_role("button", name="Suggest from my post").click()
    page.get_by_text("suggestions — untick any").wait_for()
    assert page.get_by_label("COSC — Certified Orthopaedic Surgery Coder (required)").is_checked()
    page.get_by_label("CPC — Certified Professional Coder (preferred)").uncheck()
    assert "29881" in page.locator("[data-suggest-results]").inner_text()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("saved").wait_for()

    assert submitted["specialties"] == ["orthopedics"]  # selected in the editor's own field
    assert "orthopedics" in submitted["suggested_specialties"]
    assert submitted["credentials"] == ["COSC"]
    assert set(submitted["suggested_credentials"]) == {"COSC", "CPC"}
