"""What a new visitor noticed: friendly 403s, calls to action that fit the account, calendar-day
post ages, readable email errors, links on the home page's settings, one chip per fact,
rendered company profiles, transliterated slugs, a favicon and clearer emails."""

import html
import re
from datetime import datetime, timezone

import time_machine

from careercenter.cli import describe_mail_destination
from careercenter.extensions import db
from careercenter.jobs.models import slugify
from careercenter.public.views import HOME_SETTINGS
from careercenter.templating import days_ago, posted_ago
from tests.support.factories import PASSWORD, login, make_employer, make_job, make_user


def text(response):
    return html.unescape(response.get_data(as_text=True))


# 403 and other client errors


def test_coder_on_an_employer_page_gets_a_friendly_403(client):
    make_user("coder@example.com")
    login(client, "coder@example.com")
    response = client.get("/employer/")
    page = text(response)
    assert response.status_code == 403
    assert "This page is for employers. You're signed in with a coder account." in page
    assert "You don't have the permission to access the requested resource" not in page
    assert 'href="/jobs"' in page and "My profile" in page  # what a coder can do instead
    assert '<link rel="stylesheet"' in page  # the site's own layout


def test_employer_on_a_coder_page_gets_a_friendly_403(client):
    user, _ = make_employer("boss@example.com")
    login(client, user.email)
    page = text(client.get("/profile/edit"))
    assert "This page is for coders" in page and "Go to your dashboard" in page


def test_other_client_errors_are_friendly_too(client):
    page = text(client.get("/account/logout"))
    assert "That action isn't possible here" in page and "Method Not Allowed" in page
    assert "The method is not allowed for the requested URL." not in page


# Calls to action that fit the account


def test_signed_in_coder_sees_no_sign_up_or_employer_calls_to_action(client):
    make_user("coder@example.com")
    login(client, "coder@example.com")
    page = text(client.get("/"))
    assert "Create a free account" not in page and "Create account" not in page
    assert 'href="/account/register' not in page
    assert 'href="/profile"' in page and "Track your applications" in page


def test_signed_in_employer_post_a_job_goes_to_the_editor(client):
    user, _ = make_employer("boss@example.com")
    login(client, user.email)
    page = text(client.get("/"))
    assert 'href="/account/register' not in page
    assert re.search(r'href="/employer/jobs/new"[^>]*>Post a job<', page)  # nav and footer
    assert "Write a new post" in page
    assert "Create a free account" not in page


def test_visitors_still_see_the_sign_up_calls_to_action(client):
    page = text(client.get("/"))
    assert "Create a free account" in page and 'href="/account/register?type=employer"' in page


def test_employers_land_on_their_dashboard_after_signing_in(client):
    user, _ = make_employer("boss@example.com")
    assert login(client, user.email).location == "/employer/"


def test_a_safe_next_still_wins_for_employers(client):
    user, _ = make_employer("boss@example.com")
    response = client.post("/account/login", data={"email": user.email, "password": PASSWORD, "next": "/billing/"})
    assert response.location == "/billing/"


def test_coders_land_on_the_home_page(client):
    make_user("coder@example.com")
    assert login(client, "coder@example.com").location == "/"


# Dates


def test_post_age_counts_calendar_days_in_the_site_time_zone(app):
    # Dec 1, 23:30 in New York is Dec 2, 04:30 UTC; on Dec 3 at 09:00 in New York that is 2 days ago.
    published = datetime(2026, 12, 2, 4, 30, tzinfo=timezone.utc)
    now = datetime(2026, 12, 3, 14, 0, tzinfo=timezone.utc)
    assert days_ago(published, now) == 2 and posted_ago(published, now) == "2 days ago"
    # Late the same evening, local time: still "today", though UTC has moved to the next day.
    assert posted_ago(datetime(2026, 12, 3, 13, 0, tzinfo=timezone.utc), datetime(2026, 12, 4, 3, 0, tzinfo=timezone.utc)) == "today"
    assert posted_ago(datetime(2026, 12, 2, 14, 0, tzinfo=timezone.utc), now) == "yesterday"


def test_card_says_the_age_that_matches_its_date(client):
    job = make_job(title="Inpatient Coder", published_at=datetime(2026, 12, 2, 4, 30, tzinfo=timezone.utc))
    with time_machine.travel(datetime(2026, 12, 3, 14, 0, tzinfo=timezone.utc), tick=False):
        job.expires_at = datetime(2027, 1, 1, tzinfo=timezone.utc)
        db.session.commit()
        page = re.sub(r"<[^>]+>", "", text(client.get("/")))
        detail = re.sub(r"<[^>]+>", "", text(client.get(f"/jobs/{job.id}-{job.slug}")))
    assert "Posted 2 days ago · Dec 1, 2026" in page
    assert "Posted yesterday" not in page
    assert "Posted 2 days ago · Dec 1, 2026" in detail


# Email validation


def test_invalid_email_gets_a_short_friendly_message(client):
    response = client.post("/account/register", data={"account_type": "seeker", "name": "Ada", "email": "ada@localhost",
                                                      "password": PASSWORD, "confirm": PASSWORD})
    page = text(response)
    assert response.status_code == 422
    assert "Enter a valid email address, like name@example.com." in page
    assert "special-use" not in page and "@-sign" not in page


def test_test_domains_are_accepted_outside_production(client, outbox):
    response = client.post("/account/register", data={"account_type": "seeker", "name": "Demo", "email": "new@demo.careercenter.test",
                                                      "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 302
    assert outbox.last(to="new@demo.careercenter.test")


def test_production_still_refuses_test_domains(app, client):
    app.config["PRODUCTION"] = True
    try:
        response = client.post("/account/register", data={"account_type": "seeker", "name": "Demo", "email": "new@demo.careercenter.test",
                                                          "password": PASSWORD, "confirm": PASSWORD})
    finally:
        app.config["PRODUCTION"] = False
    assert response.status_code == 422 and "Enter a valid email address" in text(response)


def test_length_limits_speak_plainly_on_account_forms(client):
    page = text(client.post("/account/register", data={"account_type": "seeker", "name": "A" * 200, "email": "a@example.com",
                                                       "password": PASSWORD, "confirm": PASSWORD}))
    assert "Use at most 120 characters." in page and "Field cannot be longer" not in page


# Home page, chips, company profile


def test_home_page_setting_tags_link_to_the_search(client):
    page = text(client.get("/"))
    for name, slug in HOME_SETTINGS:
        assert f'<a href="/jobs?setting={slug}">{name}</a>' in page


def test_home_page_settings_exist_in_the_catalogue_and_find_jobs(client, app):
    from careercenter.codes.choices import names

    assert {slug for _, slug in HOME_SETTINGS} <= set(names("setting"))
    assert client.get("/jobs?setting=risk-adjustment").status_code == 200


def test_job_page_names_the_arrangement_once(client):
    remote = make_job(title="Remote CRC", work_arrangement="remote", remote_states=["MD", "PA"])
    hybrid = make_job(title="Hybrid CCS", work_arrangement="hybrid", city="Fremont", state="CA")
    onsite = make_job(title="On-site CPC", work_arrangement="onsite", city="Akron", state="OH")

    def chips(job):
        page = client.get(f"/jobs/{job.id}-{job.slug}").get_data(as_text=True)
        tags = page[page.index('<ul class="list-unstyled d-flex'):]
        tags = tags[:tags.index("</ul>")]
        return [re.sub(r"<[^>]+>", "", li).replace("Location: ", "").replace("Arrangement: ", "").replace("Employment type: ", "").strip()
                for li in re.findall(r"<li[^>]*>.*?</li>", tags)]

    assert chips(remote)[:2] == ["Remote (MD, PA)", "Full-time"]
    assert chips(hybrid)[:2] == ["Hybrid · Fremont, CA", "Full-time"]
    assert chips(onsite)[:2] == ["Akron, OH", "On-site"]


def test_company_about_is_rendered_markdown_on_the_job_page(client):
    _, company = make_employer(company_name="Harbor Health")
    company.about = "We are **Harbor Health**.\n\n- Level I trauma\n- <script>alert(1)</script>"
    db.session.commit()
    job = make_job(company, title="Coder")
    page = client.get(f"/jobs/{job.id}-{job.slug}").get_data(as_text=True)
    assert "<strong>Harbor Health</strong>" in page and "<li>Level I trauma</li>" in page
    assert "**Harbor Health**" not in page and "<script>alert(1)" not in page


# Slugs and favicon


def test_slugs_transliterate_letters_nfkd_cannot_split():
    assert slugify("Ünïcødé") == "unicode"
    assert slugify("Ærø Straße Łódź Þór") == "aero-strasse-lodz-thor"
    assert slugify("Coding & Billing") == "coding-billing"


def test_favicon_is_served_and_linked(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and b"<svg" in response.data
    assert 'rel="icon"' in client.get("/").get_data(as_text=True)
    static = client.get("/static/favicon.svg")
    assert static.status_code == 200
    static.close()


# Emails and commands


def test_status_email_subject_is_a_sentence(app):
    from careercenter.email import render_email
    from types import SimpleNamespace

    job = SimpleNamespace(title="Inpatient DRG Coder", company=SimpleNamespace(name="Harbor Health"))
    application = SimpleNamespace(id=1, status_label="Interview")
    subject, body, _ = render_email("application-status", user=SimpleNamespace(name="Sam"), job=job, application=application)
    assert subject == "Your application for Inpatient DRG Coder moved to Interview"
    assert "moved your application for Inpatient DRG Coder to Interview" in body


def test_verification_email_button_uses_the_brand_colour(client, outbox):
    client.post("/account/register", data={"account_type": "seeker", "name": "Ada", "email": "ada@example.com",
                                           "password": PASSWORD, "confirm": PASSWORD})
    html_body = outbox.last(to="ada@example.com").msg.get_body(("html",)).get_content()
    assert "#0b6e69" in html_body and "#0d6efd" not in html_body


def test_email_templates_use_no_bootstrap_blue():
    from careercenter.config import PROJECT_ROOT

    offenders = [p.name for p in (PROJECT_ROOT / "templates" / "email").rglob("*.html") if "#0d6efd" in p.read_text().lower()]
    assert offenders == []


def test_mail_destination_names_the_real_outbox(app, tmp_path):
    assert describe_mail_destination({"OUTBOX_DIR": str(tmp_path / "mail"), "SMTP_URL": ""}) == f"Emails are written to {tmp_path / 'mail'}/."
    assert describe_mail_destination({"OUTBOX_DIR": "x", "SMTP_URL": "smtp://u:p@mail.example.org:587"}) == "Emails are sent through SMTP at mail.example.org:587."
    result = app.test_cli_runner().invoke(args=["mail-destination"])
    assert result.exit_code == 0 and app.config["OUTBOX_DIR"] in result.output or "SMTP" in result.output


def test_makefile_prints_the_mail_destination_from_flask():
    from careercenter.config import PROJECT_ROOT

    makefile = (PROJECT_ROOT / "Makefile").read_text()
    assert "Emails are written to instance/outbox" not in makefile and "flask mail-destination)" in makefile


def test_create_staff_for_an_existing_account_says_staff_access(app, outbox):
    make_user("coder@example.com", name="Existing Coder")
    result = app.test_cli_runner().invoke(args=["create-staff", "coder@example.com", "--email-link"])
    assert result.exit_code == 0, result.output
    mail = outbox.last(to="coder@example.com")
    assert mail.subject == "You now have staff access on CareerCenter"
    assert "You now have staff access" in mail.text and "If you want a new password" in mail.text
    assert "Choose your password" not in mail.text


def test_create_staff_accepts_test_domains_outside_production(app):
    result = app.test_cli_runner().invoke(args=["create-staff", "ops@demo.careercenter.test", "--email-link"])
    assert result.exit_code == 0, result.output


# Verification links when signed out


def test_signed_out_visitor_can_ask_for_a_new_verification_link_by_email(client, outbox):
    make_user("ada@example.com", verified=False)
    page = text(client.get("/account/verify/not-a-token", follow_redirects=True))
    assert "Ask for a new one below." in page and 'name="email"' in page
    known = text(client.post("/account/verify", data={"email": "ada@example.com"}, follow_redirects=True))
    assert outbox.last(to="ada@example.com").link("/account/verify/")
    unknown = text(client.post("/account/verify", data={"email": "nobody@example.com"}, follow_redirects=True))
    assert outbox.messages(to="nobody@example.com") == []
    def same(page, address):
        return re.sub(r'nonce="[^"]*"', "", page.replace(address, "X"))

    assert same(known, "ada@example.com") == same(unknown, "nobody@example.com")
