"""Credentials: whole-token matching, other meanings of acronyms, required vs preferred."""

import pytest

from careercenter.codes.linker.credentials import find_credentials


def codes(text):
    return [entry["code"] for entry in find_credentials(text)]


def required(text):
    return {entry["code"]: entry["required"] for entry in find_credentials(text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("CPC required", ["CPC"]),
        ("CPC-A welcome", ["CPC-A"]),
        ("Hold a CPC, CPC-A, COC, CCS or CCS-P credential", ["CPC", "CPC-A", "COC", "CCS", "CCS-P"]),
        ("CCS-P or CCSP", ["CCS-P"]),
        ("Certified Professional Coder (CPC)", ["CPC"]),
        ("Certified Professional Coder - Apprentice", ["CPC"]),  # alias of CPC, then free text
        ("CPC Apprentice", ["CPC-A"]),
        ("formerly CPC-H", ["COC"]),
        ("RHIT/RHIA", ["RHIT", "RHIA"]),
        ("CDI certification (CCDS or CDIP)", ["CCDS", "CDIP"]),
        ("CCDS-O for outpatient", ["CCDS-O"]),
        ("BCHH-C and HCS-D", ["BCHH-C", "HCS-D"]),
    ],
)
def test_finds_credentials(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We are an AAPC chapter and AHIMA-approved program",
        "CPCO certification is not the same",  # CPCO is its own credential
        "cpc in lower case is not the credential",
        "Commission on Cancer (CoC) accredited",
        "CPC-P is the payer credential",  # its own credential, never CPC
        "CRC screening for colorectal cancer patients",
        "perfusion during CPB (cardiopulmonary bypass)",
        "improve CTR on our ad campaigns",
        "CDIS and CDI specialists",  # job titles, not credentials
        "registered nurse license",  # RN matches only as the token
        "ICD-10-CM codes and CPT",
        "Open to non-CPC and non-CCS candidates",  # glued to a hyphenated word
    ],
)
def test_credential_traps(text):
    found = codes(text)
    assert "CPC" not in found
    assert "CRC" not in found and "CPB" not in found and "CTR" not in found
    assert "COC" not in found and "RN" not in found
    assert "CCS" not in found


def test_credentials_inside_other_tokens_name_their_own_code():
    assert codes("CPCO, CPC-P and CPC-H") == ["CPCO", "CPC-P", "COC"]


def test_rn_as_a_token_is_the_license():
    assert codes("RN with CDI experience") == ["RN"]


def test_crc_in_a_risk_adjustment_post_is_the_credential():
    assert codes("CRC required for this HCC coding role") == ["CRC"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("CPC required", {"CPC": True}),
        ("Active CPMA certification (mandatory)", {"CPMA": True}),
        ("CPC or CCS-P required; COSC strongly preferred", {"CPC": True, "CCS-P": True, "COSC": False}),
        ("CRC required; a CPC or CCS alongside it is welcome", {"CRC": True, "CPC": False, "CCS": False}),
        ("An entry-level credential such as the CCA is helpful but not required", {"CCA": False}),
        ("CPC, CCS or RHIT preferred", {"CPC": False, "CCS": False, "RHIT": False}),
        ("Preferred: RHIA.", {"RHIA": False}),
        ("COC, CEDC, CPC or CCS required (CEDC preferred)",
         {"COC": True, "CEDC": True, "CPC": True, "CCS": True}),
        ("CANPC required, or CPC with the CANPC obtained within the first year", {"CANPC": True, "CPC": True}),
        ("CPC in addition to CPMA is highly desirable", {"CPC": False, "CPMA": False}),
        ("Requirements\n- RHIT plus either CCS or CIC\n", {"RHIT": True, "CCS": True, "CIC": True}),
        ("Nice to have\n- CPC\n", {"CPC": False}),
        ("We work with CPC coders every day", {"CPC": None}),
        ("CEMC is a plus", {"CEMC": False}),
        ("An RN license is not needed", {"RN": False}),
        ("You must hold a CCS", {"CCS": True}),
        ("What you bring\n- RHIT plus CCS or CIC (RHIA welcome)\n",
         {"RHIT": True, "CCS": True, "CIC": True, "RHIA": False}),
        ("CPC (CRC preferred) required", {"CPC": True, "CRC": False}),
    ],
)
def test_required_versus_preferred(text, expected):
    assert required(text) == expected


def test_required_anywhere_wins_over_preferred_elsewhere():
    text = "Active CPMA certification (mandatory).\nCPC in addition to CPMA is highly desirable."
    assert required(text) == {"CPMA": True, "CPC": False}


def test_alternatives_share_the_weight():
    entries = {e["code"]: e for e in find_credentials("CPC, COC or CCS required. CRC required.")}
    assert entries["CPC"]["share"] == pytest.approx(1 / 3)
    assert entries["CRC"]["share"] == 1.0


def test_title_mention_is_marked_and_evidence_is_kept():
    title = "Risk Adjustment Coder (CRC)"
    entries = find_credentials(f"{title}\nCRC required.", title_length=len(title))
    assert entries[0]["in_title"] is True
    assert entries[0]["required"] is True
    assert entries[0]["evidence"] == ["Risk Adjustment Coder (CRC)", "CRC required"]
