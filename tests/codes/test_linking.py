"""Posts get their links in the background; the employer's choices and removals win."""

import pytest

from careercenter.codes.services import record_employer_choices
from careercenter.codes.tasks import link_job
from careercenter.extensions import db
from careercenter.jobs.models import LinkKind, LinkSource
from careercenter.jobs.tasks import PUBLISHED_PIPELINE
from tests.support.codes_factories import add_icd10cm, add_link, links_of
from tests.support.factories import login, make_employer, make_job, make_user

ORTHO = ("Orthopedic coding for our surgeons: arthroscopy 29881, joint replacement 27447 and "
         "M17.11. COSC required, CPC preferred. ZIP 43215, salary $58,000.")
CARDIO = "Cardiology coder for cardiac catheterization (93458) and echo. CCC preferred."


@pytest.fixture
def ortho_job(app):
    add_icd10cm()
    return make_job(title="Orthopedic Pro-Fee Coder", description_md=ORTHO)


def test_linking_is_the_first_published_step():
    assert PUBLISHED_PIPELINE[0] == "careercenter.codes.tasks:link_job"


def test_links_are_stored_with_score_and_evidence(ortho_job):
    link_job(ortho_job.id)
    links = links_of(ortho_job)
    assert all(link.source == LinkSource.LINKER for link in links.values())
    specialty = links[(LinkKind.SPECIALTY, "orthopedics")]
    assert specialty.score > 0 and "29881" in specialty.evidence
    assert links[(LinkKind.CREDENTIAL, "COSC")].required is True
    assert links[(LinkKind.CREDENTIAL, "CPC")].required is False
    assert (LinkKind.SETTING, "professional-fee") in links
    assert {(LinkKind.CODE, c) for c in ("29881", "27447", "M17.11")} <= set(links)
    assert (LinkKind.CODE_SYSTEM, "cpt") in links
    assert "surgery" in links[(LinkKind.CODE, "29881")].evidence[0]
    assert not any(v in ("43215", "58000") for _, v in links)


def test_employer_choices_win_and_removed_suggestions_stay_removed(ortho_job):
    add_link(ortho_job, LinkKind.SPECIALTY, "orthopedics", LinkSource.EMPLOYER, evidence=["chosen by employer"])
    add_link(ortho_job, LinkKind.CREDENTIAL, "CPC", LinkSource.REMOVED)
    add_link(ortho_job, LinkKind.SPECIALTY, "pain-management", LinkSource.EMPLOYER)
    link_job(ortho_job.id)
    links = links_of(ortho_job)
    assert links[(LinkKind.SPECIALTY, "orthopedics")].source == LinkSource.EMPLOYER
    assert links[(LinkKind.SPECIALTY, "orthopedics")].evidence == ["chosen by employer"]
    assert links[(LinkKind.SPECIALTY, "pain-management")].source == LinkSource.EMPLOYER
    assert links[(LinkKind.CREDENTIAL, "CPC")].source == LinkSource.REMOVED
    assert links[(LinkKind.CREDENTIAL, "COSC")].source == LinkSource.LINKER


def test_relinking_after_an_edit_replaces_the_linkers_rows(ortho_job):
    link_job(ortho_job.id)
    add_link(ortho_job, LinkKind.SETTING, "auditing-compliance", LinkSource.EMPLOYER)
    ortho_job.title, ortho_job.description_md = "Cardiology Coder", CARDIO
    db.session.commit()
    link_job(ortho_job.id)
    link_job(ortho_job.id)  # running twice is harmless
    links = links_of(ortho_job)
    assert (LinkKind.SPECIALTY, "orthopedics") not in links
    assert (LinkKind.CODE, "29881") not in links
    assert links[(LinkKind.SPECIALTY, "cardiology")].source == LinkSource.LINKER
    assert (LinkKind.CODE, "93458") in links
    assert links[(LinkKind.SETTING, "auditing-compliance")].source == LinkSource.EMPLOYER


def test_a_deleted_post_is_skipped(app):
    assert link_job(987654) is None


def test_editor_choices_are_recorded_as_employer_and_removed_rows(ortho_job):
    link_job(ortho_job.id)
    record_employer_choices(ortho_job, chosen={"specialties": ["orthopedics"], "credentials": ["COSC"]},
                            suggested={"specialties": ["orthopedics"], "credentials": ["COSC", "CPC"]})
    db.session.commit()
    link_job(ortho_job.id)
    links = links_of(ortho_job)
    assert links[(LinkKind.SPECIALTY, "orthopedics")].source == LinkSource.EMPLOYER
    assert links[(LinkKind.CREDENTIAL, "COSC")].source == LinkSource.EMPLOYER
    assert links[(LinkKind.CREDENTIAL, "CPC")].source == LinkSource.REMOVED


def _suggest(client, **body):
    body.setdefault("title", "Orthopedic Coder")
    body.setdefault("description", ORTHO)
    return client.post("/codes/suggest", json=body, headers={"Accept": "application/json"})


def test_suggest_gives_the_editor_named_suggestions(app, client):
    add_icd10cm()
    user, _ = make_employer()
    login(client, user.email)
    response = _suggest(client, removed={"credentials": ["CPC"]})
    assert response.status_code == 200
    data = response.get_json()
    assert {"slug": "orthopedics"}.items() <= data["specialties"][0].items()
    assert data["specialties"][0]["name"].startswith("Orthopedics")
    assert "COSC" in [c["code"] for c in data["credentials"]]
    assert "CPC" not in [c["code"] for c in data["credentials"]]
    assert "29881" in [c["code"] for c in data["codes"]]
    assert data["note"] is None


def test_suggest_without_the_icd_list_says_so(app, client):
    user, _ = make_employer()
    login(client, user.email)
    assert "not loaded" in _suggest(client).get_json()["note"]


def test_suggest_rejects_bad_input_with_a_message(app, client):
    user, _ = make_employer()
    login(client, user.email)
    assert _suggest(client, title="", description=" ").status_code == 400
    assert _suggest(client, settings="inpatient").get_json()["error"]["message"].startswith("settings")
    response = client.post("/codes/suggest", data="nope", content_type="application/json")
    assert response.status_code == 400


def test_suggest_is_for_employers_only(app, client):
    assert _suggest(client).status_code == 302  # to sign in
    seeker = make_user()
    login(client, seeker.email)
    assert _suggest(client).status_code == 403


def test_suggest_needs_the_csrf_token(app, client):
    user, _ = make_employer()
    login(client, user.email)
    app.config["WTF_CSRF_ENABLED"] = True
    assert _suggest(client).status_code == 400
