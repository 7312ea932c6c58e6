"""The code pages' search box: words search the ICD-10-CM descriptions; names of code systems are
written for people; a CPT number in no current section is not a page."""

import pytest

from tests.support.codes_factories import add_icd10cm

DIABETES = {
    "E11": "Type 2 diabetes mellitus",
    "E11.22": "Type 2 diabetes mellitus with diabetic chronic kidney disease",
    "E11.9": "Type 2 diabetes mellitus without complications",
    "E10.9": "Type 1 diabetes mellitus without complications",
    "I10": "Essential (primary) hypertension",
    "M17.11": "Unilateral primary osteoarthritis, right knee",
}


def test_other_readings_of_a_code_use_the_systems_human_names(client):
    # Without the ICD-10-CM list a dotless E1122 is read as HCPCS first, ICD-10-CM second.
    html = client.get("/codes/E1122").get_data(as_text=True)
    assert "HCPCS Level II" in html
    assert '<a href="/codes/E11.22">E11.22</a> (ICD-10-CM)' in html
    assert "ICD10CM" not in html
    # With the list, E11.22 is a real ICD-10-CM code, so that reading wins and HCPCS is the other.
    add_icd10cm(DIABETES)
    assert client.get("/codes/E1122").headers["Location"].endswith("/codes/E11.22")
    html = client.get("/codes/E11.22").get_data(as_text=True)
    assert ('Another reading of the same characters: <a href="/codes/E1122?reading=hcpcs">E1122</a> '
            '(HCPCS Level II)') in html
    hcpcs = client.get("/codes/E1122?reading=hcpcs")
    assert hcpcs.status_code == 200 and "HCPCS Level II" in hcpcs.get_data(as_text=True)


def test_words_search_the_icd10cm_descriptions(client):
    add_icd10cm(DIABETES)
    response = client.get("/codes?q=diabetes")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "We don't know that code" not in html
    for code in ("E11", "E11.22", "E11.9", "E10.9"):
        assert f'href="/codes/{code}"><strong>{code}</strong></a>' in html
    assert "I10" not in html and "4 codes" in html
    # Every word must match, in any case and order.
    narrow = client.get("/codes?q=Kidney  DIABETES").get_data(as_text=True)
    assert 'href="/codes/E11.22"' in narrow and 'href="/codes/E11.9"' not in narrow
    nothing = client.get("/codes?q=zebra stripes").get_data(as_text=True)
    assert "No ICD-10-CM description contains all the words" in nothing
    # A typed code still goes straight to its page.
    assert client.get("/codes?q=e11.9").headers["Location"].endswith("/codes/E11.9")


def test_a_description_search_lists_at_most_fifty_codes(client):
    add_icd10cm({f"E11.{n:02d}": f"Type 2 diabetes mellitus variant {n}" for n in range(60)})
    html = client.get("/codes?q=diabetes").get_data(as_text=True)
    assert html.count("<strong>E11.") == 50
    assert "The first 50 of 60 codes" in html


def test_a_description_search_says_when_the_list_is_not_loaded(client):
    html = client.get("/codes?q=diabetes").get_data(as_text=True)
    assert "cannot be searched yet" in html


@pytest.mark.parametrize("code", ["99999", "00099"])
def test_a_cpt_number_in_no_current_section_is_a_helpful_404(client, code):
    response = client.get(f"/codes/{code}")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "We don't know that code" in html and "not in any current CPT section" in html
    assert 'action="/codes"' in html and "No current section" not in html


def test_a_cpt_number_with_a_section_still_has_its_page(client):
    assert client.get("/codes/99213").status_code == 200
