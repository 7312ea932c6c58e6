"""Load the catalogue and the ICD-10-CM code list into the database.

Both loaders are idempotent: the catalogue is upserted by natural key (rows that left the file
are deleted), and the ICD-10-CM list is bulk-inserted only where codes are missing.
"""

from __future__ import annotations

import warnings

import sqlalchemy as sa

from ..extensions import db
from .catalog_rows import CATALOG_PATH, KEYS, catalog_rows, read_catalog, row_key
from .models import Icd10cmCode

ICD_BATCH = 5000


def load_catalog(path=CATALOG_PATH) -> dict[str, dict[str, int]]:
    """Upsert every catalogue table from the JSON file at ``path``; commits.

    Returns {table: {"inserted": n, "updated": n, "deleted": n}}; a second run reports zeros.
    """
    wanted = catalog_rows(read_catalog(path))
    report, plans = {}, {}
    for name, rows in wanted.items():
        table = db.metadata.tables[name]
        key_columns = [table.c[column] for column in KEYS[name]]
        existing = {tuple(row._mapping[c.name] for c in key_columns): dict(row._mapping)
                    for row in db.session.execute(sa.select(table))}
        fresh, changed = [], []
        for row in rows:
            current = existing.pop(row_key(name, row), None)
            if current is None:
                fresh.append(row)
            elif any(current.get(column) != value for column, value in row.items()):
                changed.append(row)
        plans[name] = (table, key_columns, fresh, changed, list(existing))
        report[name] = {"inserted": len(fresh), "updated": len(changed), "deleted": len(existing)}

    def where(key_columns, key):
        return sa.and_(*(column == value for column, value in zip(key_columns, key)))

    # Delete children before parents (subsections point at sections), insert parents first.
    for table, key_columns, _, _, gone in reversed(plans.values()):
        for key in gone:
            db.session.execute(sa.delete(table).where(where(key_columns, key)))
    for name, (table, key_columns, fresh, changed, _) in plans.items():
        for row in changed:
            db.session.execute(sa.update(table).where(where(key_columns, row_key(name, row))).values(**row))
        if fresh:
            db.session.execute(sa.insert(table), fresh)
    db.session.commit()
    return report


def icd10cm_package():
    """Import ``simple_icd_10_cm`` without its import-time DeprecationWarning (it reads its data
    through a deprecated importlib API), so ``pytest -W error`` and ``python -W error`` pass."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm
    return simple_icd_10_cm


def icd10cm_rows():
    """Yield {code, description, billable} for every ICD-10-CM category and code (no chapters
    or blocks), dotted, from the package."""
    package = icd10cm_package()
    for code in package.get_all_codes(True):
        if package.is_chapter_or_block(code):
            continue
        yield {"code": code, "description": package.get_description(code)[:300], "billable": package.is_leaf(code)}


def icd10cm_count() -> int:
    """Return how many ICD-10-CM codes the table holds."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(Icd10cmCode)) or 0


def load_icd10cm() -> int:
    """Insert the ICD-10-CM codes the table lacks, in batches; commits. Returns how many were added."""
    have = set(db.session.scalars(sa.select(Icd10cmCode.code)))
    table = Icd10cmCode.__table__
    batch, added = [], 0
    for row in icd10cm_rows():
        if row["code"] in have:
            continue
        batch.append(row)
        if len(batch) >= ICD_BATCH:
            db.session.execute(sa.insert(table), batch)
            added += len(batch)
            batch = []
    if batch:
        db.session.execute(sa.insert(table), batch)
        added += len(batch)
    db.session.commit()
    return added
