"""The code filter search uses: "jobs in the specialties this code belongs to, or naming it"."""

from careercenter.codes.filters import code_filter_condition, parse_code_filter
from careercenter.extensions import db
from careercenter.jobs.models import Job, LinkKind, LinkSource
from tests.support.codes_factories import add_icd10cm, add_link
from tests.support.factories import make_job


def test_typed_codes_are_normalised_with_their_specialties(app):
    add_icd10cm()
    code, slugs = parse_code_filter(" m17.11 ")
    assert code == "M17.11" and slugs[0] == "orthopedics"
    assert parse_code_filter("29881") == ("29881", ["orthopedics"])
    assert parse_code_filter("0707T") == ("0707T", [])
    assert parse_code_filter("j9312")[1] == ["hematology-oncology"]


def test_text_that_is_no_code_gives_none(app):
    add_icd10cm()
    for text in ("", "CPC", "hello", "E11.12345"):
        assert parse_code_filter(text) is None


def test_condition_finds_jobs_naming_the_code_or_in_its_specialty(app):
    naming = make_job(title="Names it")
    add_link(naming, LinkKind.CODE, "29881", LinkSource.LINKER)
    in_specialty = make_job(title="Ortho")
    add_link(in_specialty, LinkKind.SPECIALTY, "orthopedics", LinkSource.EMPLOYER)
    removed = make_job(title="Turned down")
    add_link(removed, LinkKind.SPECIALTY, "orthopedics", LinkSource.REMOVED)
    make_job(title="Unrelated")
    found = parse_code_filter("29881")
    titles = db.session.scalars(db.select(Job.title).where(code_filter_condition(*found))).all()
    assert sorted(titles) == ["Names it", "Ortho"]
    titles = db.session.scalars(db.select(Job.title).where(code_filter_condition("29881"))).all()
    assert titles == ["Names it"]
