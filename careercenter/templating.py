"""Globals and filters shared by page and email templates."""

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app, url_for

from .jobs.models import label


def absolute_url(endpoint, **values):
    """A full URL on ``SITE_URL`` (emails and feeds must not trust the request's host)."""
    return current_app.config["SITE_URL"] + url_for(endpoint, **values)


def local_date(value, fmt="%b %-d, %Y"):
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(ZoneInfo(current_app.config["TIMEZONE"]))
    return value.strftime(fmt)


def days_ago(value):
    """Whole days since an aware datetime (0 for today), for "Posted 3 days ago" and "New" badges."""
    if value is None:
        return None
    return max(0, (datetime.now(value.tzinfo) - value).days)


def initials(name, letters=2):
    """Up to two capital letters from a name, for the company avatar."""
    words = [w for w in (name or "").replace("&", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:letters]).upper() or "?"


def register_template_helpers(app):
    app.jinja_env.globals.update(absolute_url=absolute_url, site_name="CareerCenter")
    app.jinja_env.filters.update(label=label, local_date=local_date, days_ago=days_ago, initials=initials)
