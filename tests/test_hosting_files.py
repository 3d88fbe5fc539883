"""The hosting recipes (GitHub Pages, GitLab Pages, Netlify) build with the strict check and publish site/."""

from __future__ import annotations

import tomllib

import yaml
from conftest import PROJECT_ROOT


def test_github_pages_checks_then_publishes_the_site() -> None:
    workflow = yaml.safe_load((PROJECT_ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    assert {"run": "make check", "name": "Build and check"} in steps
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key "on" as true


def test_gitlab_pages_and_netlify_check_then_publish() -> None:
    gitlab = yaml.safe_load((PROJECT_ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["pages"]["script"][0] == "make check" and gitlab["pages"]["artifacts"]["paths"] == ["public"]
    netlify = tomllib.loads((PROJECT_ROOT / "netlify.toml").read_text(encoding="utf-8"))
    assert (netlify["build"]["command"], netlify["build"]["publish"]) == ("make check", "site")


def test_the_recipes_name_a_target_the_makefile_has() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ncheck:\n" in makefile
    assert "docs-dev/hosting.md" in (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
