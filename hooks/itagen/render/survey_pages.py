"""The IIT and EIT announcement pages of a fiscal year, their QR images, and the home page's call.

Each announcement follows the printed form agencies post (seed 004): ประกาศ<agency>, เรื่อง …,
the invitation with the link, the response window, the date, the signer, the QR code and
"โปรดสแกน QR Code". While a window is open at build time the home page invites readers too; a
small script (assets/javascripts/ita-surveys.js) hides that invitation once the window closes.
"""

from __future__ import annotations

from ..plan.site_plan import PlannedPage, year_dir
from ..records.agency import Agency
from ..records.fiscal_year import FiscalYear, Surveys
from ..records.record import record
from ..records.surveys import (
    SurveyLink,
    survey_links,
    surveys_ita_year,
    today_in_thailand,
    window_bounds_iso,
    window_is_open,
)
from .output import GeneratedAsset, RenderContext, Rendered, emblem_of, year_of
from .qr_images import draw, input_digest

LOCAL_GOVERNMENT_TYPES = ("เทศบาล", "องค์การบริหารส่วน", "อบต", "อบจ", "กรุงเทพมหานคร", "เมืองพัทยา")
# Who answers: IIT is for the agency's own people, EIT for those it serves.
AUDIENCES = {"iit": "ผู้บริหาร พนักงาน และลูกจ้าง", "eit": "ผู้รับบริการหรือผู้มาติดต่อราชการ"}
SHORT_AUDIENCES = {"iit": "บุคลากรของหน่วยงาน", "eit": "ผู้รับบริการและประชาชน"}


@record
class Announcement:
    """What one announcement page prints."""

    link: SurveyLink
    surveys: Surveys
    ita_year: int
    assessment_name: str
    audience: str
    page: str
    """Path of the page inside the docs, such as ``ita/2566/survey-eit.md``."""
    png: str
    """File name of the print image, beside the page's Markdown file."""
    svg: str

    @property
    def qr_alt(self) -> str:
        return f"QR Code {self.link.survey_name}: {self.link.url}"

    @property
    def nav_title(self) -> str:
        return f"ประกาศเชิญตอบแบบวัด {self.link.tool.upper()}"

    @property
    def window(self) -> tuple[str, str]:
        """Opening and closing moments, Thai time, for the script that follows the window after the build."""
        return window_bounds_iso(self.surveys)

    @property
    def closed(self) -> bool:
        """The window had closed when the site was built: the page says so and offers no answer button."""
        return today_in_thailand() > self.surveys.closes.last_day


def assessment_name(agency: Agency, surveys: Surveys) -> str:
    """The assessment as the announcement's title names it; local governments name themselves."""
    if surveys.assessment_name:
        return surveys.assessment_name
    local = agency.type.startswith(LOCAL_GOVERNMENT_TYPES)
    whose = "ขององค์กรปกครองส่วนท้องถิ่น" if local else "ของหน่วยงานภาครัฐ"
    return f"การประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน{whose}"


def announcement_page(ctx: RenderContext, page: PlannedPage) -> Rendered:
    """One announcement page and its two QR images (print PNG, screen SVG), beside its Markdown."""
    year = year_of(ctx, page)
    announcement = next(a for a in announcements(ctx, year) if a.link.tool == page.name)
    images = draw(announcement.link.url)
    markdown = ctx.page("survey-announcement.md.j2", year=year, a=announcement, emblem=emblem_of(ctx, page))
    folder = year_dir(year.fiscal_year)
    assets = [
        GeneratedAsset(f"{folder}/{announcement.png}", images.png),
        GeneratedAsset(f"{folder}/{announcement.svg}", images.svg),
    ]
    return Rendered(markdown, assets)


def announcements(ctx: RenderContext, year: FiscalYear) -> list[Announcement]:
    """The year's IIT and EIT announcements, in the order of the plan's pages."""
    surveys = year.surveys
    if surveys is None:
        return []
    pages = {p.name: p.path for p in ctx.plan.year_pages(year.fiscal_year) if p.kind == "survey"}
    return [
        _announcement(ctx.site.agency, year, surveys, link, pages[link.tool])
        for link in survey_links(ctx.site.agency, surveys)
    ]


def survey_call(ctx: RenderContext, year: FiscalYear) -> str:
    """The home page's invitation while the year's window is open ("" otherwise); its data
    attributes let the script hide it after the window."""
    surveys = year.surveys
    if surveys is None or not window_is_open(surveys, today_in_thailand()):
        return ""
    year_announcements = announcements(ctx, year)
    opens, closes = window_bounds_iso(surveys)
    return ctx.page(
        "survey-call.md.j2",
        year=year,
        surveys=surveys,
        ita_year=year_announcements[0].ita_year,
        announcements=year_announcements,
        short_audiences=SHORT_AUDIENCES,
        opens_at=opens,
        closes_at=closes,
    )


def _announcement(agency: Agency, year: FiscalYear, surveys: Surveys, link: SurveyLink, page: str) -> Announcement:
    # Named by the hash of what draws the code: a changed link is a new file, never a stale cache.
    name = f"qr-{link.tool}-{input_digest(link.url)[:12]}"
    return Announcement(
        link=link,
        surveys=surveys,
        ita_year=surveys_ita_year(year),
        assessment_name=assessment_name(agency, surveys),
        audience=AUDIENCES[link.tool],
        page=page,
        png=f"{name}.png",
        svg=f"{name}.svg",
    )
