"""The public job list and job pages: only live posts, canonical links, safe descriptions."""

import html
from html.parser import HTMLParser
from datetime import timedelta

import pytest

from careercenter.database import utcnow
from careercenter.extensions import db
from careercenter.jobs.models import Job, JobStatus
from tests.support.factories import login, make_employer, make_job, make_user


def text(response):
    return html.unescape(response.get_data(as_text=True))


def url(job):
    return f"/jobs/{job.id}-{job.slug}"


def test_list_shows_live_posts_with_their_essentials(client):
    _, company = make_employer(company_name="Harbor Health")
    make_job(company, title="Remote Risk Adjustment Coder", work_arrangement="remote", remote_states=["MD", "PA"],
             pay_min=56000, pay_max=68000, pay_period="year", employment_type="contract")
    make_job(company, title="Per Diem Inpatient Coder", city="Fremont", state="CA", pay_min=54.72, pay_max=74.94,
             pay_period="hour", employment_type="per-diem")
    page = text(client.get("/jobs"))
    assert "2 open jobs" in page
    for expected in ("Remote Risk Adjustment Coder", "Harbor Health", "Remote (MD, PA)", "$56,000 – $68,000 per year",
                     "Contract", "Fremont, CA", "$54.72 – $74.94 per hour", "Per diem"):
        assert expected in page


def test_list_hides_everything_that_is_not_live(client):
    _, company = make_employer()
    make_job(company, title="Live post")
    make_job(company, title="Draft post", status=JobStatus.DRAFT)
    make_job(company, title="Awaiting payment", status=JobStatus.PENDING_PAYMENT)
    make_job(company, title="Closed post", status=JobStatus.CLOSED)
    make_job(company, title="Removed post", status=JobStatus.REMOVED)
    make_job(company, title="Expired post", status=JobStatus.EXPIRED)
    # Still marked published, but its end date has passed: the nightly sweep has not run yet.
    make_job(company, title="Past its end date", days_left=-1)
    page = text(client.get("/jobs"))
    assert "Live post" in page and "1 open job" in page
    for hidden in ("Draft post", "Awaiting payment", "Closed post", "Removed post", "Expired post", "Past its end date"):
        assert hidden not in page
    home = text(client.get("/"))
    assert "Live post" in home and "Past its end date" not in home and "1 open position" in home


def test_post_vanishes_the_moment_it_expires(client):
    job = make_job(title="Expires soon", days_left=1)
    assert "Expires soon" in text(client.get("/jobs"))
    job.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert "Expires soon" not in text(client.get("/jobs"))
    assert client.get(url(job)).status_code == 410


def test_pagination(app, client):
    _, company = make_employer()
    now = utcnow()
    for n in range(45):
        make_job(company, title=f"Coder {n:02d}", published_at=now - timedelta(hours=n))
    first = text(client.get("/jobs"))
    assert "45 open jobs" in first
    assert first.count('class="card job-card') == 20
    assert "Coder 00" in first and "Coder 19" in first and "Coder 20" not in first
    assert 'rel="next"' in first and 'href="/jobs?page=2"' in first

    third = text(client.get("/jobs?page=3"))
    assert third.count('class="card job-card') == 5 and "Coder 44" in third and "Coder 39" not in third

    past_end = client.get("/jobs?page=99")
    assert past_end.status_code == 302 and past_end.location.endswith("/jobs?page=3")
    for odd in ("abc", "-4", "0", "1e9", "%00"):
        response = client.get(f"/jobs?page={odd}")
        assert response.status_code in (200, 302), odd


def test_featured_posts_come_first(client):
    _, company = make_employer()
    make_job(company, title="Newest plain post", published_at=utcnow())
    make_job(company, title="Older featured post", is_featured=True, published_at=utcnow() - timedelta(days=5))
    page = text(client.get("/jobs"))
    assert page.index("Older featured post") < page.index("Newest plain post")


def test_empty_list_says_so(client):
    assert "There are no open jobs right now" in text(client.get("/jobs"))


def test_job_page_shows_the_post(client):
    _, company = make_employer(company_name="Sonoran Bloom Cancer Specialists")
    job = make_job(company, title="Oncology Coding Specialist", city="Tucson", state="AZ", pay_min=26, pay_max=34,
                   pay_period="hour", work_arrangement="onsite", employment_type="full-time",
                   description_md="## Responsibilities\n- Code **96413** and J9271\n")
    page = text(client.get(url(job)))
    assert "<h1" in page and "Oncology Coding Specialist" in page
    for expected in ("Sonoran Bloom Cancer Specialists", "Tucson, AZ", "On-site", "Full-time", "$26.00 – $34.00 per hour",
                     "Posted ", "<h2>Responsibilities</h2>", "<strong>96413</strong>"):
        assert expected in page


def test_bare_id_and_wrong_slug_redirect_to_the_canonical_address(client):
    job = make_job(title="Inpatient Coder III (Per Diem)")
    assert url(job) == f"/jobs/{job.id}-inpatient-coder-iii-per-diem"
    for ref in (f"{job.id}", f"{job.id}-old-title", f"{job.id}-INPATIENT-coder-iii-per-diem"):
        response = client.get(f"/jobs/{ref}")
        assert response.status_code == 301 and response.location.endswith(url(job)), ref
    assert client.get(url(job)).status_code == 200


@pytest.mark.parametrize("ref", ["0", "99999", "abc", "12abc", "-5", "9" * 20, "%E2%80%AE12", "12%00"])
def test_unknown_or_malformed_job_ids_are_404(client, ref):
    make_job()
    assert client.get(f"/jobs/{ref}").status_code == 404


def test_view_count_counts_visitors_but_not_the_employer(client):
    user, company = make_employer()
    job = make_job(company)
    client.get(url(job))
    client.get(url(job))
    login(client, user.email)
    client.get(url(job))
    db.session.expire_all()
    assert db.session.get(Job, job.id).view_count == 2


UNSAFE = """\
Intro with <script>alert('x')</script> inline.

<img src=x onerror="alert(1)">

<a href="https://evil.example" onclick="steal()">raw link</a>

[click me](javascript:alert(document.cookie)) and [data](data:text/html;base64,PHNjcmlwdD4=)

[fine link](https://www.cms.gov/medicare/coding) and <b>bold html</b>
"""


class Tags(HTMLParser):
    """Every element and attribute the browser would build from a piece of HTML."""

    def __init__(self, source):
        super().__init__()
        self.found = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_description_markdown_is_rendered_safely(client):
    job = make_job(description_md=UNSAFE)
    raw = client.get(url(job)).get_data(as_text=True)
    start = raw.index('<div class="job-description">') + len('<div class="job-description">')
    description = raw[start:raw.index("</article>")]
    elements = Tags(description).found
    assert {tag for tag, _ in elements} <= {"p", "a", "div"}
    assert all(not name.startswith("on") for _, attrs in elements for name in attrs)
    hrefs = [attrs["href"] for tag, attrs in elements if tag == "a"]
    assert hrefs == ["https://www.cms.gov/medicare/coding"]
    # Raw HTML is shown as the text that was typed, not dropped silently.
    assert "&lt;script&gt;alert" in description and "&lt;b&gt;bold html&lt;/b&gt;" in description
    assert '<a href="https://www.cms.gov/medicare/coding" rel="nofollow noopener ugc">fine link</a>' in description


def test_titles_and_company_names_are_escaped(client):
    _, company = make_employer(company_name="<i>Evil</i> Clinic")
    job = make_job(company, title="Coder <script>alert(1)</script>")
    raw = client.get(url(job), follow_redirects=True).get_data(as_text=True)
    assert "<script>alert(1)" not in raw and "&lt;script&gt;alert(1)" in raw and "&lt;i&gt;Evil" in raw


@pytest.mark.parametrize("status", [JobStatus.DRAFT, JobStatus.PENDING_PAYMENT, JobStatus.REMOVED])
def test_unpublished_posts_are_404_to_guests_and_other_users(client, status):
    job = make_job(title="Not yet public", status=status)
    assert client.get(url(job)).status_code == 404
    make_user("coder@example.com")
    other_employer, _ = make_employer("other@example.com")
    for email in ("coder@example.com", other_employer.email):
        login(client, email)
        assert client.get(url(job)).status_code == 404, email
        client.post("/account/logout")


def test_drafts_are_previewable_by_company_members_and_staff(client):
    owner, company = make_employer("owner@example.com")
    job = make_job(company, title="Draft for review", status=JobStatus.DRAFT)
    make_user("staff@example.com", is_staff=True)
    for email in ("owner@example.com", "staff@example.com"):
        login(client, email)
        response = client.get(url(job))
        page = text(response)
        assert response.status_code == 200 and "Draft for review" in page
        assert "Preview — this post is <strong>draft</strong> and is not visible to job seekers." in page
        client.post("/account/logout")
    db.session.expire_all()
    assert db.session.get(Job, job.id).view_count == 0


@pytest.mark.parametrize("status, days_left, wording", [
    (JobStatus.EXPIRED, 30, "expired"),
    (JobStatus.CLOSED, 30, "been filled"),
    (JobStatus.PUBLISHED, -2, "expired"),
])
def test_ended_posts_answer_410_with_a_helpful_page(client, status, days_left, wording):
    _, company = make_employer(company_name="Ozark Hollow Community Hospital")
    ended = make_job(company, title="ED Coder", status=status, days_left=days_left, state="MO",
                     published_at=utcnow() - timedelta(days=40), expires_at=utcnow() + timedelta(days=days_left))
    make_job(company, title="Outpatient Coder", state="MO")
    make_job(title="Missouri Pro-Fee Coder", state="MO")
    make_job(title="Texas Coder", state="TX")
    response = client.get(url(ended))
    page = text(response)
    assert response.status_code == 410
    assert "This job is no longer open" in page and f"“ED Coder” at Ozark Hollow Community Hospital has {wording}" in page
    assert "Open jobs you might like" in page
    assert page.index("Outpatient Coder") < page.index("Missouri Pro-Fee Coder")  # same employer first
    assert "Texas Coder" not in page
    assert 'href="/jobs"' in page


def test_ended_posts_are_still_visible_to_their_employer(client):
    owner, company = make_employer()
    job = make_job(company, title="Closed but mine", status=JobStatus.CLOSED)
    login(client, owner.email)
    response = client.get(url(job))
    assert response.status_code == 200 and "Preview — this post is" in text(response)


@pytest.mark.parametrize("method, apply_fields, expected", [
    ("url", {"apply_url": "https://careers.example.org/123"}, 'href="https://careers.example.org/123"'),
    ("email", {"apply_email": "jobs@clinic.example"}, "mailto:jobs@clinic.example"),
    ("onsite", {}, "Apply on CareerCenter"),
])
def test_job_page_shows_how_to_apply(client, method, apply_fields, expected):
    job = make_job(apply_method=method, **apply_fields)
    assert expected in client.get(url(job)).get_data(as_text=True)


def test_unsafe_apply_and_website_links_are_not_rendered_as_links(client):
    _, company = make_employer()
    company.website = "javascript:alert(1)"
    job = make_job(company, apply_method="url", apply_url="javascript:alert(2)")
    raw = client.get(url(job)).get_data(as_text=True)
    assert "javascript:" not in raw


def test_a_draft_preview_offers_no_applicants_link(client):
    from tests.support.billing_factories import make_draft

    user, company = make_employer()
    login(client, user.email)
    draft = make_draft(company, user, title="Never Published")
    preview = client.get(f"/employer/jobs/{draft.id}/preview").get_data(as_text=True)
    assert "Never Published" in preview and "View applicants" not in preview
    live = make_job(company, title="Live Post")
    assert "View applicants" in client.get(f"/employer/jobs/{live.id}/preview").get_data(as_text=True)
