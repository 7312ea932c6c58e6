"""Globals and filters shared by page and email templates."""

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from flask import current_app, url_for

from .jobs.models import label
from .rendering import render_markdown


def absolute_url(endpoint, **values):
    """A full URL on ``SITE_URL`` (emails and feeds must not trust the request's host)."""
    return current_app.config["SITE_URL"] + url_for(endpoint, **values)


def site_zone():
    return ZoneInfo(current_app.config["TIMEZONE"])


def local_date(value, fmt="%b %-d, %Y"):
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(site_zone())
    return value.strftime(fmt)


def days_ago(value, now=None):
    """Calendar days between an aware datetime and now in the site's time zone (0 for today),
    for "Posted 3 days ago" and "New" badges. Counted on the same local calendar as
    ``local_date``, so "yesterday" always sits next to yesterday's date."""
    if value is None:
        return None
    zone = site_zone()
    today = (now or datetime.now(timezone.utc)).astimezone(zone).date()
    return max(0, (today - value.astimezone(zone).date()).days)


def posted_ago(value, now=None):
    """"today", "yesterday" or "N days ago" for an aware datetime, in calendar days."""
    age = days_ago(value, now)
    if age is None:
        return ""
    return "today" if age == 0 else "yesterday" if age == 1 else f"{age} days ago"


def initials(name, letters=2):
    """Up to two capital letters from a name, for the company avatar."""
    words = [w for w in (name or "").replace("&", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:letters]).upper() or "?"


def register_template_helpers(app):
    app.jinja_env.globals.update(absolute_url=absolute_url, site_name=app.config.get("SITE_NAME", "CareerCenter"))
    app.jinja_env.filters.update(label=label, local_date=local_date, days_ago=days_ago, posted_ago=posted_ago,
                                 initials=initials, markdown=render_markdown)
