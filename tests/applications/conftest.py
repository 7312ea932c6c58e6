"""A small world for application tests: two companies, a post, coders, staff."""

from dataclasses import dataclass

import pytest
from flask import g

from careercenter.accounts.models import User
from tests.support.factories import login, make_employer, make_job, make_user
from tests.support.seekers_factories import make_application, make_seeker


@dataclass
class World:
    owner: User
    other_coder: User
    employer: User
    other_employer: User
    staff: User
    job: object
    other_job: object
    application: object

    def actor(self, name):
        return None if name == "guest" else getattr(self, name)


@pytest.fixture
def world(app):
    employer, company = make_employer("hr@harbor.example", company_name="Harbor Health")
    other_employer, other_company = make_employer("hr@rival.example", company_name="Rival Billing")
    job = make_job(company, title="Inpatient DRG Coder")
    other_job = make_job(other_company, title="Rival Auditor")
    owner = make_seeker("maya@example.com", name="Maya Lopez", resume_text="Maya Lopez CCS inpatient DRG validation")
    other_coder = make_seeker("sam@example.com", name="Sam Reed")
    staff = make_user("staff@careercenter.example", name="Staff Person", is_staff=True)
    application = make_application(job, owner)
    return World(owner, other_coder, employer, other_employer, staff, job, other_job, application)


@pytest.fixture
def sign_in(client):
    def do(user):
        # Test requests share the fixture's app context, where Flask-Login caches the user.
        g.pop("_login_user", None)
        client.post("/account/logout")
        if user is not None:
            response = login(client, user.email)
            assert response.status_code == 302, "login failed"
        return client

    return do
