"""Imports every domain's models so the metadata (and Alembic) sees all tables."""

from .accounts.models import User  # noqa: F401
from .employers.models import Company, CompanyMember  # noqa: F401
from .jobs.models import Job, JobLink  # noqa: F401
from .search.models import JobSearchDoc  # noqa: F401
from .alerts.models import AlertMatch, EmailSuppression, SavedSearch, SavedSearchKey  # noqa: F401
from .search import indexing  # noqa: F401,E402  (keeps search documents in step with posts)
