"""Writing posts from the editor form: fields and the employer's chosen catalogue links."""

from datetime import timedelta

from ..database import utcnow
from ..extensions import db
from .models import Job, JobLink, JobStatus, LinkKind, LinkSource, WorkArrangement
from .services import job_edited, local_today

PLAIN_FIELDS = (
    "title", "description_md", "city", "state", "zip_code", "work_arrangement", "employment_type",
    "experience_level", "pay_min", "pay_max", "pay_period", "apply_method", "apply_url", "apply_email",
    "apply_deadline",
)


def deadline_limit(job):
    """``(last listed day, why)`` for a post whose paid listing is known, else None.

    A live post ends on its last listed day; a post being paid for ends when the period in its
    open checkout runs out (counted from today, as fulfilment will count it). Drafts have no
    end yet: publish_job caps their deadline when payment fixes one. Reads the database.
    """
    if job is None:
        return None
    if job.is_live:
        return job.listed_until, "This post is listed until"
    if job.status == JobStatus.PENDING_PAYMENT:
        from ..billing.models import Order, OrderStatus

        days = db.session.scalar(
            db.select(Order.duration_days).filter_by(job_id=job.id, status=OrderStatus.PENDING)
            .order_by(Order.id.desc()).limit(1)
        )
        if days:
            return local_today() + timedelta(days=days), "The listing you are paying for runs until"
    return None


def form_data_for(job):
    """Initial form values for an existing post, including its chosen links."""
    data = {f: getattr(job, f) for f in PLAIN_FIELDS}
    data["remote_states"] = list(job.remote_states or [])
    chosen = [link for link in job.links if link.source == LinkSource.EMPLOYER]
    data["settings"] = [lk.value for lk in chosen if lk.kind == LinkKind.SETTING]
    data["specialties"] = [lk.value for lk in chosen if lk.kind == LinkKind.SPECIALTY]
    data["credentials_required"] = [lk.value for lk in chosen if lk.kind == LinkKind.CREDENTIAL and lk.required]
    data["credentials_preferred"] = [lk.value for lk in chosen if lk.kind == LinkKind.CREDENTIAL and not lk.required]
    return data


def save_job(job, form, *, company, user, suggested=None):
    """Write the editor form onto ``job`` (a new draft when None). Commits.

    ``suggested`` maps a link kind to the values the linker suggested in the editor; those the
    employer left unticked are stored as turned down, so background linking never re-adds them.
    A live post goes straight back through the publish pipeline (re-linking).
    """
    if job is None:
        job = Job(company_id=company.id, created_by_id=user.id, status=JobStatus.DRAFT)
        db.session.add(job)
    for name in PLAIN_FIELDS:
        value = getattr(form, name).data
        setattr(job, name, value if value != "" else None)
    remote = job.work_arrangement == WorkArrangement.REMOTE
    job.remote_states = sorted(set(form.remote_states.data or [])) if remote else []
    job.updated_at = utcnow()
    wanted = {(LinkKind.SETTING, v): None for v in form.settings.data or []}
    wanted |= {(LinkKind.SPECIALTY, v): None for v in form.specialties.data or []}
    wanted |= {(LinkKind.CREDENTIAL, v): True for v in form.credentials_required.data or []}
    wanted |= {(LinkKind.CREDENTIAL, v): False for v in form.credentials_preferred.data or []}
    _sync_links(job, wanted)
    _turn_down(job, suggested or {}, wanted)
    db.session.flush()
    job_edited(job)
    db.session.commit()
    return job


EDITOR_KINDS = (LinkKind.SETTING, LinkKind.SPECIALTY, LinkKind.CREDENTIAL)


def _sync_links(job, wanted):
    """Make the employer-chosen links equal ``wanted``; a chosen value the linker had found becomes the employer's."""
    existing = {(lk.kind, lk.value): lk for lk in job.links if lk.kind in EDITOR_KINDS}
    for key, link in existing.items():
        if key not in wanted and link.source == LinkSource.EMPLOYER:
            job.links.remove(link)
    for (kind, value), required in wanted.items():
        link = existing.get((kind, value))
        if link is None:
            job.links.append(JobLink(kind=kind, value=value, source=LinkSource.EMPLOYER, required=required))
        else:
            link.source = LinkSource.EMPLOYER
            link.required = required


def _turn_down(job, suggested, wanted):
    """Record suggestions the employer unticked as ``removed`` links."""
    chosen = {key for key in wanted}
    existing = {(lk.kind, lk.value): lk for lk in job.links}
    for kind, values in suggested.items():
        for value in dict.fromkeys(values):
            if (kind, value) in chosen:
                continue
            link = existing.get((kind, value))
            if link is None:
                job.links.append(JobLink(kind=kind, value=value, source=LinkSource.REMOVED, evidence=[]))
            elif link.source == LinkSource.LINKER:
                link.source = LinkSource.REMOVED
