"""Interface strings of generated output (headings, labels, explanations), per language.

Playbook content carries its own translations; these are the words the generator adds around it.  English
is complete; a string missing in another language falls back to English, like :meth:`Text.get`.
Strings with ``{name}`` fields are filled with :meth:`str.format` by the caller.
"""

from __future__ import annotations

UI: dict[str, dict[str, str]] = {
    "en": {
        "checklist_title": "Get paid in full: {subject}",
        "checklist_title_signals": "Get paid in full when you see: {subject}",
        "mode_READ-DO": "READ-DO: read each item aloud, then do it.",
        "mode_DO-CONFIRM": "DO-CONFIRM: do the work from memory, then stop and confirm every item.",
        "killer": "Must not be skipped",
        "also_consider": "Also consider",
        "from_tactics": "From the tactics",
        "version_line": "Collections Playbook {version}, revised {revised}",
        "situation": "Situation",
        "signals": "Signals",
        "ranked_tactics": "Tactics that apply, best match first",
        "matched_because": "Why",
        "no_match": "No tactic matches these signals. Check the signals, or read the escalation ladder.",
        "checklist": "Checklist",
        "purpose": "Purpose",
        "clause_text": "Clause",
        "alternative": "Wording",
        "drafting_notes": "Drafting notes",
        "jurisdiction_notes": "Jurisdiction notes",
        "jurisdiction_cn": "China (PRC)",
        "jurisdiction_hu": "Hungary",
        "jurisdiction_eu": "European Union",
        "suggested": "suggested",
        "not_legal_advice": "A template, not legal advice: have a lawyer check it for your jurisdiction "
                            "before you use it.",
        "phase": "Phase",
        "coverage": "{count} of {total} signals matched",
    },
    "zh-Hant": {},
    "hu": {},
}


def ui(language: str, key: str, **fields: str) -> str:
    """The interface string ``key`` in ``language`` (English where missing), with ``fields`` filled in."""
    text = UI.get(language, {}).get(key) or UI["en"][key]
    return text.format(**fields) if fields else text


def strings(language: str) -> dict[str, str]:
    """Every interface string in ``language``, English filling the gaps: what templates receive as ``ui``."""
    return {key: UI.get(language, {}).get(key) or value for key, value in UI["en"].items()}
