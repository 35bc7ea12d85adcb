"""Solar Hijri (Jalali) and lunar Hijri dates to Gregorian, with no download and no dependency.

Jalali uses the 33-year arithmetic rule, exact for 1178-1633 AP (1799-2254 CE), which covers
every document this pipeline will see. Lunar Hijri uses the Umm al-Qura month table shipped in
``config/knowledge/hijri_umm_al_qura.yaml`` where it has the year, and the arithmetic (tabular)
calendar otherwise, which can differ by a day or two from what an issuing authority used.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from evidence.extractors.legal.knowledge import load_yaml

_JALALI_BREAKS = (
    -61,
    9,
    38,
    199,
    426,
    686,
    756,
    818,
    1111,
    1181,
    1210,
    1635,
    2060,
    2097,
    2192,
    2262,
    2324,
    2394,
    2456,
    3178,
)


def _jal_cal(jy: int) -> tuple[int, int, int]:
    """Leap offset, Gregorian year and March day of Nowruz for Jalali year ``jy`` (Borkowski)."""
    gy = jy + 621
    leap_j = -14
    jp = _JALALI_BREAKS[0]
    jump = 0
    for jm in _JALALI_BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += (jump // 33) * 8 + ((jump % 33) // 4)
        jp = jm
    n = jy - jp
    leap_j += (n // 33) * 8 + (((n % 33) + 3) // 4)
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    leap_g = (gy // 4) - ((gy // 100 + 1) * 3 // 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + ((jump + 4) // 33) * 33
    leap = (((n + 1) % 33) - 1) % 4
    if leap == -1:
        leap = 4
    return leap, gy, march


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> dt.date:
    """Solar Hijri date to Gregorian; ValueError for an impossible date."""
    if not (1 <= jm <= 12) or not (1 <= jd <= 31) or (jm > 6 and jd > 30):
        raise ValueError("not a Solar Hijri date")
    leap, gy, march = _jal_cal(jy)
    if jm == 12 and jd == 30 and leap != 0:
        raise ValueError("Esfand 30 in a common year")
    nowruz = dt.date(gy, 3, march)
    day_of_year = (jm - 1) * 31 + jd - 1 if jm <= 7 else 186 + (jm - 7) * 30 + jd - 1
    return nowruz + dt.timedelta(days=day_of_year)


def _tabular_hijri_to_jdn(year: int, month: int, day: int) -> int:
    return day + int(29.5 * (month - 1) + 0.99) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439


@cache
def _umm_al_qura() -> dict[int, tuple[dt.date, tuple[int, ...]]]:
    data = load_yaml("hijri_umm_al_qura.yaml")
    table: dict[int, tuple[dt.date, tuple[int, ...]]] = {}
    for year, row in data["years"].items():
        start = dt.date.fromisoformat(row["start"])
        table[int(year)] = (start, tuple(int(x) for x in row["months"].split()))
    return table


def hijri_to_gregorian(year: int, month: int, day: int) -> tuple[dt.date, str]:
    """Lunar Hijri date to Gregorian, and which calendar was used ('umm_al_qura' or 'tabular')."""
    if not (1 <= month <= 12) or not (1 <= day <= 30):
        raise ValueError("not a Hijri date")
    table = _umm_al_qura()
    if year in table:
        start, lengths = table[year]
        if day > lengths[month - 1]:
            raise ValueError("day beyond the month's length")
        return start + dt.timedelta(days=sum(lengths[: month - 1]) + day - 1), "umm_al_qura"
    jdn = _tabular_hijri_to_jdn(year, month, day)
    return dt.date.fromordinal(jdn - 1721425), "tabular"
