"""Typed clause variables: parsing what users type and formatting it per language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.errors import UserError
from generator.models import Text, Variable
from generator.values import BadValueError, format_date, format_money, parse_value


def var(kind: str, name: str = "thing", example: str = "x") -> Variable:
    return Variable(name=name, type=kind, label=Text(en="Thing"), example=example)  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "amount", "currency"), [
    ("12000 EUR", "12000", "EUR"),
    ("EUR 12000", "12000", "EUR"),
    ("12,000.50 EUR", "12000.50", "EUR"),
    ("eur12000", "12000", "EUR"),
    ("12 000,50 HUF", "12000.50", "HUF"),
    ("1,000,000 USD", "1000000", "USD"),
    ("12000,5 EUR", "12000.5", "EUR"),
    ("500000 JPY", "500000", "JPY"),
])
def test_money_is_parsed(raw: str, amount: str, currency: str) -> None:
    value = parse_value(var("money"), raw)
    assert value.amount == Decimal(amount)
    assert value.currency == currency


@pytest.mark.parametrize(("raw", "why"), [
    ("12000", "no currency code"),
    ("12000 XYZ", "'XYZ' is not an ISO 4217 currency code"),
    ("twelve EUR", "'twelve' is not an amount"),
    ("12.345 EUR", "EUR has 2 decimal places"),
    ("1 2 3 EUR", "is not an amount"),
    ("-5 EUR", "is not an amount"),
])
def test_bad_money_names_variable_type_and_example(raw: str, why: str) -> None:
    with pytest.raises(BadValueError) as caught:
        parse_value(var("money", "amount", "12000 EUR"), raw)
    message = str(caught.value)
    assert why in message
    assert "'amount' is a money" in message
    assert "--var amount='12000 EUR'" in message
    assert isinstance(caught.value, UserError)


@pytest.mark.parametrize(("language", "shown"), [
    ("en", "EUR 12,000.00"), ("zh-Hant", "EUR 12,000.00"), ("hu", "12 000,00 EUR")])
def test_money_format_per_language(language: str, shown: str) -> None:
    assert parse_value(var("money"), "12000 EUR").display(language) == shown


def test_money_minor_units() -> None:
    assert format_money(Decimal("500000"), "JPY", "en") == "JPY 500,000"
    assert format_money(Decimal("1.5"), "KWD", "hu") == "1,500 KWD"


@pytest.mark.parametrize(("language", "shown"), [
    ("en", "15 December 2026"), ("zh-Hant", "2026年12月15日"), ("hu", "2026. december 15.")])
def test_date_format_per_language(language: str, shown: str) -> None:
    assert parse_value(var("date"), "2026-12-15").display(language) == shown


def test_every_month_has_a_name() -> None:
    for month in range(1, 13):
        assert format_date(dt.date(2026, month, 1), "hu").startswith("2026. ")


@pytest.mark.parametrize(("raw", "why"), [
    ("15/12/2026", "not in the form YYYY-MM-DD"), ("2026-02-30", "no such day"), ("tomorrow", "YYYY-MM-DD")])
def test_bad_dates(raw: str, why: str) -> None:
    with pytest.raises(BadValueError, match=why) as caught:
        parse_value(var("date", "due_date"), raw)
    assert "'due_date' is a date" in str(caught.value)
    assert "2026-12-15" in str(caught.value)


@pytest.mark.parametrize(("raw", "en", "hu"), [
    ("8", "8%", "8%"), ("8%", "8%", "8%"), ("8.5 %", "8.5%", "8,5%"), ("8,5%", "8.5%", "8,5%")])
def test_percent(raw: str, en: str, hu: str) -> None:
    value = parse_value(var("percent"), raw)
    assert (value.display("en"), value.display("hu")) == (en, hu)


@pytest.mark.parametrize("raw", ["eight", "150%", "8%%"])
def test_bad_percent(raw: str) -> None:
    with pytest.raises(BadValueError, match="is a percent"):
        parse_value(var("percent"), raw)


@pytest.mark.parametrize(("raw", "en", "zh", "hu"), [
    ("30 days", "30 days", "30天", "30 nap"),
    ("1 day", "1 day", "1天", "1 nap"),
    ("2 weeks", "2 weeks", "2週", "2 hét"),
    ("3 months", "3 months", "3個月", "3 hónap"),
    ("1 year", "1 year", "1年", "1 év"),
])
def test_duration(raw: str, en: str, zh: str, hu: str) -> None:
    value = parse_value(var("duration"), raw)
    assert (value.display("en"), value.display("zh-Hant"), value.display("hu")) == (en, zh, hu)


@pytest.mark.parametrize("raw", ["30", "thirty days", "30 fortnights", "-3 days"])
def test_bad_duration(raw: str) -> None:
    with pytest.raises(BadValueError, match="is a duration"):
        parse_value(var("duration"), raw)


def test_integer() -> None:
    assert parse_value(var("integer"), "12,000").display("en") == "12,000"
    assert parse_value(var("integer"), "12000").display("hu") == "12 000"
    with pytest.raises(BadValueError, match="not a whole number"):
        parse_value(var("integer"), "2.5")


@pytest.mark.parametrize("kind", ["party", "text"])
def test_text_values_are_kept_literally(kind: str) -> None:
    raw = "<b>x</b> {{ 7*7 }}"
    assert parse_value(var(kind), raw).display("en") == raw


@pytest.mark.parametrize("raw", ["", "   ", "two\nlines", "x" * 301])
def test_bad_text(raw: str) -> None:
    with pytest.raises(BadValueError, match="is a party"):
        parse_value(var("party"), raw)
