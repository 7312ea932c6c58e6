"""`flask codes ...` as an operator runs it."""

import json

from careercenter.codes.loaders import icd10cm_count
from tests.support.codes_factories import add_icd10cm

POST = {
    "title": "Remote Orthopedic Coder — COSC required",
    "description": "Pro-fee coding for our orthopaedic surgeons: 29881, 27447 and M17.11. CPC preferred. "
                   "Pay $62,000 - $70,000. Call 614-555-0142, Columbus, OH 43215.",
    "settings": ["professional-fee"],
}


def test_link_prints_the_linkers_result(app):
    add_icd10cm()
    result = app.test_cli_runner().invoke(args=["codes", "link"], input=json.dumps(POST))
    assert result.exit_code == 0, result.output
    linked = json.loads(result.output)
    assert list(linked) == ["settings", "specialties", "credentials", "code_systems", "codes"]
    assert [s["slug"] for s in linked["settings"]] == ["professional-fee"]
    assert "orthopedics" in [s["slug"] for s in linked["specialties"]]
    assert {c["code"]: c["required"] for c in linked["credentials"]}["CPC"] is False
    assert {"cpt", "icd10cm"} <= set(linked["code_systems"])
    codes = {c["code"]: c for c in linked["codes"]}
    assert set(codes) == {"29881", "27447", "M17.11"}
    assert codes["29881"]["system"] == "cpt" and codes["29881"]["section"] == "surgery"
    assert codes["M17.11"]["system"] == "icd10cm"
    assert not {"62000", "70000", "43215", "61455"} & set(codes)


def test_link_validates_icd10cm_against_the_table(app):
    add_icd10cm({"E11.9": "Type 2 diabetes mellitus without complications"})
    post = {"title": "Coder", "description": "Diagnoses such as E11.9 and E11.99999 and Q99.Z9Z."}
    linked = json.loads(app.test_cli_runner().invoke(args=["codes", "link"], input=json.dumps(post)).output)
    assert [c["code"] for c in linked["codes"]] == ["E11.9"]


def test_bad_json_is_a_clear_error_with_exit_code_2(app):
    runner = app.test_cli_runner()
    for raw in ("{not json", "[1, 2]", '{"title": 5}', "{}"):
        result = runner.invoke(args=["codes", "link"], input=raw)
        assert result.exit_code == 2, raw
        assert result.output.startswith("Error:"), raw
        assert "Traceback" not in result.output


def test_load_commands_report_what_they_did(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["codes", "load"]).output.strip() == "The catalogue is up to date."
    add_icd10cm()
    result = runner.invoke(args=["codes", "load-icd10cm", "--if-empty"])
    assert result.exit_code == 0
    assert "already loaded (6 codes)" in result.output
    assert icd10cm_count() == 6


def test_link_errors_name_the_field_and_the_limit(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["codes", "link"], input='{"title": 5}')
    assert result.exit_code == 2 and '"title" must be text' in result.output
    result = runner.invoke(args=["codes", "link"], input='{"title": "Coder", "settings": "inpatient"}')
    assert result.exit_code == 2 and '"settings" must be a list' in result.output
    big = json.dumps({"title": "Coder", "description": "CPC required. Code 29881 daily. " * 4000})
    result = runner.invoke(args=["codes", "link"], input=big)
    assert result.exit_code == 2
    assert '"description" is 128,000 characters; the linker takes at most 20,000' in result.output


def test_credential_evidence_is_cut_at_sentence_ends_not_inside_a_code(app):
    add_icd10cm({"E11.9": "Type 2 diabetes mellitus without complications"})
    post = {"title": "Risk adjustment coder",
            "description": "CRC required, HCC V28, E11.9 and similar. Remote work."}
    linked = json.loads(app.test_cli_runner().invoke(args=["codes", "link"], input=json.dumps(post)).output)
    evidence = {c["code"]: c["evidence"] for c in linked["credentials"]}["CRC"]
    assert evidence == ["CRC required, HCC V28, E11.9 and similar"]
