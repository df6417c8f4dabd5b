"""When agencies must send their forms back: N working days before the day the
commune sends its report to the province.

The province sets the day the commune's report is due (communes report
before the province, which reports to Bộ Nội vụ by the 20th of the period's
last month — Công văn 581/BNV-CCHC, as republished by Sở Nội vụ Nam Định:
https://sonoivu.namdinh.gov.vn/cai-cach-hanh-chinh/bo-noi-vu-huong-dan-thuc-hien-che-do-bao-cao-cai-cach-hanh-chinh-dinh-ky-2627).
When the officer has not written the province's day into the settings, the
20th itself (moved back to a working day) is used: the latest the commune's
report could possibly go, and the officer is told to set the real one.

Working days are Monday to Friday minus Vietnamese public holidays, which come
from the `holidays` package (Labor Code 2019 Art. 112 and the government's
yearly swaps). Checked against public notices for 2026 (holidays 0.109):
- Tết Bính Ngọ: off Monday 16/02 – Friday 20/02/2026 (the 9-day break
  14/02–22/02/2026 of the government's decision, reported e.g. by
  http://www.congan.com.vn/?catid=702&id=388656&mod=detnews);
- Quốc khánh: 01/09 and 02/09/2026 (the Labor Code's 2 days: 2/9 and one
  adjacent day, since 2021), plus Monday 31/08/2026 off in exchange for
  Saturday 22/08/2026 worked (the package cites thuvienphapluat.vn's note on
  the 2026 Quốc khánh schedule). We found no 2025 law adding a further day to
  2/9; if the province announces one, the officer lists it in the settings;
- Ngày Văn hóa Việt Nam, 24/11 (from 2026, Nghị quyết 80-NQ/TW): the package
  counts it as a day off although the Labor Code amendment was still being
  drafted in February 2026 (vneconomy.vn, 26/02/2026); the officer's list of
  working days overrides it if needed.
The settings' own lists (extra days off, extra working days) override both.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .files import write_bytes_atomic
from .messages import CchcError, phrase
from .models import Period, Settings

PROVINCE_DAY = 20          # province → Bộ Nội vụ, 581/BNV-CCHC
DEFAULT_WORKING_DAYS = 3


@lru_cache(maxsize=1)
def _vietnam_rules():
    """The module of `holidays` that holds Vietnam's rules.

    The package's own route (``holidays.country_holidays("VN")``, or importing
    ``holidays.countries.vietnam``) runs holidays/countries/__init__.py, which
    imports the modules of all 251 countries: about 0.1 s on every command that
    computes a deadline. Vietnam's module imports none of them (only the
    package's calendars and base classes), so it is loaded alone from the
    package's folder. Should a later release move or split it, the package's
    own route is taken: slower, the same days.
    """
    import holidays  # the package itself (its base classes): a few hundredths of a second

    try:
        spec = importlib.util.spec_from_file_location(
            "cchc_excel._vietnam_holidays", Path(holidays.__file__).with_name("countries") / "vietnam.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if issubclass(module.Vietnam, holidays.HolidayBase) and module.Vietnam.country == "VN":
            return module
    except Exception:  # noqa: BLE001 - any layout we do not know: the package's own route below
        pass
    return sys.modules[type(holidays.country_holidays("VN")).__module__]     # loaded by that call


@lru_cache(maxsize=32)
def _official(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """(days off, weekend days worked in exchange) for a year, per `holidays`.

    Loading the package and Vietnam's rules takes about 0.06 s, a tenth of what `check`
    needs for a few returns; the days it gives depend only on its version and the year,
    so they are kept in the user's cache folder (see _cache_file), one file per version
    of the package, and read from there on later runs. A cache that cannot be read or
    written is no error: the package is asked."""
    cache = _cache_file()
    kept = _read_cache(cache) if cache else {}
    if str(year) in kept:
        return kept[str(year)]
    days = _from_package(year)
    if cache is not None:
        kept[str(year)] = days
        try:
            write_bytes_atomic(cache, json.dumps(
                {key: [sorted(d.isoformat() for d in found) for found in pair] for key, pair in kept.items()},
                indent=1).encode())
        except CchcError:
            pass
    return days


CACHE_FOLDER_VARIABLE = "CCHC_CACHE_DIR"       # another folder for the cache; empty: keep none


def _cache_file() -> Path | None:
    """The cache of the days `holidays` gives, for the installed version of the package: in
    the user's cache folder (%LOCALAPPDATA%, ~/Library/Caches, $XDG_CACHE_HOME or ~/.cache),
    or CCHC_CACHE_DIR; None when there is no such folder or the version is not known."""
    folder = os.environ.get(CACHE_FOLDER_VARIABLE)
    if folder is None:
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA", "")
        elif sys.platform == "darwin":
            base = os.path.expanduser("~/Library/Caches")
        else:
            base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
        folder = os.path.join(base, "cchc-excel") if base and base != "~/.cache" else ""
    version = _package_version() if folder else None
    return Path(folder) / f"holidays-vn-{version}-1.json" if version else None


def _package_version() -> str | None:
    """The installed version of `holidays`, from its distribution's folder name (the package
    itself asks importlib.metadata, which is what costs): None when that is not one folder."""
    try:
        spec = importlib.util.find_spec("holidays")
        if spec is None or not spec.origin:
            return None
        found = list(Path(spec.origin).parent.parent.glob("holidays-*.dist-info"))
    except (ImportError, OSError, ValueError):
        return None
    return found[0].name[len("holidays-"):-len(".dist-info")] if len(found) == 1 else None


def _read_cache(path: Path) -> dict[str, tuple[frozenset[dt.date], frozenset[dt.date]]]:
    try:
        kept = json.loads(path.read_bytes())
        return {year: (frozenset(map(dt.date.fromisoformat, off)), frozenset(map(dt.date.fromisoformat, worked)))
                for year, (off, worked) in kept.items() if year.isdigit()}
    except (OSError, ValueError, TypeError, AttributeError):    # missing, or not what this writes
        return {}


def _from_package(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """(days off, weekend days worked in exchange) for a year, asked of `holidays`."""
    rules = _vietnam_rules()
    days_off = frozenset(rules.Vietnam(years=year))
    worked: set[dt.date] = set()
    # The package keeps swaps as (month, day, from_month, from_day[, from_year]):
    # the day off, and the weekend day worked instead. Read them when present;
    # a future layout change only loses the worked Saturdays (the officer's
    # list can add them back), never the days off.
    try:
        swaps = rules.VietnamStaticHolidays.special_public_holidays.get(year, ())
        swaps = (swaps,) if swaps and isinstance(swaps[0], int) else swaps
        for swap in swaps:
            if len(swap) >= 4:
                worked.add(dt.date(swap[4] if len(swap) > 4 else year, swap[2], swap[3]))
    except (AttributeError, TypeError, ValueError):
        pass
    return days_off, frozenset(worked)


@dataclass(frozen=True)
class Calendar:
    """Working days: Monday–Friday, minus public holidays, with the officer's
    extra days off and extra working days (swapped Saturdays) on top."""

    extra_days_off: frozenset[dt.date] = frozenset()
    extra_working_days: frozenset[dt.date] = frozenset()

    @classmethod
    def from_settings(cls, settings: Settings) -> Calendar:
        return cls(frozenset(settings.extra_days_off), frozenset(settings.extra_working_days))

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off:
            return False
        days_off, worked = _official(day.year)
        if day in worked:
            return True
        return day.weekday() < 5 and day not in days_off

    def on_or_before(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day -= dt.timedelta(days=1)
        return day

    def working_days_before(self, day: dt.date, count: int) -> dt.date:
        """The working day `count` working days before `day` (0: `day` itself,
        moved back to a working day)."""
        day = self.on_or_before(day)
        for _ in range(count):
            day = self.on_or_before(day - dt.timedelta(days=1))
        return day


@dataclass(frozen=True)
class Deadline:
    """The agencies' return date of a period and how it was reached."""

    due: dt.date                  # agencies send their forms back by this day
    report: dt.date | None        # the commune sends its report to the province (None when overridden)
    report_set: bool              # the report day comes from the settings (not the default 20th)
    working_days: int
    overridden: bool              # given for this run (--deadline)
    data_end: dt.date

    @property
    def before_data_end(self) -> bool:
        """Agencies must answer before the period's data window closes: their
        figures for the last days are estimates."""
        return self.due < self.data_end


def report_day(period: Period, settings: Settings, calendar: Calendar | None = None) -> tuple[dt.date, bool]:
    """The day the commune sends this period's report to the province, and
    whether the settings say so (False: the default 20th of the last month)."""
    calendar = calendar or Calendar.from_settings(settings)
    for kind, day, month in settings.report_days:
        if kind == period.kind:
            return calendar.on_or_before(_day_in(period.end.year, month, day)), True
    return calendar.on_or_before(dt.date(period.end.year, period.end.month, PROVINCE_DAY)), False


def _day_in(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:   # 30/02 and the like are refused when the settings are read; be safe anyway
        return dt.date(year, month, 28)


def return_deadline(period: Period, settings: Settings, override: dt.date | None = None) -> Deadline:
    """The agencies' return date: N working days before the report day, or the
    date given for this run."""
    working_days = settings.return_days
    if override is not None:
        return Deadline(override, None, False, working_days, True, period.end)
    calendar = Calendar.from_settings(settings)
    report, from_settings = report_day(period, settings, calendar)
    return Deadline(calendar.working_days_before(report, working_days), report, from_settings, working_days,
                    False, period.end)


def describe(deadline: Deadline) -> str:
    """The return date with how it was reached, as the forms' guide and `check` show it."""
    if deadline.report is None:
        return f"{deadline.due:%d/%m/%Y}"
    return phrase("DEADLINE_BEFORE_REPORT", due=f"{deadline.due:%d/%m/%Y}", days=deadline.working_days,
                  report=f"{deadline.report:%d/%m/%Y}")


def early_note(deadline: Deadline) -> str:
    """Said wherever the return date is shown when it falls before the data
    window closes; empty otherwise."""
    if not deadline.before_data_end:
        return ""
    return phrase("DEADLINE_BEFORE_DATA_END", end=f"{deadline.data_end:%d/%m/%Y}")


def notes(deadline: Deadline) -> list[str]:
    """What the officer should know about the return date (console)."""
    found = [early_note(deadline)] if deadline.before_data_end else []
    if not deadline.overridden and not deadline.report_set:
        found.append(phrase("DEADLINE_REPORT_DAY_UNSET"))
    return found
