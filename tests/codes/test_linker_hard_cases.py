"""Hard-case posts (hard_cases.jsonl): each field must match its reference exactly, and the
evaluator must score them and report no false codes from pay, ZIPs or phones."""

import importlib.util
import json
from pathlib import Path

import pytest

from careercenter.codes.linker import link_post

HERE = Path(__file__).resolve().parent
HARD_CASES = HERE / "hard_cases.jsonl"
SCRIPT = HERE.parent.parent / "scripts" / "evaluate_linker.py"
SAMPLES = HERE / "data" / "samples.jsonl"  # job posts modelled on public postings


def _posts():
    return [json.loads(line) for line in HARD_CASES.read_text().splitlines() if line.strip()]


def _evaluator():
    spec = importlib.util.spec_from_file_location("evaluate_linker", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_are_enough_hard_cases():
    assert len(_posts()) >= 8


@pytest.mark.parametrize("post", _posts(), ids=lambda post: post["id"])
@pytest.mark.parametrize("field", ["settings", "specialties", "credentials", "code_systems", "codes"])
def test_hard_case_field(post, field):
    evaluator = _evaluator()
    got = evaluator.predicted_values(link_post(post), field)
    assert got == set(post["expected"][field])


def test_evaluator_counts_noise_codes():
    evaluator = _evaluator()
    post = {"pay": {"min": 60000, "max": 70000}, "location": {"city": "New York"},
            "description": "Call 212-555-0143. New York, NY 10004."}
    fake = {"codes": [{"code": "60000"}, {"code": "10004"}, {"code": "27447"}, {"code": "M17.11"}]}
    assert evaluator.false_noise_codes(post, fake) == ["60000", "10004"]


def test_evaluator_on_hard_cases_meets_targets():
    report = _evaluator().evaluate(str(HARD_CASES))
    assert report["noise"] == []
    for field, (tp, fp, fn) in report["totals"].items():
        assert fp == 0 and fn == 0, field


def test_evaluator_on_samples_meets_targets():
    assert _evaluator().DEFAULT_POSTS == str(SAMPLES)
    report = _evaluator().evaluate(str(SAMPLES))
    assert report["posts"] >= 14
    targets = {"settings": 0.90, "specialties": 0.85, "credentials": 0.98, "code_systems": 0.9, "codes": 0.98}
    for field, (tp, fp, fn) in report["totals"].items():
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
        assert f1 >= targets[field], field
    assert report["noise"] == []
