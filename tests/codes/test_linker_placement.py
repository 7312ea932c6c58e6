"""Placing codes: sections, subsections, ICD-10-CM chapters, HCPCS sections, specialty ranking,
and the describe_code / specialties_for_code helpers for the web pages."""

import pytest

from careercenter.codes.linker import describe_code, specialties_for_code
from careercenter.codes.linker import ranges


@pytest.mark.parametrize(
    "code, system, category, section, subsection",
    [
        ("99202", "cpt", "cat1", "evaluation-management", "office-outpatient"),
        ("99215", "cpt", "cat1", "evaluation-management", "office-outpatient"),
        ("99499", "cpt", "cat1", "evaluation-management", "other-em"),
        ("98005", "cpt", "cat1", "evaluation-management", "telemedicine-em"),
        ("98016", "cpt", "cat1", "evaluation-management", "telemedicine-em"),
        ("98017", "cpt", "cat1", "medicine", None),
        ("99100", "cpt", "cat1", "medicine", "anesthesia-qualifying-circumstances"),
        ("99140", "cpt", "cat1", "medicine", "anesthesia-qualifying-circumstances"),
        ("99199", "cpt", "cat1", "medicine", "other-services"),
        ("99500", "cpt", "cat1", "medicine", "home-health-procedures"),
        ("99607", "cpt", "cat1", "medicine", "medication-therapy-management"),
        ("00100", "cpt", "cat1", "anesthesia", "head"),
        ("01999", "cpt", "cat1", "anesthesia", "other-procedures"),
        ("10004", "cpt", "cat1", "surgery", "general"),
        ("27447", "cpt", "cat1", "surgery", "musculoskeletal"),
        ("33533", "cpt", "cat1", "surgery", "cardiovascular"),
        ("60000", "cpt", "cat1", "surgery", "endocrine"),
        ("69990", "cpt", "cat1", "surgery", "operating-microscope"),
        ("70010", "cpt", "cat1", "radiology", "diagnostic-radiology"),
        ("81479", "cpt", "cat1", "pathology-laboratory", "molecular-pathology"),
        ("81420", "cpt", "cat1", "pathology-laboratory", "genomic-sequencing"),
        ("93458", "cpt", "cat1", "medicine", "cardiovascular"),
        ("0707T", "cpt", "cat3", "category-iii", None),
        ("3044F", "cpt", "cat2", "category-ii", None),
        ("0001U", "cpt", "pla", "pathology-laboratory", "pla"),
        ("0004M", "cpt", "maaa", "pathology-laboratory", "maaa-administrative"),
        ("U0003", "hcpcs", None, "u-coronavirus-lab", None),
        ("J9271", "hcpcs", None, "j-chemotherapy", None),
        ("J8499", "hcpcs", None, "j-drugs-non-oral", None),
        ("J8501", "hcpcs", None, "j-chemotherapy", None),
        ("L4631", "hcpcs", None, "l-orthotics", None),
        ("L5000", "hcpcs", None, "l-prosthetics", None),
        ("K1034", "hcpcs", None, "k-dme-mac-temporary", None),
        ("D0120", "cdt", None, "d-dental", None),
        ("O9A.211", "icd10cm", None, "chapter-15", None),
        ("QA0.0101", "icd10cm", None, "chapter-17", None),
        ("U07.1", "icd10cm", None, "chapter-22", None),
        ("D49.9", "icd10cm", None, "chapter-2", None),
        ("D50.0", "icd10cm", None, "chapter-3", None),
        ("0DTJ4ZZ", "icd10pcs", None, "medical-and-surgical", None),
        ("470", "ms-drg", None, None, None),
    ],
)
def test_describe_code_places_code(code, system, category, section, subsection):
    described = describe_code(code)
    assert described is not None
    assert described["system"] == system
    assert described.get("cpt_category") == category
    assert described["section"] == section
    assert described["subsection"] == subsection


@pytest.mark.parametrize(
    "typed, normalised, system",
    [
        (" m17.11 ", "M17.11", "icd10cm"),
        ("o9a211", "O9A.211", "icd10cm"),
        ("F331", "F33.1", "icd10cm"),
        ("S72001A", "S72.001A", "icd10cm"),
        ("E11.-", "E11", "icd10cm"),
        ("0707t", "0707T", "cpt"),
        ("j 9271", "J9271", "hcpcs"),
        ("j 9312", "J93.12", "icd10cm"),  # a real ICD-10-CM code without its dot
    ],
)
def test_describe_code_normalises(typed, normalised, system):
    described = describe_code(typed)
    assert described["code"] == normalised
    assert described["system"] == system


@pytest.mark.parametrize("typed", ["", "abc", "12", "2744", "274470", "E11.12345", "F1234", "0DTJ4ZO", "S03.4XXA"])
def test_describe_code_rejects_malformed(typed):
    assert describe_code(typed) is None


def test_deleted_e_m_code_has_no_section():
    described = describe_code("99201")
    assert described["section"] is None
    assert describe_code("99202")["section"] == "evaluation-management"


def test_ambiguous_letter_code_lists_the_other_reading():
    # J93.12 is in the ICD-10-CM list, so that reading wins; the HCPCS drug code is the other one.
    described = describe_code("J9312")
    assert described["system"] == "icd10cm" and described["code"] == "J93.12"
    assert {"code": "J9312", "system": "hcpcs", "system_name": "HCPCS Level II"} in described["alternatives"]
    assert describe_code("J9312", system="hcpcs")["system"] == "hcpcs"
    # Checked by format only, the list cannot say J93.12 exists: HCPCS stays first.
    unchecked = describe_code("J9312", icd10cm_lookup=lambda code: True, icd10cm_validated=False)
    assert unchecked["system"] == "hcpcs"
    assert {"code": "J93.12", "system": "icd10cm", "system_name": "ICD-10-CM"} in unchecked["alternatives"]


def test_icd_description_comes_from_the_lookup():
    described = describe_code("M17.11", icd10cm_lookup=lambda code: "knee OA" if code == "M17.11" else False)
    assert described["description"] == "knee OA"
    assert describe_code("M17.11", icd10cm_lookup=lambda code: False) is None


@pytest.mark.parametrize(
    "code, first, also",
    [
        ("27447", "orthopedics", []),
        ("20610", "orthopedics", []),
        ("33533", "cardiothoracic-vascular", ["cardiology"]),  # 33510-33548 is narrower
        ("33208", "cardiology", ["cardiothoracic-vascular"]),
        ("93458", "cardiology", []),
        ("99100", "anesthesia-pain", []),
        ("01402", "orthopedics", ["anesthesia-pain"]),  # 01200-01522 is narrower than 00100-01999
        ("64447", "anesthesia-pain", ["neurology-neurosurgery"]),
        ("C1874", "interventional-radiology", ["cardiology"]),
        ("J9271", "hematology-oncology", []),
        ("Q5107", "hematology-oncology", []),
        ("L1833", "orthopedics", ["rehab-therapy"]),
        ("O9A.211", "obgyn", []),
        ("Z3A.20", "obgyn", []),
        ("C4A.9", "dermatology", []),
        ("E11.359", "ophthalmology", ["primary-care"]),  # E11.3 beats E11
        ("I25.10", "cardiothoracic-vascular", ["cardiology"]),
        ("Z51.11", "hematology-oncology", []),
        ("0001U", "pathology-lab", []),
        ("D0120", "dental-oms", []),
    ],
)
def test_specialties_ranked_by_narrowness(code, first, also):
    ranked = [item["slug"] for item in specialties_for_code(code)]
    assert ranked[0] == first
    for slug in also:
        assert slug in ranked[1:]


@pytest.mark.parametrize("code", ["0707T", "3044F", "0DTJ4ZZ", "470", "98005"])
def test_codes_without_specialty_ranges(code):
    assert specialties_for_code(code) == []


@pytest.mark.parametrize(
    "kind, lo, hi, code, inside",
    [
        ("cpt", "99202", "99215", "99201", False),
        ("cpt", "99202", "99215", "99202", True),
        ("cpt", "99202", "99215", "99215", True),
        ("cpt", "99202", "99215", "99216", False),
        ("cpt", "00100", "01999", "00100", True),
        ("suffixed", "0002M", "0018M", "0018M", True),
        ("suffixed", "0002M", "0018M", "0018U", False),
        ("hcpcs", "J8501", "J9999", "J9312", True),
        ("hcpcs", "J8501", "J9999", "K9312", False),
        ("icd10cm", "E11", "E11", "E11.9", True),
        ("icd10cm", "E11.3", "E11.3", "E11.359", True),
        ("icd10cm", "E11.3", "E11.3", "E11.9", False),
        ("icd10cm", "O00", "O9A", "O9A.211", True),
        ("icd10cm", "Q00", "QA0", "QA0.0101", True),
        ("icd10cm", "Q00", "Q99", "QA0.0101", False),
        ("icd10cm", "C00", "D49", "D50.0", False),
    ],
)
def test_range_membership(kind, lo, hi, code, inside):
    assert ranges.contains(kind, lo, hi, code) is inside


def test_narrower_ranges_have_smaller_width():
    assert ranges.width("cpt", "33510", "33548") < ranges.width("cpt", "33016", "37799")
    assert ranges.width("icd10cm", "E11.3", "E11.3") < ranges.width("icd10cm", "E11", "E11")
    assert ranges.width("icd10cm", "E11", "E11") < ranges.width("icd10cm", "E00", "E89")
    assert ranges.width("hcpcs", "C1874", "C1874") < ranges.width("hcpcs", "C1700", "C1899")
