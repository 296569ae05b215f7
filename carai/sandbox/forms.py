from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from carai.core.validators import validate_outgoing_address, validate_plain_text
from carai.register.models import AITool
from carai.sandbox.models import CommunityEndpoint, ModelEndpoint, Source

PROMPT_MAX = 6000


class PromptForm(forms.Form):
    task_choice = forms.ChoiceField(
        label=_("Task"),
        choices=[("case", _("The case's task")), ("free", _("My own task on this dossier"))],
        widget=forms.RadioSelect,
        initial="case",
    )
    free_task = forms.CharField(
        label=_("Your own task"),
        max_length=500,
        required=False,
        validators=[validate_plain_text],
        help_text=_("For example: explain the care plan to the family in plain words (B1)."),
    )
    prompt = forms.CharField(
        label=_("Your prompt"),
        max_length=PROMPT_MAX,
        strip=False,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "true"}),
        help_text=_(
            "Write what the AI should do. Paste the part of the dossier it needs; the names "
            "and numbers of this made-up case may go in."
        ),
        error_messages={"required": _("Write a prompt first.")},
    )

    def clean_prompt(self) -> str:
        # Browsers send a textarea's lines with CRLF; the model gets plain new lines.
        return str(self.cleaned_data["prompt"]).replace("\r\n", "\n")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("task_choice") == "free" and not (data.get("free_task") or "").strip():
            self.add_error("free_task", _("Write your own task, or choose the case's task."))
        return data


class SaveForm(forms.Form):
    task = forms.CharField(max_length=1000, widget=forms.HiddenInput)
    prompt = forms.CharField(max_length=PROMPT_MAX, strip=False, widget=forms.HiddenInput)
    answer = forms.CharField(max_length=40_000, strip=False, widget=forms.HiddenInput)
    source = forms.ChoiceField(choices=Source.choices, widget=forms.HiddenInput)
    own_marks = forms.CharField(
        label=_("Your own marks (one a line)"),
        max_length=3000,
        required=False,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What else in the answer is wrong, missing or needs a second look?"),
    )
    reflection = forms.CharField(
        label=_("Your reflection"),
        max_length=3000,
        required=False,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What did you learn? What would you write differently in your prompt?"),
    )


class EndpointForm(forms.Form):
    tool = forms.ModelChoiceField(
        label=_("AI tool from your register"),
        queryset=AITool.objects.none(),
        empty_label=_("Choose a tool"),
        help_text=_("Only tools your register allows for health data of clients are listed."),
    )
    is_active = forms.BooleanField(
        label=ModelEndpoint._meta.get_field("is_active").verbose_name, required=False
    )
    base_url = forms.URLField(
        validators=[validate_outgoing_address],
        label=_("Address (base URL)"),
        max_length=300,
        assume_scheme="https",
        help_text=_("The chat-completions address, for example https://ai.example.eu/v1"),
    )
    model_name = forms.CharField(label=_("Model name"), max_length=200)
    api_key = forms.CharField(
        label=_("Key (secret)"),
        max_length=500,
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Stored encrypted. Leave empty to keep the key you saved before."),
    )
    monthly_token_budget = forms.IntegerField(
        label=_("Tokens per month"), min_value=1000, max_value=1_000_000_000
    )
    requests_per_hour = forms.IntegerField(
        label=_("Requests per person per hour"), min_value=1, max_value=1000
    )
    price_per_million = forms.DecimalField(
        label=_("Price per million tokens (euro)"),
        min_value=0,
        max_digits=8,
        decimal_places=2,
        initial=0,
    )

    def __init__(self, *args: Any, tools: list[AITool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["tool"]
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = AITool.objects.filter(pk__in=[tool.pk for tool in tools])


class CommunityForm(forms.Form):
    """The community lead's model for the partner organisations."""

    name = forms.CharField(
        label=_("Name"), max_length=200, validators=[validate_plain_text], initial="CARAI"
    )
    is_active = forms.BooleanField(
        label=CommunityEndpoint._meta.get_field("is_active").verbose_name, required=False
    )
    base_url = EndpointForm.base_fields["base_url"]
    model_name = EndpointForm.base_fields["model_name"]
    api_key = EndpointForm.base_fields["api_key"]
    monthly_token_budget = forms.IntegerField(
        label=_("Tokens per organisation per month"), min_value=1000, max_value=1_000_000_000
    )
    requests_per_hour = EndpointForm.base_fields["requests_per_hour"]
    price_per_million = EndpointForm.base_fields["price_per_million"]


class JoinForm(forms.Form):
    """An organisation admin opts in to the community's model."""

    tool = forms.ModelChoiceField(
        label=_("AI tool from your register"),
        queryset=AITool.objects.none(),
        empty_label=_("Choose a tool"),
        help_text=_(
            "The tool in your register that stands for the community model. Only tools your "
            "register allows for health data of clients are listed."
        ),
    )
    is_active = forms.BooleanField(
        label=ModelEndpoint._meta.get_field("is_active").verbose_name,
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, tools: list[AITool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["tool"]
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = AITool.objects.filter(pk__in=[tool.pk for tool in tools])
