"""Medical-code catalogue and ICD-10-CM code list

Creates the catalogue tables and fills them from careercenter/codes/data/catalog.json, so the
specialty and code pages work on a fresh install; `flask codes load` applies later edits of the
file. The ICD-10-CM code list is left empty here (`flask codes load-icd10cm` fills it).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 18:54:40.567948

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    tables = {}

    def _create(name, *columns):
        tables[name] = op.create_table(name, *columns)

    _create('catalog_cms_specialty_code',
    sa.Column('owner_kind', sa.String(length=16), nullable=False),
    sa.Column('owner_slug', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=4), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('verify', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('owner_kind', 'owner_slug', 'code', name=op.f('pk_catalog_cms_specialty_code'))
    )
    _create('catalog_code_range',
    sa.Column('owner_kind', sa.String(length=16), nullable=False),
    sa.Column('owner_slug', sa.String(length=100), nullable=False),
    sa.Column('system', sa.String(length=10), nullable=False),
    sa.Column('lo', sa.String(length=8), nullable=False),
    sa.Column('hi', sa.String(length=8), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('owner_kind', 'owner_slug', 'system', 'lo', 'hi', name=op.f('pk_catalog_code_range'))
    )
    _create('catalog_code_system',
    sa.Column('slug', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('steward', sa.String(length=160), nullable=True),
    sa.Column('format_regex', sa.String(length=200), nullable=True),
    sa.Column('parent', sa.String(length=20), nullable=True),
    sa.Column('examples', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('slug', name=op.f('pk_catalog_code_system'))
    )
    _create('catalog_cpt_section',
    sa.Column('slug', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('slug', name=op.f('pk_catalog_cpt_section'))
    )
    _create('catalog_credential',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('body', sa.String(length=40), nullable=False),
    sa.Column('issuer', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_catalog_credential'))
    )
    _create('catalog_credential_link',
    sa.Column('owner_kind', sa.String(length=16), nullable=False),
    sa.Column('owner_slug', sa.String(length=40), nullable=False),
    sa.Column('credential_code', sa.String(length=20), nullable=False),
    sa.Column('related', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('owner_kind', 'owner_slug', 'credential_code', name=op.f('pk_catalog_credential_link'))
    )
    _create('catalog_hcpcs_section',
    sa.Column('slug', sa.String(length=40), nullable=False),
    sa.Column('letter', sa.String(length=1), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('slug', name=op.f('pk_catalog_hcpcs_section'))
    )
    _create('catalog_icd10cm_chapter',
    sa.Column('number', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('range_lo', sa.String(length=8), nullable=False),
    sa.Column('range_hi', sa.String(length=8), nullable=False),
    sa.PrimaryKeyConstraint('number', name=op.f('pk_catalog_icd10cm_chapter'))
    )
    _create('catalog_keyword',
    sa.Column('owner_kind', sa.String(length=16), nullable=False),
    sa.Column('owner_slug', sa.String(length=40), nullable=False),
    sa.Column('phrase', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('owner_kind', 'owner_slug', 'phrase', name=op.f('pk_catalog_keyword'))
    )
    _create('catalog_setting',
    sa.Column('slug', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('code_systems', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('slug', name=op.f('pk_catalog_setting'))
    )
    _create('catalog_specialty',
    sa.Column('slug', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('code_systems', sa.JSON(), nullable=False),
    sa.Column('hcpcs_sections', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('slug', name=op.f('pk_catalog_specialty'))
    )
    _create('catalog_taxonomy_code',
    sa.Column('owner_kind', sa.String(length=16), nullable=False),
    sa.Column('owner_slug', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.PrimaryKeyConstraint('owner_kind', 'owner_slug', 'code', name=op.f('pk_catalog_taxonomy_code'))
    )
    _create('icd10cm_code',
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('billable', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_icd10cm_code'))
    )
    _create('catalog_cpt_subsection',
    sa.Column('section_slug', sa.String(length=40), nullable=False),
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('code_system', sa.String(length=20), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['section_slug'], ['catalog_cpt_section.slug'], name=op.f('fk_catalog_cpt_subsection_section_slug_catalog_cpt_section'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('section_slug', 'slug', name=op.f('pk_catalog_cpt_subsection'))
    )
    _load_catalogue(tables)


def _load_catalogue(tables):
    from careercenter.codes.catalog_rows import catalog_rows, read_catalog

    for name, rows in catalog_rows(read_catalog()).items():
        if rows:
            op.bulk_insert(tables[name], rows)


def downgrade():
    op.drop_table('catalog_cpt_subsection')
    op.drop_table('icd10cm_code')
    op.drop_table('catalog_taxonomy_code')
    op.drop_table('catalog_specialty')
    op.drop_table('catalog_setting')
    op.drop_table('catalog_keyword')
    op.drop_table('catalog_icd10cm_chapter')
    op.drop_table('catalog_hcpcs_section')
    op.drop_table('catalog_credential_link')
    op.drop_table('catalog_credential')
    op.drop_table('catalog_cpt_section')
    op.drop_table('catalog_code_system')
    op.drop_table('catalog_code_range')
    op.drop_table('catalog_cms_specialty_code')
    # ### end Alembic commands ###
