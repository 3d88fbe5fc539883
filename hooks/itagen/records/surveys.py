"""Survey links and response windows: the IIT/EIT addresses NACC gives an agency.

Every agency gets one short code in NACC's ITAS system; both surveys use it
(``https://itas.nacc.go.th/go/iit/<code>``, ``…/go/eit/<code>``). ``load/surveys.py`` checks that
every link in the data has exactly that form.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .agency import Agency
from .fiscal_year import TOOL_NAMES, FiscalYear, Surveys
from .record import record

ITAS_HOST = "itas.nacc.go.th"
SurveyTool = Literal["iit", "eit"]
SURVEY_TOOLS: tuple[SurveyTool, ...] = ("iit", "eit")
THAILAND = dt.timezone(dt.timedelta(hours=7), "ICT")
"""Thailand keeps UTC+7 all year: no tz database needed (Windows has none)."""


def survey_url(tool: SurveyTool, code: str) -> str:
    return f"https://{ITAS_HOST}/go/{tool}/{code}"


@record
class SurveyLink:
    tool: SurveyTool
    url: str

    @property
    def survey_name(self) -> str:
        return TOOL_NAMES[self.tool]


def survey_links(agency: Agency, surveys: Surveys) -> list[SurveyLink]:
    """The IIT and EIT links of a validated year: as written, or built from the agency's code."""
    links = []
    for tool in SURVEY_TOOLS:
        url = getattr(surveys, tool) or survey_url(tool, agency.itas_code or "")
        links.append(SurveyLink(tool, str(url)))
    return links


def surveys_ita_year(year: FiscalYear) -> int:
    assert year.surveys is not None
    return year.surveys.ita_year or year.fiscal_year


# --- The response window -----------------------------------------------------------------------


def today_in_thailand() -> dt.date:
    return dt.datetime.now(THAILAND).date()


def window_is_open(surveys: Surveys, today: dt.date) -> bool:
    return surveys.opens.first_day <= today <= surveys.closes.last_day


def window_bounds_iso(surveys: Surveys) -> tuple[str, str]:
    """Start of the first day and end of the last day, Thai time, for the page's script."""
    opens = dt.datetime.combine(surveys.opens.first_day, dt.time(0, 0, 0), THAILAND)
    closes = dt.datetime.combine(surveys.closes.last_day, dt.time(23, 59, 59), THAILAND)
    return opens.isoformat(), closes.isoformat()
