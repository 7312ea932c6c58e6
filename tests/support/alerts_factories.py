"""Factories for saved searches and catalogue links."""

from werkzeug.datastructures import MultiDict

from careercenter.alerts.services import create_saved_search
from careercenter.extensions import db
from careercenter.jobs.models import JobLink, LinkSource
from careercenter.search.criteria import criteria_from_args


def criteria(**args):
    pairs = [(k, str(x)) for k, v in args.items() for x in (v if isinstance(v, (list, tuple)) else [v])]
    c = criteria_from_args(MultiDict(pairs))
    assert not c.errors, c.errors
    return c


def make_saved_search(user=None, email=None, *, frequency="instant", hour=8, timezone="America/New_York",
                      weekday=None, name=None, confirm=True, **args):
    """A saved search for ``user`` (active) or a guest ``email`` (confirmed unless ``confirm=False``)."""
    from careercenter.alerts.services import confirm_saved_search

    saved = create_saved_search(criteria(**args), name=name or "", frequency=frequency, hour=hour,
                                timezone=timezone, weekday=weekday, user=user, email=email)
    if user is None and confirm:
        confirm_saved_search(saved)
    db.session.commit()
    return saved


def link(job, kind, value, source=LinkSource.EMPLOYER):
    db.session.add(JobLink(job_id=job.id, kind=kind, value=value, source=source))
    db.session.commit()
