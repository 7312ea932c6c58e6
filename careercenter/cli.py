"""``flask --app wsgi ...`` commands. Each runs its inline follow-up work before exiting."""

import functools
from pathlib import Path

import click
from email_validator import EmailNotValidError
from flask import current_app
from flask.cli import with_appcontext

from .queue import run_ready, site_request_context


def site_command(group, *args, **kwargs):
    """A CLI command run inside a request context on ``SITE_URL``; inline tasks run after it."""

    def decorate(func):
        @functools.wraps(func)
        @with_appcontext
        def wrapped(*a, **kw):
            with site_request_context(current_app):
                result = func(*a, **kw)
                run_ready()
                return result

        return group.command(*args, **kwargs)(wrapped)

    return decorate


def describe_mail_destination(config):
    """"Emails are written to /abs/outbox/." or "Emails are sent through SMTP at host:port."."""
    if config.get("SMTP_URL"):
        from urllib.parse import urlsplit

        where = urlsplit(config["SMTP_URL"])
        return f"Emails are sent through SMTP at {where.hostname}{f':{where.port}' if where.port else ''}."
    return f"Emails are written to {Path(config['OUTBOX_DIR']).resolve()}/."


def register_cli(app):
    from .accounts.forms import PASSWORD_MAX, PASSWORD_MIN, normalize_email
    from .accounts.services import create_or_promote_staff
    from .codes.cli import codes_cli

    app.cli.add_command(codes_cli)

    @site_command(app.cli, "create-staff")
    @click.argument("email")
    @click.option("--name", help="Display name (default: the part before @).")
    @click.option("--email-link", is_flag=True, help="Email a set-password link instead of asking for a password.")
    def create_staff(email, name, email_link):
        """Create a staff account for EMAIL, or promote the existing account."""
        try:
            email = normalize_email(email)
        except EmailNotValidError as exc:
            raise click.BadParameter(str(exc), param_hint="EMAIL") from exc
        password = None
        if not email_link:
            password = click.prompt("Password (leave empty to email a set-password link)", hide_input=True,
                                    default="", show_default=False)
            if password and not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
                raise click.BadParameter(f"use {PASSWORD_MIN} to {PASSWORD_MAX} characters", param_hint="password")
            # Confirm only a typed password: an empty answer means "email a link", with no second Enter.
            if password and click.prompt("Repeat the password", hide_input=True, default="",
                                         show_default=False) != password:
                raise click.BadParameter("the two passwords do not match", param_hint="password")
        user, created = create_or_promote_staff(email, password or None, name)
        click.echo(f"{'Created' if created else 'Promoted'} staff account {user.email}.")
        if not password:
            click.echo("A set-password link was emailed.")

    @site_command(app.cli, "seed-demo")
    @click.option("--if-empty", is_flag=True, help="Only when the database has no jobs yet.")
    def seed_demo_command(if_empty):
        """Load demo employers, coders and published jobs (safe to run twice)."""
        from .demo import database_is_empty, seed_demo

        if if_empty and not database_is_empty():
            click.echo("The database already has jobs; demo data not loaded.")
            return
        click.echo(seed_demo())

    @app.cli.command("demo-logins")
    def demo_logins():
        """Print the demo accounts and their password."""
        from .demo import DEMO_LOGINS

        for email, password, label in DEMO_LOGINS:
            click.echo(f"  {label:<9} {email}  /  {password}")

    @app.cli.command("mail-destination")
    def mail_destination():
        """Print where this configuration delivers email (the outbox folder or the SMTP host)."""
        click.echo(describe_mail_destination(current_app.config))

    from .alerts.cli import register_alerts_cli

    register_alerts_cli(app)
