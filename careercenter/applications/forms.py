from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length, Optional, ValidationError

from ..accounts.forms import at_most, has_hidden_characters, printable
from ..codes.choices import credential_choices
from ..forms import choices
from .models import ApplicationStatus, NotifyMode, QuestionKind

MAX_QUESTIONS = 10
YES_NO = [("yes", "Yes"), ("no", "No")]


def strip(value):
    return value.strip() if isinstance(value, str) else value


def one_line_break(value):
    """Browsers send line breaks as CRLF but count them as one character against maxlength."""
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


COVER_NOTE_MAX = 3000


class ApplyForm(FlaskForm):
    resume_choice = RadioField("Resume to send", choices=[], validate_choice=True,
                               validators=[InputRequired(message="Choose which resume to send.")])
    resume_file = FileField("Upload a resume (PDF or Word .docx, up to 5 MB)")
    # Only read when a new file is uploaded (see applications.views.apply).
    save_to_profile = BooleanField("Also make this my profile resume", default=True)
    cover_note = TextAreaField("Cover note (optional)", filters=[strip, one_line_break], validators=[Optional(), at_most(COVER_NOTE_MAX)],
                               description=f"Up to {COVER_NOTE_MAX:,} characters.")

    def question_fields(self):
        return [f for f in self if f.name.startswith("q_")]


class WithdrawForm(FlaskForm):
    """The coder confirms a withdrawal (the employer is not told, and the status stops moving)."""

    confirm_step = HiddenField(default="1")
    confirm = BooleanField("Yes, withdraw my application",
                           validators=[DataRequired(message="Tick the box to confirm you want to withdraw.")])


def apply_form_for(questions, profile_resume):
    """An ApplyForm with one field per screening question, and the resume choices that exist."""

    class Form(ApplyForm):
        pass

    for q in questions:
        required = [InputRequired(message="Answer this question.")] if q.required else [Optional()]
        if q.kind == QuestionKind.YES_NO:
            field = RadioField(q.prompt, choices=choices(YES_NO), validate_choice=False,
                               validators=required + [AnyOf(["yes", "no"], message="Answer yes or no.")])
        else:
            field = StringField(q.prompt, filters=[strip], validators=required + [Length(max=500), printable])
        setattr(Form, f"q_{q.id}", field)
    form = Form()
    options = []
    if profile_resume is not None:
        options.append(("profile", f"My profile resume ({profile_resume.display_name})"))
    options.append(("upload", "Upload a different file" if profile_resume else "Upload a resume"))
    form.resume_choice.choices = choices(options)
    if form.resume_choice.data is None:
        form.resume_choice.data = options[0][0]
    return form


STATUS_MESSAGE_MAX = 1000


def printable_lines(form, field):
    """Like ``printable``, for text that may hold line breaks."""
    if has_hidden_characters(field.data or "", allowed="\n"):
        raise ValidationError("Remove invisible or control characters.")


class StatusForm(FlaskForm):
    status = SelectField("Move to", choices=[], validators=[DataRequired()])
    notify = BooleanField("Email the applicant about this change", default=True)
    message = TextAreaField("Message to the applicant (optional)", filters=[strip, one_line_break],
                            validators=[Optional(), at_most(STATUS_MESSAGE_MAX), printable_lines],
                            description=f"Added to the email, up to {STATUS_MESSAGE_MAX:,} characters — e.g. interview times "
                                        "or what happens next. Not kept on the application.")

    def validate_message(self, field):
        if field.data and not self.notify.data:
            raise ValidationError("The message goes out only with the email: tick \u201cEmail the applicant\u201d "
                                  "or clear the message.")


class NoteForm(FlaskForm):
    body = TextAreaField("Private note", filters=[strip],
                         validators=[DataRequired(message="Write the note first."), Length(max=4000)])


class BulkRejectForm(FlaskForm):
    notify = BooleanField("Email the applicants", default=False)


class QuestionForm(FlaskForm):
    prompt = StringField("Question", filters=[strip],
                         validators=[DataRequired(message="Write the question."), Length(max=300), printable])
    kind = RadioField("Answer", choices=choices(list(QuestionKind)), default=QuestionKind.YES_NO)
    required = BooleanField("Applicants must answer", default=True)


class NoticeForm(FlaskForm):
    mode = RadioField("Email me about new applications", default=NotifyMode.INSTANT, choices=choices([
        (NotifyMode.INSTANT, "At once, one email per application"),
        (NotifyMode.DAILY, "Once a day, one summary"),
    ]))


class CloseForm(FlaskForm):
    confirm = HiddenField(default="1")


def status_filter_choices():
    return [("", "All statuses")] + [(s.value, s.label) for s in ApplicationStatus]


def credential_filter_choices():
    return [("", "Any credential")] + credential_choices()
