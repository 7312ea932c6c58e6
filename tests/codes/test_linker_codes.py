"""Finding literal codes in post text: formats, context rules and the number traps."""

import pytest

from careercenter.codes.linker.codes import describe_found, find_codes


def codes_in(text, lookup=None):
    return {(f.reading.system, f.reading.code) for f in find_codes(text, lookup)}


@pytest.mark.parametrize(
    "text, expected",
    [
        # CPT Category I, with code context in the post
        ("Code E/M visits 99202-99215 and CPT 27447.", {("cpt", "99202"), ("cpt", "99215"), ("cpt", "27447")}),
        ("CPT 99281 through 99285", {("cpt", "99281"), ("cpt", "99285")}),
        ("Anesthesia codes 00100 and 01402", {("cpt", "00100"), ("cpt", "01402")}),
        ("Telemedicine E/M code 98005", {("cpt", "98005")}),
        ("Qualifying circumstance code 99100", {("cpt", "99100")}),
        ("CABG coding such as 33533", {("cpt", "33533")}),
        # deleted / unassigned numbers land in no section, so they are not taken
        ("Old office code 99201", set()),
        ("Code 99999 is not assigned", set()),
        # Category II, III, PLA, MAAA trusted on shape
        ("Quality code 3044F and emerging technology 0707T", {("cpt", "3044F"), ("cpt", "0707T")}),
        ("PLA 0001U versus HCPCS U0003", {("cpt", "0001U"), ("hcpcs", "U0003")}),
        ("MAAA code 0004M", {("cpt", "0004M")}),
        # HCPCS Level II and CDT
        ("HCPCS J9312 for rituximab and Q5107", {("hcpcs", "J9312"), ("hcpcs", "Q5107")}),
        ("bracing with L1833 and C-code C1874", {("hcpcs", "L1833"), ("hcpcs", "C1874")}),
        ("Dental CDT code D0120", {("cdt", "D0120")}),
        # ICD-10-CM: dotted, undotted, letters in category positions, 7th characters
        ("ICD-10-CM M17.11 for knee OA", {("icd10cm", "M17.11")}),
        ("diagnosis M1711 from the extract", {("icd10cm", "M17.11")}),
        ("Pregnancy code O9A.211 and O9A211", {("icd10cm", "O9A.211")}),
        ("Congenital QA0.0101 diagnosis", {("icd10cm", "QA0.0101")}),
        ("Injury S01.81XA with W19.XXXA", {("icd10cm", "S01.81XA"), ("icd10cm", "W19.XXXA")}),
        ("diagnosis codes F331 and N184", {("icd10cm", "F33.1"), ("icd10cm", "N18.4")}),
        ("diagnosis J9312 pneumothorax", {("icd10cm", "J93.12")}),
        ("Code I10 for hypertension", {("icd10cm", "I10")}),
        ("Truncated E11.- in the guidance", {("icd10cm", "E11")}),
        # invalid ICD-10-CM strings are dropped
        ("ICD-10-CM S03.4XXA is no longer valid", set()),
        # ICD-10-PCS needs PCS context; undotted 7-character ICD-10-CM wins without it
        ("ICD-10-PCS code 0DTJ4ZZ", {("icd10pcs", "0DTJ4ZZ")}),
        ("hip fracture diagnosis S72001A", {("icd10cm", "S72.001A")}),
        # DRGs need DRG words; APR-DRG is its own system
        ("MS-DRG 470 and DRG #871", {("ms-drg", "470"), ("ms-drg", "871")}),
        ("APR-DRG 720 severity", {("apr-drg", "720")}),
        ("job code 562 for coders", set()),
    ],
)
def test_finds_codes(text, expected):
    assert codes_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "CPT coding job. Salary $60000 per year.",
        "CPT coding job. Salary 60000 per year.",
        "CPT coding job paying 60000/yr.",
        "CPT coding job paying $60,000 to $64,500 a year.",
        "CPT coder wanted at 1 Main St, New York, NY 10004.",
        "CPT coder, zip code 10004.",
        "CPT coder near Fremont, CA 94538 campus.",
        "CPT coder in Chicago IL 60601.",
        "CPT coder. Office at 20610 Main Street.",
        "CPT coder. Call (212) 555-0143 or 555-867-5309.",
        "CPT coder. Requisition 27447, Job ID 99213, Req #33533.",
        "CPT coder for 62,000 emergency visits and 40000 charts a year.",
        "CPT coding in 2024 and FY2026 with 95% accuracy.",
        "CMS-HCC V28 model replaces V24 for coding.",
        "CPT coder; 12 months; modifiers 25, 59, XS, RT and LT.",
        "CPT coder paid INR 4.8 lakh, 60k bonus.",
        "CPT coder; see posting item #27447 and USD 61000.",
        "Wear N95 masks while coding on site.",
        "Billing codes sent as ANSI X12 837 transactions.",
    ],
)
def test_never_takes_pay_zip_phone_ids_years_or_modifiers(text):
    assert codes_in(text) == set()


def test_bare_five_digit_number_needs_a_coding_post():
    assert codes_in("27447") == set()
    assert codes_in("Total knee arthroplasty 27447 for our coders") == {("cpt", "27447")}


def test_state_words_that_are_english_do_not_hide_codes():
    assert codes_in("CPT 27447 OR 27446") == {("cpt", "27447"), ("cpt", "27446")}


def test_custom_icd10cm_lookup_is_used():
    accepted = {"M17.11"}
    found = codes_in("ICD-10-CM M17.11 and M17.12", lookup=lambda code: code in accepted)
    assert found == {("icd10cm", "M17.11")}


def test_letter_code_goes_to_the_nearest_context():
    text = "ICD-10-CM M1711 for the knee; HCPCS J9312 for the drug"
    assert codes_in(text) == {("icd10cm", "M17.11"), ("hcpcs", "J9312")}


def test_described_code_has_the_output_shape():
    [found] = find_codes("CPT 27447")
    out = describe_found(found)
    assert out["code"] == "27447"
    assert out["system"] == "cpt"
    assert out["cpt_category"] == "cat1"
    assert out["section"] == "surgery"
    assert out["subsection"] == "musculoskeletal"
    assert out["specialties"][0] == "orthopedics"
