"""The medical-code catalogue in the database: code systems, CPT/ICD-10-CM/HCPCS sections,
credentials, settings and specialties, plus the full ICD-10-CM code list.

Rows come from careercenter/codes/data/catalog.json (migration 0006 and ``flask codes load``)
and from the ``simple-icd-10-cm`` package (``flask codes load-icd10cm``). Every table has a
natural primary key, so the loader can upsert by key and running it twice changes nothing.
"""

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db


class CodeSystem(db.Model):
    __tablename__ = "catalog_code_system"

    slug: Mapped[str] = mapped_column(db.String(20), primary_key=True)
    name: Mapped[str] = mapped_column(db.String(120))
    steward: Mapped[str | None] = mapped_column(db.String(160))
    format_regex: Mapped[str | None] = mapped_column(db.String(200))
    parent: Mapped[str | None] = mapped_column(db.String(20))
    examples: Mapped[list] = mapped_column(db.JSON, default=list)
    notes: Mapped[str | None] = mapped_column(db.Text)
    position: Mapped[int] = mapped_column(default=0)


class CptSection(db.Model):
    __tablename__ = "catalog_cpt_section"

    slug: Mapped[str] = mapped_column(db.String(40), primary_key=True)
    name: Mapped[str] = mapped_column(db.String(120))
    notes: Mapped[str | None] = mapped_column(db.Text)
    position: Mapped[int] = mapped_column(default=0)

    subsections = relationship("CptSubsection", order_by="CptSubsection.position", viewonly=True)


class CptSubsection(db.Model):
    __tablename__ = "catalog_cpt_subsection"

    section_slug: Mapped[str] = mapped_column(ForeignKey("catalog_cpt_section.slug", ondelete="CASCADE"),
                                              primary_key=True)
    slug: Mapped[str] = mapped_column(db.String(60), primary_key=True)
    name: Mapped[str] = mapped_column(db.String(160))
    code_system: Mapped[str | None] = mapped_column(db.String(20))
    position: Mapped[int] = mapped_column(default=0)


class Icd10cmChapter(db.Model):
    __tablename__ = "catalog_icd10cm_chapter"

    number: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(db.String(200))
    range_lo: Mapped[str] = mapped_column(db.String(8))
    range_hi: Mapped[str] = mapped_column(db.String(8))


class HcpcsSection(db.Model):
    __tablename__ = "catalog_hcpcs_section"

    slug: Mapped[str] = mapped_column(db.String(40), primary_key=True)
    letter: Mapped[str] = mapped_column(db.String(1))
    name: Mapped[str] = mapped_column(db.String(200))
    notes: Mapped[str | None] = mapped_column(db.Text)
    position: Mapped[int] = mapped_column(default=0)


class Credential(db.Model):
    __tablename__ = "catalog_credential"

    code: Mapped[str] = mapped_column(db.String(20), primary_key=True)
    name: Mapped[str] = mapped_column(db.String(200))
    body: Mapped[str] = mapped_column(db.String(40))  # AAPC, AHIMA, ACDIS, NCRA or other
    issuer: Mapped[str | None] = mapped_column(db.String(200))  # named when body is "other"
    kind: Mapped[str] = mapped_column(db.String(20))
    aliases: Mapped[list] = mapped_column(db.JSON, default=list)
    notes: Mapped[str | None] = mapped_column(db.Text)
    position: Mapped[int] = mapped_column(default=0)

    @property
    def issuing_body(self):
        return self.issuer or self.body


class Setting(db.Model):
    __tablename__ = "catalog_setting"

    slug: Mapped[str] = mapped_column(db.String(40), primary_key=True)
    name: Mapped[str] = mapped_column(db.String(120))
    description: Mapped[str | None] = mapped_column(db.Text)
    code_systems: Mapped[list] = mapped_column(db.JSON, default=list)
    position: Mapped[int] = mapped_column(default=0)


class Specialty(db.Model):
    __tablename__ = "catalog_specialty"

    slug: Mapped[str] = mapped_column(db.String(40), primary_key=True)
    name: Mapped[str] = mapped_column(db.String(160))
    notes: Mapped[str | None] = mapped_column(db.Text)
    code_systems: Mapped[list] = mapped_column(db.JSON, default=list)
    hcpcs_sections: Mapped[list] = mapped_column(db.JSON, default=list)
    position: Mapped[int] = mapped_column(default=0)


class CmsSpecialtyCode(db.Model):
    """A Medicare provider specialty code (e.g. 20 Orthopedic surgery) of a specialty or setting."""

    __tablename__ = "catalog_cms_specialty_code"

    owner_kind: Mapped[str] = mapped_column(db.String(16), primary_key=True)  # specialty | setting
    owner_slug: Mapped[str] = mapped_column(db.String(40), primary_key=True)
    code: Mapped[str] = mapped_column(db.String(4), primary_key=True)
    name: Mapped[str] = mapped_column(db.String(160))
    verify: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str | None] = mapped_column(db.Text)


class TaxonomyCode(db.Model):
    """A NUCC Health Care Provider Taxonomy code of a specialty or setting."""

    __tablename__ = "catalog_taxonomy_code"

    owner_kind: Mapped[str] = mapped_column(db.String(16), primary_key=True)
    owner_slug: Mapped[str] = mapped_column(db.String(40), primary_key=True)
    code: Mapped[str] = mapped_column(db.String(10), primary_key=True)


class CatalogCredentialLink(db.Model):
    """A credential that goes with a specialty or setting (``related`` marks a partial fit)."""

    __tablename__ = "catalog_credential_link"

    owner_kind: Mapped[str] = mapped_column(db.String(16), primary_key=True)
    owner_slug: Mapped[str] = mapped_column(db.String(40), primary_key=True)
    credential_code: Mapped[str] = mapped_column(db.String(20), primary_key=True)
    related: Mapped[bool] = mapped_column(default=False)


class CodeRange(db.Model):
    """An inclusive code range [lo, hi] owned by a CPT section/subsection, HCPCS section,
    specialty or setting. ``system`` says how to order it: cpt, icd10cm or hcpcs."""

    __tablename__ = "catalog_code_range"

    owner_kind: Mapped[str] = mapped_column(db.String(16), primary_key=True)
    owner_slug: Mapped[str] = mapped_column(db.String(100), primary_key=True)
    system: Mapped[str] = mapped_column(db.String(10), primary_key=True)
    lo: Mapped[str] = mapped_column(db.String(8), primary_key=True)
    hi: Mapped[str] = mapped_column(db.String(8), primary_key=True)
    position: Mapped[int] = mapped_column(default=0)


class Keyword(db.Model):
    """A phrase that signals a specialty or setting in a post."""

    __tablename__ = "catalog_keyword"

    owner_kind: Mapped[str] = mapped_column(db.String(16), primary_key=True)
    owner_slug: Mapped[str] = mapped_column(db.String(40), primary_key=True)
    phrase: Mapped[str] = mapped_column(db.String(120), primary_key=True)


class Icd10cmCode(db.Model):
    """One ICD-10-CM code (category or below), dotted, with its public CDC description."""

    __tablename__ = "icd10cm_code"

    code: Mapped[str] = mapped_column(db.String(8), primary_key=True)
    description: Mapped[str] = mapped_column(db.String(300))
    billable: Mapped[bool] = mapped_column(default=False)


CATALOG_MODELS = [CodeSystem, CptSection, CptSubsection, Icd10cmChapter, HcpcsSection, Credential,
                  Setting, Specialty, CmsSpecialtyCode, TaxonomyCode, CatalogCredentialLink, CodeRange,
                  Keyword]
CATALOG_TABLES = [model.__tablename__ for model in CATALOG_MODELS]
