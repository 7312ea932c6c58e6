"""Record matches once, then send instant alerts and digests from the sent-log.

``AlertMatch`` is unique per (saved search, post). Sending claims unsent rows with
``UPDATE ... WHERE sent_at IS NULL RETURNING``, so two workers (or a retry) can
never put the same post in two emails. Every send re-checks that the post is still
live, and nothing is sent when nothing is new.
"""

from collections import defaultdict
from datetime import datetime

from flask import current_app, url_for
from sqlalchemy import Integer, bindparam, func, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..database import utcnow
from ..accounts.models import User
from ..email import render_email, send_email
from ..extensions import db
from ..templating import absolute_url
from ..jobs.models import Job
from .models import AlertMatch, EmailSuppression, Frequency, SavedSearch, SearchStatus
from .services import is_suppressed
from .timing import next_run_after
from .tokens import make_manage_token, make_unsubscribe_token, make_unsubscribe_token_for

DIGEST_LIMIT = 20


def record_matches(job_id, saved_search_ids, now=None):
    """Insert (saved search, post) rows, ignoring ones that exist. Does not commit."""
    if not saved_search_ids:
        return
    dialect = db.session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    now = now or utcnow()
    rows = [{"saved_search_id": sid, "job_id": job_id, "matched_at": now} for sid in saved_search_ids]
    db.session.execute(insert(AlertMatch).values(rows).on_conflict_do_nothing(
        index_elements=["saved_search_id", "job_id"]))


def pending_items(ss_ids, until, now):
    """{saved search id: [(match id, Job, matched at)]} of unsent matches up to ``until`` whose post is live,
    featured first then newest."""
    rows = db.session.execute(
        select(AlertMatch.saved_search_id, AlertMatch.id, AlertMatch.matched_at, Job)
        .join(Job, Job.id == AlertMatch.job_id)
        .where(
            AlertMatch.saved_search_id.in_(ss_ids),
            AlertMatch.sent_at.is_(None),
            AlertMatch.matched_at <= until,
            Job.live_condition(now),
        )
        .order_by(AlertMatch.saved_search_id, Job.is_featured.desc(), Job.published_at.desc(), Job.id.desc())
    ).all()
    grouped = defaultdict(list)
    for ss_id, match_id, matched_at, job in rows:
        grouped[ss_id].append((match_id, job, matched_at))
    return grouped


def pending_rows(ss_ids, until, now):
    """[(saved search id, match id, job id, matched at)] of unsent matches up to ``until`` whose post is live,
    per saved search featured first then newest: plain rows, no post is loaded (digest batches)."""
    if not ss_ids:
        return []
    return db.session.execute(
        select(AlertMatch.saved_search_id, AlertMatch.id, AlertMatch.job_id, AlertMatch.matched_at)
        .join(Job, Job.id == AlertMatch.job_id)
        .where(
            _in(AlertMatch.saved_search_id, ss_ids, "ss_ids"),
            AlertMatch.sent_at.is_(None),
            AlertMatch.matched_at <= until,
            Job.live_condition(now),
        )
        .order_by(AlertMatch.saved_search_id, Job.is_featured.desc(), Job.published_at.desc(), Job.id.desc())
    ).all()


def _in(column, values, name):
    """``column IN values``: one array parameter on PostgreSQL (a batch holds thousands of ids)."""
    values = sorted(values)
    if db.session.get_bind().dialect.name == "postgresql":
        return column == func.any(bindparam(name, values, type_=ARRAY(Integer)))
    return column.in_(values)


def load_jobs(job_ids):
    """{id: Job} for ``job_ids`` (with their companies), in one query."""
    if not job_ids:
        return {}
    return {j.id: j for j in db.session.scalars(select(Job).where(_in(Job.id, job_ids, "job_ids")))}


class DigestPost:
    """What an alert email shows of a post, worked out once per batch (a post is in many digests)."""

    __slots__ = ("id", "slug", "title", "is_featured", "company", "_location", "_pay")

    def __init__(self, job):
        self.id, self.slug, self.title, self.is_featured = job.id, job.slug, job.title, job.is_featured
        self.company = job.company
        self._location, self._pay = job.location_label(), job.pay_label()

    def location_label(self):
        return self._location

    def pay_label(self):
        return self._pay


def _memo_absolute_url():
    """``absolute_url`` remembering what it built (digests of a batch link the same posts again and again)."""
    built = {}

    def absolute_url_once(endpoint, **values):
        key = (endpoint, tuple(sorted(values.items())))
        if key not in built:
            built[key] = absolute_url(endpoint, **values)
        return built[key]

    return absolute_url_once


def claim(match_ids, now):
    """Mark matches sent; returns the ids this call claimed (others were already sent)."""
    if not match_ids:
        return set()
    result = db.session.execute(
        update(AlertMatch)
        .where(_in(AlertMatch.id, match_ids, "match_ids"), AlertMatch.sent_at.is_(None))
        .values(sent_at=now)
        .returning(AlertMatch.id),
        execution_options={"synchronize_session": False},
    )
    return {row[0] for row in result}


def results_url(saved):
    """The full results of a saved search, newest first, on the site."""
    args = dict(saved.params or {})
    if saved.frequency == Frequency.DAILY:
        args["posted_within"] = 1
    elif saved.frequency == Frequency.WEEKLY:
        args["posted_within"] = 7
    args["sort"] = "date"
    return current_app.config["SITE_URL"] + url_for("jobs.index", **args)


def alert_email(saved, jobs, total, template, recipient=None):
    """(template name, context, headers) of an alert email for ``saved``."""
    recipient = recipient or saved.recipient
    unsubscribe = current_app.config["SITE_URL"] + url_for(
        "alerts.unsubscribe", token=make_unsubscribe_token(saved))
    manage = current_app.config["SITE_URL"] + url_for("alerts.manage_by_token", token=make_manage_token(recipient))
    context = {
        "saved": saved, "jobs": jobs, "total": total, "more": max(0, total - len(jobs)),
        "results_url": results_url(saved), "unsubscribe_url": unsubscribe, "manage_url": manage,
    }
    headers = {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return template, context, headers


def instant_email(searches, jobs, total, matched_by, recipient):
    """(template name, context, headers) of one instant email for several saved searches of one
    recipient: each search is named with its own results and unsubscribe links, and the one-click
    unsubscribe (List-Unsubscribe) leaves every search in the email."""
    site = current_app.config["SITE_URL"]
    name, context, headers = alert_email(searches[0], jobs, total, "alert-instant", recipient)
    if len(searches) > 1:
        unsubscribe_all = site + url_for("alerts.unsubscribe", token=make_unsubscribe_token_for(searches))
        context["unsubscribe_url"] = unsubscribe_all
        headers["List-Unsubscribe"] = f"<{unsubscribe_all}>"
    context["searches"] = [{"saved": saved, "results_url": results_url(saved), "unsubscribe_url": site + url_for(
        "alerts.unsubscribe", token=make_unsubscribe_token(saved))} for saved in searches]
    context["matched_by"] = matched_by
    return name, context, headers


def send_instant(saved_search_id, now=None):
    """Email an instant subscriber the posts matched and not yet sent. Commits; the email leaves after."""
    return send_instant_group([saved_search_id], now)


def send_instant_group(saved_search_ids, now=None):
    """Email each recipient of these instant saved searches ONE email with the posts matched and not
    yet sent, whichever of their searches matched them (each named in the email). Every (saved
    search, post) match is claimed, so none is ever sent again. Commits; emails leave after.
    Returns how many posts were sent."""
    now = now or utcnow()
    searches = db.session.scalars(
        select(SavedSearch).where(SavedSearch.id.in_(list(saved_search_ids)), SavedSearch.status == SearchStatus.ACTIVE,
                                  SavedSearch.frequency == Frequency.INSTANT).order_by(SavedSearch.id)
    ).all()
    by_recipient = defaultdict(list)
    for saved in searches:
        by_recipient[saved.recipient.lower()].append(saved)
    sent = 0
    for recipient, group in by_recipient.items():
        if is_suppressed(recipient):
            continue
        items = pending_items([saved.id for saved in group], now, now)
        claimed = claim([mid for rows in items.values() for mid, _, _ in rows], now)
        jobs, matched_by, named = {}, defaultdict(list), []
        for saved in group:
            for mid, job, _ in items.get(saved.id, []):
                if mid in claimed:
                    jobs.setdefault(job.id, job)
                    matched_by[job.id].append(saved.name)
                    if saved not in named:
                        named.append(saved)
        if not jobs:
            continue
        ordered = sorted(jobs.values(), key=lambda j: (not j.is_featured, -(j.published_at.timestamp() if j.published_at else 0), -j.id))
        for saved in named:
            saved.last_sent_at = now
        name, context, headers = instant_email(named, ordered[:DIGEST_LIMIT], len(ordered), dict(matched_by),
                                               group[0].recipient)
        send_email(name, group[0].recipient, sender=current_app.config["ALERTS_FROM"], headers=headers, **context)
        sent += len(ordered)
    db.session.commit()
    return sent


def send_digest(saved_search_id, due_iso, now=None):
    """Send the digest due at ``due_iso`` unless already done; schedules the next one. Commits."""
    return send_digests([(saved_search_id, due_iso)], now)


def send_digests(batch, now=None, send=True):
    """Send each (saved search id, due time) digest of ``batch`` that is still due. Commits.

    A digest at ``due`` holds the live posts matched up to ``due`` and never sent;
    the saved search's ``next_run_at`` moves on, so running the same batch again
    sends nothing. With ``send=False`` emails are rendered but not queued (benchmarks).
    Returns how many emails were produced.
    """
    now = now or utcnow()
    dues = {int(sid): datetime.fromisoformat(iso) for sid, iso in batch}
    searches = db.session.scalars(
        select(SavedSearch).where(SavedSearch.id.in_(dues)).order_by(SavedSearch.id).with_for_update(of=SavedSearch)
    ).all()
    ready = [s for s in searches if s.status == SearchStatus.ACTIVE and s.next_run_at == dues[s.id]]
    if not ready:
        db.session.rollback()
        return 0
    users = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_({s.user_id for s in ready if s.user_id})))}
    recipient = {s.id: (users[s.user_id].email if s.user_id in users else s.email) for s in ready}
    suppressed = set(db.session.scalars(
        select(EmailSuppression.email).where(EmailSuppression.email.in_(set(recipient.values())))))
    wanted = [s for s in ready if recipient[s.id] not in suppressed]
    # The whole batch is read as plain rows and claimed in one statement; only the posts an email
    # shows (at most DIGEST_LIMIT each, shared between subscribers) are loaded as objects.
    rows = pending_rows([s.id for s in wanted], max(dues[s.id] for s in ready), now) if wanted else []
    rows = [(sid, mid, job_id) for sid, mid, job_id, at in rows if at <= dues[sid]]
    claimed = claim([mid for _, mid, _ in rows], now)
    chosen = defaultdict(list)  # saved search id -> claimed job ids in digest order
    for sid, mid, job_id in rows:
        if mid in claimed:
            chosen[sid].append(job_id)
    jobs_by_id = {i: DigestPost(j) for i, j in load_jobs(
        {job_id for ids in chosen.values() for job_id in ids[:DIGEST_LIMIT]}).items()}
    urls = _memo_absolute_url()
    produced = 0
    for saved in wanted:
        ids = chosen.get(saved.id)
        if not ids:
            continue
        jobs = [jobs_by_id[job_id] for job_id in ids[:DIGEST_LIMIT]]
        name, context, headers = alert_email(saved, jobs, len(ids), "alert-digest", recipient[saved.id])
        context["absolute_url"] = urls  # shadows the template global with the same URLs, built once a batch
        saved.last_sent_at = now
        produced += 1
        if send:
            send_email(name, recipient[saved.id], sender=current_app.config["ALERTS_FROM"], headers=headers, **context)
        else:
            render_email(name, **context)
    for saved in ready:
        due = dues[saved.id]
        saved.next_run_at = next_run_after(saved.frequency, saved.hour, saved.timezone, max(due, now), saved.weekday)
    db.session.commit()
    return produced


def due_digests(now=None, limit=None):
    """(id, next_run_at) of active digest subscriptions due at ``now``."""
    now = now or utcnow()
    stmt = (
        select(SavedSearch.id, SavedSearch.next_run_at)
        .where(
            SavedSearch.status == SearchStatus.ACTIVE,
            SavedSearch.frequency.in_([Frequency.DAILY, Frequency.WEEKLY]),
            SavedSearch.next_run_at <= now,
        )
        .order_by(SavedSearch.next_run_at, SavedSearch.id)
    )
    if limit:
        stmt = stmt.limit(limit)
    return db.session.execute(stmt).all()
