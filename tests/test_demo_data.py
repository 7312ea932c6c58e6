"""`flask seed-demo` loads a believable job board and can be run again safely."""

from careercenter.accounts.models import User
from careercenter.demo import DEMO_LOGINS
from careercenter.demo.data import COMPANIES, JOBS
from careercenter.employers.models import Company
from careercenter.extensions import db
from careercenter.jobs.models import Job, JobStatus
from tests.conftest import count
from tests.support.factories import make_job


def seed(app, *args):
    result = app.test_cli_runner().invoke(args=["seed-demo", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_seed_demo_loads_employers_jobs_and_logins(app, client):
    output = seed(app)
    assert f"{len(COMPANIES)} employers, {len(JOBS)} jobs" in output
    assert count(Company) >= 6 and count(Job, status=JobStatus.PUBLISHED) >= 22
    live = db.session.scalars(Job.published()).all()
    assert len(live) == len(JOBS)

    kinds = {c.org_type for c in db.session.scalars(db.select(Company))}
    assert {"hospital", "physician-group", "coding-vendor", "payer", "federal"} <= kinds
    assert {j.work_arrangement for j in live} == {"onsite", "hybrid", "remote"}
    assert {j.pay_period for j in live} == {"hour", "year"}
    assert {j.apply_method for j in live} == {"onsite", "url", "email"}
    assert len({j.employment_type for j in live}) >= 5
    assert len({j.state for j in live}) >= 10
    assert any(j.remote_states for j in live) and any(j.work_arrangement == "remote" and not j.remote_states for j in live)

    # The demo logins printed by `make run` really sign in.
    for email, password, _label in DEMO_LOGINS:
        user = db.session.scalar(db.select(User).filter_by(email=email))
        assert user.is_verified
    response = client.post("/account/login", data={"email": DEMO_LOGINS[0][0], "password": DEMO_LOGINS[0][1]})
    assert response.status_code == 302
    assert "Sign out" in client.get("/").get_data(as_text=True)

    listing = client.get("/jobs").get_data(as_text=True)
    assert "Risk Adjustment Coder (CRC)" in listing and "Brightwater Senior Health Plan" in listing


def test_seed_demo_twice_adds_nothing(app):
    seed(app)
    before = (count(User), count(Company), count(Job))
    output = seed(app)
    assert "(0 added)" in output
    assert (count(User), count(Company), count(Job)) == before


def test_seed_demo_if_empty_leaves_a_real_database_alone(app):
    make_job(title="A real employer's post")
    output = seed(app, "--if-empty")
    assert "demo data not loaded" in output
    assert count(Job) == 1 and count(Company) == 1


def test_seed_demo_if_empty_loads_an_empty_database(app):
    seed(app, "--if-empty")
    assert count(Job) == len(JOBS)


def test_demo_descriptions_read_like_real_posts(app, client):
    seed(app)
    job = db.session.scalar(db.select(Job).filter_by(title="Oncology Coding Specialist – Infusion and Drug Billing"))
    page = client.get(f"/jobs/{job.id}-{job.slug}").get_data(as_text=True)
    assert "<strong>CHONC</strong>" in page and "J9271" in page and "<h3>Responsibilities</h3>" in page
    for spec in JOBS:
        assert len(spec["description_md"]) > 300, spec["title"]


def test_demo_coders_have_full_profiles_and_the_demo_employer_a_working_pipeline(app, client):
    from careercenter.applications.models import Application
    from careercenter.seekers.models import Resume, SeekerProfile

    seed(app)
    coder = db.session.scalar(db.select(User).filter_by(email="coder@demo.careercenter.test"))
    profile = db.session.scalar(db.select(SeekerProfile).filter_by(user_id=coder.id))
    assert profile.credentials and all(c.year_earned for c in profile.credentials)
    assert profile.settings and profile.specialties and profile.resume is not None
    assert "Priya Raman" in profile.resume.text
    client.post("/account/login", data={"email": "coder@demo.careercenter.test", "password": "demo-password"})
    page = client.get("/profile").get_data(as_text=True)
    assert "CCS" in page and "2016" in page
    mine = client.get("/applications").get_data(as_text=True)
    assert "Inpatient Coder III (Per Diem)" in mine

    client.post("/account/logout")
    client.post("/account/login", data={"email": "employer@demo.careercenter.test", "password": "demo-password"})
    job = db.session.scalar(db.select(Job).filter_by(title="Inpatient Coder III (Per Diem)"))
    applicants = client.get(f"/employer/jobs/{job.id}/applicants").get_data(as_text=True)
    assert "Priya Raman" in applicants and "Grace Okafor" in applicants
    statuses = set(db.session.scalars(db.select(Application.status)))
    assert len(statuses) >= 4
    application = db.session.scalar(db.select(Application).filter_by(user_id=coder.id))
    resume = client.get(f"/applications/{application.id}/resume")
    assert resume.status_code == 200 and resume.data[:2] == b"PK"
    resume.close()

    before = (count(SeekerProfile), count(Resume), count(Application))
    assert "(0 added)" in seed(app)
    assert (count(SeekerProfile), count(Resume), count(Application)) == before
