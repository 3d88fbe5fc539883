"""Write what the engine makes as a folder that plain MkDocs builds without our hooks (``make markdown``).

    python hooks/write_markdown.py --data data --out build/markdown
    cd build/markdown && python -m mkdocs build

The folder holds ``docs/`` (the hand-written pages with the generated ones and their files),
``overrides/`` (the theme additions), ``mkdocs.yml`` (the project's, with the agency's name, the
navigation and the logo written in, and no hooks) and ``ita_markdown.py`` (the two Markdown
additions the pages need: Thai heading anchors and table captions). It shows what the engine made,
is the fair baseline for the speed benchmark, and is a step towards builders that run no hooks.
What the hooks add after rendering (the Content-Security-Policy, the host files, the build date, and
on a Thai-digit site the Thai digits of the hand-written pages) is not in it.
"""

from __future__ import annotations

import argparse
import html
import shutil
import sys
from pathlib import Path

import yaml

from itagen.load.site import load_site
from itagen.plan.navigation import navigation
from itagen.plan.site_plan import plan_site
from itagen.problems import DataError
from itagen.publish.output_dir import refusal
from itagen.render.site import render_site

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENGINE = PROJECT_ROOT / "hooks" / "itagen"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="เขียนหน้าที่สร้างเป็น Markdown / write the generated pages as Markdown")
    parser.add_argument("--data", default="data", help="โฟลเดอร์ข้อมูล / data directory (default: data)")
    parser.add_argument("--out", required=True, help="โฟลเดอร์ผลลัพธ์ (ต้องยังไม่มี) / output directory (must not exist)")
    return parser.parse_args(argv)


def write_markdown(data: Path, out: Path) -> None:
    loaded = load_site(data)
    site, plan = loaded.site, plan_site(loaded.site)
    output = render_site(site, plan)
    shutil.copytree(PROJECT_ROOT / "docs", out / "docs")
    shutil.copytree(PROJECT_ROOT / "overrides", out / "overrides", ignore=shutil.ignore_patterns("ita"))
    for page in output.pages:
        _write(out / "docs" / page.path, page.markdown.encode("utf-8"))
    for asset in output.assets:
        _write(out / "docs" / asset.path, asset.content)
    home = out / "docs" / "index.md"
    home.write_text(output.home_page(home.read_text(encoding="utf-8")), encoding="utf-8")
    config = yaml.safe_load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV ", ""))
    config.pop("hooks", None)
    config["site_url"] = (site.settings.site_url or "https://example.go.th/").rstrip("/") + "/"
    config["site_name"] = html.escape(site.agency.name)  # the theme prints it unescaped in places
    config["nav"] = navigation(site, plan)
    config["extra_css"] = [*config["extra_css"], *(css for css in output.extra_css if css not in config["extra_css"])]
    if output.logo_path:
        config["theme"]["logo"] = config["theme"]["favicon"] = output.logo_path
    config["extra"] = {**config.get("extra", {}), "ita_feed": output.theme_links.get("feed")}
    config["extra"]["ita_contact"] = output.theme_links.get("contact")
    extensions = [e for e in config["markdown_extensions"] if not (isinstance(e, dict) and "toc" in e)]
    toc = {"permalink": False, "slugify": "!!python/name:ita_markdown.thai_slugify"}
    config["markdown_extensions"] = [*extensions, {"toc": toc}, "ita_markdown"]
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)
    text = text.replace("'!!python/name:ita_markdown.thai_slugify'", "!!python/name:ita_markdown.thai_slugify")
    (out / "mkdocs.yml").write_text(text, encoding="utf-8")
    (out / "ita_markdown.py").write_text(_markdown_additions(), encoding="utf-8")


def _markdown_additions() -> str:
    """The engine's slug function and table-caption extension in one importable file."""
    future = "from __future__ import annotations\n"
    slugs = (ENGINE / "thai" / "slugs.py").read_text(encoding="utf-8").replace(future, "")
    captions = (ENGINE / "render" / "table_captions.py").read_text(encoding="utf-8").replace(future, "")
    maker = (
        "def makeExtension(**options: object) -> TableCaptionExtension:  # noqa: N802 - Markdown's name\n"
        "    return TableCaptionExtension()\n"
    )
    header = '"""Written by hooks/write_markdown.py from the engine\'s slugs.py and table_captions.py."""\n\n'
    return header + future + "\n" + slugs + "\n\n" + captions + "\n\n" + maker


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    data, out = Path(args.data).resolve(), Path(args.out).resolve()
    if out.exists():
        print(f"มีโฟลเดอร์ {out} อยู่แล้ว เลือกชื่อใหม่ / {out} exists already; choose a new folder", file=sys.stderr)
        return 2
    # Written into docs/, the export would become pages of the next build.
    if (refused := refusal(out, [], pages=PROJECT_ROOT / "docs")) is not None:
        print(f"ไม่ได้เขียน: {refused[0]}\nNothing was written: {refused[1]}", file=sys.stderr)
        return 2
    try:
        write_markdown(data, out)
    except DataError as error:
        print(error.report(data), file=sys.stderr)
        return 1
    print(f"เขียนแล้ว / written: {out} (cd {out} && python -m mkdocs build)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
