"""Strict typed models of playbook entries.

Everything a playbook file can hold is described here; unknown keys and wrong types are errors.  Human-facing
text is a :class:`Text`: one string per language, English required, Traditional Chinese and Hungarian
optional until translated (the authors' guide explains why per-language maps were chosen).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator

LANGUAGES: tuple[str, ...] = ("en", "zh-Hant", "hu")
Language = Literal["en", "zh-Hant", "hu"]

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
VARIABLE_PATTERN = r"^[a-z][a-z0-9_]*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
VariableName = Annotated[str, StringConstraints(pattern=VARIABLE_PATTERN, max_length=40)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=6000)]


def _number_as_text(value: object) -> object:
    """Let a variable's default or example be written as a bare number (``30``) as well as text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


ScalarText = Annotated[str, BeforeValidator(_number_as_text), StringConstraints(min_length=1, max_length=500)]

Phase = Literal[
    "before-deal", "contract", "monitoring", "before-due", "due-date", "visit", "after-payment", "escalation"
]
PHASES: tuple[str, ...] = Phase.__args__  # type: ignore[attr-defined]

SignalGroup = Literal["customer", "deal", "contract", "monitoring", "timing", "visit", "payment", "mindset"]
SIGNAL_GROUPS: tuple[str, ...] = SignalGroup.__args__  # type: ignore[attr-defined]

Speaker = Literal["you", "customer", "staff", "manager", "director"]
VariableType = Literal["text", "party", "money", "date", "integer", "percent", "duration"]
Mode = Literal["READ-DO", "DO-CONFIRM"]


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, values are never coerced, models are immutable."""

    # defer_build: a model's validator is built when it first validates, not at import (a command that reads
    # the cached catalogue validates nothing, and one that does validates only the models it needs).
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Text(Strict):
    """One piece of human-facing text in each language; English is the source and is required."""

    en: Line
    zh_hant: Line | None = Field(default=None, alias="zh-Hant")
    hu: Line | None = None

    def get(self, language: str) -> str:
        """The text in ``language``, falling back to English where it is not translated yet."""
        return self.translation(language) or self.en

    def translation(self, language: str) -> str | None:
        """The text in ``language`` exactly as written, or None where it is missing."""
        return {"en": self.en, "zh-Hant": self.zh_hant, "hu": self.hu}.get(language)

    def missing(self) -> list[str]:
        """The languages this text still lacks."""
        return [language for language in LANGUAGES if self.translation(language) is None]


class Terms(Strict):
    """Search keywords per language: the words and phrases a user would type."""

    en: list[Line] = Field(min_length=1)
    zh_hant: list[Line] | None = Field(default=None, alias="zh-Hant")
    hu: list[Line] | None = None

    def get(self, language: str) -> list[str]:
        found = {"en": self.en, "zh-Hant": self.zh_hant, "hu": self.hu}.get(language)
        return found if found is not None else self.en

    def missing(self) -> list[str]:
        return [lang for lang in LANGUAGES if {"en": self.en, "zh-Hant": self.zh_hant, "hu": self.hu}[lang] is None]


# ---------------------------------------------------------------------------------------------- playbook.yml


class PhaseInfo(Strict):
    """A phase of the work, from before the deal to the court, in the order of the work."""

    id: Phase
    label: Text
    description: Text


class PausePoint(Strict):
    """A moment in the work where the salesperson stops and runs a checklist."""

    id: Id
    label: Text
    mode: Mode
    description: Text


class PlaybookInfo(Strict):
    """``playbook.yml``: the playbook's name, version and revision date, and its ordered vocabularies."""

    title: Text
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")]
    revised: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    phases: list[PhaseInfo] = Field(min_length=1)
    pause_points: list[PausePoint] = Field(min_length=1)

    @field_validator("revised")
    @classmethod
    def _real_date(cls, value: str) -> str:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a real date; write YYYY-MM-DD") from None
        return value


# --------------------------------------------------------------------------------- signals, guardrails, sources


class Signal(Strict):
    """Something a salesperson can observe, such as 'he paid less than agreed'."""

    id: Id
    group: SignalGroup
    label: Text
    description: Text


class SignalsFile(Strict):
    signals: list[Signal] = Field(min_length=1)


class Guardrail(Strict):
    """A rule of law or ethics that limits what a tactic may do (the brief's G1-G8)."""

    id: Id
    code: Annotated[str, StringConstraints(pattern=r"^G\d+$")]
    title: Text
    summary: Text
    lawful: list[Text] = Field(min_length=1, description="What is lawful and acceptable.")
    never: list[Text] = Field(default_factory=list, description="What is never acceptable.")
    call_a_lawyer: Text | None = Field(default=None, description="When to stop and ask a lawyer.")
    references: list[Text] = Field(default_factory=list)


class GuardrailsFile(Strict):
    guardrails: list[Guardrail] = Field(min_length=1)


class Source(Strict):
    """A source article the playbook's facts come from."""

    id: Id
    title: Text
    language: Language
    description: Text


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=1)


# ----------------------------------------------------------------------------------------------------- tactics


class Trigger(Strict):
    """A rule: the tactic applies when every listed signal is present.  ``says`` puts it in plain words."""

    signals: list[Id] = Field(min_length=1)
    says: Text


class ChecklistItem(Strict):
    """One checklist action.  ``value`` names what to write down; the generator adds the blank."""

    text: Text
    pause: Id
    killer: bool = False
    value: Text | None = None


class TalkLine(Strict):
    speaker: Speaker
    text: Text


class TalkTrack(Strict):
    """A short exchange: what you say, what the customer answers, how you reply."""

    title: Text
    lines: list[TalkLine] = Field(min_length=2)


class GuardrailLink(Strict):
    """A guardrail that applies to a tactic, and what it means for this tactic in particular."""

    guardrail: Id
    note: Text


class Tactic(Strict):
    """A collection tactic (numbered 1-12) or an extra technique (no number)."""

    id: Id
    number: Annotated[int, Field(ge=1, le=99)] | None = None
    title: Text
    summary: Text
    phase: Phase
    triggers: list[Trigger] = Field(min_length=1)
    steps: list[Text] = Field(min_length=1)
    checklist: list[ChecklistItem] = Field(min_length=1)
    talk_tracks: list[TalkTrack] = Field(min_length=1)
    red_flags: list[Text] = Field(default_factory=list)
    donts: list[Text] = Field(default_factory=list)
    guardrails: list[GuardrailLink] = Field(default_factory=list)
    related_clauses: list[Id] = Field(default_factory=list)
    related_tactics: list[Id] = Field(default_factory=list)
    keywords: Terms
    sources: list[Id] = Field(min_length=1)


# ----------------------------------------------------------------------------------------------------- clauses


class Variable(Strict):
    """A typed blank in a clause, filled from ``--var name=value``."""

    name: VariableName
    type: VariableType
    label: Text
    required: bool = True
    default: ScalarText | None = None
    example: ScalarText


class Alternative(Strict):
    """One wording of a clause; every clause has at least 'balanced' and 'seller-friendly'."""

    name: Id
    label: Text
    when: Text
    text: Text


class JurisdictionNotes(Strict):
    cn: Text
    hu: Text
    eu: Text


class Fillable(Strict):
    """What clauses and letters share: texts with typed ``{{ name }}`` blanks, and the tactics they support."""

    id: Id
    title: Text
    purpose: Text
    supports: list[Id] = Field(min_length=1)
    variables: list[Variable] = Field(default_factory=list)


class Clause(Fillable):
    """A contract clause template that makes one or more tactics enforceable."""

    alternatives: list[Alternative] = Field(min_length=2)
    drafting_notes: list[Text] = Field(min_length=1)
    jurisdiction_notes: JurisdictionNotes
    keywords: Terms | None = None


# -------------------------------------------------------------------------------------------------- situations


class Situation(Strict):
    """A situation as a salesperson would describe it, mapped to the signals it shows."""

    id: Id
    title: Text
    description: Text
    signals: list[Id] = Field(min_length=1)
    guardrails: list[Id] = Field(default_factory=list)


REQUIRED_ALTERNATIVES: tuple[str, ...] = ("balanced", "seller-friendly")


# ----------------------------------------------------------------------------------------------------- letters


class Letter(Fillable):
    """A letter to the customer (a reminder, a demand), with typed blanks like a clause's."""

    subject: Text = Field(description="The subject line; may use {{ name }} placeholders.")
    body: Text = Field(description="The letter; {{ name }} placeholders only, paragraphs separated by blank lines.")
    closing: Text = Field(description="The sign-off; may use placeholders; a blank line starts a new line.")
    notes: list[Text] = Field(min_length=1, description="For the sender: how to send it, what not to promise.")


# -------------------------------------------------------------------------------------------------------- plan

Offset = Annotated[int, Field(ge=-366, le=366)]


class PlanStep(Strict):
    """One dated action of the collection plan, relative to the invoice's due date."""

    id: Id
    tactic: Id
    offset_days: Offset = Field(description="Days relative to the due date; negative is before it.")
    when: Id | None = Field(default=None, description="A signal id: the step applies only when it was given.")
    action: Text
    talk: Text = Field(description="What to say: the talk track shown in the calendar event.")
    letter: Id | None = None
    letter_dates: dict[VariableName, Offset] = Field(
        default_factory=dict, description="Date variables of the letter, as days relative to the due date.")


class PlanFile(Strict):
    """``plan.yml``: the timeline of a collection, one step per dated action."""

    steps: list[PlanStep] = Field(min_length=1)
