"""Every employer and billing route tried as owner, member, another company's member,
a seeker, staff and a guest. Only members of the company reach its posts and orders."""

import pytest

from careercenter.billing.models import Order
from careercenter.employers.models import CompanyMember, MemberRole
from careercenter.extensions import db
from careercenter.jobs.models import JobStatus
from tests.support.billing_factories import job_form, make_draft, make_member, product
from tests.support.factories import login, make_employer, make_job, make_user

# (method, path, form data, who may use it: "member" = any member, "owner" = owners only, "own" = object of the company)
ROUTES = [
    ("GET", "/employer/", None, "member"),
    ("GET", "/employer/company", None, "member"),
    ("POST", "/employer/company", {"name": "Renamed Clinic", "org_type": "hospital"}, "member"),
    ("GET", "/employer/team", None, "member"),
    ("POST", "/employer/team", {"email": "new@colleague.example", "role": "member"}, "owner"),
    ("GET", "/employer/team/{member_row}/remove", None, "owner-own"),
    ("POST", "/employer/team/{member_row}/remove", {}, "owner-own"),
    ("GET", "/employer/jobs/new", None, "member"),
    ("POST", "/employer/jobs/new", job_form(), "member"),
    ("GET", "/employer/jobs/{draft}/edit", None, "own"),
    ("POST", "/employer/jobs/{draft}/edit", job_form(title="Changed title"), "own"),
    ("GET", "/employer/jobs/{draft}/preview", None, "own"),
    ("POST", "/employer/jobs/{draft}/duplicate", {}, "own"),
    ("GET", "/employer/jobs/{live}/close", None, "own"),
    ("POST", "/employer/jobs/{live}/close", {"confirm": "y"}, "own"),
    ("POST", "/employer/jobs/{live}/reopen", {}, "own"),
    ("GET", "/employer/jobs/{draft}/delete", None, "own"),
    ("POST", "/employer/jobs/{draft}/delete", {}, "own"),
    ("GET", "/billing/", None, "member"),
    ("GET", "/billing/checkout/{draft}", None, "own"),
    ("POST", "/billing/checkout/{draft}", {"product": "{product}"}, "own"),
    ("GET", "/billing/orders/{order}", None, "own"),
    ("GET", "/billing/orders/{order}/success", None, "own"),
    ("GET", "/billing/orders/{order}/cancel", None, "own"),
    ("GET", "/billing/offline/{order}", None, "own"),
    ("POST", "/billing/offline/{order}", {"action": "pay"}, "own"),
]
ROLES = ["owner", "member", "other", "seeker", "staff", "guest"]


@pytest.fixture
def world():
    owner, company = make_employer("owner@ours.example", company_name="Our Clinic")
    member = make_member(company, email="member@ours.example")
    extra = make_member(company, email="extra@ours.example")
    other, _ = make_employer("owner@theirs.example", company_name="Their Clinic")
    seeker = make_user("coder@example.com")
    staff = make_user("staff@careercenter.example", is_staff=True)
    draft = make_draft(company, owner, title="Secret Draft Title")
    live = make_job(company, title="Live Post")
    order = Order(company_id=company.id, job_id=draft.id, product_id=product().id, user_id=owner.id,
                  amount_cents=9900, currency="usd", product_name="Standard", duration_days=30, gateway="offline",
                  stripe_session_id="offline_test_1")
    db.session.add(order)
    draft.status = JobStatus.PENDING_PAYMENT
    db.session.commit()
    member_row = db.session.scalar(db.select(CompanyMember.id).filter_by(user_id=extra.id))
    ids = {"draft": draft.id, "live": live.id, "order": order.id, "member_row": member_row, "product": product().id}
    users = {"owner": owner.email, "member": member.email, "other": other.email, "seeker": seeker.email, "staff": staff.email}
    return ids, users


def expected(role, rule):
    if role == "guest":
        return "login"
    if role in ("seeker", "staff"):
        return 403
    if role == "other":
        return 404 if rule in ("own", "owner-own") else "ok"
    if rule.startswith("owner") and role == "member":
        return 403
    return "ok"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "data", "rule"), ROUTES, ids=[f"{m} {p}" for m, p, _, _ in ROUTES])
def test_route_access(client, world, role, method, path, data, rule):
    ids, users = world
    if role != "guest":
        login(client, users[role])
    url = path.format(**ids)
    form = {k: (v.format(**ids) if isinstance(v, str) else v) for k, v in (data or {}).items()}
    response = client.get(url) if method == "GET" else client.post(url, data=form)
    want = expected(role, rule)
    body = response.get_data(as_text=True)
    if want == "login":
        assert response.status_code == 302 and "/account/login" in response.headers["Location"]
    elif want == "ok":
        assert response.status_code in (200, 302, 303), body[:500]
        if role == "other":
            # Their own dashboard and lists: never our posts.
            assert "Secret Draft Title" not in body
    else:
        assert response.status_code == want, body[:500]
    if role in ("other", "seeker", "staff", "guest"):
        db.session.expire_all()
        from careercenter.jobs.models import Job

        draft = db.session.get(Job, ids["draft"])
        assert draft.title == "Secret Draft Title" and draft.status == JobStatus.PENDING_PAYMENT
        assert db.session.get(Job, ids["live"]).status == JobStatus.PUBLISHED
        assert db.session.get(CompanyMember, ids["member_row"]) is not None


def test_members_see_the_company_dashboard_and_owners_alone_manage_the_team(client, world):
    ids, users = world
    login(client, users["member"])
    page = client.get("/employer/").get_data(as_text=True)
    assert "Secret Draft Title" in page and "Live Post" in page
    assert "Invite a colleague" not in client.get("/employer/team").get_data(as_text=True)
    assert db.session.scalar(db.select(CompanyMember.role).filter_by(id=ids["member_row"])) == MemberRole.MEMBER
