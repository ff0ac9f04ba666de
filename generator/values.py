"""Typed values for clause variables: parse what the user typed, check it, and format it per language.

Every variable of a clause has a type (see :data:`generator.models.VariableType`).  :func:`parse_value`
turns the text given with ``--var name=value`` into a :class:`Value` or raises a :class:`UserError` that
names the variable, its type and an example of a good value.  A value formats itself for a language with
:meth:`Value.display`; the formatted text is plain data and every output format escapes it in its own way.

Accepted input, by type:

=========  ==========================================================  =============================
type       accepted                                                    shown (en / zh-Hant / hu)
=========  ==========================================================  =============================
money      ``12000 EUR``, ``EUR 12000``, ``12,000.50 EUR``,            EUR 12,000.50 / EUR 12,000.50
           ``12 000,50 HUF`` (ISO 4217 code, either side)              / 12 000,50 EUR
date       ``2026-12-15`` (ISO 8601, a real date)                      15 December 2026 /
                                                                       2026年12月15日 / 2026. december 15.
percent    ``8``, ``8%``, ``8.5 %``, ``8,5%``                          8.5% / 8.5% / 8,5%
duration   ``30 days``, ``2 weeks``, ``3 months``, ``1 year``          30 days / 30天 / 30 nap
integer    ``30``, ``12,000``                                          12,000 / 12,000 / 12 000
party      any single line of text (a company or person)               as given
text       any single line of text                                     as given
=========  ==========================================================  =============================
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from generator.diagnostics import did_you_mean
from generator.errors import UserError, shown
from generator.i18n import ui
from generator.models import Variable

MAX_TEXT = 300

# ISO 4217 active codes (2024), kept here so parsing never needs the network.
CURRENCIES: frozenset[str] = frozenset({
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
    "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF",
    "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB",
    "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG",
    "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF",
    "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA",
    "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO",
    "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD",
    "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP",
    "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH",
    "UGX", "USD", "UYU", "UZS", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER",
    "ZAR", "ZMW", "ZWG", "ZWL",
})

# Currencies whose amounts are written without minor units.
ZERO_DECIMAL: frozenset[str] = frozenset({
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"})
THREE_DECIMAL: frozenset[str] = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})

EXAMPLES: dict[str, str] = {
    "money": "12000 EUR",
    "date": "2026-12-15",
    "percent": "8%",
    "duration": "30 days",
    "integer": "30",
    "party": "Example Trading Ltd.",
    "text": "any single line of text",
}

HOW: dict[str, str] = {
    "money": "an amount and a three-letter ISO 4217 currency code",
    "date": "the date as YYYY-MM-DD",
    "percent": "a number, optionally followed by %",
    "duration": "a whole number followed by days, weeks, months or years",
    "integer": "a whole number",
    "party": "the name of a company or person on one line",
    "text": "text on one line",
}

HU_MONTHS = ("január", "február", "március", "április", "május", "június", "július", "augusztus",
             "szeptember", "október", "november", "december")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")

Unit = Literal["day", "week", "month", "year"]
UNIT_WORDS: dict[str, Unit] = {
    "day": "day", "days": "day", "d": "day",
    "week": "week", "weeks": "week", "w": "week",
    "month": "month", "months": "month",
    "year": "year", "years": "year",
}
UNIT_NAMES: dict[str, dict[Unit, tuple[str, str]]] = {
    # language -> unit -> (singular, plural)
    "en": {"day": ("day", "days"), "week": ("week", "weeks"), "month": ("month", "months"),
           "year": ("year", "years")},
    "zh-Hant": {"day": ("天", "天"), "week": ("週", "週"), "month": ("個月", "個月"), "year": ("年", "年")},
    "hu": {"day": ("nap", "nap"), "week": ("hét", "hét"), "month": ("hónap", "hónap"), "year": ("év", "év")},
}


class BadValueError(UserError):
    """A ``--var`` value that does not fit its variable's type."""


@dataclass(frozen=True)
class Value:
    """A checked value of one clause variable; ``display(lang)`` is how it reads in a clause."""

    type: str
    raw: str
    amount: Decimal | None = None
    currency: str | None = None
    date: dt.date | None = None
    count: int | None = None
    unit: Unit | None = None

    def display(self, language: str) -> str:
        if self.type == "money":
            assert self.amount is not None and self.currency is not None
            return format_money(self.amount, self.currency, language)
        if self.type == "date":
            assert self.date is not None
            return format_date(self.date, language)
        if self.type == "percent":
            assert self.amount is not None
            return format_decimal(self.amount, language, places=None) + "%"
        if self.type == "duration":
            assert self.count is not None and self.unit is not None
            return format_duration(self.count, self.unit, language)
        if self.type == "integer":
            assert self.count is not None
            return _group(str(self.count), _separators(language)[0])
        return self.raw


# ------------------------------------------------------------------------------------------------ formatting


def _separators(language: str) -> tuple[str, str]:
    """(thousands separator, decimal mark) for a language."""
    return (" ", ",") if language == "hu" else (",", ".")


def _group(digits: str, separator: str) -> str:
    sign = "-" if digits.startswith("-") else ""
    digits = digits.lstrip("-")
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return sign + separator.join(groups)


def format_decimal(number: Decimal, language: str, places: int | None) -> str:
    """``number`` with the language's separators; ``places`` fixes the decimals, None keeps them minimal."""
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        text = f"{number:f}"
    else:
        text = f"{number.normalize():f}"
    whole, _, fraction = text.partition(".")
    thousands, mark = _separators(language)
    return _group(whole, thousands) + (mark + fraction if fraction else "")


def minor_units(currency: str) -> int:
    if currency in ZERO_DECIMAL:
        return 0
    return 3 if currency in THREE_DECIMAL else 2


def format_money(amount: Decimal, currency: str, language: str) -> str:
    number = format_decimal(amount, language, minor_units(currency))
    return f"{number} {currency}" if language == "hu" else f"{currency} {number}"


def format_date(date: dt.date, language: str) -> str:
    if language == "zh-Hant":
        return f"{date.year}年{date.month}月{date.day}日"
    if language == "hu":
        return f"{date.year}. {HU_MONTHS[date.month - 1]} {date.day}."
    return f"{date.day} {EN_MONTHS[date.month - 1]} {date.year}"


def format_duration(count: int, unit: Unit, language: str) -> str:
    names = UNIT_NAMES.get(language, UNIT_NAMES["en"])[unit]
    name = names[0] if count == 1 else names[1]
    if language == "zh-Hant":
        return f"{count}{name}"
    return f"{count} {name}"


# --------------------------------------------------------------------------------------------------- parsing


def _fail(variable: Variable, raw: str, why: str) -> BadValueError:
    example = EXAMPLES[variable.type]
    return BadValueError(
        f"--var {variable.name}={raw!r}: {why}; '{variable.name}' is a {variable.type}: "
        f"write {HOW[variable.type]}, for example --var {variable.name}='{example}'")


_SPACED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")


def _number(text: str) -> Decimal | None:
    """A non-negative decimal in English (12,000.50) or Hungarian (12 000,50) style, or None.

    Spaces group thousands; where both a comma and a point appear, the last one is the decimal mark; a lone
    comma groups thousands only when every group after it has three digits (12,000), else it is a decimal
    mark (8,5).
    """
    text = text.strip()
    if not re.fullmatch(r"\d[\d ,.\u00a0\u202f]*", text):
        return None
    if re.search(r"[ \u00a0\u202f]", text) and not _SPACED.fullmatch(text):
        return None
    text = re.sub(r"[ \u00a0\u202f]", "", text)
    if "," in text and "." in text:
        mark = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if mark == "," else ",", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text) else text.replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _single_line(variable: Variable, raw: str) -> str:
    text = raw.strip()
    if not text:
        raise _fail(variable, raw, "the value is empty")
    if "\n" in text or "\r" in text:
        raise _fail(variable, raw, "the value must fit on one line")
    if len(text) > MAX_TEXT:
        raise _fail(variable, raw, f"the value is longer than {MAX_TEXT} characters")
    return text


def parse_value(variable: Variable, raw: str) -> Value:
    """Check ``raw`` against ``variable``'s type and return the typed value; raise :class:`BadValueError`."""
    text = _single_line(variable, raw)
    kind = variable.type
    if kind == "money":
        before = re.fullmatch(r"([A-Za-z]{3})\s*(\d.*)", text)
        after = re.fullmatch(r"(.+?)\s*([A-Za-z]{3})", text)
        if before:
            code, number = before.groups()
        elif after:
            number, code = after.groups()
        else:
            raise _fail(variable, raw, "no currency code found")
        code = code.upper()
        if code not in CURRENCIES:
            raise _fail(variable, raw, f"'{code}' is not an ISO 4217 currency code")
        amount = _number(number)
        if amount is None:
            raise _fail(variable, raw, f"'{number}' is not an amount")
        if amount.as_tuple().exponent < -minor_units(code):  # type: ignore[operator]
            raise _fail(variable, raw, f"{code} has {minor_units(code)} decimal places")
        return Value(kind, text, amount=amount, currency=code)
    if kind == "date":
        try:
            return Value(kind, text, date=iso_date(text))
        except ValueError as error:
            raise _fail(variable, raw, str(error)) from None
    if kind == "percent":
        amount = _number(text.removesuffix("%").rstrip())
        if amount is None:
            raise _fail(variable, raw, "not a number")
        if amount > 100:
            raise _fail(variable, raw, "a percentage above 100 is almost certainly a typing mistake")
        return Value(kind, text, amount=amount)
    if kind == "duration":
        match = re.fullmatch(r"(\d{1,4})\s*([A-Za-z]+)", text)
        unit = UNIT_WORDS.get(match.group(2).lower()) if match else None
        if not match or unit is None:
            raise _fail(variable, raw, "not a number of days, weeks, months or years")
        return Value(kind, text, count=int(match.group(1)), unit=unit)
    if kind == "integer":
        number = _number(text)
        if number is None or number != number.to_integral_value():
            raise _fail(variable, raw, "not a whole number")
        return Value(kind, text, count=int(number))
    return Value(kind, text)


def iso_date(text: str) -> dt.date:
    """A real calendar date written YYYY-MM-DD; a ValueError says what is wrong with anything else."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise ValueError("the date is not in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError("there is no such day in the calendar") from None


def parse_currency(raw: str, option: str = "--currency") -> str:
    """A three-letter ISO 4217 code (any case), or a :class:`BadValueError` naming ``option``."""
    code = raw.strip().upper()
    if code not in CURRENCIES:
        # Codes sharing the first two letters are the likeliest typos (EUX -> EUR); sorted for a stable answer.
        near = sorted(c for c in CURRENCIES if c[:2] == code[:2]) or sorted(CURRENCIES)
        raise BadValueError(f"{option} {shown(raw)!r}: not an ISO 4217 currency code{did_you_mean(code, near)}; "
                            "write a three-letter code such as EUR, HUF, CNY or TWD")
    return code


def parse_amount(raw: str, currency: str, option: str = "--amount") -> Decimal:
    """A positive amount in English (12,000.50) or Hungarian (12 000,50) style with at most as many decimals
    as ``currency`` has, or a :class:`BadValueError` naming ``option``."""
    text = raw.strip()
    if text.startswith("-"):
        raise BadValueError(f"{option} {shown(raw)!r}: the amount must be greater than zero")
    amount = _number(text)
    if amount is None:
        raise BadValueError(f"{option} {shown(raw)!r}: not an amount; write a number such as 12000 or 12000.50")
    if amount == 0:
        raise BadValueError(f"{option} {shown(raw)!r}: the amount must be greater than zero")
    if amount.as_tuple().exponent < -minor_units(currency):  # type: ignore[operator]
        raise BadValueError(f"{option} {shown(raw)!r}: {currency} has {minor_units(currency)} decimal places")
    return amount


class Versioned:
    """What every printable view ends with: the playbook's version and revision date, in the view's language.

    For frozen dataclasses that have ``language``, ``version`` and ``revised`` (an ISO date) fields."""

    language: str
    version: str
    revised: str

    @property
    def version_line(self) -> str:
        revised = format_date(dt.date.fromisoformat(self.revised), self.language)
        return ui(self.language, "version_line", version=self.version, revised=revised)
