"""The engine's layout keeps its promises: stages import one way, no cycles, no hidden imports.

``hooks/itagen/__init__.py`` lists the stages in the order data flows through them; each package's
docstring says what it may import. These tests read the source (``ast``) and hold it to that.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parent.parent / "hooks" / "itagen"

ALLOWED_IMPORTS: dict[str, set[str]] = {
    "problems": set(),
    "thai": set(),
    "source": {"problems"},
    "records": {"problems", "thai"},
    "load": {"problems", "thai", "source", "records"},
    "plan": {"problems", "thai", "records"},
    "render": {"problems", "thai", "records", "plan"},
    "publish": {"problems", "thai", "records"},
    "author": {"problems", "thai", "source", "records", "load"},
}
"""Each stage (a top-level module or package of the engine) and the stages it may import."""
MAX_TOP_LEVEL_ENTRIES = 10
MAX_MODULE_LINES = 400


def _modules() -> dict[str, Path]:
    """Dotted names inside the engine (``load.site``, ``problems``) → file."""
    modules = {}
    for path in sorted(ENGINE.rglob("*.py")):
        parts = list(path.relative_to(ENGINE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def _imports(name: str, path: Path) -> list[tuple[str, ast.AST]]:
    """Engine modules imported by ``name`` (resolved to dotted names), with the import node."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.append((target, node))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("itagen."):
            found.append(((node.module or "").removeprefix("itagen."), node))
        elif isinstance(node, ast.Import):
            found += [(a.name.removeprefix("itagen."), node) for a in node.names if a.name.startswith("itagen.")]
    return found


MODULES = _modules()
STAGE_MODULES = sorted(name for name in MODULES if name)  # all but the engine's own __init__ (a docstring)
PACKAGES = sorted(name for name in STAGE_MODULES if MODULES[name].name == "__init__.py")
GRAPH = {name: {target for target, _ in _imports(name, path) if target in MODULES} for name, path in MODULES.items()}


def test_the_stages_are_the_packages_the_engine_has() -> None:
    top = {p.stem for p in ENGINE.iterdir() if (p.suffix == ".py" and p.stem != "__init__") or p.is_dir()}
    top.discard("__pycache__")
    assert top == set(ALLOWED_IMPORTS)
    assert len(top) <= MAX_TOP_LEVEL_ENTRIES


@pytest.mark.parametrize("name", STAGE_MODULES)
def test_a_module_imports_only_the_stages_before_it(name: str) -> None:
    stage = name.split(".")[0]
    for target in GRAPH[name]:
        target_stage = target.split(".")[0]
        assert target_stage == stage or target_stage in ALLOWED_IMPORTS[stage], f"{name} imports {target}"


def test_no_module_imports_itself_back_through_others() -> None:
    visiting: list[str] = []
    done: set[str] = set()

    def visit(name: str) -> None:
        assert name not in visiting, "import cycle: " + " → ".join([*visiting[visiting.index(name) :], name])
        if name in done:
            return
        visiting.append(name)
        for target in sorted(GRAPH[name]):
            visit(target)
        visiting.pop()
        done.add(name)

    for name in sorted(MODULES):
        visit(name)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_engine_import_hides_inside_a_function(name: str) -> None:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                assert not isinstance(node, ast.Import | ast.ImportFrom), f"{name}:{node.lineno} imports in a function"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_stay_short_and_free_of_mkdocs(name: str) -> None:
    source = MODULES[name].read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES
    imported = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Import | ast.ImportFrom)]
    names = [a.name for n in imported if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in imported if isinstance(n, ast.ImportFrom)]
    assert not [n for n in names if n == "mkdocs" or n.startswith("mkdocs.")], "the engine must not import MkDocs"


@pytest.mark.parametrize("name", PACKAGES)
def test_every_package_says_what_it_owns_and_may_import(name: str) -> None:
    docstring = ast.get_docstring(ast.parse(MODULES[name].read_text(encoding="utf-8"))) or ""
    assert docstring, f"{name}/__init__.py has no docstring"
    allowed = ALLOWED_IMPORTS[name.split(".")[0]]  # a package inside a stage keeps its stage's rule
    assert all(f"``{stage}``" in docstring for stage in allowed) or "imports nothing" in docstring
