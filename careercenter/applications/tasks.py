"""Background work for applications."""

from ..database import utcnow
from ..email import send_email
from ..extensions import db
from ..jobs.models import Job
from ..queue import task
from .models import ApplicantNotice, Application, NotifyMode
from .services import member_emails


@task()
def send_applicant_summaries():
    """Email each daily-summary company one message listing the applications not yet reported,
    then mark them reported. Commits per company, so a retry never repeats a summary."""
    company_ids = db.session.scalars(db.select(ApplicantNotice.company_id).filter_by(mode=NotifyMode.DAILY)).all()
    sent = 0
    for company_id in company_ids:
        rows = db.session.scalars(
            db.select(Application).join(Job)
            .where(Job.company_id == company_id, Application.employer_notified_at.is_(None))
            .order_by(Job.id, Application.created_at)
            .with_for_update(of=Application, skip_locked=True)
        ).all()
        if not rows:
            continue
        by_job = {}
        for application in rows:
            by_job.setdefault(application.job, []).append(application)
        now = utcnow()
        for application in rows:
            application.employer_notified_at = now
        for email in member_emails(company_id):
            send_email("applications-daily", email, by_job=by_job, total=len(rows))
        db.session.commit()
        sent += 1
    return sent
