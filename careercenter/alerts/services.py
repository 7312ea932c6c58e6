"""Saved searches: create, confirm, pause, resume, delete, unsubscribe; suppression of bouncing addresses."""

from datetime import timedelta

from sqlalchemy import delete, or_, select

from ..accounts.models import User
from ..database import utcnow
from ..email import send_email
from ..extensions import db
from ..search.criteria import Criteria
from .matching import index_keys
from .models import AlertMatch, EmailSuppression, Frequency, PauseReason, SavedSearch, SavedSearchKey, SearchStatus
from .timing import next_run_after
from .tokens import make_confirm_token

GUEST_CONFIRM_DAYS = 7
MAX_SEARCHES_PER_ADDRESS = 50


class AlertError(Exception):
    """A saved search cannot be created as asked; the message is for the user."""


class DuplicateSearch(AlertError):
    """The address already has this very search; ``saved`` is the existing one."""

    def __init__(self, message, saved):
        super().__init__(message)
        self.saved = saved


def is_suppressed(email):
    return db.session.get(EmailSuppression, (email or "").lower()) is not None


def describe(criteria):
    """A short default name for a search, e.g. "risk adjustment · remote · CRC"."""
    parts = [criteria.q] if criteria.q else []
    parts += [criteria.city or "", criteria.state or "", *criteria.arrangement, *criteria.type,
              criteria.specialty or "", criteria.setting or "", criteria.credential or "",
              f"code {criteria.code}" if criteria.code else ""]
    if criteria.remote_state:
        parts.append(f"remote from {criteria.remote_state}")
    text = " · ".join(p for p in parts if p)
    return (text or "All jobs")[:120]


def _apply(saved, criteria):
    saved.params = criteria.to_args(with_sort=False)
    saved.state = criteria.state
    saved.min_pay_cents = criteria.min_pay_cents
    saved.keys = [SavedSearchKey(key=k) for k in index_keys(criteria)]


def schedule(saved, now=None):
    """Set the next digest time from the saved search's frequency, hour and zone."""
    saved.next_run_at = next_run_after(saved.frequency, saved.hour, saved.timezone, now or utcnow(), saved.weekday)


def create_saved_search(criteria, *, name, frequency, hour, timezone, weekday=None, user=None, email=None):
    """Save a search. A signed-in verified user's is active at once; a guest's waits for the
    confirmation link emailed here (after the commit). Does not commit."""
    if criteria.errors:
        # Saving without the bad filters would widen the search (code=garbage would alert on every post).
        raise AlertError("Fix the search's filters before saving it.")
    address = (user.email if user is not None else email or "").lower()
    if not address:
        raise AlertError("Enter the email address to send alerts to.")
    if is_suppressed(address):
        raise AlertError("Emails to this address bounced, so we can't send alerts there.")
    count = db.session.scalar(
        select(db.func.count()).select_from(SavedSearch).where(SavedSearch.email == address,
                                                               SavedSearch.status != SearchStatus.UNSUBSCRIBED)
    )
    params = criteria.to_args(with_sort=False)
    same = next((s for s in searches_for_address(address) if s.params == params), None)
    if same is not None:
        raise DuplicateSearch(f"You already saved this search as “{same.name}”.", same)
    if count >= MAX_SEARCHES_PER_ADDRESS:
        raise AlertError(f"An address can have at most {MAX_SEARCHES_PER_ADDRESS} saved searches.")
    saved = SavedSearch(
        user=user,
        email=address,
        name=(name or describe(criteria)).strip()[:120],
        frequency=frequency,
        hour=hour,
        timezone=timezone,
        weekday=weekday if frequency == Frequency.WEEKLY else None,
        status=SearchStatus.ACTIVE if user is not None else SearchStatus.PENDING,
    )
    _apply(saved, criteria)
    if user is not None:
        saved.confirmed_at = utcnow()
        schedule(saved)
    db.session.add(saved)
    db.session.flush()
    if user is None:
        send_email("alert-confirm", address, saved=saved, token=make_confirm_token(saved))
    return saved


def resend_confirmation(saved):
    """Email a guest's still-unconfirmed saved search its confirmation link again (after the commit)."""
    send_email("alert-confirm", saved.email, saved=saved, token=make_confirm_token(saved))


def confirm_saved_search(saved):
    """Activate a guest's saved search (idempotent). Does not commit."""
    if saved.status == SearchStatus.PENDING:
        saved.status = SearchStatus.ACTIVE
        saved.confirmed_at = utcnow()
        schedule(saved)
    return saved


def update_schedule(saved, *, frequency, hour, timezone, weekday=None):
    saved.frequency = frequency
    saved.hour = hour
    saved.timezone = timezone
    saved.weekday = weekday if frequency == Frequency.WEEKLY else None
    schedule(saved)


def pause_saved_search(saved, reason=PauseReason.USER):
    if saved.status == SearchStatus.ACTIVE:
        saved.status = SearchStatus.PAUSED
        saved.pause_reason = reason


def resume_saved_search(saved):
    """Resume a paused or unsubscribed search; matches made meanwhile are not sent."""
    if is_suppressed(saved.recipient):
        raise AlertError("Emails to this address bounced, so alerts stay paused.")
    if saved.status in (SearchStatus.PAUSED, SearchStatus.UNSUBSCRIBED):
        saved.status = SearchStatus.ACTIVE
        saved.pause_reason = None
        schedule(saved)


def unsubscribe_saved_search(saved):
    saved.status = SearchStatus.UNSUBSCRIBED
    saved.next_run_at = None


def delete_saved_search(saved):
    db.session.execute(delete(AlertMatch).where(AlertMatch.saved_search_id == saved.id))
    db.session.delete(saved)


def delete_searches_of(user):
    """Delete every saved search delivered to ``user`` (theirs, and guest ones to their
    address) with its index keys and sent-log rows. Does not commit."""
    ids = select(SavedSearch.id).where(or_(SavedSearch.user_id == user.id, SavedSearch.email == user.email.lower()))
    ids = db.session.scalars(ids).all()
    if not ids:
        return 0
    db.session.execute(delete(AlertMatch).where(AlertMatch.saved_search_id.in_(ids)))
    db.session.execute(delete(SavedSearchKey).where(SavedSearchKey.saved_search_id.in_(ids)))
    db.session.execute(delete(SavedSearch).where(SavedSearch.id.in_(ids)))
    return len(ids)


def searches_for_address(email):
    """Saved searches delivered to ``email`` (a guest's, or a user's with that address)."""
    email = (email or "").lower()
    user_ids = select(User.id).where(User.email == email)
    return db.session.scalars(
        select(SavedSearch)
        .where(or_(SavedSearch.email == email, SavedSearch.user_id.in_(user_ids)))
        .order_by(SavedSearch.created_at.desc(), SavedSearch.id.desc())
    ).all()


def suppress_address(email, reason):
    """Record a permanent delivery failure and pause every saved search sent to the address. Commits."""
    email = (email or "").lower()
    if db.session.get(EmailSuppression, email) is None:
        db.session.add(EmailSuppression(email=email, reason=(reason or "")[:500]))
    for saved in searches_for_address(email):
        pause_saved_search(saved, PauseReason.BOUNCED)
    db.session.commit()


def expire_unconfirmed(now=None):
    """Delete guests' saved searches left unconfirmed for 7 days; returns how many. Commits."""
    cutoff = (now or utcnow()) - timedelta(days=GUEST_CONFIRM_DAYS)
    ids = list(db.session.scalars(
        select(SavedSearch.id).where(SavedSearch.status == SearchStatus.PENDING, SavedSearch.created_at < cutoff)
    ))
    if ids:
        # Explicit child deletes: SQLite runs without foreign-key enforcement, so no cascade there.
        db.session.execute(delete(SavedSearchKey).where(SavedSearchKey.saved_search_id.in_(ids)))
        db.session.execute(delete(AlertMatch).where(AlertMatch.saved_search_id.in_(ids)))
        db.session.execute(delete(SavedSearch).where(SavedSearch.id.in_(ids)))
    db.session.commit()
    return len(ids)


def rebuild_index(saved, criteria: Criteria):
    """Re-file a saved search after its criteria changed."""
    _apply(saved, criteria)


