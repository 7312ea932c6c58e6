"""Imports every domain's models so the metadata (and Alembic) sees all tables."""

from .accounts.models import User  # noqa: F401
from .employers.models import Company, CompanyMember  # noqa: F401
from .jobs.models import Job, JobLink  # noqa: F401
from .seekers.models import Resume, SavedJob, SeekerCredential, SeekerProfile  # noqa: F401
from .applications.models import (  # noqa: F401
    ApplicantNotice, Application, ApplicationEvent, ApplicationNote, ScreeningAnswer, ScreeningQuestion,
)
