"""Create the test database once per run, migrate it, and empty it between tests."""

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from careercenter import create_app

# Tables whose rows come from migrations (reference data) and must survive wiping.
PRESERVED_TABLES = {"alembic_version", "product"}  # products and prices: migration 0002
# The medical-code catalogue (migration 0003). The ICD-10-CM list is not preserved: tests add the
# codes they need, so the "list not loaded" fallback can be tested too.
PRESERVED_TABLES |= {
    "catalog_code_system", "catalog_cpt_section", "catalog_cpt_subsection", "catalog_icd10cm_chapter",
    "catalog_hcpcs_section", "catalog_credential", "catalog_setting", "catalog_specialty",
    "catalog_cms_specialty_code", "catalog_taxonomy_code", "catalog_credential_link", "catalog_code_range",
    "catalog_keyword",
}


def prepare_database(url):
    """Drop and recreate the database at ``url``, then apply every migration."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        admin = sa.create_engine(parsed.set(database="test", drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
            conn.execute(sa.text(f'CREATE DATABASE "{parsed.database}"'))
        admin.dispose()
    from flask_migrate import upgrade

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, "SECRET_KEY": "x"})
    with app.app_context():
        upgrade()
        from careercenter.extensions import db

        db.engine.dispose()


def wipe_database(engine):
    """Delete every row except reference data."""
    from careercenter.extensions import db

    tables = [t for t in reversed(db.metadata.sorted_tables) if t.name not in PRESERVED_TABLES]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(table.delete())
