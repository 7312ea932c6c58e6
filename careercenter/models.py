"""Imports every domain's models so the metadata (and Alembic) sees all tables."""

from .accounts.models import User  # noqa: F401
from .billing.models import Order, Product, WebhookEvent  # noqa: F401
from .employers.models import CandidateInvitation, Company, CompanyInvitation, CompanyMember  # noqa: F401
from .jobs.models import Job, JobLink  # noqa: F401
from .codes.models import CATALOG_MODELS, Icd10cmCode  # noqa: F401
from .seekers.models import Resume, SavedJob, SeekerCredential, SeekerProfile  # noqa: F401
from .applications.models import (  # noqa: F401
    ApplicantNotice, Application, ApplicationEvent, ApplicationNote, ScreeningAnswer, ScreeningQuestion,
)
from .search.models import JobSearchDoc  # noqa: F401
from .alerts.models import AlertMatch, EmailSuppression, SavedSearch, SavedSearchKey  # noqa: F401
from .search import indexing  # noqa: F401,E402  (keeps search documents in step with posts)
