"""A visitor registers, verifies from the email, signs in, browses and opens a job."""

import pytest

from tests.support.factories import make_employer, make_job

pytestmark = pytest.mark.browser


def test_register_verify_sign_in_and_open_a_job(page, live_server, outbox):
    _, company = make_employer(company_name="Harbor Health")
    make_job(company, title="Remote Risk Adjustment Coder", description_md="Review charts for **HCC** capture.")

    page.goto("/")
    page.get_by_role("link", name="Create account").click()
    page.get_by_label("Your name").fill("Maya Lopez")
    page.get_by_label("Email").fill("maya@example.com")
    page.get_by_label("Password", exact=True).fill("long enough password")
    page.get_by_label("Repeat password").fill("long enough password")
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("heading", name="Check your email").wait_for()

    link = outbox.last(to="maya@example.com").link("/account/verify/")
    page.goto(link.replace("http://careercenter.test", live_server.url))
    page.get_by_text("your email address is verified").wait_for()

    page.get_by_label("Email").fill("maya@example.com")
    page.get_by_label("Password").fill("long enough password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").wait_for()

    page.get_by_role("link", name="Find jobs").click()
    page.get_by_role("link", name="Remote Risk Adjustment Coder").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Remote Risk Adjustment Coder"
    assert page.locator(".job-description strong").inner_text() == "HCC"
    assert "Harbor Health" in page.content()
