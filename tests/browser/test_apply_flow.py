"""A coder fills the profile, uploads a resume and applies; the employer moves the
application to interview; the coder sees the new status."""

import pytest

from tests.support.factories import PASSWORD, make_employer, make_job, make_user
from tests.support.seekers_factories import pdf_bytes

pytestmark = pytest.mark.browser


def sign_in(page, email):
    page.goto("/account/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").wait_for()


def test_coder_applies_and_employer_moves_to_interview(page, live_server, outbox, tmp_path):
    _, company = make_employer("hr@harbor.example", company_name="Harbor Health")
    job = make_job(company, title="Inpatient DRG Coder")
    make_user("maya@example.com", name="Maya")
    resume = tmp_path / "maya-resume.pdf"
    resume.write_bytes(pdf_bytes("Maya Lopez CCS DRG validation"))

    sign_in(page, "maya@example.com")
    page.get_by_role("link", name="My profile").click()
    page.get_by_role("link", name="Edit profile").click()
    page.get_by_label("Full name").fill("Maya Lopez")
    page.get_by_label("Headline").fill("CCS with 8 years of inpatient DRG coding")
    page.get_by_label("City").fill("Columbus")
    page.get_by_label("State").fill("OH")
    page.get_by_label("Years of coding experience").fill("8")
    page.locator("#credentials-0-code").select_option("CCS")
    page.locator("#credentials-0-year").fill("2017")
    page.locator("#settings input[value='inpatient-facility']").check()  # a checkbox list
    page.get_by_role("button", name="Save profile").click()
    page.get_by_text("Your profile is saved.").wait_for()
    page.get_by_label("Resume (PDF or Word .docx, up to 5 MB)").set_input_files(str(resume))
    page.get_by_role("button", name="Upload resume").click()
    page.get_by_text("Your resume maya-resume.pdf is uploaded.").wait_for()

    page.get_by_role("link", name="Find jobs").click()
    page.get_by_role("link", name="Inpatient DRG Coder").click()
    page.get_by_role("link", name="Apply now").click()
    page.get_by_label("Cover note (optional)").fill("I validate DRGs daily.")
    page.get_by_role("button", name="Send application").click()
    page.get_by_text("is sent").wait_for()
    assert page.locator(".current-status").inner_text() == "New"
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "hr@harbor.example")
    page.goto(f"/jobs/{job.id}-{job.slug}")
    page.get_by_role("link", name="View applicants").click()
    page.get_by_role("link", name="Maya Lopez").click()
    assert "CCS (2017)" in page.content()
    assert "I validate DRGs daily." in page.content()
    page.get_by_label("Move to").select_option("interview")
    page.get_by_role("button", name="Update status").click()
    page.get_by_text("the applicant was emailed").wait_for()
    assert page.locator(".current-status").inner_text() == "Interview"
    page.get_by_role("button", name="Sign out").click()

    assert "moved to Interview" in outbox.last(to="maya@example.com").subject
    sign_in(page, "maya@example.com")
    page.get_by_role("link", name="My applications").click()
    row = page.get_by_role("row").filter(has_text="Inpatient DRG Coder")
    assert "Interview" in row.inner_text()
