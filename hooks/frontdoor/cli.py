"""The command line of the front door: read it, set ``.venv`` up, run the verb with the ``.venv`` Python.

The same file runs twice for a verb that needs the installed packages: first with whatever Python the
user has (it reads the command, so a mistake is said before anything is installed, and sets up
``.venv``), then, handed over, with ``.venv``'s Python, which runs the verb's entry script in its own
process. On Linux and macOS the hand-over replaces the first process (``exec``); Windows has no such
call, so there the first waits for the second and passes its exit code on.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

from frontdoor.bootstrap import BUILD_LOCK, DEV_LOCK, WINDOWS, SetupFailed, ensure_venv
from frontdoor.console import CHILD_ENVIRONMENT, say, utf8_streams
from frontdoor.verbs import BUILDERS, HOOKS, PROJECT_ROOT, VERBS, Misuse, Option, Verb, entry_argv, yes_or_no

VENV = PROJECT_ROOT / ".venv"
COMMAND = "ita" if WINDOWS else "python3 hooks/ita.py"
"""How the help names the command: Windows users type ``ita`` (ita.cmd)."""


def main(argv: list[str]) -> int:
    utf8_streams()
    try:
        return _run(argv)
    except Misuse as problem:
        say(problem.thai, problem.english)
        verb = argv[0] if argv and argv[0] in VERBS else ""
        say(f"ดูวิธีใช้: {COMMAND} {verb} --help".replace("  ", " "), f"Usage: {COMMAND} {verb} --help".replace("  ", " "))
        return 2
    except SetupFailed as problem:
        say(problem.thai, problem.english)
        return 1
    except KeyboardInterrupt:
        say("หยุดแล้วตามที่สั่ง (Ctrl+C)", "Stopped (Ctrl+C).")
        return 130
    except BrokenPipeError:  # the reader went away (``ita --help | more`` closed early): nothing to say
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - replaces the closed stream for good
        return 0
    except OSError as problem:  # a file of .venv or of the project that cannot be read or written
        where = problem.filename or VENV
        say(
            f"ทำงานต่อไม่ได้: {where} ({problem.strerror}) ตรวจสิทธิ์และพื้นที่ดิสก์ แล้วสั่งอีกครั้ง",
            f"Cannot go on: {where} ({problem.strerror}); check permissions and disk space, then run it again.",
        )
        return 1


def _run(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(overview())
        return 0
    verb = VERBS.get(argv[0])
    if verb is None:
        raise Misuse(f"ไม่มีคำสั่ง “{argv[0]}” (ดูรายการคำสั่ง: {COMMAND} --help)", f"There is no verb “{argv[0]}”.")
    own = argv[1 : argv.index("--")] if "--" in argv else argv[1:]
    if "-h" in own or "--help" in own:
        print(verb_help(verb))
        return 0
    values, passed_on = read_options(verb, argv[1:])
    if verb.name == "setup":
        ensure_venv(VENV, PROJECT_ROOT / (DEV_LOCK if values["--dev"] else BUILD_LOCK))
        print(f".venv พร้อมใช้ / .venv is ready: {VENV}")
        return 0
    if verb.name == "clean":
        from frontdoor import developer

        return developer.clean(PROJECT_ROOT, everything=bool(values["--all"]))
    if verb.script is not None and not (HOOKS / verb.script).is_file():
        raise Misuse(
            f"คำสั่ง {verb.name} ใช้ไม่ได้: ไม่พบไฟล์ {HOOKS / verb.script} ของโครงการ ดาวน์โหลดโครงการใหม่ทั้งชุด",
            f"The verb {verb.name} cannot run: {HOOKS / verb.script} of the project is missing; download the whole project again.",
        )
    assert verb.lock is not None
    python = ensure_venv(VENV, PROJECT_ROOT / verb.lock)
    if not _inside(VENV):
        return _hand_over(python, argv)
    _child_environment(os.environ)
    return _run_verb(verb, values, passed_on)


def read_options(verb: Verb, arguments: list[str]) -> tuple[dict[str, str | bool], list[str]]:
    """The verb's options as values (yes/no options as bool, paths as typed), and what is passed on.

    Read by hand rather than with argparse: its complaints are English only, and importing it is a
    noticeable part of a start that every ``make`` target pays. ``--name VALUE`` and ``--name=VALUE``
    are the same; a yes/no option takes its value only after ``=``.
    """
    by_name = {option.name: option for option in verb.options}
    given: dict[str, str | None] = {}
    passed_on: list[str] = []
    words = iter(arguments)
    for word in words:
        if word == "--":
            passed_on.extend(words)
            break
        name, has_value, value = word.partition("=")
        option = by_name.get(name)
        if option is None:
            if verb.passes_on:
                passed_on.append(word)
                continue
            raise Misuse(
                f"คำสั่ง {verb.name} ไม่รู้จัก {word} (ตัวเลือกที่ใช้ได้: {_names(verb)})",
                f"The verb {verb.name} does not take {word} (its options: {_names(verb)}).",
            )
        if option.switch or has_value:
            given[name] = value if has_value else None
            continue
        following = next(words, None)
        if following is None:
            raise Misuse(f"ตัวเลือก {name} ต้องมีค่าตามหลัง", f"The option {name} needs a value after it.")
        given[name] = following
    values: dict[str, str | bool] = {}
    for option in verb.options:
        if option.switch:
            values[option.name] = yes_or_no(option.name, given.get(option.name, option.default or "no"))
        elif given.get(option.name) is not None:
            values[option.name] = str(given[option.name])
        elif option.required:
            raise Misuse(
                f"คำสั่ง {verb.name} ต้องมี {option.name} ({option.thai}) แต่ไม่ได้ระบุ",
                f"The verb {verb.name} needs {option.name} ({option.english}); none was given.",
            )
        elif option.default is not None:
            values[option.name] = _default(option)
    _check_values(values)
    return values, passed_on


def _default(option: Option) -> str:
    # A folder left out is the project's own (data/, site/), whatever folder the command was typed in.
    if option.metavar == "FOLDER" and option.default is not None:
        return str(PROJECT_ROOT / option.default)
    return option.default or ""


def _check_values(values: dict[str, str | bool]) -> None:
    builder = values.get("--builder")
    if builder is not None and builder not in BUILDERS:
        raise Misuse(
            f"--builder={builder} ใช้ไม่ได้ ต้องเป็น {' หรือ '.join(BUILDERS)}",
            f'--builder={builder} is not a builder: expected {" or ".join(BUILDERS)}, found "{builder}"',
        )
    year = values.get("--year")
    if year is not None and not (isinstance(year, str) and year.isascii() and year.isdigit() and len(year) == 4):
        raise Misuse(
            f"--year={year} ใช้ไม่ได้ ต้องเป็นปี พ.ศ. สี่หลัก เช่น 2570",
            f'--year={year} is not a fiscal year: expected four digits of the Buddhist Era such as 2570, found "{year}"',
        )


def _names(verb: Verb) -> str:
    return ", ".join(option.name for option in verb.options) or "-"


def _inside(venv: Path) -> bool:
    """Whether this process is ``venv``'s own Python."""
    try:
        return Path(sys.prefix).resolve() == venv.resolve()
    except OSError:
        return False


def _child_environment(environment: dict[str, str] | os._Environ[str]) -> None:
    environment.update(CHILD_ENVIRONMENT)
    environment["NO_MKDOCS_2_WARNING"] = "1"  # Material's notice about MkDocs 2: docs-dev/builders.md
    # The engine's modules are then compiled once and reused, as the installed packages are, even in a
    # shell that set PYTHONDONTWRITEBYTECODE (some containers do); a stale one is recompiled, never trusted.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)


def _hand_over(python: Path, argv: list[str]) -> int:
    command = [str(python), str(HOOKS / "ita.py"), *argv]
    environment = dict(os.environ)
    _child_environment(environment)
    if not WINDOWS:
        os.execve(command[0], command, environment)
    import subprocess

    child = subprocess.Popen(command, env=environment)
    try:
        return child.wait()
    except KeyboardInterrupt:  # the console sent Ctrl+C to both: let the child finish its clean-up
        return child.wait()


def _run_verb(verb: Verb, values: dict[str, str | bool], passed_on: list[str]) -> int:
    # Imported only by the verbs that use them: the preview's web modules are slow to load.
    if verb.name == "serve":
        from frontdoor import serve

        return serve.preview(values, PROJECT_ROOT)
    if verb.name in ("test", "lock"):
        from frontdoor import developer

        return developer.test(PROJECT_ROOT, passed_on) if verb.name == "test" else developer.lock(PROJECT_ROOT)
    assert verb.script is not None
    script = HOOKS / verb.script
    # The entry script runs as if started by itself (its own messages, its own Ctrl+C handling).
    sys.argv = [str(script), *entry_argv(verb, values)]
    try:
        runpy.run_path(str(script), run_name="__main__")
    except SystemExit as exit_:
        return _exit_code(exit_.code)
    return 0


def _exit_code(code: object) -> int:
    if code is None or isinstance(code, int):
        return code or 0
    print(code, file=sys.stderr)
    return 1


def overview() -> str:
    """``--help``: every verb, Thai first."""
    width = max(len(name) for name in VERBS) + 2
    lines = [
        "ita: เว็บไซต์เปิดเผยข้อมูล ITA จากข้อมูล YAML / ITA disclosure sites from data",
        "",
        f"วิธีใช้ / usage:  {COMMAND} คำสั่ง [ตัวเลือก] / VERB [options]",
        "",
        "คำสั่ง / verbs:",
    ]
    for verb in VERBS.values():
        lines += [f"  {verb.name.ljust(width)}{verb.thai}", f"  {' ' * width}{verb.english}"]
    lines += [
        "",
        f"ตัวเลือกของแต่ละคำสั่ง / each verb's options:  {COMMAND} คำสั่ง --help / VERB --help",
        "ครั้งแรกจะเตรียม .venv จากแพ็กเกจที่ล็อกไว้ให้เอง / the first run sets up .venv from the locked packages",
    ]
    return "\n".join(lines)


def verb_help(verb: Verb) -> str:
    """``VERB --help``: what it does and each option, Thai first, with its default."""
    lines = [f"{COMMAND} {verb.name}: {verb.thai} / {verb.english}", ""]
    if verb.options:
        lines.append("ตัวเลือก / options:")
    for option in verb.options:
        shown = f"{option.name}[=yes|no]" if option.switch else f"{option.name} {option.metavar}"
        default = f" (ไม่ระบุ / default: {option.default})" if option.default and not option.switch else ""
        if option.switch:
            default = f" (ไม่ระบุ / default: {option.default or 'no'})"
        need = " (ต้องระบุ / required)" if option.required else ""
        lines += [f"  {shown}", f"      {option.thai} / {option.english}{default}{need}"]
    if verb.passes_on:
        lines.append("  ...  ส่งต่อให้ pytest / passed on to pytest (e.g. -k thai)")
    return "\n".join(lines)
