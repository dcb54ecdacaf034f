"""Pydantic's validation errors in the app's words: one plain sentence per problem.

Owns the wording of every "what is wrong with this input" message the app shows, for a form, a
file or a command, in the person's language: pydantic's own messages as the app words them,
each numeric field's range read from the model's constraints, and the field named by its label.
Used by every concept package, so it imports only pydantic and the language helpers.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from decimal import Decimal
from functools import cache

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from sciatica import i18n
from sciatica.i18n import N_, _

# Kinds of problem whose message is the app's own, raised by its validators already translated.
_OWN_WORDS = frozenset({"value_error", "assertion_error"})
# Pydantic's own messages, as the app words them in each language (its English, lower case,
# with the same placeholders from the error's context); any other kind of problem is shown as
# pydantic words it in English, and as a general sentence in other languages (`problem_words`).
_PYDANTIC_MESSAGES = {
    "missing": N_("field required"),
    "extra_forbidden": N_("extra inputs are not permitted"),
    "int_type": N_("input should be a valid integer"),
    "int_parsing": N_("input should be a valid integer"),
    "int_parsing_size": N_("the number is too long to read"),
    "int_from_float": N_("input should be a valid integer, without a fractional part"),
    "float_type": N_("input should be a valid number"),
    "float_parsing": N_("input should be a valid number"),
    "finite_number": N_("input should be a finite number"),
    "bool_type": N_("input should be true or false"),
    "bool_parsing": N_("input should be true or false"),
    "string_type": N_("input should be a valid string"),
    "string_too_short": N_("string should have at least {min_length} characters"),
    "string_too_long": N_("string should have at most {max_length} characters"),
    "date_type": N_("input should be a valid date"),
    "date_parsing": N_("input should be a valid date in the format YYYY-MM-DD"),
    "date_from_datetime_parsing": N_("input should be a valid date in the format YYYY-MM-DD"),
    "date_from_datetime_inexact": N_("input should be a date, without a time of day"),
    "datetime_type": N_("input should be a valid date and time"),
    "datetime_parsing": N_("input should be a valid date and time"),
    "datetime_from_date_parsing": N_("input should be a valid date and time"),
    "time_type": N_("input should be a valid time"),
    "time_parsing": N_("input should be a valid time"),
    "timezone_aware": N_("input should have timezone info"),
    "dict_type": N_("input should be a valid dictionary"),
    "model_type": N_("input should be a valid dictionary"),
    "model_attributes_type": N_("input should be a valid dictionary"),
    "list_type": N_("input should be a valid list"),
    "tuple_type": N_("input should be a valid list"),
    "set_type": N_("input should be a valid list"),
    "frozen_set_type": N_("input should be a valid list"),
    "too_short": N_("should have at least {min_length} items"),
    "too_long": N_("should have at most {max_length} items"),
    "literal_error": N_("input should be {expected}"),
    "enum": N_("input should be {expected}"),
    "greater_than": N_("input should be greater than {gt}"),
    "greater_than_equal": N_("input should be greater than or equal to {ge}"),
    "less_than": N_("input should be less than {lt}"),
    "less_than_equal": N_("input should be less than or equal to {le}"),
}


def problem_words(problem: ErrorDetails) -> str:
    """What is wrong, lower case, in the current language.

    A kind the app has no words for is said as pydantic says it in English, and as a general
    sentence in any other language; the app's own validators word their messages themselves.
    """
    message = _PYDANTIC_MESSAGES.get(problem["type"])
    if message is not None:
        context = {name: _context_value(value) for name, value in problem.get("ctx", {}).items()}
        with suppress(KeyError, IndexError):
            return _(message).format(**context)
    text = problem["msg"].removeprefix("Value error, ")
    text = text[:1].lower() + text[1:]
    if problem["type"] in _OWN_WORDS:
        return text
    return i18n.foreign_words(text, instead=_("this value cannot be used here"))


def _context_value(value: object) -> str:
    """A value from an error's context as the message shows it ("'a' or 'b'": 'a' eller 'b')."""
    if isinstance(value, str) and " or " in value:
        return i18n.format_list([part.strip() for part in value.split(" or ")], style="or")
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return i18n.format_decimal(value)
    return str(value)


def describe_errors(
    error: ValidationError, *, model: type[BaseModel], labels: Mapping[str, str]
) -> list[str]:
    """Plain-language messages naming the field, one per problem, in the current language.

    `labels` names the model's fields; they may be marked with N_ (they are translated here).
    A field without a label is named after itself ("due_date": "Due date").
    """
    messages = []
    for problem in error.errors():
        location = [str(part) for part in problem["loc"]]
        field = location[0] if location else ""
        text = problem_words(problem)
        if problem["type"] in {"greater_than_equal", "less_than_equal"}:
            text = _range_message(model, field)
        if not field:
            messages.append(_("{problem}.").format(problem=text[:1].upper() + text[1:]))
            continue
        # A field without words of its own: its name in English, and as the file names it in
        # other languages ("flag_id"), never English words inside another language.
        named = i18n.foreign_words(field.replace("_", " ").capitalize(), instead=field)
        label = _(labels[field]) if field in labels else named
        messages.append(_("{field}: {problem}.").format(field=label, problem=text))
    return messages


@cache
def _ranges(model: type[BaseModel]) -> dict[str, tuple[object, object]]:
    """Each numeric field's (minimum, maximum), read from the model's own constraints."""
    ranges = {}
    for name, schema in model.model_json_schema()["properties"].items():
        for option in [schema, *schema.get("anyOf", [])]:
            if "minimum" in option and "maximum" in option:
                ranges[name] = (option["minimum"], option["maximum"])
    return ranges


def _range_message(model: type[BaseModel], field: str) -> str:
    low, high = _ranges(model).get(field, ("?", "?"))
    return _("must be between {low} and {high}").format(low=low, high=high)
