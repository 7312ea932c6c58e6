"""An employer fills the company profile, writes a post, previews it, pays through the
offline gateway, sees it published and finds it on the dashboard."""

import re

import pytest

from tests.support.factories import make_employer

pytestmark = pytest.mark.browser


def test_employer_goes_from_sign_in_to_a_live_paid_post(page):
    make_employer("jordan@summit.example", company_name="Summit Health", name="Jordan Reyes")

    page.goto("/account/login")
    page.get_by_label("Email").fill("jordan@summit.example")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("link", name="Dashboard").click()
    page.get_by_role("link", name="Company profile", exact=True).click()
    page.get_by_label("Type of organisation").select_option(label="Hospital or health system")
    page.get_by_label("City").fill("Denver")
    page.get_by_label("State").select_option("CO")
    page.get_by_label("About the organisation").fill("A **teaching** hospital in Denver.")
    page.get_by_role("button", name="Save profile").click()
    page.get_by_text("Your company profile is saved.").wait_for()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Post a job").click()
    page.get_by_label("Job title").fill("Interventional Radiology Coder")
    page.get_by_label("Description").fill("Code **IR** procedures with CPT and HCPCS.")
    page.get_by_role("radio", name="Remote").check()
    for state in ("CO", "UT"):  # checkbox lists, not Ctrl-click multi-selects
        page.locator(f"#remote_states input[value='{state}']").check()
    page.get_by_label("Pay from").fill("31")
    page.get_by_label("Pay up to").fill("38")
    page.get_by_label("Pay period").select_option("hour")
    page.locator("#specialties input[value='interventional-radiology']").check()
    page.locator("#credentials_required input[value='CPC']").check()
    page.get_by_role("button", name="Save draft and preview").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Interventional Radiology Coder"
    page.get_by_text("This is how your post will look").wait_for()
    assert page.locator(".job-description strong").inner_text() == "IR"
    assert "Remote (CO, UT)" in page.content()

    page.get_by_role("link", name="Publish — choose a product").click()
    page.get_by_label(re.compile(r"^Standard — \$99\.00")).check()
    page.get_by_role("button", name="Continue to payment").click()
    page.get_by_role("heading", name="Pay for your post").wait_for()
    page.get_by_role("button", name="Pay $99.00").click()

    page.get_by_role("heading", name="Thank you — your post is live").wait_for()
    page.get_by_role("link", name="Go to your dashboard").click()
    row = page.locator("tr", has_text="Interventional Radiology Coder")
    assert "published" in row.inner_text()

    page.get_by_role("link", name="Find jobs").click()
    page.get_by_role("link", name="Interventional Radiology Coder").wait_for()
