"""Render named email templates and deliver them; the only module that talks SMTP.

``send_email("verify-email", to, user=user)`` renders
``templates/email/verify-email/{subject.txt,body.txt,body.html}`` now (so the
request's data is used) and delivers after the commit through the queue, on
the ``emails`` queue. Backends: ``SMTP_URL`` (smtp:// or smtps://, with
optional user:password@ and ?starttls=1), otherwise ``.eml`` files in
``OUTBOX_DIR``.
"""

import logging
import smtplib
import ssl
import uuid
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from flask import current_app, render_template

from .queue import enqueue, task

log = logging.getLogger(__name__)


# The standard library folds headers longer than 78 characters, and its folder is wrong for
# some subjects: one that fits a line on its own moves wholly to a continuation line (read
# back as " Application sent…"), and encoded words gain or lose spaces. RFC 5322 allows
# 998-character lines, so headers are written unfolded; subjects are far shorter than that.
MESSAGE_POLICY = policy.default.clone(max_line_length=998)


class PermanentDeliveryError(Exception):
    """The relay refused the message for good (5xx)."""


def render_email(name, **context):
    """Return ``(subject, text, html)`` for the named template folder."""
    subject = clean_subject(render_template(f"email/{name}/subject.txt", **context))
    text = render_template(f"email/{name}/body.txt", **context)
    html = render_template(f"email/{name}/body.html", **context)
    return subject, text, html


def clean_subject(subject):
    """One line with single spaces and nothing around it, whatever the template produced."""
    return " ".join(str(subject or "").split())


def send_email(name, to, *, sender=None, headers=None, **context):
    """Render the named email for one recipient; delivery is enqueued for after the commit."""
    subject, text, html = render_email(name, **context)
    enqueue(
        deliver_email,
        {
            "to": to,
            "from": sender or current_app.config["MAIL_FROM"],
            "subject": subject,
            "text": text,
            "html": html,
            "headers": headers or {},
            "template": name,
        },
    )


def build_message(data):
    msg = EmailMessage(policy=MESSAGE_POLICY)
    msg["From"] = data["from"]
    msg["To"] = data["to"]
    msg["Subject"] = clean_subject(data["subject"])
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=_domain(data["from"]))
    for key, value in (data.get("headers") or {}).items():
        msg[key] = value
    msg.set_content(data["text"])
    msg.add_alternative(data["html"], subtype="html")
    return msg


def _domain(address):
    return address.rsplit("@", 1)[-1].strip(" >") or "localhost"


@task(queue="emails", retries=5, intervals=(30, 120, 600, 1800, 3600))
def deliver_email(data):
    """Deliver one rendered message through the configured backend.

    A temporary refusal (4xx, network) raises, so the queue retries with backoff; a
    permanent one (5xx) puts the address on the suppression list, pauses its saved
    searches and is not retried.
    """
    msg = build_message(data)
    url = current_app.config.get("SMTP_URL")
    if not url:
        _write_outbox(msg)
        return
    try:
        _deliver_smtp(url, msg)
    except PermanentDeliveryError as exc:
        from .alerts.services import suppress_address

        log.warning("permanent delivery failure to %s: %s; address suppressed", data["to"], exc)
        suppress_address(data["to"], str(exc))


def _write_outbox(msg):
    outbox = Path(current_app.config["OUTBOX_DIR"])
    outbox.mkdir(parents=True, exist_ok=True)
    path = outbox / f"{formatdate(usegmt=True)[5:25].replace(' ', '-').replace(':', '')}-{uuid.uuid4().hex[:8]}.eml"
    path.write_bytes(bytes(msg))
    log.info("email to %s written to %s: %s", msg["To"], path, msg["Subject"])


def _deliver_smtp(url, msg):
    parts = urlparse(url)
    query = parse_qs(parts.query)
    host, port = parts.hostname or "localhost", parts.port
    timeout = float(query.get("timeout", ["20"])[0])
    if parts.scheme == "smtps":
        client = smtplib.SMTP_SSL(host, port or 465, timeout=timeout, context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(host, port or 25, timeout=timeout)
    with client:
        if query.get("starttls", ["0"])[0] in {"1", "true"}:
            client.starttls(context=ssl.create_default_context())
        if parts.username:
            client.login(unquote(parts.username), unquote(parts.password or ""))
        try:
            client.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            if codes and all(500 <= code < 600 for code in codes):
                raise PermanentDeliveryError(str(exc.recipients)) from exc
            raise
        except smtplib.SMTPResponseException as exc:
            if 500 <= exc.smtp_code < 600:
                raise PermanentDeliveryError(f"{exc.smtp_code} {exc.smtp_error!r}") from exc
            raise
