"""``flask alerts ...`` and ``flask search ...``: the periodic work by hand (the embedded default has no scheduler)."""

import click
from flask.cli import AppGroup

from ..cli import site_command

alerts_cli = AppGroup("alerts", help="Job alerts: digests and guest confirmations.")
search_cli = AppGroup("search", help="Search documents.")


@site_command(alerts_cli, "send-digests")
def send_digests():
    """Send every digest that is due now."""
    from .tasks import enqueue_due_digests

    click.echo(f"{enqueue_due_digests()} digests due.")


@site_command(alerts_cli, "expire-unconfirmed")
def expire_unconfirmed_command():
    """Delete guest saved searches not confirmed within 7 days."""
    from .services import expire_unconfirmed

    click.echo(f"{expire_unconfirmed()} unconfirmed saved searches removed.")


@site_command(search_cli, "reindex")
def reindex():
    """Rebuild the search document of every post."""
    from ..extensions import db
    from ..search.indexing import reindex_all

    click.echo(f"{reindex_all(db.session)} posts indexed.")


def register_alerts_cli(app):
    app.cli.add_command(alerts_cli)
    app.cli.add_command(search_cli)
