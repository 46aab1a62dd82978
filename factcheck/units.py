"""Units: every claim's unit as a kind of measure and a factor to that kind's base unit.

Counts and percentages are their own kinds; money converts to US dollars at the approximate
rates in lexicons/currencies.toml; physical units go through pint, imported only here (and
only when claims are compared), so extraction never pays for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from factcheck import learned
from factcheck.lexicon import load


@dataclass(frozen=True)
class Measure:
    kind: str  # "count", "percent", "money", or a pint dimensionality such as "[length]"
    factor: float  # multiply a value in the claim's unit by this to reach the kind's base unit
    offset: float = 0.0  # for temperatures
    currency: str | None = None


@cache
def _registry():
    import pint

    return pint.UnitRegistry()


FRACTION = "fraction"  # a share of a whole stated as a fraction ("a third of"): a percent, times 100


@cache
def measure(unit: str) -> Measure:
    """The measure of a claim's unit; unknown names count as counts of that thing."""
    if unit in ("count", "percent"):
        return Measure(unit, 1.0)
    if unit == FRACTION:
        return Measure("percent", 100.0)
    rates = load("currencies")["rates_to_usd"]
    if unit in rates:
        return Measure("money", float(rates[unit]), currency=unit)
    return _pint_measure(unit)


def is_sum_or_share(unit: str) -> bool:
    """Money, a percent or a fraction: told without pint, so that extraction never loads it."""
    return unit in ("percent", FRACTION) or unit in load("currencies")["rates_to_usd"]


def unit_kind(unit: str) -> str:
    """The kind of measure of a unit: "count", "money", "percent" or a pint dimensionality; a
    unit pint does not know counts that thing, unless it is a rate ("USD / month")."""
    kind = measure(unit).kind
    return "count" if kind.startswith("count:") and " / " not in unit else kind


def _pint_measure(unit: str) -> Measure:
    """pint's measure of a unit name, or the one an earlier run kept (``learned``)."""
    known = learned.recall("measures", unit)
    if known is not None:
        return Measure(*known)
    found = _asked_of_pint(unit)
    learned.keep("measures", unit, [found.kind, found.factor, found.offset, found.currency])
    return found


def _asked_of_pint(unit: str) -> Measure:
    import pint

    registry = _registry()
    try:
        zero = registry.Quantity(0.0, unit).to_base_units()
        one = registry.Quantity(1.0, unit).to_base_units()
    except (pint.errors.PintError, AttributeError, TypeError, ValueError):
        return Measure(f"count:{unit}", 1.0)
    return Measure(str(one.dimensionality), float(one.magnitude - zero.magnitude), float(zero.magnitude))


def pint_name_is_valid(name: str) -> bool:
    """True when pint understands the unit name (checked for every lexicon entry by a test)."""
    return not measure(name).kind.startswith("count:")
