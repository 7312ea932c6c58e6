"""The employer moves applicants through the pipeline; coders hear about it when the employer says so."""

import pytest

from careercenter.accounts.models import User
from careercenter.applications import tasks
from careercenter.applications.models import (
    EMPLOYER_TRANSITIONS,
    Application,
    ApplicationStatus,
    NotifyMode,
    can_move,
)
from careercenter.applications.services import set_notice_mode
from careercenter.extensions import db
from careercenter.jobs.models import JobStatus
from careercenter.seekers.models import SeekerCredential
from careercenter.seekers.services import get_or_create_profile
from tests.support.seekers_factories import make_application, make_seeker

S = ApplicationStatus
ALLOWED = {
    (S.NEW, S.REVIEWING), (S.NEW, S.INTERVIEW), (S.NEW, S.REJECTED),
    (S.REVIEWING, S.INTERVIEW), (S.REVIEWING, S.OFFER), (S.REVIEWING, S.REJECTED),
    (S.INTERVIEW, S.REVIEWING), (S.INTERVIEW, S.OFFER), (S.INTERVIEW, S.REJECTED),
    (S.OFFER, S.INTERVIEW), (S.OFFER, S.HIRED), (S.OFFER, S.REJECTED),
    (S.REJECTED, S.REVIEWING),
}


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("target", list(S))
def test_transition_table(current, target):
    assert can_move(current, target) == ((current, target) in ALLOWED)


def test_every_status_has_a_row():
    assert set(EMPLOYER_TRANSITIONS) == set(S)


def move(client, world, status, notify=True):
    data = {"status": status}
    if notify:
        data["notify"] = "y"
    return client.post(f"/employer/jobs/{world.job.id}/applicants/{world.application.id}/status", data=data)


def test_status_change_with_notify_emails_the_coder_and_keeps_history(world, sign_in, outbox):
    application_id, url = world.application.id, f"/applications/{world.application.id}"
    client = sign_in(world.employer)
    assert move(client, world, "interview").status_code == 302
    assert move(client, world, "offer", notify=False).status_code == 302
    # Only the ticked change emailed the coder.
    [mail] = outbox.messages(to="maya@example.com")
    assert mail.subject == "Your application for Inpatient DRG Coder moved to Interview"
    assert "Harbor Health moved your application" in mail.text
    assert mail.link(url)
    # Draining the queue may end the session (the RQ worker does), so re-read by id.
    application = db.session.get(Application, application_id)
    assert [(e.from_status, e.to_status, e.notified) for e in application.events] == [
        (None, "new", False), ("new", "interview", True), ("interview", "offer", False)]
    # The coder sees the new status and its history.
    coder = sign_in(db.session.get(User, application.user_id))
    page = coder.get(url).get_data(as_text=True)
    assert 'class="current-status">Offer<' in page and "Interview" in page


def test_a_move_outside_the_table_is_refused(world, sign_in):
    client = sign_in(world.employer)
    response = move(client, world, "hired")
    assert response.status_code == 422
    assert "Not a valid choice" in response.get_data(as_text=True)
    db.session.refresh(world.application)
    assert world.application.status == S.NEW


def test_hiring_offers_to_close_the_post_as_filled(world, sign_in):
    client = sign_in(world.employer)
    for status in ("reviewing", "offer", "hired"):
        hired = move(client, world, status, notify=False)
    page = client.get(hired.headers["Location"]).get_data(as_text=True)
    assert "Close the post as filled" in page
    assert page.count("Position filled?") == 1  # once, not again as a flash message
    assert f'href="/employer/jobs/{world.job.id}/close"' in page  # to the confirmation page
    client.post(f"/employer/jobs/{world.job.id}/applicants/close", data={"confirm": "1"})
    db.session.refresh(world.job)
    assert world.job.status == JobStatus.CLOSED and world.job.closed_at is not None
    # A closed post takes no more applications.
    newcomer = sign_in(world.other_coder)
    response = newcomer.post(f"/jobs/{world.job.id}/apply", data={"resume_choice": "profile"})
    assert response.status_code == 409 and "closed" in response.get_data(as_text=True)


def test_notes_stay_private_to_the_team(world, sign_in):
    client = sign_in(world.employer)
    client.post(f"/employer/jobs/{world.job.id}/applicants/{world.application.id}/notes", data={"body": "Great DRG audit story"})
    empty = client.post(f"/employer/jobs/{world.job.id}/applicants/{world.application.id}/notes", data={"body": "  "})
    assert empty.status_code == 422 and "Write the note first." in empty.get_data(as_text=True)
    assert "Great DRG audit story" in client.get(f"/employer/jobs/{world.job.id}/applicants/{world.application.id}").get_data(as_text=True)
    coder = sign_in(world.owner)
    assert "Great DRG audit story" not in coder.get(f"/applications/{world.application.id}").get_data(as_text=True)


def test_bulk_reject_skips_what_cannot_be_rejected(world, sign_in, outbox):
    second = make_application(world.job, world.other_coder)
    third = make_application(world.job, make_seeker("lee@example.com"), status=S.HIRED)
    client = sign_in(world.employer)
    ids = [str(world.application.id), str(second.id), str(third.id)]
    response = client.post(f"/employer/jobs/{world.job.id}/applicants/reject",
                           data={"application_ids": ids, "notify": "y"}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Rejected 2 applicants." in page and "1 could not be rejected" in page
    for a in (world.application, second, third):
        db.session.refresh(a)
    assert (world.application.status, second.status, third.status) == (S.REJECTED, S.REJECTED, S.HIRED)
    assert "moved to Rejected" in outbox.last(to="sam@example.com").subject


def test_search_filter_and_sort_within_the_posts_applicants(world, sign_in):
    second = make_application(world.job, world.other_coder)
    profile = get_or_create_profile(world.other_coder)
    profile.credentials.append(SeekerCredential(code="CRC", year_earned=2020))
    db.session.commit()
    client = sign_in(world.employer)
    url = f"/employer/jobs/{world.job.id}/applicants"

    def names(**params):
        page = client.get(url, query_string=params).get_data(as_text=True)
        return [n for n in ("Maya Lopez", "Sam Reed") if f">{n}</a>" in page]

    assert names() == ["Maya Lopez", "Sam Reed"] or names() == ["Sam Reed", "Maya Lopez"]
    assert names(q="drg validation") == ["Maya Lopez"]  # from the resume text
    assert names(q="100%") == []
    assert names(credential="CRC") == ["Sam Reed"]
    move(client, world, "reviewing", notify=False)
    assert names(status="reviewing") == ["Maya Lopez"]
    page = client.get(url, query_string={"sort": "oldest"}).get_data(as_text=True)
    assert page.index(">Maya Lopez</a>") < page.index(">Sam Reed</a>")
    assert second.id > world.application.id


def test_screening_questions_are_managed_per_post(world, sign_in):
    client = sign_in(world.employer)
    client.post(f"/employer/jobs/{world.job.id}/questions", data={"prompt": "Can you work nights?", "kind": "yes_no"})
    blank = client.post(f"/employer/jobs/{world.job.id}/questions", data={"prompt": "", "kind": "text"})
    assert blank.status_code == 422 and "Write the question." in blank.get_data(as_text=True)
    coder = sign_in(world.other_coder)
    assert "Can you work nights?" in coder.get(f"/jobs/{world.job.id}/apply").get_data(as_text=True)


def test_daily_summary_instead_of_instant_emails(world, sign_in, outbox):
    set_notice_mode(world.job.company_id, NotifyMode.DAILY)
    coder = sign_in(world.other_coder)
    coder.post(f"/jobs/{world.job.id}/apply", data={"resume_choice": "profile"})
    assert outbox.messages(to="hr@harbor.example") == []
    # The factory-made application was never reported either, so both are in the summary.
    assert tasks.send_applicant_summaries() == 1
    summary = outbox.last(to="hr@harbor.example")
    assert summary.subject == "2 new applications on CareerCenter"
    assert "Sam Reed" in summary.text and "Maya Lopez" in summary.text
    assert tasks.send_applicant_summaries() == 0  # nothing new: no empty email
    assert len(outbox.messages(to="hr@harbor.example")) == 1


def test_daily_summary_is_in_the_periodic_schedule():
    from careercenter.queue import resolve
    from careercenter.schedule import PERIODIC_JOBS

    [entry] = [p for p in PERIODIC_JOBS if p.name == "applicant-daily-summary"]
    assert resolve(entry.path) is tasks.send_applicant_summaries


def test_odd_query_strings_do_not_break_the_pipeline(world, sign_in):
    client = sign_in(world.employer)
    url = f"/employer/jobs/{world.job.id}/applicants"
    for params in ({"job_id": "7"}, {"page": "abc"}, {"page": "999"}, {"status": "bogus"}, {"q": "%_\\"}):
        assert client.get(url, query_string=params).status_code == 200
    response = client.post(f"{url}/reject?job_id=9&status=new", data={"application_ids": str(world.application.id)})
    assert response.status_code == 302 and "status=new" in response.headers["Location"]


def test_the_pipeline_pages_long_lists(world, sign_in):
    from careercenter.applications import pipeline

    for n in range(pipeline.PER_PAGE):
        make_application(world.job, make_seeker(f"bulk{n}@example.com"))
    client = sign_in(world.employer)
    url = f"/employer/jobs/{world.job.id}/applicants"
    first = client.get(url).get_data(as_text=True)
    second = client.get(url, query_string={"page": 2}).get_data(as_text=True)
    assert ">Maya Lopez</a>" not in first and ">Maya Lopez</a>" in second  # newest first: the oldest is on page 2
    assert 'aria-label="Applicant pages"' in first


def test_a_deleted_applicants_application_is_read_only(world, sign_in):
    from careercenter.applications.models import ApplicationNote
    from careercenter.seekers.services import delete_seeker_account

    application_id, job_id = world.application.id, world.job.id
    delete_seeker_account(db.session.get(User, world.owner.id))
    client = sign_in(world.employer)
    url = f"/employer/jobs/{job_id}/applicants/{application_id}"
    page = client.get(url).get_data(as_text=True)
    assert "read-only" in page
    assert "Update status" not in page and "Add note" not in page
    moved = client.post(f"{url}/status", data={"status": "reviewing"})
    assert moved.status_code == 409 and "read-only record" in moved.get_data(as_text=True)
    noted = client.post(f"{url}/notes", data={"body": "Call them"})
    assert noted.status_code == 409 and "read-only record" in noted.get_data(as_text=True)
    client.post(f"/employer/jobs/{job_id}/applicants/reject", data={"application_ids": [str(application_id)]})
    db.session.expire_all()
    assert db.session.get(Application, application_id).status == ApplicationStatus.NEW
    assert db.session.scalar(db.select(db.func.count()).select_from(ApplicationNote)) == 0


def test_the_coder_reads_their_history_in_plain_words(world, sign_in, outbox):
    application_id = world.application.id
    client = sign_in(world.employer)
    move(client, world, "interview")
    employer_page = client.get(f"/employer/jobs/{world.job.id}/applicants/{application_id}").get_data(as_text=True)
    assert "applicant emailed" in employer_page
    coder = sign_in(db.session.get(User, world.owner.id))
    page = coder.get(f"/applications/{application_id}").get_data(as_text=True)
    assert "applicant emailed" not in page
    assert "we emailed you about this" in page and "<strong>Sent</strong>" in page


def test_the_employer_adds_a_message_to_the_status_email(world, sign_in, outbox):
    client = sign_in(world.employer)
    url = f"/employer/jobs/{world.job.id}/applicants/{world.application.id}"
    assert "Message to the applicant (optional)" in client.get(url).get_data(as_text=True)
    alone = client.post(f"{url}/status", data={"status": "interview", "message": "Tuesday 10 am?"})
    assert alone.status_code == 422 and "The message goes out only with the email" in alone.get_data(as_text=True)
    assert "Tuesday 10 am?" in alone.get_data(as_text=True)
    sent = client.post(f"{url}/status", data={"status": "interview", "notify": "y",
                                              "message": "Could you do Tuesday at 10 am?\r\nBring your CCS card."})
    assert sent.status_code == 302
    mail = outbox.last(to="maya@example.com")
    assert "Could you do Tuesday at 10 am?\nBring your CCS card." in mail.text
    assert "Could you do Tuesday at 10 am?<br>Bring your CCS card." in mail.html
