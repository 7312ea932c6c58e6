"""Every application, resume and pipeline route, tried as each kind of visitor.

Answers: "ok" is 200 (or a redirect that is not to the sign-in page, for POSTs that act),
"login" is a redirect to sign in, 403 is the wrong kind of account, 404 hides someone
else's object (its existence is not confirmed).
"""

import pytest

ACTORS = ["owner", "other_coder", "employer", "other_employer", "staff", "guest"]

# route name -> (method, url builder, data builder, expected answer per actor)
ROUTES = {
    "my applications": ("GET", lambda w: "/applications", None,
                        ["ok", "ok", 403, 403, "ok", "login"]),
    "application detail": ("GET", lambda w: f"/applications/{w.application.id}", None,
                           ["ok", 404, 404, 404, "ok", "login"]),
    "withdraw": ("POST", lambda w: f"/applications/{w.application.id}/withdraw", {},
                 ["ok", 404, 404, 404, 404, "login"]),
    "application resume": ("GET", lambda w: f"/applications/{w.application.id}/resume", None,
                           ["ok", 404, "ok", 404, "ok", "login"]),
    "profile resume": ("GET", lambda w: f"/profile/resumes/{w.application.resume_id}", None,
                       ["ok", 404, 404, 404, "ok", "login"]),
    "apply form": ("GET", lambda w: f"/jobs/{w.job.id}/apply", None,
                   ["ok", "ok", 403, 403, "ok", "login"]),
    "profile": ("GET", lambda w: "/profile", None, ["ok", "ok", 403, 403, "ok", "login"]),
    "pipeline": ("GET", lambda w: f"/employer/jobs/{w.job.id}/applicants", None,
                 [403, 403, "ok", 404, "ok", "login"]),
    "pipeline search": ("GET", lambda w: f"/employer/jobs/{w.job.id}/applicants?q=drg&status=new", None,
                        [403, 403, "ok", 404, "ok", "login"]),
    "applicant": ("GET", lambda w: f"/employer/jobs/{w.job.id}/applicants/{w.application.id}", None,
                  [403, 403, "ok", 404, "ok", "login"]),
    "applicant via other post": ("GET", lambda w: f"/employer/jobs/{w.other_job.id}/applicants/{w.application.id}", None,
                                 [403, 403, 404, 404, 404, "login"]),
    "move status": ("POST", lambda w: f"/employer/jobs/{w.job.id}/applicants/{w.application.id}/status",
                    {"status": "reviewing", "notify": "y"}, [403, 403, "ok", 404, 403, "login"]),
    "add note": ("POST", lambda w: f"/employer/jobs/{w.job.id}/applicants/{w.application.id}/notes",
                 {"body": "Strong DRG background"}, [403, 403, "ok", 404, 403, "login"]),
    "bulk reject": ("POST", lambda w: f"/employer/jobs/{w.job.id}/applicants/reject",
                    {"application_ids": "APP"}, [403, 403, "ok", 404, 403, "login"]),
    "questions": ("GET", lambda w: f"/employer/jobs/{w.job.id}/questions", None,
                  [403, 403, "ok", 404, "ok", "login"]),
    "add question": ("POST", lambda w: f"/employer/jobs/{w.job.id}/questions",
                     {"prompt": "Do you hold a CCS?", "kind": "yes_no", "required": "y"}, [403, 403, "ok", 404, 403, "login"]),
    "close as filled": ("POST", lambda w: f"/employer/jobs/{w.job.id}/applicants/close", {"confirm": "1"},
                        [403, 403, "ok", 404, 403, "login"]),
    "applicants overview": ("GET", lambda w: "/employer/applicants", None,
                            [403, 403, "ok", "ok", 404, "login"]),
}

CASES = [(route, actor, spec[3][i]) for route, spec in ROUTES.items() for i, actor in enumerate(ACTORS)]


def answer(response):
    if response.status_code == 302 and "/account/login" in response.headers["Location"]:
        return "login"
    if response.status_code in (200, 302):
        return "ok"
    return response.status_code


@pytest.mark.parametrize(("route", "actor", "expected"), CASES, ids=[f"{r}-{a}" for r, a, _ in CASES])
def test_route_answers_each_visitor_as_expected(world, sign_in, route, actor, expected):
    method, url, data, _ = ROUTES[route]
    client = sign_in(world.actor(actor))
    if data is not None:
        data = {k: (str(world.application.id) if v == "APP" else v) for k, v in data.items()}
    response = client.open(url(world), method=method, data=data)
    assert answer(response) == expected
    if expected == "ok" and "resume" in route:
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.headers["Content-Disposition"].startswith("attachment")
        assert response.data.startswith(b"%PDF-")


@pytest.mark.parametrize("actor", ["other_coder", "other_employer", "guest"])
def test_nobody_else_sees_the_applicants_data(world, sign_in, actor):
    client = sign_in(world.actor(actor))
    for url in ("/applications", f"/employer/jobs/{world.other_job.id}/applicants", "/employer/applicants"):
        page = client.get(url, follow_redirects=True).get_data(as_text=True)
        assert "Maya Lopez" not in page
        assert "maya@example.com" not in page


def test_refused_actions_change_nothing(world, sign_in):
    from careercenter.applications.models import ApplicationStatus
    from careercenter.extensions import db

    client = sign_in(world.other_employer)
    client.post(f"/employer/jobs/{world.job.id}/applicants/{world.application.id}/status", data={"status": "rejected"})
    client.post(f"/employer/jobs/{world.job.id}/applicants/reject", data={"application_ids": str(world.application.id)})
    db.session.refresh(world.application)
    assert world.application.status == ApplicationStatus.NEW
    assert len(world.application.events) == 1
