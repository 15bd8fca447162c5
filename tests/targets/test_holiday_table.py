"""The Netherlands' holidays come from a generated table (no package import at a desk's start):
it must say what the `holidays` package says, and the calendar must read it."""
from __future__ import annotations

import subprocess
import sys
from datetime import date

import holidays

from newsroom.targets import holidays_nl
from newsroom.targets.calendar import Calendar


def test_the_table_is_what_the_installed_package_gives():
    assert holidays_nl.SOURCE == holidays.__version__, (
        "holidays was upgraded: run scripts/holiday-table and check the difference"
    )
    for year in range(holidays_nl.FIRST, holidays_nl.LAST + 1):
        package = sorted(holidays.country_holidays("NL", years=year, language="nl").items())
        table = [(date(year, month, day), name) for month, day, name in holidays_nl.YEARS[year]]
        assert table == package, year


def test_a_dutch_calendar_closes_on_the_tables_days_and_on_the_packages_beyond_it():
    calendar = Calendar("kantoor", timezone="Europe/Amsterdam", hours={day: ["09:00-17:00"] for day in ("mon", "tue", "wed", "thu", "fri")}, holidays="NL")
    assert calendar.closed_dates(2026)[date(2026, 4, 27)] == "Koningsdag"
    assert calendar.closed_dates(2030)[date(2030, 5, 5)] == "Bevrijdingsdag"  # every fifth year
    beyond = holidays_nl.LAST + 1
    assert calendar.closed_dates(beyond) == dict(
        sorted(holidays.country_holidays("NL", years=beyond, language="nl").items())
    )


def test_a_desk_reading_dutch_clocks_does_not_import_the_package():
    code = (
        "import sys\n"
        "from datetime import datetime, UTC\n"
        "from newsroom.targets.calendar import Calendar\n"
        "c = Calendar('kantoor', timezone='Europe/Amsterdam', hours={d: ['09:00-17:00'] for d in ('mon', 'tue', 'wed', 'thu', 'fri')}, holidays='NL')\n"
        "c.closed_dates(2026); c.due(datetime(2026, 4, 24, 14, tzinfo=UTC), 120)\n"
        "print('holidays' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
