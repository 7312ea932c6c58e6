#!/usr/bin/env python3
"""Score the linker against posts with reference links.

Usage: python scripts/evaluate_linker.py [POSTS.jsonl] [--verbose]

Reads a JSONL file whose lines are posts with an `expected` object (default: tests/codes/data/samples.jsonl,
job posts modelled on public postings),
runs link_post on each and prints micro-averaged precision, recall and F1 per field, plus the
number of codes the linker took from the post's pay, ZIP/location or phone numbers. Read-only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from careercenter.codes.linker.link import link_post  # noqa: E402

DEFAULT_POSTS = str(Path(__file__).resolve().parent.parent / "tests" / "codes" / "data" / "samples.jsonl")
FIELDS = ["settings", "specialties", "credentials", "code_systems", "codes"]
_PHONE = re.compile(r"(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}")
_ZIP_NEAR_STATE = re.compile(r"\b[A-Z]{2}\s+(\d{5})(?:-\d{4})?\b")


def predicted_values(result: dict, field: str) -> set[str]:
    """Turn one field of link_post's output into a set of comparable strings."""
    items = result.get(field, [])
    if field in ("settings", "specialties"):
        return {item["slug"] for item in items}
    if field == "credentials":
        return {item["code"] for item in items}
    if field == "codes":
        return {item["code"] for item in items}
    return set(items)


def noise_numbers(post: dict) -> set[str]:
    """Digit strings a linker must never report as codes: pay bounds, ZIPs, phone digits."""
    numbers: set[str] = set()
    pay = post.get("pay") or {}
    for key in ("min", "max"):
        value = pay.get(key)
        if isinstance(value, (int, float)):
            numbers.add(str(int(value)))
            numbers.add(f"{value:.2f}".replace(".", ""))
    location = post.get("location") or {}
    for value in location.values():
        if isinstance(value, str):
            numbers.update(re.findall(r"\d{5}", value))
    text = f"{post.get('title', '')}\n{post.get('description', '')}"
    numbers.update(_ZIP_NEAR_STATE.findall(text))
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        numbers.update({digits, digits[-7:], digits[-4:], digits[:3]})
        numbers.update(re.findall(r"\d+", match.group(0)))
    numbers.update(n.replace(",", "") for n in re.findall(r"\$\s?(\d[\d,]*)", text))
    return numbers


def false_noise_codes(post: dict, result: dict) -> list[str]:
    """Codes in the result that are only digits taken from pay, ZIPs or phone numbers."""
    noise = noise_numbers(post)
    return [item["code"] for item in result.get("codes", [])
            if re.sub(r"\D", "", item["code"]) in noise and item["code"].isdigit()]


def evaluate(path: str, verbose: bool = False) -> dict:
    """Run the linker over the file and return {field: (tp, fp, fn)} plus the noise count."""
    totals = {field: [0, 0, 0] for field in FIELDS}
    noise_hits: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as handle:
        posts = [json.loads(line) for line in handle if line.strip()]
    for post in posts:
        result = link_post(post)
        expected = post.get("expected", {})
        for field in FIELDS:
            got = predicted_values(result, field)
            want = set(expected.get(field, []))
            totals[field][0] += len(got & want)
            totals[field][1] += len(got - want)
            totals[field][2] += len(want - got)
            if verbose and got != want:
                print(f"{post.get('id')} {field}: extra={sorted(got - want)} missing={sorted(want - got)}")
        noise_hits.extend((post.get("id"), code) for code in false_noise_codes(post, result))
    return {"totals": totals, "noise": noise_hits, "posts": len(posts)}


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


def print_report(report: dict) -> None:
    """Print the per-field table and the noise count."""
    print(f"posts: {report['posts']}")
    print(f"{'field':<14}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>9}{'F1':>8}")
    for field, (tp, fp, fn) in report["totals"].items():
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{field:<14}{tp:>5}{fp:>5}{fn:>5}{precision:>11.3f}{recall:>9.3f}{f1:>8.3f}")
    noise = report["noise"]
    print(f"false codes from salaries/ZIPs/phones: {len(noise)}"
          + (f"  {noise}" if noise else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=DEFAULT_POSTS, help="JSONL file of posts with `expected`")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every mismatch")
    args = parser.parse_args(argv)
    print_report(evaluate(args.path, args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
