"""Letters to the customer: filled in three languages, read back from Word, and their template checks."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX

from generator.catalog import load_catalog
from generator.errors import PlaybookError, UserError
from generator.letters import build_letter
from generator.outputs.docx import letter_docx
from generator.outputs.markdown import letter_markdown
from generator.outputs.text import letter_text
from tests._generator_support import shipped_catalog
from tests.conftest import FIXTURES

LETTERS = ("balance-confirmation-request", "payment-reminder", "partial-payment-correction", "final-demand")

GIVEN = ["amount=12000 EUR", "due_date=2026-12-15", "invoice_number=INV-0412"]
SHOWN = {
    "en": ("EUR 12,000.00", "15 December 2026"),
    "zh-Hant": ("EUR 12,000.00", "2026年12月15日"),
    "hu": ("12 000,00 EUR", "2026. december 15."),
}
EXTRA = {
    "balance-confirmation-request": ["statement_date=2026-12-10"],
    "payment-reminder": ["pay_by=2026-12-29"],
    "partial-payment-correction": ["paid_amount=7200 EUR", "remaining_amount=4800 EUR", "payment_date=2026-12-15"],
    "final-demand": ["final_date=2027-01-24"],
}


def assignments(letter_id: str) -> list[str]:
    variables = {variable.name for variable in shipped_catalog().letter(letter_id).variables}
    return [a for a in GIVEN + EXTRA[letter_id] if a.split("=", 1)[0] in variables]


def text_of(data: bytes) -> tuple[str, list[str]]:
    document = Document(io.BytesIO(data))
    paragraphs = document.paragraphs
    highlighted = [run.text for p in paragraphs for run in p.runs if run.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    return "\n".join(p.text for p in paragraphs), highlighted


def test_the_four_letters_are_shipped() -> None:
    assert set(LETTERS) <= set(shipped_catalog().letters)


@pytest.mark.parametrize("language", sorted(SHOWN))
@pytest.mark.parametrize("letter_id", LETTERS)
def test_word_letter_holds_the_filled_values_in_the_language_format(letter_id: str, language: str) -> None:
    view = build_letter(shipped_catalog(), letter_id, assignments(letter_id), language)
    body, highlighted = text_of(letter_docx(view))
    money, date = SHOWN[language]
    assert money in body
    if "due_date=2026-12-15" in assignments(letter_id):
        assert date in body
    assert "INV-0412" in body
    assert not any(money in run or date in run for run in highlighted)
    assert highlighted, "unfilled variables (such as the contact) stay visible as highlighted placeholders"


def test_word_letter_values_per_letter() -> None:
    body, _ = text_of(letter_docx(build_letter(shipped_catalog(), "partial-payment-correction",
                                               assignments("partial-payment-correction"), "hu")))
    assert "7 200,00 EUR" in body and "4 800,00 EUR" in body and "2026. december 15. napján" in body
    body, _ = text_of(letter_docx(build_letter(shipped_catalog(), "final-demand", assignments("final-demand"),
                                               "zh-Hant")))
    assert "2027年1月24日" in body and "支付令" in body
    body, _ = text_of(letter_docx(build_letter(shipped_catalog(), "final-demand", assignments("final-demand"),
                                               "hu")))
    assert "2027. január 24." in body and "fizetési meghagyás" in body


def test_word_letter_puts_the_notes_after_the_letter() -> None:
    view = build_letter(shipped_catalog(), "payment-reminder", assignments("payment-reminder"))
    document = Document(io.BytesIO(letter_docx(view)))
    texts = [p.text for p in document.paragraphs]
    assert texts[0].startswith("Subject: Reminder: invoice INV-0412 for EUR 12,000.00")
    assert texts.index("Before you send it (not part of the letter)") > texts.index("Kind regards,")
    assert document.core_properties.title == "Payment reminder"


def test_word_letter_is_reproducible() -> None:
    view = build_letter(shipped_catalog(), "final-demand", assignments("final-demand"), "zh-Hant")
    assert letter_docx(view) == letter_docx(view)


def test_text_letter_starts_with_the_subject_and_keeps_paragraphs() -> None:
    text = letter_text(build_letter(shipped_catalog(), "payment-reminder", assignments("payment-reminder"), "hu"))
    assert text.startswith("Tárgy: Emlékeztető: INV-0412 számú számla, 12 000,00 EUR")
    assert "\n\nKérjük, az összeget 2026. december 29. napjáig utalják át." in text
    assert "[Címzett neve]" in text


def test_markdown_escapes_values() -> None:
    view = build_letter(shipped_catalog(), "payment-reminder", ["contact=<script>x</script> *Bob*"])
    text = letter_markdown(view)
    assert "<script>" not in text and "&lt;script&gt;x&lt;/script&gt; \\*Bob\\*" in text


def test_unknown_variable_names_the_letter() -> None:
    with pytest.raises(UserError, match="--var amout: the letter 'final-demand' has no variable 'amout' "
                                        "\\(did you mean 'amount'\\?\\)"):
        build_letter(shipped_catalog(), "final-demand", ["amout=1 EUR"])


def test_bad_money_value_is_refused() -> None:
    with pytest.raises(UserError, match="'EUX' is not an ISO 4217 currency code"):
        build_letter(shipped_catalog(), "payment-reminder", ["amount=12000 EUX"])


def test_unknown_letter_suggests_the_closest() -> None:
    with pytest.raises(UserError, match="unknown letter 'final-demnd' \\(did you mean 'final-demand'\\?\\)"):
        build_letter(shipped_catalog(), "final-demnd")


LETTER = """\
id: note
title:
  en: Note
  hu: Megjegyzés
purpose:
  en: A note
supports:
  - sample-tactc
variables:
  - name: amount
    type: money
    label:
      en: Amount
    example: 1 EUR
  - name: spare
    type: text
    label:
      en: Spare
    example: x
subject:
  en: "About {{ amount }}"
  hu: "Erről"
body:
  en: "Pay {{ amount }} to {{ payee }}."
closing:
  en: Thanks
notes:
  - en: Send it.
"""


def test_letter_templates_are_checked_like_clauses(tmp_path: Path) -> None:
    root = tmp_path / "playbooks"
    shutil.copytree(FIXTURES / "valid", root)
    (root / "letters").mkdir()
    (root / "letters" / "note.yml").write_text(LETTER, encoding="utf-8")
    with pytest.raises(PlaybookError) as caught:
        load_catalog(root)
    assert [f"{p.field}: {p.message}" for p in caught.value.problems] == [
        "supports[0]: unknown tactic 'sample-tactc' (did you mean 'sample-tactic'?)",
        "variables[1].name: the variable 'spare' is declared but the letter does not use it; "
        "use it as {{ spare }} or remove it",
        "subject.hu: the translation must use the same placeholders as the English text: it lacks {{ amount }}",
        "body.en: the text uses the undeclared variable 'payee' (did you mean 'spare'?); declare it under "
        "'variables' or fix the name",
    ]
