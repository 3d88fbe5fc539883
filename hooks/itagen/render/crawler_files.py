"""Files hosts, crawlers and feed readers look for: ``robots.txt`` with the sitemap, and an Atom feed
of the agency's news (``news.xml``) so that a reader or a portal follows what it announces."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree

from ..plan.site_plan import AGENCY_DIR
from ..records.site import Site
from .output import GeneratedAsset

FEED_PATH = "news.xml"
ATOM = "http://www.w3.org/2005/Atom"


def robots_txt(site: Site) -> GeneratedAsset:
    lines = ["User-agent: *", "Allow: /"]
    if site.settings.site_url:
        lines.append(f"Sitemap: {site.settings.site_url.rstrip('/')}/sitemap.xml")
    return GeneratedAsset("robots.txt", ("\n".join(lines) + "\n").encode("utf-8"))


def news_feed(site: Site) -> GeneratedAsset | None:
    """The agency's news as Atom, newest first; None without news or without the site's address
    (a feed's links must be absolute)."""
    news = site.content.news if site.content else []
    if not news or not site.settings.site_url:
        return None
    base = site.settings.site_url.rstrip("/") + "/"
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"xml:lang": "th"})
    newest = sorted(news, key=lambda n: n.date.first_day, reverse=True)
    _text(feed, "title", f"ข่าวประชาสัมพันธ์ {site.agency.name}")
    _text(feed, "id", base + FEED_PATH)
    _text(feed, "updated", _moment(newest[0].date.first_day))
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": base + FEED_PATH})
    page = f"{base}{AGENCY_DIR}/news/"
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": page})
    author = ElementTree.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", site.agency.name)
    for index, item in enumerate(newest):
        entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", item.title)
        _text(entry, "id", f"{page}#{item.date.first_day.isoformat()}-{index}")
        _text(entry, "updated", _moment(item.date.first_day))
        link = str(item.url) if item.url else f"{page}#fy-{item.fiscal_year}"
        ElementTree.SubElement(entry, f"{{{ATOM}}}link", {"href": link})
        if item.text:
            _text(entry, "summary", str(item.text))
    text = ElementTree.tostring(feed, encoding="unicode", xml_declaration=False)
    return GeneratedAsset(FEED_PATH, ('<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n").encode("utf-8"))


def _text(parent: ElementTree.Element, name: str, value: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM}}}{name}").text = value


def _moment(day: dt.date) -> str:
    """Midnight of the day in Thailand, as Atom wants a full timestamp."""
    return f"{day.isoformat()}T00:00:00+07:00"
