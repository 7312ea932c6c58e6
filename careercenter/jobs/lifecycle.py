"""The post's states and the moves allowed between them, as a pure table.

No database here: services ask ``check_move(current, target)`` before they
change a post, and tests walk the whole table.
"""

from .models import JobStatus

S = JobStatus

# (from, to) -> the business event that makes the move.
TRANSITIONS = {
    (S.DRAFT, S.PENDING_PAYMENT): "checkout started",
    (S.PENDING_PAYMENT, S.DRAFT): "checkout cancelled, expired or failed",
    # Payment is the source of truth: a payment confirmed after the employer
    # cancelled (or after the session expired) still publishes the post.
    (S.DRAFT, S.PUBLISHED): "payment confirmed",
    (S.PENDING_PAYMENT, S.PUBLISHED): "payment confirmed",
    (S.PUBLISHED, S.EXPIRED): "paid period ended",
    (S.PUBLISHED, S.CLOSED): "closed as filled",
    (S.PUBLISHED, S.REMOVED): "refunded or taken down by staff",
    (S.EXPIRED, S.PUBLISHED): "renewed",
    # Reopening (no payment) only while the paid period runs: see can_reopen.
    (S.CLOSED, S.PUBLISHED): "renewed, or reopened before the paid period ends",
    (S.EXPIRED, S.REMOVED): "refunded or taken down by staff",
    (S.CLOSED, S.REMOVED): "refunded or taken down by staff",
    (S.PENDING_PAYMENT, S.REMOVED): "refunded before fulfilment",
}


class TransitionError(ValueError):
    """The post cannot move from its current state to the one asked for."""


def can_move(current, target):
    """True when the table allows ``current -> target``."""
    return (JobStatus(current), JobStatus(target)) in TRANSITIONS


def check_move(current, target):
    """Return the target status, or raise TransitionError."""
    if not can_move(current, target):
        raise TransitionError(f"a {current} post cannot become {target}")
    return JobStatus(target)


def can_reopen(current, expires_at, now):
    """A post closed as filled may be listed again, unpaid, only before its paid period ends."""
    return (JobStatus(current) == S.CLOSED and can_move(current, S.PUBLISHED)
            and expires_at is not None and expires_at > now)


def allowed_targets(current):
    return [dst for (src, dst) in TRANSITIONS if src == JobStatus(current)]


# States in which the employer may still change what the post says.
EDITABLE = {S.DRAFT, S.PENDING_PAYMENT, S.PUBLISHED, S.EXPIRED, S.CLOSED}
# States from which paying renews the post (extends or re-opens it).
RENEWABLE = {S.PUBLISHED, S.EXPIRED, S.CLOSED}
# States in which the company may delete the post (and only with no paid order).
DELETABLE = {S.DRAFT}
# States from which paying publishes the post for the first time.
PUBLISHABLE = {S.DRAFT, S.PENDING_PAYMENT}
