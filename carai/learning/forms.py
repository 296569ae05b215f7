from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from carai.accounts.models import User
from carai.community.forms import MemberFilterForm
from carai.community.models import CareBranch, Membership, Organisation, Role
from carai.core.validators import validate_plain_text
from carai.learning.content import OptionData
from carai.learning.images import MAX_BYTES as MAX_IMAGE_BYTES
from carai.learning.models import (
    CASE_KINDS,
    Lesson,
    LessonKind,
    Level,
    Module,
    ModuleFormat,
    Question,
    QuestionKind,
    QuizAttempt,
)
from carai.learning.selectors import quiz_questions
from carai.practice.models import Exercise as PracticeExercise


class CatalogueForm(forms.Form):
    hide_optional = True  # every filter is optional; saying so on each is noise
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("All roles")), *Role.choices], required=False
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=[("", _("All levels")), *Level.choices], required=False
    )
    branch = forms.ChoiceField(
        label=_("Care branch"),
        choices=[("", _("All branches")), *CareBranch.choices],
        required=False,
    )
    max_minutes = forms.TypedChoiceField(
        label=_("Duration"),
        choices=[("", _("Any duration")), ("30", _("Up to 30 minutes")), ("60", _("Up to 1 hour"))],
        coerce=int,
        empty_value=None,
        required=False,
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[("", _("All formats")), *ModuleFormat.choices], required=False
    )


class ReflectionForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(
            attrs={
                "rows": 6,
                # carai.js shows a live count under the box, from this pattern.
                "data-carai-count": _("{count} of {max} characters used"),
            }
        ),
        max_length=5000,
        validators=[validate_plain_text],
        error_messages={"required": _("Write your answer first.")},
        help_text=_(
            "Only you can see your answer. Do not write names or other data of clients. "
            "At most 5,000 characters."
        ),
    )


class QuizForm(forms.Form):
    """One field per question of the attempt, in the attempt's order. The correct answers are
    not in this form; scoring happens in services.quiz_attempt_submit."""

    def __init__(
        self,
        *args: Any,
        attempt: QuizAttempt,
        questions: Mapping[int, Question] | None = None,
        **kwargs: Any,
    ) -> None:
        """``questions``: ``selectors.quiz_questions(attempt.question_order)`` when the
        caller has just read it; otherwise it is read here."""
        super().__init__(*args, **kwargs)
        if questions is None:
            questions = quiz_questions(attempt.question_order)
        self.questions: list[Question] = quiz_form_questions(attempt, questions)
        for number, question in enumerate(self.questions, start=1):
            choices = [(str(o.pk), o.text) for o in question.options.all()]
            label = f"{number}. {question.text}"
            if question.kind == QuestionKind.MULTIPLE:
                self.fields[f"q{question.pk}"] = forms.MultipleChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=_("Choose all answers that are right."),
                    error_messages={"required": _("Choose at least one answer.")},
                )
            else:
                self.fields[f"q{question.pk}"] = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose an answer.")},
                )
            # The error box at the top names the question by its number, not its whole text.
            field = self.fields[f"q{question.pk}"]
            field.summary_label = _("Question %(number)s") % {"number": number}  # type: ignore[attr-defined]

    def answers(self) -> dict[int, list[int]]:
        result: dict[int, list[int]] = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            values = value if isinstance(value, list) else [value]
            result[question.pk] = [int(v) for v in values if v]
        return result


def quiz_form_questions(attempt: QuizAttempt, questions: Mapping[int, Question]) -> list[Question]:
    """The questions ``QuizForm`` asks, in the attempt's order (one removed since is left out)."""
    return [questions[pk] for pk in attempt.question_order if pk in questions]


def quiz_answers(data: QueryDict, questions: Sequence[Question]) -> dict[int, list[int]] | None:
    """``QuizForm(data, ...).answers()`` when that form would be valid, else ``None``, without
    building the form's fields and widgets (a hand-in does not show them; build the form
    when this says ``None``, to show its errors). ``questions``: the form's own
    (``quiz_form_questions``). The rules are Django's for the form's fields: a radio field
    takes the last value sent under its name, which must be one of the question's option
    ids; a checkbox field every value, at least one, each one of them. A form bound to no
    data at all is not valid. ``tests/learning/test_quiz_answers.py`` holds this against the
    form itself."""
    if not data:
        return None
    answers: dict[int, list[int]] = {}
    for question in questions:
        name = f"q{question.pk}"
        valid = {str(option.pk) for option in question.options.all()}
        if question.kind == QuestionKind.MULTIPLE:
            chosen = data.getlist(name)
            if not chosen or not all(str(value) in valid for value in chosen):
                return None
            answers[question.pk] = [int(value) for value in chosen]
        else:
            value = data.get(name)
            if value is None or value == "" or str(value) not in valid:
                return None
            answers[question.pk] = [int(value)]
    return answers


class AssignmentForm(forms.Form):
    module = forms.ModelChoiceField(
        label=_("Module"), queryset=Module.objects.none(), empty_label=_("Choose a module")
    )
    # Chosen from a search list (radio buttons), never a list of every member.
    user = forms.ModelChoiceField(
        label=_("To one person"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.RadioSelect,
    )
    role = forms.ChoiceField(
        label=_("Or to everyone with a role"),
        choices=[("", _("No role")), *Role.choices],
        required=False,
    )
    due_date = forms.DateField(
        label=_("Finished by"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For example 31-12-2026."),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
    )

    def __init__(
        self, *args: Any, organisation: Organisation, modules: list[Module], **kwargs: Any
    ) -> None:
        """``modules``: each module the organisation may use once, in the reader's language
        where it has that version, in the order to show (``team.module_choices``)."""
        super().__init__(*args, **kwargs)
        module_field = self.fields["module"]
        people = self.fields["user"]
        if not isinstance(module_field, forms.ModelChoiceField) or not isinstance(
            people, forms.ModelChoiceField
        ):
            raise TypeError("AssignmentForm fields changed type")
        # The queryset checks the choice on POST; the list is shown as it is (no query).
        module_field.queryset = Module.objects.filter(pk__in=[m.pk for m in modules])
        module_field.widget.choices = [
            ("", module_field.empty_label),
            *((m.pk, module_field.label_from_instance(m)) for m in modules),
        ]
        people.queryset = User.objects.filter(
            pk__in=Membership.objects.active_in(organisation=organisation).values("user_id")
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if bool(cleaned.get("user")) == bool(cleaned.get("role")):
            raise forms.ValidationError(_("Choose one person or one role."))
        return cleaned


class DueDateForm(forms.Form):
    due_date = forms.DateField(
        label=_("Finished by"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For example 31-12-2026."),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
    )


class TeamFilterForm(MemberFilterForm):
    """Find people on the team page: by name, role, team, and how far they are with a module."""

    module = forms.ChoiceField(label=_("Module"), choices=[("", _("All modules"))], required=False)
    status = forms.ChoiceField(
        label=_("How far"),
        choices=[
            ("", _("Everyone")),
            ("not_started", _("Not started")),
            ("busy", _("Busy")),
            ("finished", _("Finished")),
            ("overdue", _("Overdue")),
        ],
        required=False,
        help_text=_("Choose a module too, except for overdue."),
    )
    filter_names = (*MemberFilterForm.filter_names, "module", "status")

    def __init__(self, *args: Any, teams: list[str], modules: list[Module], **kwargs: Any) -> None:
        super().__init__(*args, teams=teams, **kwargs)
        module = self.fields["module"]
        if isinstance(module, forms.ChoiceField):
            module.choices = [("", _("All modules")), *((m.key, m.title) for m in modules)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        status = cleaned.get("status")
        if status and status != "overdue" and not cleaned.get("module"):
            self.add_error("module", _("Choose the module this is about."))
        return cleaned


# Authoring ------------------------------------------------------------------------------------


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class ModuleForm(forms.Form):
    """What a module is about and for whom; lessons are added on the next page."""

    title = forms.CharField(label=_("Title"), max_length=200, validators=[validate_plain_text])
    language = forms.ChoiceField(label=_("Language of the module"), choices=settings.LANGUAGES)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_plain_text],
        help_text=_("Two or three sentences: what learners will be able to do afterwards."),
    )
    objectives = forms.CharField(
        label=_("Learning objectives"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[validate_plain_text],
        help_text=_("One per line. Start with “You can…”."),
    )
    roles = forms.MultipleChoiceField(
        label=_("For these roles"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose none to make it fit everyone."),
    )
    levels = forms.MultipleChoiceField(
        label=_("For these levels"),
        choices=Level.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose none to make it fit every level."),
    )
    branches = forms.MultipleChoiceField(
        label=_("For these care branches"),
        choices=CareBranch.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose none to make it fit every branch."),
    )
    estimated_minutes = forms.IntegerField(
        label=_("Time needed (minutes)"), min_value=5, max_value=600, initial=30
    )
    format = forms.ChoiceField(label=_("Format"), choices=ModuleFormat.choices)
    licence = forms.ChoiceField(
        label=_("Licence"),
        choices=[
            ("CC BY-SA 4.0", "CC BY-SA 4.0"),
            ("CC BY 4.0", "CC BY 4.0"),
            ("CC BY-NC-SA 4.0", "CC BY-NC-SA 4.0"),
            ("all rights reserved", _("All rights reserved")),
        ],
        help_text=_("CC BY-SA 4.0 lets other partners reuse and improve your module."),
    )
    validity_months = forms.IntegerField(
        label=_("Certificate valid for (months)"), min_value=1, max_value=120, initial=24
    )
    references = forms.CharField(
        label=_("Sources"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[validate_plain_text],
        help_text=_(
            "One source per line: the title, then | and the web address. "
            "For example: AI Act | https://eur-lex.europa.eu/eli/reg/2024/1689/oj"
        ),
    )

    @classmethod
    def initial_for(cls, module: Module) -> dict[str, Any]:
        return {
            "title": module.title,
            "language": module.language,
            "summary": module.summary,
            "objectives": "\n".join(module.objectives),
            "roles": module.roles,
            "levels": module.levels,
            "branches": module.branches,
            "estimated_minutes": module.estimated_minutes,
            "format": module.format,
            "licence": module.licence,
            "validity_months": module.validity_months,
            "references": "\n".join(
                f"{ref.get('title', '')} | {ref['url']}" if ref.get("url") else ref.get("title", "")
                for ref in module.references
            ),
        }

    def clean_objectives(self) -> list[str]:
        objectives = _lines(self.cleaned_data["objectives"])
        if not objectives:
            raise forms.ValidationError(_("Write at least one learning objective."))
        return objectives

    def clean_references(self) -> list[dict[str, str]]:
        references = []
        url_field = forms.URLField(assume_scheme="https")
        for line in _lines(self.cleaned_data["references"]):
            title, _sep, url = (part.strip() for part in line.partition("|"))
            if not title:
                raise forms.ValidationError(_("Each source needs a title before the |."))
            reference = {"title": title}
            if url:
                try:
                    reference["url"] = url_field.clean(url)
                except forms.ValidationError as exc:
                    raise forms.ValidationError(
                        _("“%(url)s” is not a web address.") % {"url": url}
                    ) from exc
            references.append(reference)
        return references


class LessonCreateForm(forms.Form):
    hide_optional = True
    kind = forms.ChoiceField(label=_("Kind of lesson"), choices=LessonKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200, validators=[validate_plain_text])


class LessonForm(forms.Form):
    """The fields that fit the kind of lesson; the kind itself does not change."""

    FIELDS_BY_KIND: dict[str, tuple[str, ...]] = {
        LessonKind.TEXT: ("title", "body", "required"),
        LessonKind.IMAGE: ("title", "image", "alt", "body", "required"),
        LessonKind.VIDEO: ("title", "video_url", "transcript", "body", "required"),
        LessonKind.REFLECTION: ("title", "body", "required"),
        LessonKind.QUIZ: ("title", "body", "pass_mark", "max_attempts", "shuffle", "required"),
        LessonKind.WORKSHOP: ("title", "body", "required"),
        LessonKind.PRACTICE: (
            "title",
            "body",
            "practice_case",
            "practice_exercise",
            "required",
        ),
        LessonKind.SANDBOX: ("title", "body", "practice_case", "required"),
    }
    title = forms.CharField(label=_("Title"), max_length=200, validators=[validate_plain_text])
    body = forms.CharField(
        label=_("Text"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "class": "carai-markdown-source"}),
        validators=[validate_plain_text],
        help_text=_(
            "Markdown: **bold**, *italic*, a line starting with - for a list, ## for a heading."
        ),
    )
    image = forms.FileField(
        label=_("Image"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        help_text=_("PNG, JPEG or WebP, at most 2 MB. Only use pictures without real clients."),
    )
    alt = forms.CharField(
        label=_("Description of the image (alt text)"),
        max_length=300,
        required=False,
        validators=[validate_plain_text],
        help_text=_("What the image shows, for people who cannot see it."),
    )
    video_url = forms.URLField(
        label=_("Video link"),
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text=_("For example a link to the video on YouTube or Vimeo."),
    )
    transcript = forms.CharField(
        label=_("Transcript of the video"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[validate_plain_text],
        help_text=_("Everything that is said in the video, for people who cannot listen."),
    )
    practice_case = forms.ChoiceField(label=_("Fictional case"), choices=[])
    practice_exercise = forms.ChoiceField(label=_("Exercise"), choices=PracticeExercise.choices)
    pass_mark = forms.IntegerField(label=_("Pass mark (%)"), min_value=1, max_value=100)
    max_attempts = forms.IntegerField(
        label=_("Maximum attempts"),
        min_value=1,
        max_value=20,
        required=False,
        help_text=_("Leave empty for unlimited attempts."),
    )
    shuffle = forms.BooleanField(label=_("Show the questions in a random order"), required=False)
    required = forms.BooleanField(label=_("Needed to finish the module"), required=False)

    def __init__(self, *args: Any, lesson: Lesson, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial", {name: getattr(lesson, name) for name in self.base_fields if name != "image"}
        )
        super().__init__(*args, **kwargs)
        self.lesson = lesson
        keep = self.FIELDS_BY_KIND[lesson.kind]
        self.fields = {name: field for name, field in self.fields.items() if name in keep}
        if lesson.kind == LessonKind.IMAGE:
            self.fields["alt"].required = True
            self.fields["image"].required = not lesson.image
        if lesson.kind == LessonKind.VIDEO:
            self.fields["video_url"].required = True
        if lesson.kind in CASE_KINDS:
            from carai.practice.models import Case

            case_field = self.fields["practice_case"]
            if isinstance(case_field, forms.ChoiceField):
                case_field.choices = [
                    (case.key, case.title)
                    for case in Case.objects.filter(
                        is_active=True, language=lesson.module.language
                    ).order_by("title")
                ]

    def clean_image(self) -> Any:
        upload = self.cleaned_data.get("image")
        if upload and upload.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(
                _("This image is larger than 2 MB. Make it smaller and try again.")
            )
        return upload

    def lesson_fields(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "image"}


class BadgeCheckForm(forms.Form):
    badge = forms.CharField(
        label=_("The badge (the text of the .jwt file)"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
    )


class CertificateRevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it revoked?"), max_length=300, validators=[validate_plain_text]
    )


class MarkdownPreviewForm(forms.Form):
    body = forms.CharField(max_length=20000, required=False, validators=[validate_plain_text])


OPTION_ROWS = 6


class QuestionForm(forms.Form):
    """A question with up to six answers; empty answer rows are left out."""

    hide_optional = True  # the legend of each answer row says whether it is optional
    kind = forms.ChoiceField(label=_("Kind of question"), choices=QuestionKind.choices)
    text = forms.CharField(
        label=_("Question"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_plain_text],
    )

    def __init__(self, *args: Any, question: Question | None = None, **kwargs: Any) -> None:
        if question is not None and "initial" not in kwargs:
            initial: dict[str, Any] = {"kind": question.kind, "text": question.text}
            for number, option in enumerate(question.options.all(), start=1):
                initial[f"option_{number}"] = option.text
                initial[f"correct_{number}"] = option.is_correct
                initial[f"feedback_{number}"] = option.feedback
            kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        for number in range(1, OPTION_ROWS + 1):
            needed = number <= 2  # a question has at least two answers
            self.fields[f"option_{number}"] = forms.CharField(
                label=_("Answer %(number)s") % {"number": number},
                max_length=500,
                required=needed,
                validators=[validate_plain_text],
                error_messages={"required": _("Write at least two answers.")},
            )
            self.fields[f"correct_{number}"] = forms.BooleanField(
                label=_("Answer %(number)s is correct") % {"number": number}, required=False
            )
            self.fields[f"feedback_{number}"] = forms.CharField(
                label=_("Why answer %(number)s is right or wrong") % {"number": number},
                max_length=1000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                validators=[validate_plain_text],
            )

    def option_rows(self) -> list[tuple[Any, Any, Any]]:
        return [
            (self[f"option_{n}"], self[f"correct_{n}"], self[f"feedback_{n}"])
            for n in range(1, OPTION_ROWS + 1)
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for number in range(1, OPTION_ROWS + 1):
            text = cleaned.get(f"option_{number}", "")
            if not text and (cleaned.get(f"correct_{number}") or cleaned.get(f"feedback_{number}")):
                self.add_error(f"option_{number}", _("Write the answer, or empty this row."))
            if text and not cleaned.get(f"feedback_{number}"):
                self.add_error(
                    f"feedback_{number}",
                    _("Explain why this answer is right or wrong; learners learn from it."),
                )
        return cleaned

    def options(self) -> list[OptionData]:
        return [
            OptionData(
                text=self.cleaned_data[f"option_{n}"],
                correct=bool(self.cleaned_data.get(f"correct_{n}")),
                feedback=self.cleaned_data.get(f"feedback_{n}", ""),
            )
            for n in range(1, OPTION_ROWS + 1)
            if self.cleaned_data.get(f"option_{n}")
        ]


class SessionForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Starts at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"],
        help_text=_("For example 15-01-2027 14:00."),
    )
    ends_at = forms.DateTimeField(
        label=_("Ends at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"],
    )
    location = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        validators=[validate_plain_text],
        help_text=_("Building and room, or leave empty for an online session."),
    )
    online_url = forms.URLField(
        label=_("Online link"), required=False, assume_scheme="https", max_length=200
    )
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=500, initial=12)


class AttendanceForm(forms.Form):
    present = forms.MultipleChoiceField(
        label=_("Who was there?"),
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, registrations: list[Any], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"present": [str(r.pk) for r in registrations if r.attended]})
        super().__init__(*args, **kwargs)
        present = self.fields["present"]
        if isinstance(present, forms.MultipleChoiceField):
            present.choices = [(str(r.pk), r.user.full_name or r.user.email) for r in registrations]

    def present_ids(self) -> set[int]:
        return {int(value) for value in self.cleaned_data["present"]}
