"""The IIT and EIT announcement pages of a fiscal year, their QR images, and the home page's call.

Each announcement follows the printed form agencies post (seed 004): ประกาศ<agency>, เรื่อง …,
the invitation with the link, the response window, the date, the signer, the QR code and
"โปรดสแกน QR Code". While a window is open at build time the home page invites readers too; a
small script (assets/javascripts/ita-surveys.js) hides that invitation once the window closes.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Agency, FiscalYear, Surveys
from .pages import GeneratedAsset, GeneratedPage, RenderContext, SiteOutput, year_dir
from .qr_images import QrCache, QrImages
from .surveys import SurveyLink, survey_links, surveys_ita_year, today_in_thailand, window_bounds_iso, window_is_open

LOCAL_GOVERNMENT_TYPES = ("เทศบาล", "องค์การบริหารส่วน", "อบต", "อบจ", "กรุงเทพมหานคร", "เมืองพัทยา")
# Who answers: IIT is for the agency's own people, EIT for those it serves.
AUDIENCES = {"iit": "ผู้บริหาร พนักงาน และลูกจ้าง", "eit": "ผู้รับบริการหรือผู้มาติดต่อราชการ"}
SHORT_AUDIENCES = {"iit": "บุคลากรของหน่วยงาน", "eit": "ผู้รับบริการและประชาชน"}


@dataclass(frozen=True)
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


def assessment_name(agency: Agency, surveys: Surveys) -> str:
    """The assessment as the announcement's title names it; local governments name themselves."""
    if surveys.assessment_name:
        return surveys.assessment_name
    local = agency.type.startswith(LOCAL_GOVERNMENT_TYPES)
    whose = "ขององค์กรปกครองส่วนท้องถิ่น" if local else "ของหน่วยงานภาครัฐ"
    return f"การประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน{whose}"


def survey_announcements(ctx: RenderContext, year: FiscalYear, out: SiteOutput) -> None:
    """Add the year's two announcement pages, their QR images and, if a window is open, the home call."""
    surveys = year.surveys
    if surveys is None:
        return
    cache = QrCache()
    announcements = []
    for link in survey_links(ctx.site.agency, surveys):
        images = cache.images(link.url)
        announcement = _announcement(ctx.site.agency, year, surveys, link, images)
        _add_images(out, year, announcement, images)
        markdown = ctx.page("survey-announcement.md.j2", year=year, a=announcement)
        out.pages.append(GeneratedPage(announcement.page, announcement.nav_title, markdown, year.fiscal_year))
        announcements.append(announcement)
    if window_is_open(surveys, today_in_thailand()):
        out.home_notices.append(survey_call(ctx, year, announcements))


def survey_call(ctx: RenderContext, year: FiscalYear, announcements: list[Announcement]) -> str:
    """The home page's invitation; its data attributes let the script hide it after the window."""
    surveys = announcements[0].surveys
    opens, closes = window_bounds_iso(surveys)
    return ctx.page(
        "survey-call.md.j2",
        year=year,
        surveys=surveys,
        ita_year=announcements[0].ita_year,
        announcements=announcements,
        short_audiences=SHORT_AUDIENCES,
        opens_at=opens,
        closes_at=closes,
    )


def _announcement(
    agency: Agency, year: FiscalYear, surveys: Surveys, link: SurveyLink, images: QrImages
) -> Announcement:
    name = f"qr-{link.tool}-{images.digest[:12]}"
    return Announcement(
        link=link,
        surveys=surveys,
        ita_year=surveys_ita_year(year),
        assessment_name=assessment_name(agency, surveys),
        audience=AUDIENCES[link.tool],
        page=f"{year_dir(year)}/survey-{link.tool}.md",
        png=f"{name}.png",
        svg=f"{name}.svg",
    )


def _add_images(out: SiteOutput, year: FiscalYear, announcement: Announcement, images: QrImages) -> None:
    directory = year_dir(year)
    out.assets.append(GeneratedAsset(f"{directory}/{announcement.png}", images.png))
    out.assets.append(GeneratedAsset(f"{directory}/{announcement.svg}", images.svg))
