"""The ten indicator scores as an SVG bar chart, drawn at build time: no JavaScript on the page.

The chart is inline SVG so that it uses the page's Thai font and scales to a phone's width.
Each bar carries its label above it, not beside it, so labels stay readable at 360 px.
"""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from ..records.fiscal_year import Assessment, IndicatorScore
from ..records.record import record

CHART_WIDTH = 400
ROW_HEIGHT = 48
BAR_HEIGHT = 14
LABEL_HEIGHT = 22
SCORE_COLUMN = 60
"""Room at the right end of each bar for its score."""
TOOL_ORDER = ("iit", "eit", "oit")
TOOL_LABELS = {"iit": "IIT ผู้มีส่วนได้ส่วนเสียภายใน", "eit": "EIT ผู้มีส่วนได้ส่วนเสียภายนอก", "oit": "OIT การเปิดเผยข้อมูล"}
"""The key under the chart: which colour is which tool."""


@record
class Bar:
    indicator: IndicatorScore
    y: float
    width: float


def chart_bars(assessment: Assessment) -> list[Bar]:
    track = CHART_WIDTH - SCORE_COLUMN
    ordered = sorted(assessment.indicators, key=lambda i: i.number)
    return [Bar(i, index * ROW_HEIGHT, round(track * i.score / 100, 1)) for index, i in enumerate(ordered)]


def indicator_chart(env: jinja2.Environment, assessment: Assessment, fiscal_year: int) -> Markup:
    bars = chart_bars(assessment)
    html = env.get_template("indicator-chart.svg.j2").render(
        bars=bars,
        assessment=assessment,
        fiscal_year=fiscal_year,
        width=CHART_WIDTH,
        height=len(bars) * ROW_HEIGHT,
        label_height=LABEL_HEIGHT,
        bar_height=BAR_HEIGHT,
        track=CHART_WIDTH - SCORE_COLUMN,
        tools=[tool for tool in TOOL_ORDER if any(bar.indicator.tool == tool for bar in bars)],
        tool_labels=TOOL_LABELS,
    )
    # A blank line would end Markdown's raw-HTML block halfway through the SVG.
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))
