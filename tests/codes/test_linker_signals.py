"""Code systems named in words, keyword matching and how link_post combines the signals."""

import json

import pytest

from careercenter.codes.linker import link_post
from careercenter.codes.linker.keywords import find_hits
from careercenter.codes.linker.systems import named_systems


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Assign ICD-10-CM and ICD-10-PCS codes", {"icd10cm", "icd10pcs"}),
        ("coding with ICD-10-CM/PCS, CPT and HCPCS", {"icd10cm", "icd10pcs", "cpt", "hcpcs"}),
        ("ICD-10 diagnosis coding", {"icd10cm"}),
        ("ICD-10-PCS only", {"icd10pcs"}),
        ("report J-codes and Q-codes", {"hcpcs"}),
        ("validate DRGs", {"ms-drg"}),
        ("MS-DRG and APR-DRG assignment", {"ms-drg", "apr-drg"}),
        ("APR-DRG only", {"apr-drg"}),
        ("CMS-HCC V28 model", {"hcc"}),
        ("E/M leveling", {"cpt"}),
        ("CDT dental codes", {"cdt"}),
        ("pacemaker and ICD implants", set()),  # ICD the defibrillator
        ("HCC (hepatocellular carcinoma) cases", set()),
        ("an AAPC member with a CPC-A", set()),
    ],
)
def test_named_systems(text, expected):
    assert set(named_systems(text)) == expected


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Great air quality and tips for meat lovers", None),  # acronyms only in capitals
        ("the AIR and FQHC PPS rules", "AIR"),
        ("ROI on the new encoder, a return on investment", None),
        ("ROI requests from attorneys", "ROI"),
        ("MAC jurisdiction and Medicare Administrative Contractor LCDs", None),
        ("QS modifier for MAC cases", "MAC"),
    ],
)
def test_acronym_keywords_respect_case_and_other_meanings(text, phrase):
    found = {hit.phrase for hit in find_hits("settings", "", text)} | \
        {hit.phrase for hit in find_hits("specialties", "", text)}
    acronyms = {p for p in found if p in {"AIR", "ROI", "MAC", "TIPS"}}
    assert acronyms == ({phrase} if phrase else set())


def test_inpatient_as_a_claim_type_is_not_a_setting():
    post = {"title": "Payment Integrity Analyst",
            "description": "Review inpatient, outpatient, professional and ancillary claims for health plans."}
    slugs = [s["slug"] for s in link_post(post)["settings"]]
    assert slugs == ["payment-integrity"]


def test_structured_fields_win():
    post = {"title": "Coder", "description": "General coding work.",
            "settings": ["cdi"], "specialties": ["urology"], "credentials": ["CUC"]}
    result = link_post(post)
    assert [s["slug"] for s in result["settings"]] == ["cdi"]
    assert "urology" in [s["slug"] for s in result["specialties"]]
    assert [c["code"] for c in result["credentials"]] == ["CUC"]


def test_him_words_in_a_coder_title_are_a_job_series():
    post = {"title": "Medical Records Technician (Coder) - Inpatient",
            "description": "Health Information Management department. Code inpatient stays with ICD-10-PCS and DRGs."}
    slugs = [s["slug"] for s in link_post(post)["settings"]]
    assert "him" not in slugs
    assert "inpatient-facility" in slugs


def test_him_title_without_coding_is_him():
    post = {"title": "Release of Information Specialist - HIM",
            "description": "Process release of information requests and record completion. RHIT preferred."}
    assert [s["slug"] for s in link_post(post)["settings"]][0] == "him"


def test_codes_alone_do_not_make_a_specialty():
    post = {"title": "Risk Adjustment Coder", "employer_type": "payer",
            "description": "Check the encounter is a face-to-face E/M 99202-99215; capture E11.22, N18.4 and I50.22 "
                           "for HCC risk adjustment. CRC required."}
    result = link_post(post)
    assert result["specialties"] == []
    assert [s["slug"] for s in result["settings"]] == ["risk-adjustment"]


def test_credential_outweighs_codes_of_another_specialty():
    post = {"title": "Interventional Coder (CIRCC)",
            "description": "Code cath lab cases 93458 and 92928, selective catheterization 36247 and stents 37236, "
                           "C1874 and ICD-10-CM I25.10. CIRCC required."}
    slugs = [s["slug"] for s in link_post(post)["specialties"]]
    assert set(slugs) == {"cardiology", "interventional-radiology"}


def test_output_shape_is_json_serialisable():
    post = {"title": "Orthopedic Coder (COSC)", "description": "CPT 27447 and M17.11. COSC required.",
            "employer_type": "physician-group"}
    result = link_post(post)
    assert set(result) == {"settings", "specialties", "credentials", "code_systems", "codes"}
    json.dumps(result)
    for item in result["settings"] + result["specialties"]:
        assert set(item) >= {"slug", "score", "evidence"} and item["evidence"]
    for item in result["credentials"]:
        assert set(item) == {"code", "required", "evidence"}
    for item in result["codes"]:
        assert set(item) >= {"code", "system", "section", "subsection", "specialties"}
    assert result["code_systems"] == ["icd10cm", "cpt"]


def test_empty_post_links_to_nothing():
    assert link_post({"title": "", "description": ""}) == {
        "settings": [], "specialties": [], "credentials": [], "code_systems": [], "codes": []}
