"""Signed-in pages with tables, the post editor and the account page fit a 390-px phone:
nothing scrolls sideways and the status and action cells stay in view."""

import pytest

from careercenter.billing.models import Order, Product
from careercenter.extensions import db
from careercenter.jobs.models import JobStatus
from tests.support.factories import PASSWORD, make_employer, make_job
from tests.support.seekers_factories import make_application, make_seeker

pytestmark = pytest.mark.browser

WIDTH = 390
LONG_TITLE = "Inpatient Coding Quality Auditor (CCS, CDIP) – DRG Validation and Denials, Remote"


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": WIDTH, "height": 844})
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, email):
    page.goto("/account/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def assert_fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH


def assert_in_view(locator):
    """Every match lies inside the 390-px viewport horizontally (not cut off in a scroll box)."""
    assert locator.count() > 0
    for i in range(locator.count()):
        box = locator.nth(i).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, box


def test_employer_dashboard_and_billing_history_fit_a_phone(phone):
    user, company = make_employer(company_name="Mission Ridge Health Information Management Services")
    live = make_job(company, title=LONG_TITLE)
    make_job(company, title="Outpatient CPC Coder, Ambulatory Surgery", status=JobStatus.DRAFT)
    product = db.session.scalar(db.select(Product).order_by(Product.sort_order))
    db.session.add(Order(company_id=company.id, job_id=live.id, product_id=product.id, user_id=user.id,
                         status="paid", amount_cents=product.price_cents, currency=product.currency,
                         product_name=product.name, duration_days=product.duration_days, gateway="offline"))
    db.session.commit()

    sign_in(phone, user.email)
    assert phone.url.endswith("/employer/")  # employers land on their dashboard
    assert_fits(phone)
    assert_in_view(phone.locator("td.cell-status"))
    assert_in_view(phone.locator("td.cell-actions a"))
    assert phone.get_by_role("link", name="Publish").is_visible()

    phone.goto("/billing/")
    assert_fits(phone)
    assert_in_view(phone.locator("td.cell-status"))
    assert phone.get_by_text(LONG_TITLE).is_visible()


def test_my_applications_status_is_visible_on_a_phone(phone):
    _, company = make_employer(company_name="Brightwater Senior Health Plan of the Mid-Atlantic")
    coder = make_seeker("maya@example.com")
    make_application(make_job(company, title=LONG_TITLE), coder)

    sign_in(phone, coder.email)
    phone.goto("/applications")
    assert_fits(phone)
    assert_in_view(phone.locator("td.cell-status .badge"))
    assert phone.locator("td.cell-status").inner_text().strip().endswith("New")


def test_post_editor_and_account_page_fit_a_phone(phone):
    user, _ = make_employer()
    sign_in(phone, user.email)
    phone.goto("/employer/jobs/new")
    assert_fits(phone)
    rows = phone.locator("textarea[name=description_md]").get_attribute("rows")
    assert int(rows) >= 12
    # Credentials are a scrollable list of checkboxes, not a Ctrl-click multi-select.
    assert phone.locator("select[multiple]").count() == 0
    assert phone.locator("input[type=checkbox][name=credentials_required]").count() > 40
    phone.locator("#credentials_required").get_by_label("CPC — Certified Professional Coder").check()
    assert_in_view(phone.locator("#credentials_required"))

    phone.goto("/account/")
    assert_fits(phone)


def test_suggestions_tick_the_editors_own_checkboxes(phone):
    user, _ = make_employer()
    sign_in(phone, user.email)
    phone.goto("/employer/jobs/new")
    phone.get_by_label("Job title").fill("Orthopedic Coder")
    phone.locator("textarea[name=description_md]").fill("Pro-fee orthopedic coding: 29881 and 27447. COSC required, CPC preferred.")
    phone.get_by_role("button", name="Suggest from my post").click()
    phone.get_by_text("suggestions — untick any").wait_for()
    required = phone.locator("input[type=checkbox][name=credentials_required][value=COSC]")
    preferred = phone.locator("input[type=checkbox][name=credentials_preferred][value=CPC]")
    assert required.is_checked() and preferred.is_checked()
    phone.get_by_label("CPC — Certified Professional Coder (preferred)").uncheck()
    assert not preferred.is_checked() and required.is_checked()


def test_applicants_table_stacks_into_cards_on_a_phone(phone):
    user, company = make_employer(company_name="Brightwater Senior Health Plan of the Mid-Atlantic")
    job = make_job(company, title=LONG_TITLE)
    for email in ("maya@example.com", "marcus@example.com"):
        make_application(job, make_seeker(email, name="Maya Lopez-Fitzgerald Washington"))
    sign_in(phone, user.email)
    phone.goto(f"/employer/jobs/{job.id}/applicants")
    assert_fits(phone)
    assert phone.locator("table.applicants").bounding_box()["width"] <= WIDTH
    assert_in_view(phone.locator("table.applicants td.cell-status .badge"))


def solid_png(width, height):
    """A real one-colour PNG of the given size."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + b"\x0b\x6e\x69" * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


def test_a_wide_logo_stays_in_its_box_on_a_phone(phone):
    from careercenter.employers.logos import save_logo

    _, company = make_employer(company_name="Wide Logo Health")
    job = make_job(company, title=LONG_TITLE)
    company.logo_path = save_logo(company, solid_png(2400, 600))
    db.session.commit()
    phone.goto(f"/jobs/{job.id}-{job.slug}")
    logos = phone.locator("img.company-logo")
    assert logos.count() >= 2  # the job's header and the employer box
    logos.first.wait_for()
    assert_fits(phone)
    assert_in_view(logos)
    # The title keeps the card's width instead of wrapping beside the logo, a word a line.
    title = phone.locator("h1").first.bounding_box()
    assert title["width"] > WIDTH * 0.6, title
    phone.goto("/jobs")
    assert_fits(phone)


def test_search_results_come_first_on_a_phone_and_filters_open_from_a_button(phone, browser, live_server):
    for i in range(3):
        make_job(title=f"Remote Outpatient Coder {i}")
    phone.goto("/jobs")
    assert_fits(phone)
    first = phone.locator("article.job-card").first
    box = first.bounding_box()
    assert box is not None and box["y"] < 844, box  # the first job shows on the first screen
    assert first.is_visible()
    city = phone.get_by_label("City")
    assert not city.is_visible()  # filters wait behind the button
    phone.get_by_role("button", name="Filters", exact=True).click()
    city.wait_for(state="visible")
    city.fill("Columbus")
    phone.get_by_role("button", name="Apply filters").click()
    phone.wait_for_load_state()
    assert "city=Columbus" in phone.url

    desktop = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900}).new_page()
    desktop.goto("/jobs")
    assert desktop.get_by_label("City").is_visible()  # the sidebar stays open on a desktop
    assert not desktop.get_by_role("button", name="Filters", exact=True).is_visible()
    desktop.context.close()


def test_find_coders_shows_coders_first_on_a_phone(phone):
    from careercenter.seekers.services import get_or_create_profile

    user, _ = make_employer(company_name="Lakeside Health")
    profile = get_or_create_profile(make_seeker("rita@example.org", name="Rita Remote"))
    profile.visible_to_employers, profile.headline = True, "Remote CRC, HCC V28"
    db.session.commit()
    sign_in(phone, user.email)
    phone.goto("/employer/candidates")
    assert_fits(phone)
    card = phone.locator("article.candidate").first
    box = card.bounding_box()
    assert box is not None and box["y"] < 844, box  # the first coder shows on the first screen
    headline = phone.get_by_label("Headline contains")
    assert not headline.is_visible()
    phone.get_by_role("button", name="Filters", exact=True).click()
    headline.wait_for(state="visible")
