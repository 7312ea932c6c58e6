"""``flask --app wsgi jobs ...``: the lifecycle work the scheduler also runs."""

import click

from ..cli import site_command
from .views import bp


@site_command(bp.cli, "expire")
def expire_command():
    """Expire posts past their end and send the expiring/expired emails (same as the hourly job)."""
    from .services import expire_jobs

    expired, expiring, notices = expire_jobs()
    click.echo(f"Expired {expired} posts; sent {expiring} expiring-soon and {notices} expired emails.")
