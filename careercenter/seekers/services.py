"""Coder workflows: profile, resumes, saved jobs, account deletion. Functions that say so commit."""

from flask import current_app
from flask_login import logout_user

from ..extensions import db
from ..jobs.models import Job
from . import resumes
from .models import Resume, SavedJob, SeekerCredential, SeekerProfile


def profile_of(user):
    """The coder's profile, or None."""
    return db.session.scalar(db.select(SeekerProfile).filter_by(user_id=user.id))


def get_or_create_profile(user):
    """The coder's profile, added to the session (no commit) when missing."""
    profile = profile_of(user)
    if profile is None:
        profile = SeekerProfile(user_id=user.id, settings=[], specialties=[])
        db.session.add(profile)
    return profile


def update_profile(user, *, name, credentials, **fields):
    """Save the profile form; ``credentials`` is a list of (code, year) pairs. Commits."""
    profile = get_or_create_profile(user)
    user.name = name
    for key, value in fields.items():
        setattr(profile, key, value)
    wanted = {code: year for code, year in credentials}
    for held in list(profile.credentials):
        if held.code not in wanted:
            profile.credentials.remove(held)
        else:
            held.year_earned = wanted.pop(held.code)
    for code, year in wanted.items():
        profile.credentials.append(SeekerCredential(code=code, year_earned=year))
    db.session.commit()
    return profile


def accept_resume(user, file_storage):
    """Check an upload by content, store it and record it (no commit); raises ResumeError.

    The file is written before the row, so a failed commit leaves at worst an
    orphan file with a random name, never a row pointing at nothing."""
    data = resumes.read_upload(file_storage)
    kind = resumes.sniff_kind(data)
    text = resumes.extract_text(kind, data)
    name = resumes.store_bytes(kind, data)
    resume = Resume(
        user_id=user.id,
        kind=kind,
        storage_name=name,
        display_name=resumes.safe_display_name(file_storage.filename, kind),
        size=len(data),
        text=text,
    )
    db.session.add(resume)
    return resume


def upload_profile_resume(user, file_storage):
    """Make an uploaded file the coder's profile resume. Commits; raises ResumeError.

    The previous resume stays on disk while an application still uses it."""
    resume = accept_resume(user, file_storage)
    profile = get_or_create_profile(user)
    old = profile.resume
    profile.resume = resume
    db.session.flush()
    if old is not None:
        discard_resume_if_unused(old)
    db.session.commit()
    return resume


def remove_profile_resume(user):
    """Detach the profile resume and delete it unless an application uses it. Commits."""
    profile = profile_of(user)
    if profile is None or profile.resume is None:
        return
    old = profile.resume
    profile.resume = None
    db.session.flush()
    discard_resume_if_unused(old)
    db.session.commit()


def discard_resume_if_unused(resume):
    """Delete the row and the file when neither the profile nor an application refers to it."""
    from ..applications.models import Application

    used = db.session.scalar(db.select(Application.id).filter_by(resume_id=resume.id).limit(1))
    in_profile = db.session.scalar(db.select(SeekerProfile.id).filter_by(resume_id=resume.id).limit(1))
    if used is None and in_profile is None:
        name = resume.storage_name
        db.session.delete(resume)
        db.session.flush()
        resumes.delete_file(name)


def resume_readable_by(resume, user):
    """Owner and staff read any of the coder's resumes (employers go through an application)."""
    return user.is_authenticated and (user.is_staff or resume.user_id == user.id)


def save_job(user, job):
    """Bookmark a post (twice is harmless). Commits."""
    exists = db.session.scalar(db.select(SavedJob.id).filter_by(user_id=user.id, job_id=job.id))
    if exists is None:
        db.session.add(SavedJob(user_id=user.id, job_id=job.id))
        db.session.commit()


def unsave_job(user, job_id):
    """Remove a bookmark. Commits."""
    db.session.execute(db.delete(SavedJob).where(SavedJob.user_id == user.id, SavedJob.job_id == job_id))
    db.session.commit()


def saved_jobs(user):
    """The coder's bookmarks, newest first, with their posts."""
    return db.session.scalars(
        db.select(SavedJob).join(Job).filter(SavedJob.user_id == user.id).order_by(SavedJob.created_at.desc(), SavedJob.id.desc())
    ).all()


def delete_seeker_account(user):
    """Erase a coder: profile, credentials, resumes (rows and files), bookmarks, saved searches
    (with their alert log), invitations to apply and the account.

    Applications stay as anonymised records (no person, resume, cover note, answers or
    notes) so employers still see that an application existed. Commits, then deletes files
    and signs the user out."""
    from ..alerts.services import delete_searches_of
    from ..employers.models import CandidateInvitation
    from ..applications.services import anonymise_applications

    anonymise_applications(user)
    delete_searches_of(user)
    files = [r.storage_name for r in db.session.scalars(db.select(Resume).filter_by(user_id=user.id))]
    profile = profile_of(user)
    if profile is not None:
        db.session.delete(profile)
    db.session.flush()
    db.session.execute(db.delete(Resume).where(Resume.user_id == user.id))
    db.session.execute(db.delete(SavedJob).where(SavedJob.user_id == user.id))
    db.session.execute(db.delete(CandidateInvitation).where(CandidateInvitation.user_id == user.id))
    db.session.delete(user)
    db.session.commit()
    # Files go after the commit: a rollback must not leave rows pointing at deleted files.
    for name in files:
        resumes.delete_file(name)
    current_app.logger.info("seeker account deleted; %d resume files removed", len(files))
    logout_user()
