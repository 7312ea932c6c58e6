"""Demo coders' profiles, resumes and applications to the demo employer's posts. Idempotent:
a profile is filled only when missing, an application only when that coder has none to the post."""

import io
from datetime import timedelta

from ..applications.models import Application, ApplicationEvent, ApplicationStatus
from ..extensions import db
from ..jobs.models import Job
from ..seekers.models import Resume, ResumeKind, SeekerCredential, SeekerProfile
from ..seekers.resumes import extract_text, store_bytes

S = ApplicationStatus

PROFILES = {
    "coder": {
        "headline": "CCS inpatient coder, 8 years of MS-DRG and ICD-10-PCS", "city": "Oakland", "state": "CA",
        "zip_code": "94612", "work_preference": "hybrid", "years_experience": 8, "desired_pay": 62,
        "desired_pay_period": "hour", "settings": ["inpatient-facility", "outpatient-facility"],
        "specialties": ["cardiology", "general-surgery"], "credentials": [("CCS", 2016), ("RHIT", 2015)],
        "resume": ["Priya Raman, CCS, RHIT", "Oakland, CA",
                   "Inpatient coder, Bayview Medical Center, 2017 to now: complex medical and surgical stays, "
                   "ICD-10-CM and ICD-10-PCS, MS-DRG validation with CDI, 97% accuracy on external audits.",
                   "Outpatient coder, East Bay Surgery Center, 2015 to 2017: CPT and HCPCS for ambulatory surgery."],
    },
    "coder2": {
        "headline": "CPC and COC outpatient surgery coder", "city": "Sacramento", "state": "CA",
        "zip_code": "95814", "work_preference": "remote", "years_experience": 5, "desired_pay": 72000,
        "desired_pay_period": "year", "settings": ["ambulatory-surgery", "professional-fee"],
        "specialties": ["orthopedics", "gastroenterology"], "credentials": [("CPC", 2018), ("COC", 2020)],
        "resume": ["Marcus Bell, CPC, COC", "Sacramento, CA",
                   "Outpatient surgery coder, Capitol Orthopedic Group, 2019 to now: arthroscopy, spine and "
                   "GI endoscopy with CPT, modifiers 59/XS and NCCI edits.",
                   "Charge reviewer, Valley Physicians, 2018 to 2019."],
    },
    "coder3": {
        "headline": "CCS-P and CDIP coder moving into CDI", "city": "San Jose", "state": "CA", "zip_code": "95112",
        "work_preference": "onsite", "years_experience": 11, "desired_pay": 110000, "desired_pay_period": "year",
        "settings": ["inpatient-facility", "cdi"], "specialties": ["pulmonology-critical-care", "nephrology"],
        "credentials": [("CCS", 2012), ("CCS-P", 2013), ("CDIP", 2021)],
        "resume": ["Grace Okafor, CCS, CCS-P, CDIP", "San Jose, CA",
                   "Lead inpatient coder, Santa Clara Valley Hospital, 2014 to now: ICU and sepsis cases, "
                   "query writing with CDI, coder education.", "Pro-fee coder, South Bay Medical Group, 2012 to 2014."],
    },
    "coder4": {
        "headline": "CPC-A, new coder with hospital registration experience", "city": "Fremont", "state": "CA",
        "zip_code": "94536", "work_preference": "any", "years_experience": 1, "desired_pay": 32,
        "desired_pay_period": "hour", "settings": ["outpatient-facility"], "specialties": ["radiology"],
        "credentials": [("CPC-A", 2025)],
        "resume": ["Tomás Rivera, CPC-A", "Fremont, CA",
                   "Patient access representative, Washington Township Clinic, 2021 to now.",
                   "CPC-A, 2025; coding practicum on radiology and emergency department charts."],
    },
}

# (coder, post title at the demo employer, status reached, cover note, days since applying)
APPLICATIONS = [
    ("coder", "Inpatient Coder III (Per Diem)", S.INTERVIEW,
     "Eight years of inpatient coding in Epic; I would love to take on your hardest charts on a per diem basis.", 6),
    ("coder3", "Inpatient Coder III (Per Diem)", S.NEW, "I code ICU and sepsis stays every day and work closely with CDI.", 1),
    ("coder4", "Inpatient Coder III (Per Diem)", S.REJECTED, "I am a new CPC-A eager to learn inpatient coding.", 5),
    ("coder2", "Outpatient Surgery Coder", S.REVIEWING, "Five years of orthopedic and GI surgery coding with CPT and NCCI.", 3),
    ("coder3", "Outpatient Surgery Coder", S.OFFER, "I have coded outpatient surgery as well as inpatient stays.", 4),
]

# The employer's moves from "new" to each status (every step is one the pipeline allows).
STEPS = {S.NEW: [], S.REVIEWING: [S.REVIEWING], S.INTERVIEW: [S.REVIEWING, S.INTERVIEW],
         S.OFFER: [S.REVIEWING, S.INTERVIEW, S.OFFER], S.REJECTED: [S.REVIEWING, S.REJECTED]}


def _resume_docx(lines):
    from docx import Document

    document = Document()
    document.add_heading(lines[0], level=1)
    for line in lines[1:]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _profile(user, spec):
    """Fill the coder's profile, credentials and resume when the profile does not exist yet."""
    if db.session.scalar(db.select(SeekerProfile.id).filter_by(user_id=user.id)) is not None:
        return 0
    fields = {k: v for k, v in spec.items() if k not in {"credentials", "resume"}}
    profile = SeekerProfile(user_id=user.id, visible_to_employers=True, **fields)
    profile.credentials = [SeekerCredential(code=code, year_earned=year) for code, year in spec["credentials"]]
    data = _resume_docx(spec["resume"])
    profile.resume = Resume(user_id=user.id, kind=ResumeKind.DOCX, storage_name=store_bytes(ResumeKind.DOCX, data),
                            display_name=f"{user.name.split()[0]}-resume.docx", size=len(data),
                            text=extract_text(ResumeKind.DOCX, data))
    db.session.add(profile)
    return 1


def seed_coders(users, company, employer, now):
    """Profiles for the demo coders and their applications to ``company``'s posts. No commit;
    returns how many rows of either were added."""
    added = sum(_profile(users[key], spec) for key, spec in PROFILES.items())
    db.session.flush()
    for key, title, status, note, days in APPLICATIONS:
        user = users[key]
        job = db.session.scalar(db.select(Job).filter_by(company_id=company.id, title=title))
        if job is None or db.session.scalar(db.select(Application.id).filter_by(job_id=job.id, user_id=user.id)):
            continue
        applied = now - timedelta(days=days)
        resume = db.session.scalar(db.select(SeekerProfile).filter_by(user_id=user.id)).resume
        application = Application(job_id=job.id, user_id=user.id, resume=resume, cover_note=note, status=status,
                                  created_at=applied, employer_notified_at=applied)
        application.events.append(ApplicationEvent(to_status=S.NEW, actor_id=user.id, created_at=applied))
        previous = S.NEW
        for i, step in enumerate(STEPS[status], start=1):
            application.events.append(ApplicationEvent(from_status=previous, to_status=step, actor_id=employer.id,
                                                       notified=True, created_at=applied + timedelta(hours=20 * i)))
            previous = step
        db.session.add(application)
        added += 1
    return added
