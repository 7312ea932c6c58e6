"""Specialty and code pages, the RSS feed and the job page's chips, as a visitor sees them."""

import re
import xml.etree.ElementTree as ET

import pytest

from careercenter.extensions import db
from careercenter.jobs.models import JobStatus, LinkKind, LinkSource
from tests.support.codes_factories import add_icd10cm, add_link
from tests.support.factories import make_job

# Words of the AMA's CPT descriptors for codes the pages show; none may ever appear.
CPT_DESCRIPTOR_WORDS = ["established patient", "medically appropriate history", "arthroscopy, knee",
                        "arthroplasty, knee", "meniscectomy"]


def _count_on_list(html, name):
    block = html[html.index(name):][:400]
    return int(re.search(r'data-jobs="(\d+)"', block).group(1))


@pytest.fixture
def ortho_jobs(app):
    live = make_job(title="Orthopedic Coder")
    add_link(live, LinkKind.SPECIALTY, "orthopedics", LinkSource.LINKER)
    add_link(live, LinkKind.CODE, "29881", LinkSource.LINKER)
    chosen = make_job(title="Hand Surgery Coder")
    add_link(chosen, LinkKind.SPECIALTY, "orthopedics", LinkSource.EMPLOYER)
    turned_down = make_job(title="Radiology Coder")
    add_link(turned_down, LinkKind.SPECIALTY, "orthopedics", LinkSource.REMOVED)
    expired = make_job(title="Old Ortho Coder", status=JobStatus.EXPIRED)
    add_link(expired, LinkKind.SPECIALTY, "orthopedics", LinkSource.LINKER)
    return live, chosen, turned_down, expired


def test_specialty_list_counts_live_linked_jobs(client, ortho_jobs):
    html = client.get("/specialties").get_data(as_text=True)
    assert _count_on_list(html, "Orthopedics (incl.") == 2
    assert _count_on_list(html, "Cardiology") == 0
    assert 'href="/specialties/orthopedics"' in html
    assert '>Specialties</a>' in html  # in the main navigation


def test_specialty_page_shows_facts_and_live_jobs(client, ortho_jobs):
    html = client.get("/specialties/orthopedics").get_data(as_text=True)
    assert "Orthopedic Coder" in html and "Hand Surgery Coder" in html
    assert "Radiology Coder" not in html and "Old Ortho Coder" not in html
    assert "<strong>20</strong> Orthopedic surgery" in html
    assert "COSC" in html and "Certified Orthopaedic Surgery Coder" in html
    assert 'href="/codes/20100">20100</a>–<a href="/codes/29999">29999</a>' in html
    assert "Surgery › Musculoskeletal system" in html
    assert 'href="/codes/M00">M00</a>' in html and 'href="/codes/J7321"' in html
    assert "207X00000X" in html
    assert 'type="application/rss+xml"' in html


def test_unknown_specialty_is_404(client):
    assert client.get("/specialties/astrology").status_code == 404
    assert client.get("/specialties/astrology/feed.xml").status_code == 404


def test_specialty_feed_is_valid_rss_of_live_jobs(client, ortho_jobs):
    response = client.get("/specialties/orthopedics/feed.xml")
    assert response.status_code == 200
    assert response.content_type.startswith("application/rss+xml")
    channel = ET.fromstring(response.data).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert sorted(titles) == sorted(["Orthopedic Coder — " + ortho_jobs[0].company.name,
                                     "Hand Surgery Coder — " + ortho_jobs[1].company.name])
    links = [item.findtext("link") for item in channel.findall("item")]
    assert all(link.startswith("http://careercenter.test/jobs/") for link in links)
    assert all(item.findtext("pubDate") for item in channel.findall("item"))


def test_icd10cm_code_page_shows_the_public_description(client, ortho_jobs):
    add_icd10cm()
    html = client.get("/codes/M17.11").get_data(as_text=True)
    assert "Unilateral primary osteoarthritis, right knee" in html
    assert "ICD-10-CM" in html and "Diseases of the musculoskeletal system" in html
    assert 'href="/specialties/orthopedics"' in html
    assert "Orthopedic Coder" in html  # in its specialty
    assert "not loaded" not in html


def test_code_page_without_the_icd_list_falls_back_to_the_format(client):
    response = client.get("/codes/M17.11")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "checked by their format only" in html
    assert "osteoarthritis" not in html


def test_typed_spellings_redirect_to_the_code_page(client):
    add_icd10cm()
    assert client.get("/codes/e11.9").headers["Location"].endswith("/codes/E11.9")
    assert client.get("/codes?q= m17.11 ").headers["Location"].endswith("/codes/M17.11")


def test_cpt_code_page_shows_section_names_never_descriptors(client, ortho_jobs):
    for code in ("99213", "29881", "27447"):
        html = client.get(f"/codes/{code}").get_data(as_text=True).lower()
        assert not [words for words in CPT_DESCRIPTOR_WORDS if words in html], code
    html = client.get("/codes/29881").get_data(as_text=True)
    assert "Surgery" in html and "Musculoskeletal system" in html
    assert "Orthopedic Coder" in html
    html = client.get("/codes/99213").get_data(as_text=True)
    assert "Office or other outpatient services" in html


@pytest.mark.parametrize("code", ["ABC", "CPC", "12", "27447X", "E11.12345", "Q99.Z9Z"])
def test_malformed_or_unknown_codes_get_a_helpful_404(client, code):
    add_icd10cm()
    response = client.get(f"/codes/{code}")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "We don't know that code" in html
    assert 'name="q"' in html and 'action="/codes"' in html


def test_job_page_shows_its_links_as_chips(client, app):
    add_icd10cm()
    job = make_job(title="Orthopedic Coder")
    add_link(job, LinkKind.SETTING, "professional-fee", LinkSource.LINKER, score=2.0)
    add_link(job, LinkKind.SPECIALTY, "orthopedics", LinkSource.EMPLOYER)
    add_link(job, LinkKind.SPECIALTY, "cardiology", LinkSource.REMOVED)
    add_link(job, LinkKind.CREDENTIAL, "COSC", LinkSource.LINKER, required=True)
    add_link(job, LinkKind.CREDENTIAL, "CPC", LinkSource.LINKER, required=False)
    add_link(job, LinkKind.CODE, "29881", LinkSource.LINKER)
    add_link(job, LinkKind.CODE, "M17.11", LinkSource.LINKER)
    html = client.get(f"/jobs/{job.id}-{job.slug}").get_data(as_text=True)
    chips = html[html.index('class="job-links'):html.index('class="job-description')]
    assert 'href="/jobs?setting=professional-fee">Professional fee' in chips
    assert 'href="/specialties/orthopedics"' in chips
    assert "cardiology" not in chips
    assert re.search(r'href="/jobs\?credential=COSC"[^>]*>COSC <span[^>]*>\(required\)', chips)
    assert re.search(r'href="/jobs\?credential=CPC"[^>]*>CPC <span[^>]*>\(preferred\)', chips)
    assert 'href="/codes/29881" title="CPT · Surgery · Musculoskeletal system">29881' in chips
    assert 'href="/codes/M17.11"' in chips


def test_job_page_without_links_has_no_chip_box(client):
    job = make_job()
    db.session.commit()
    assert 'class="job-links' not in client.get(f"/jobs/{job.id}-{job.slug}").get_data(as_text=True)


def test_dotless_icd10cm_code_opens_the_icd10cm_page_and_names_the_hcpcs_reading(client):
    add_icd10cm({"M17.11": "Unilateral primary osteoarthritis, right knee", "J96.01": "Acute respiratory failure with hypoxia"})
    for typed, dotted in (("M1711", "M17.11"), ("j9601", "J96.01")):
        response = client.get(f"/codes/{typed}")
        assert response.status_code == 301 and response.headers["Location"].endswith(f"/codes/{dotted}"), typed
        html = client.get(f"/codes/{dotted}").get_data(as_text=True)
        assert "ICD-10-CM" in html and "Another reading of the same characters" in html
        assert f'?reading=hcpcs">{typed.upper()}</a> (HCPCS Level II)' in html
    # The HCPCS reading's own page searches the posts' text: the code filter would read ICD-10-CM again.
    other = client.get("/codes/M1711?reading=hcpcs").get_data(as_text=True)
    assert "HCPCS Level II" in other and 'href="/jobs?q=M1711">Search jobs naming M1711' in other
    assert 'href="/jobs?code=M1711"' not in other
    assert 'href="/jobs?code=M17.11">Search jobs for this code' in client.get("/codes/M17.11").get_data(as_text=True)
    # No ICD-10-CM J92.71 exists, so J9271 stays the HCPCS drug code.
    html = client.get("/codes/J9271").get_data(as_text=True)
    assert "HCPCS Level II" in html and "J92.71" not in html


@pytest.mark.parametrize("slug", ["orthopedics", "radiology", "rehab-therapy", "behavioral-health"])
def test_specialty_page_shows_no_internal_notes_and_leads_to_search_and_alerts(client, slug):
    html = client.get(f"/specialties/{slug}").get_data(as_text=True)
    assert "verify" not in html.lower()
    assert f'href="/jobs?specialty={slug}">Search jobs in this specialty</a>' in html
    assert f'href="/alerts/new?specialty={slug}">Get alerts</a>' in html
    if slug == "orthopedics":
        assert "<strong>23</strong> Sports medicine" in html
    if slug == "radiology":
        assert "<strong>95</strong>" not in html
