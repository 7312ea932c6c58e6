"""Every move of the post state table, allowed and refused."""

import itertools
from datetime import datetime, timedelta, timezone

import pytest

from careercenter.jobs.lifecycle import TRANSITIONS, TransitionError, allowed_targets, can_move, can_reopen, check_move
from careercenter.jobs.models import JobStatus as S

ALLOWED = [
    (S.DRAFT, S.PENDING_PAYMENT),
    (S.PENDING_PAYMENT, S.DRAFT),
    (S.DRAFT, S.PUBLISHED),
    (S.PENDING_PAYMENT, S.PUBLISHED),
    (S.PUBLISHED, S.EXPIRED),
    (S.PUBLISHED, S.CLOSED),
    (S.PUBLISHED, S.REMOVED),
    (S.EXPIRED, S.PUBLISHED),
    (S.CLOSED, S.PUBLISHED),
    (S.EXPIRED, S.REMOVED),
    (S.CLOSED, S.REMOVED),
    (S.PENDING_PAYMENT, S.REMOVED),
]
REFUSED = [pair for pair in itertools.product(S, S) if pair not in ALLOWED]


def test_the_table_is_exactly_the_documented_moves():
    assert set(TRANSITIONS) == set(ALLOWED)


@pytest.mark.parametrize(("current", "target"), ALLOWED, ids=[f"{a}->{b}" for a, b in ALLOWED])
def test_allowed_move(current, target):
    assert can_move(current, target)
    assert check_move(current, target) == target
    assert target in allowed_targets(current)


@pytest.mark.parametrize(("current", "target"), REFUSED, ids=[f"{a}->{b}" for a, b in REFUSED])
def test_refused_move(current, target):
    assert not can_move(current, target)
    with pytest.raises(TransitionError):
        check_move(current, target)


def test_removed_is_final():
    assert allowed_targets(S.REMOVED) == []


def test_unknown_status_is_an_error():
    with pytest.raises(ValueError):
        can_move("archived", S.PUBLISHED)


NOW = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)
REOPEN = [
    # (status, expires_at, may reopen without paying)
    (S.CLOSED, NOW + timedelta(days=3), True),
    (S.CLOSED, NOW + timedelta(seconds=1), True),
    (S.CLOSED, NOW, False),
    (S.CLOSED, NOW - timedelta(days=1), False),
    (S.CLOSED, None, False),
    (S.EXPIRED, NOW + timedelta(days=3), False),
    (S.PUBLISHED, NOW + timedelta(days=3), False),
    (S.DRAFT, None, False),
    (S.REMOVED, NOW + timedelta(days=3), False),
]


@pytest.mark.parametrize(("status", "expires_at", "allowed"), REOPEN)
def test_a_closed_post_reopens_only_before_its_paid_period_ends(status, expires_at, allowed):
    assert can_reopen(status, expires_at, NOW) is allowed
    if allowed:
        assert (status, S.PUBLISHED) in TRANSITIONS
