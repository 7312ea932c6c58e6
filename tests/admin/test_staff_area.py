"""The staff home, the lists of users, posts and companies, and the checks on product prices."""

import pytest
from flask import g

from careercenter.billing.models import Order, OrderKind, OrderStatus
from careercenter.extensions import db
from careercenter.jobs.models import JobStatus
from tests.support.billing_factories import product
from tests.support.factories import login, make_employer, make_job, make_user

STAFF_PAGES = ["/admin", "/admin/users", "/admin/users?q=clinic&page=2", "/admin/jobs", "/admin/jobs?status=draft",
               "/admin/companies", "/admin/companies?q=north", "/admin/orders", "/admin/orders?status=paid",
               "/admin/products"]


def sign_in(client, user):
    g.pop("_login_user", None)
    client.post("/account/logout")
    if user is not None:
        assert login(client, user.email).status_code == 302


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_staff_pages_are_for_staff_only(client, path):
    staff = make_user("staff@careercenter.example", is_staff=True)
    employer, _ = make_employer("owner@north.example")
    coder = make_user("coder@example.com")
    sign_in(client, staff)
    assert client.get(path).status_code == 200
    for user in (employer, coder):
        sign_in(client, user)
        assert client.get(path).status_code == 403
    sign_in(client, None)
    guest = client.get(path)
    assert guest.status_code == 302 and "/account/login" in guest.headers["Location"]


def test_the_staff_link_leads_to_the_staff_home_with_counts_and_links(client):
    staff = make_user("staff@careercenter.example", is_staff=True)
    _, company = make_employer("owner@north.example", company_name="North Clinic")
    make_job(company, title="Live Coder")
    make_job(company, title="Draft Coder", status=JobStatus.DRAFT)
    sign_in(client, staff)
    nav = client.get("/").get_data(as_text=True)
    assert 'href="/admin">Staff</a>' in nav
    home = client.get("/admin").get_data(as_text=True)
    for link in ("/admin/orders", "/admin/products", "/admin/users", "/admin/jobs", "/admin/companies"):
        assert f'href="{link}"' in home
    assert "<strong>2</strong> posts" in home and "<strong>1</strong> live" in home
    assert "<strong>1</strong> companies" in home


def test_users_are_searched_by_email_and_show_type_verification_and_staff(client):
    staff = make_user("staff@careercenter.example", is_staff=True)
    make_employer("hr@north.example")
    make_user("pat@coders.example", verified=False)
    make_user("pat_100%@elsewhere.example")
    sign_in(client, staff)
    page = client.get("/admin/users?q=north").get_data(as_text=True)
    assert "hr@north.example" in page and "pat@coders.example" not in page and "Employer" in page
    coder = client.get("/admin/users?q=PAT@").get_data(as_text=True)
    assert "pat@coders.example" in coder and "Coder" in coder and "<td>No</td>" in coder
    assert "staff@careercenter.example" not in coder
    # LIKE wildcards in the search are taken literally.
    literal = client.get("/admin/users?q=_100%25").get_data(as_text=True)
    assert "pat_100%@elsewhere.example" in literal and "pat@coders.example" not in literal
    me = client.get("/admin/users?q=staff@").get_data(as_text=True)
    row = me[me.index("staff@careercenter.example"):]
    assert row.split("</tr>")[0].count("<td>Yes</td>") == 2  # verified and staff


def test_users_list_is_paginated(client):
    staff = make_user("staff@careercenter.example", is_staff=True)
    for n in range(51):
        make_user(f"bulk{n:02d}@example.com")
    sign_in(client, staff)
    first = client.get("/admin/users").get_data(as_text=True)
    assert "Page 1 of 2" in first and "/admin/users?page=2" in first
    second = client.get("/admin/users?page=2").get_data(as_text=True)
    assert second.count("data-user-id=") == 2


def test_jobs_list_filters_by_status_and_links_the_post_and_company(client):
    staff = make_user("staff@careercenter.example", is_staff=True)
    _, company = make_employer(company_name="North Clinic")
    live = make_job(company, title="Live Coder")
    make_job(company, title="Draft Coder", status=JobStatus.DRAFT)
    sign_in(client, staff)
    everything = client.get("/admin/jobs").get_data(as_text=True)
    assert "Live Coder" in everything and "Draft Coder" in everything
    assert '<option value="pending_payment">Awaiting payment</option>' in everything
    drafts = client.get("/admin/jobs?status=draft").get_data(as_text=True)
    assert "Draft Coder" in drafts and "Live Coder" not in drafts
    published = client.get("/admin/jobs?status=published").get_data(as_text=True)
    assert f'href="/jobs/{live.id}-{live.slug}"' in published
    assert f'href="/companies/{company.slug}"' in published


def test_companies_list_searches_by_name_and_counts_posts(client):
    staff = make_user("staff@careercenter.example", is_staff=True)
    _, north = make_employer(company_name="North Clinic")
    make_employer(company_name="South Billing")
    make_job(north)
    make_job(north, status=JobStatus.DRAFT)
    sign_in(client, staff)
    page = client.get("/admin/companies?q=north").get_data(as_text=True)
    assert "North Clinic" in page and "South Billing" not in page
    assert f'href="/companies/{north.slug}"' in page
    assert '<td class="text-end">2</td>' in page


def test_orders_link_the_post_and_company_and_filter_with_human_labels(client):
    staff = make_user("staff@careercenter.example", is_staff=True)
    owner, company = make_employer(company_name="North Clinic")
    job = make_job(company, title="Coding Educator")
    standard = product()
    db.session.add(Order(company_id=company.id, job_id=job.id, product_id=standard.id, user_id=owner.id,
                         kind=OrderKind.PUBLISH, amount_cents=9900, currency="usd", product_name=standard.name,
                         duration_days=30, featured=False, gateway="offline", status=OrderStatus.PAID))
    db.session.commit()
    sign_in(client, staff)
    page = client.get("/admin/orders").get_data(as_text=True)
    assert f'href="/jobs/{job.id}-{job.slug}">Coding Educator</a>' in page
    assert f'href="/companies/{company.slug}">North Clinic</a>' in page
    assert '<option value="paid">Paid</option>' in page and '<option value="pending">Pending</option>' in page
    assert "<td>Paid" in page
    assert "Coding Educator" not in client.get("/admin/orders?status=refunded").get_data(as_text=True)


@pytest.mark.parametrize("price, days, message", [
    ("12.345", "30", "at most 2 decimals"),
    ("0", "30", "The price must be at least $1.00."),
    ("0.99", "30", "The price must be at least $1.00."),
    ("", "30", "Enter a price."),
    ("10000.01", "30", "The price can be at most $10,000."),
    ("99", "0", "A post must run at least 1 day."),
    ("99", "366", "A post can run at most 365 days."),
])
def test_bad_prices_and_durations_are_refused_with_a_message(client, price, days, message):
    staff = make_user(is_staff=True)
    sign_in(client, staff)
    standard = product()
    before = (standard.price_cents, standard.duration_days)
    page = client.post(f"/admin/products/{standard.id}",
                       data={"name": "Standard", "price": price, "duration_days": days, "active": "y"})
    assert page.status_code == 422 and message in page.get_data(as_text=True)
    db.session.expire_all()
    assert (product().price_cents, product().duration_days) == before


def test_a_price_with_cents_is_kept_exactly(client):
    staff = make_user(is_staff=True)
    sign_in(client, staff)
    standard = product()
    client.post(f"/admin/products/{standard.id}", data={"name": "Standard", "price": "12.35", "duration_days": "1",
                                                        "active": "y"})
    db.session.expire_all()
    assert (product().price_cents, product().duration_days) == (1235, 1)
