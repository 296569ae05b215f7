from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from carai.community.forms import MemberFilterForm
from carai.community.models import Role
from carai.core.forms import ModelsChoiceField, TextToCheckField
from carai.core.validators import validate_plain_text
from carai.learning.models import Module
from carai.register.models import (
    TOOL_FIELDS,
    AIActCategory,
    AITool,
    DataCategory,
    Permission,
)

# "Mag dit?" runs the privacy engine in the request: the same limit as the Privacycheck.
MAX_CHECK_CHARS = settings.PRIVACY_CHECK_MAX_CHARS
MAX_CSV_BYTES = 1_000_000

TEXT_AREAS = ["description", "purpose", "approved_uses", "human_oversight", "known_risks"]


def rule_field(category: str) -> str:
    return f"rule_{category}"


def conditions_field(category: str) -> str:
    return f"conditions_{category}"


class ToolForm(forms.ModelForm):  # type: ignore[type-arg]
    """A tool of the register with its rule per data category and the modules it needs."""

    roles = forms.MultipleChoiceField(
        label=_("Who may use it"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick nothing if every member may use it."),
    )
    dpia_link = forms.URLField(
        label=_("Link to the DPIA"), required=False, assume_scheme="https", max_length=200
    )
    required_modules = ModelsChoiceField(
        label=_("Modules to finish first"),
        queryset=Module.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People may use the tool once they have finished these modules."),
    )

    class Meta:
        model = AITool
        fields = TOOL_FIELDS
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 3}) for name in TEXT_AREAS},
            "dpia_date": forms.DateInput(attrs={"type": "date"}),
            "next_review": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, modules: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        modules_field = self.fields["required_modules"]
        if modules is not None and isinstance(modules_field, forms.ModelMultipleChoiceField):
            modules_field.queryset = modules
        else:
            del self.fields["required_modules"]
        for name in [*TEXT_AREAS, "name", "vendor", "product", "version", "teams", "hosting"]:
            self.fields[name].validators.append(validate_plain_text)
        act_category = self.fields["ai_act_category"]
        if isinstance(act_category, forms.ChoiceField):  # words instead of Django's "---------"
            act_category.choices = [("", _("Not assessed")), *AIActCategory.choices]
        rules = self.instance.rules() if self.instance.pk else {}
        for category, label in DataCategory.choices:
            rule = rules.get(category)
            self.fields[rule_field(category)] = forms.ChoiceField(
                label=label,
                choices=[("", _("Not assessed")), *Permission.choices],
                required=False,
                initial=rule.permission if rule else "",
            )
            self.fields[conditions_field(category)] = forms.CharField(
                label=_("Conditions or reason: %(category)s") % {"category": label},
                max_length=1000,
                required=False,
                validators=[validate_plain_text],
                initial=rule.conditions if rule else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        if self.instance.pk and "required_modules" in self.fields:
            self.fields["required_modules"].initial = list(
                self.instance.required_modules.values_list("pk", flat=True)
            )

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The fields in groups with a heading, so the long form reads in steps."""
        groups: list[tuple[Any, list[str]]] = [
            (
                _("The tool"),
                ["name", "vendor", "product", "version", "description", "purpose"],
            ),
            (_("Use"), ["status", "approved_uses", "roles", "teams", "required_modules"]),
            (
                _("Where the data goes"),
                [
                    "hosting",
                    "data_location",
                    "processor_agreement",
                    "dpia_done",
                    "dpia_date",
                    "dpia_link",
                ],
            ),
            (
                _("Which data may go in"),
                [
                    name
                    for category, _label in DataCategory.choices
                    for name in (rule_field(category), conditions_field(category))
                ],
            ),
            (
                _("AI Act, oversight and risks"),
                ["ai_act_category", "general_purpose", "human_oversight", "known_risks"],
            ),
            (_("Contact and review"), ["contact_person", "contact_email", "next_review"]),
        ]
        return [
            (str(heading), [self[name] for name in names if name in self.fields])
            for heading, names in groups
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for category, label in DataCategory.choices:
            permission = data.get(rule_field(category))
            conditions = (data.get(conditions_field(category)) or "").strip()
            if permission == Permission.CONDITIONS and not conditions:
                self.add_error(
                    conditions_field(category),
                    _("Write the conditions under which %(category)s may go in.")
                    % {"category": str(label).lower()},
                )
        if data.get("dpia_done") and not data.get("dpia_date"):
            self.add_error("dpia_date", _("Give the date of the DPIA, or untick 'DPIA done'."))
        return data

    def rules(self) -> dict[str, tuple[str, str]]:
        """{category: (permission, conditions)} for the categories that were assessed."""
        out = {}
        for category in DataCategory.values:
            permission = self.cleaned_data.get(rule_field(category)) or ""
            if permission:
                conditions = (self.cleaned_data.get(conditions_field(category)) or "").strip()
                out[category] = (permission, conditions)
        return out

    def tool_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in TOOL_FIELDS}


class AdoptForm(forms.Form):
    template = forms.SlugField(widget=forms.HiddenInput)


class PublishForm(forms.Form):
    is_public = forms.BooleanField(
        label=_("Show our register on a public page"),
        required=False,
        help_text=_("Anyone can then read which AI tools we use and on what terms."),
    )
    contact_email = forms.EmailField(
        label=_("Contact e-mail for questions about the register"),
        required=False,
        max_length=254,  # the column's length (Django's form field allows 320)
    )


class GuidelineForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, validators=[validate_plain_text])
    body = forms.CharField(
        label=_("Guidelines"),
        max_length=30_000,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_(
            "Markdown: # heading, - list item, **bold**. Members are asked to read "
            "each new version and confirm."
        ),
    )


class AcknowledgeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


@dataclass(frozen=True)
class CsvColumn:
    """One column of the register's CSV, for the import page: what it holds in words, and
    what to type in it. ``codes`` are the values the file must hold as they are (the computer
    reads them), each with its meaning in the person's language."""

    name: str
    label: str
    kind: str  # "text", "choice", "roles", "yes_no" or "date"
    required: bool
    codes: list[tuple[str, str]]
    empty: str  # what an empty cell means ("" when it means nothing special)


def _choices(field: forms.ChoiceField) -> list[tuple[Any, Any]]:
    """A choice field's (value, label) pairs; by then Django has made them a plain list."""
    return cast("list[tuple[Any, Any]]", field.choices)


def csv_columns(names: list[str]) -> list[CsvColumn]:
    """The import page's help for the CSV columns ``names``, from the tool form itself, so
    the codes and their words are the ones the import checks against."""
    form = ToolForm()
    columns = []
    for name in names:
        field = form.fields[name]
        label = str(field.label or name)
        codes: list[tuple[str, str]] = []
        empty = ""
        if isinstance(field, forms.BooleanField):
            kind = "yes_no"
        elif isinstance(field, forms.DateField):
            kind = "date"
        elif isinstance(field, forms.MultipleChoiceField):
            kind = "roles"
            codes = [(str(code), str(word)) for code, word in _choices(field)]
            empty = str(_("Everyone may use it."))
        elif isinstance(field, forms.ChoiceField):
            kind = "choice"
            for code, word in _choices(field):
                if code:
                    codes.append((str(code), str(word)))
                elif not field.required:
                    empty = str(word)
            if name.startswith("rule_"):
                label = str(_("May this go in: %(category)s") % {"category": label})
        else:
            kind = "text"
        columns.append(CsvColumn(name, label, kind, field.required, codes, empty))
    return columns


class CsvImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "The columns of our CSV export; one tool per row. Nothing is saved if "
            "any row has an error."
        ),
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is too large (at most 1 MB)."))
        raw = upload.read()
        if b"\x00" in raw:  # text files have no NUL bytes; spreadsheets and images do
            raise forms.ValidationError(_("This is not a text (CSV) file."))
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return str(raw.decode(encoding))
            except UnicodeDecodeError:
                continue
        raise forms.ValidationError(_("This is not a text (CSV) file."))


class CheckForm(forms.Form):
    """ "Mag dit?": a tool, and the text or the kinds of data."""

    hide_optional = True  # one of tool/other tool and one of text/kinds is needed: said in labels
    # (not "optional": a field marked so that then shows an error when both are empty confuses)

    tool = forms.ChoiceField(label=_("Which AI tool?"), required=False)
    other_tool = forms.CharField(
        label=_("Or: another tool, not in the list"),
        max_length=200,
        required=False,
        validators=[validate_plain_text],
    )
    about = forms.ChoiceField(
        label=_("Who is the text about?"),
        choices=[("client", _("Clients")), ("staff", _("Colleagues"))],
        initial="client",
        widget=forms.RadioSelect,
    )
    text = TextToCheckField(
        label=_("The text you want to put in"),
        required=False,
        max_length=MAX_CHECK_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("We check it here and forget it at once: it is not saved anywhere."),
    )
    categories = forms.MultipleChoiceField(
        label=_("Or tick what kind of data it is"),
        choices=DataCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, tools: list[AITool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        tool_field = self.fields["tool"]
        if isinstance(tool_field, forms.ChoiceField):
            tool_field.choices = [
                ("", _("Choose a tool")),
                *[(str(t.pk), t.name) for t in tools],
            ]
        self.tools = {str(t.pk): t for t in tools}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("tool") and not (data.get("other_tool") or "").strip():
            self.add_error("tool", _("Choose a tool, or type the name of another tool."))
        text_given = (data.get("text") or "").strip() or "text" in self.errors  # too long
        if not text_given and not data.get("categories"):
            self.add_error("text", _("Paste the text, or tick what kind of data it is."))
        return data

    def chosen_tool(self) -> AITool | None:
        return self.tools.get(self.cleaned_data.get("tool") or "")


class AcknowledgementFilterForm(MemberFilterForm):
    """Find people on the page of who confirmed the guidelines."""

    status = forms.ChoiceField(
        label=_("Read the guidelines"),
        choices=[("", _("Everyone")), ("read", _("Read")), ("not_read", _("Not yet"))],
        required=False,
    )
    filter_names = (*MemberFilterForm.filter_names, "status")
