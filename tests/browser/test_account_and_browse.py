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


@pytest.mark.parametrize("path", ["/", "/jobs", "/account/register", "/account/login", "JOB"])
def test_pages_fit_a_phone_screen(browser, live_server, path):
    """At 390 px wide nothing scrolls sideways and the menu collapses behind its toggle."""
    _, company = make_employer(company_name="Brightwater Senior Health Plan")
    job = make_job(company, title="Risk Adjustment Coder (CRC) – Medicare Advantage, Remote",
                   work_arrangement="remote", remote_states=["MD", "DE", "PA", "VA"],
                   description_md="## Duties\n- Abstract HCCs under CMS-HCC V28: E11.22, N18.4, I50.22\n")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"/jobs/{job.id}-{job.slug}" if path == "JOB" else path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        assert not page.get_by_role("link", name="Find jobs").is_visible()
        page.get_by_role("button", name="Toggle navigation").click()
        page.get_by_role("link", name="Find jobs").wait_for(state="visible")
    finally:
        context.close()
