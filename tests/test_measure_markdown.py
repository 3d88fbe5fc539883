"""The measures written in Python (``render/measure_markdown.py``) are the Markdown the Jinja loops wrote.

The loops that ``year-measures.md.j2`` and ``year-measures-table.md.j2`` held before are kept here as
the reference and rendered in the site's own Markdown environment (its filters, ``finalize`` and
macros) beside the Python: on every year of the demo and the examples, in both kinds of digits, and
on measures made up of any text, lists of any length and every kind of period.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO_DATA, example_dirs
from hypothesis import given, settings
from hypothesis import strategies as st

from itagen.load.site import load_site
from itagen.records.fiscal_year import FiscalYear, Measure, Measures, Period
from itagen.records.site import Site
from itagen.records.values import MarkdownText
from itagen.render.environments import markdown_env
from itagen.render.measure_markdown import measure_rows, measure_sections
from itagen.render.print_document import _cell
from itagen.thai.dates import ThaiDate

SECTIONS_LOOP = """{% import "_macros.md.j2" as m %}
{% for measure in measures.items %}
## {{ loop.index|number }}. {{ measure.title }} {#measure-{{ measure.id }}}

{% if measure.indicators %}
**ตัวชี้วัดที่เกี่ยวข้อง:** {{ m.indicator_list(measure.indicators, year.indicator_names()) }}

{% endif %}
{% if measure.questions %}
**ข้อคำถามที่เกี่ยวข้อง:** {{ measure.questions|join(", ") }}

{% endif %}
{% if measure.issue %}
**ประเด็นที่ต้องแก้ไข/ปรับปรุง**

{{ measure.issue }}

{% endif %}
{% if measure.projects %}
**โครงการ/กิจกรรม**

{{ m.numbered(measure.projects) }}

{% endif %}
{% if measure.analysis %}
**ผลการวิเคราะห์ตามหลักเกณฑ์การประเมิน**

{{ m.text_or_list(measure.analysis) }}

{% endif %}
{% if measure.approach %}
**แนวทางการดำเนินการ**

{{ m.text_or_list(measure.approach) }}

{% endif %}
{% if measure.steps %}
**ขั้นตอนหรือวิธีการดำเนินการ**

{{ m.numbered(measure.steps) }}

{% endif %}
{% if measure.period %}
**ระยะเวลาดำเนินการ:** {{ measure.period|period(year.fiscal_year) }}

{% endif %}
{% if measure.responsible %}
**ผู้รับผิดชอบ:** {{ measure.responsible|join(", ") }}

{% endif %}
{% if measure.follow_up %}
**การติดตามผล:** {{ measure.follow_up }}

{% endif %}
{% endfor %}
"""
"""The loop of ``year-measures.md.j2`` before the sections were written in Python."""

ROWS_LOOP = """\
{% for measure in measures.items %}
| {{ loop.index|number }} | {{ measure.title }}{% if measure.indicators %}<br>(ตัวชี้วัดที่ {{ measure.indicators|map("number")|list|join(", ") }}){% endif %} | {{ cell(measure.steps or measure.approach or measure.projects) }} | {{ measure.responsible|join(", ") }} | {% if measure.period %}{{ measure.period|period(year.fiscal_year) }}{% else %}–{% endif %} |
{% endfor %}
"""
"""The loop of ``year-measures-table.md.j2`` before the rows were written in Python."""


def _same_as_the_loops(site: Site, year: FiscalYear) -> None:
    env = markdown_env(site)
    sections = env.from_string(SECTIONS_LOOP).render(year=year, measures=year.measures)
    assert str(measure_sections(env, year)) == sections
    rows = env.from_string(ROWS_LOOP).render(year=year, measures=year.measures, cell=_cell)
    assert str(measure_rows(env, year, _cell)) == rows


@pytest.mark.parametrize("data_dir", [DEMO_DATA, *example_dirs()], ids=lambda p: p.name)
def test_every_year_of_the_data_is_written_as_the_loops_wrote_it(data_dir: Path) -> None:
    site = load_site(data_dir).site
    years = [year for year in site.years if year.measures is not None]
    assert years
    for year in years:
        _same_as_the_loops(site, year)


_SITES = {digits: None for digits in ("arabic", "thai")}


def _site(digits: str) -> Site:
    if _SITES[digits] is None:
        site = load_site(DEMO_DATA).site
        _SITES[digits] = dataclasses.replace(site, settings=dataclasses.replace(site.settings, digits=digits))
    site = _SITES[digits]
    assert site is not None
    return site


_TEXT = st.text(alphabet="ab ก่าไทย12.-+*_[]()#|!<>&{}\\`~^\n\t", max_size=20)
_NAMES = st.lists(_TEXT.filter(str.strip), max_size=3)
_MARKDOWN = st.lists(_TEXT.filter(str.strip).map(MarkdownText), max_size=3)
_DATES = st.builds(ThaiDate, st.integers(2000, 2030), st.integers(1, 12), st.none() | st.integers(1, 28))
_PERIODS = st.none() | st.builds(Period, st.none() | _DATES, st.none() | _DATES, st.booleans())
_MEASURES = st.builds(
    Measure,
    id=_TEXT.filter(str.strip),
    title=_TEXT.filter(str.strip),
    indicators=st.lists(st.integers(1, 10), max_size=3),
    issue=st.none() | _TEXT.map(MarkdownText),
    questions=_NAMES,
    projects=_NAMES,
    analysis=_MARKDOWN,
    approach=_MARKDOWN,
    steps=_MARKDOWN,
    responsible=_NAMES,
    period=_PERIODS,
    follow_up=st.none() | _TEXT.map(MarkdownText),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_MEASURES, max_size=4), st.sampled_from(["arabic", "thai"]))
def test_any_measures_are_written_as_the_loops_wrote_them(measures: list[Any], digits: str) -> None:
    site = _site(digits)
    year = next(y for y in site.years if y.measures is not None)
    year = dataclasses.replace(year, measures=Measures(items=measures))
    _same_as_the_loops(site, year)
