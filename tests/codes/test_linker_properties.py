"""Properties that hold for any input: no crash, JSON output, pay and ZIPs never become codes."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from careercenter.codes.linker import describe_code, link_post

_STATES = ["NY", "CA", "IL", "TX", "MO", "IN", "OR", "WI"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_link_post_never_fails_and_is_json(text):
    result = link_post({"title": text[:40], "description": text})
    json.dumps(result)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_describe_code_returns_dict_or_none(text):
    described = describe_code(text)
    assert described is None or described["code"]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=10000, max_value=99999), st.sampled_from(_STATES),
       st.sampled_from(["${n}", "${n} per year", "salary {n}", "{n}/yr", "USD {n}", "Springfield, {s} {n}",
                        "Denver {s} {n}", "zip code {n}", "Req #{n}", "job ID {n}", "{n} Oak Street"]))
def test_pay_zip_and_ids_never_become_codes(number, state, template):
    text = "CPT and ICD-10-CM coder wanted. " + template.format(n=number, s=state)
    assert link_post({"title": "Coder", "description": text})["codes"] == []


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=10004, max_value=69990))
def test_surgery_numbers_with_cpt_context_are_codes(number):
    code = f"{number:05d}"
    result = link_post({"title": "Surgical coder", "description": f"Report CPT {code} from the op note."})
    sections = {item["code"]: item["section"] for item in result["codes"]}
    if describe_code(code)["section"] is not None:
        assert sections == {code: "surgery"}
