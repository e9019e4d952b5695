"""Country facts from pycountry (ISO 3166): names and codes. ISO alpha-2 is the spine of every location field."""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def _country(alpha2: str) -> object | None:
    return pycountry.countries.get(alpha_2=alpha2.upper())


def country_name(alpha2: str) -> str | None:
    country = _country(alpha2)
    return getattr(country, "common_name", None) or getattr(country, "name", None) if country else None


def iso_numeric(alpha2: str) -> int | str:
    country = _country(alpha2)
    return int(country.numeric) if country else ""


def alpha3(alpha2: str) -> str | None:
    country = _country(alpha2)
    return getattr(country, "alpha_3", None) if country else None
