"""The catalogue arrives with the migration and `codes load` keeps it in step with the file;
the ICD-10-CM list loads once and a second run adds nothing."""

import json

import sqlalchemy as sa

from careercenter.codes.catalog_rows import catalog_rows, read_catalog
from careercenter.codes.loaders import icd10cm_count, load_catalog, load_icd10cm
from careercenter.codes.models import CodeRange, Icd10cmCode, Keyword, Specialty
from careercenter.extensions import db


def _count(table):
    return db.session.scalar(sa.select(sa.func.count()).select_from(db.metadata.tables[table]))


def test_migration_loaded_the_whole_catalogue(app):
    for table, rows in catalog_rows(read_catalog()).items():
        assert _count(table) == len(rows), table
    ortho = db.session.get(Specialty, "orthopedics")
    assert ortho.name.startswith("Orthopedics")
    assert db.session.get(CodeRange, ("specialty", "orthopedics", "cpt", "20100", "29999")) is not None


def test_loading_twice_changes_nothing(app):
    first = load_catalog()
    second = load_catalog()
    assert all(not any(counts.values()) for counts in first.values())
    assert all(not any(counts.values()) for counts in second.values())


def test_load_repairs_edits_and_follows_the_file(app, tmp_path):
    db.session.get(Specialty, "cardiology").name = "Renamed by hand"
    db.session.execute(sa.delete(Keyword).where(Keyword.owner_slug == "orthopedics"))
    db.session.commit()

    report = load_catalog()
    assert report["catalog_specialty"]["updated"] == 1
    assert report["catalog_keyword"]["inserted"] > 5
    assert db.session.get(Specialty, "cardiology").name.startswith("Cardiology")

    catalog = read_catalog()
    catalog["specialties"] = [s for s in catalog["specialties"] if s["slug"] != "dermatology"]
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(catalog))
    try:
        report = load_catalog(path)
        assert report["catalog_specialty"]["deleted"] == 1
        assert db.session.get(Specialty, "dermatology") is None
        assert not db.session.scalars(sa.select(Keyword).filter_by(owner_slug="dermatology")).all()
    finally:
        load_catalog()  # the catalogue is preserved between tests: put it back
    assert db.session.get(Specialty, "dermatology") is not None


def test_icd10cm_list_loads_once(app):
    added = load_icd10cm()
    assert added > 70_000
    assert icd10cm_count() == added
    assert db.session.get(Icd10cmCode, "M17.11").description == "Unilateral primary osteoarthritis, right knee"
    assert db.session.get(Icd10cmCode, "E11").billable is False
    assert db.session.get(Icd10cmCode, "E11.9").billable is True
    assert db.session.get(Icd10cmCode, "E08-E13") is None  # blocks are not codes
    assert load_icd10cm() == 0
    assert icd10cm_count() == added
