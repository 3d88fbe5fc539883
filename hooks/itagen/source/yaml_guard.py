"""What can go wrong while reading YAML, said so that a webmaster can fix it.

Two kinds of trouble: files that would exhaust the build (nesting thousands deep, or a few lines of
anchors and aliases that expand into a billion values), refused before anything is built from
them; and syntax mistakes, whose PyYAML wording ("mapping values are not allowed here") is
translated into what the person most likely did, in Thai and English.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

MAX_DEPTH = 50
"""Nesting deeper than this is not data anyone typed (real files nest about eight deep)."""
MAX_ALIAS_EXPANSION = 10_000
"""Aliases (``*name``) may repeat at most this many values in total: enough for reused blocks."""


@dataclass(frozen=True)
class Refusal(Exception):
    """A YAML file that parses but must not be built from; its line and its reason in two languages."""

    line: int | None
    thai: str
    english: str


def too_deep(line: int) -> Refusal:
    return Refusal(
        line,
        f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น ตรวจการย่อหน้าและวงเล็บ [ ] {{ }} ที่เปิดแล้วไม่ปิด",
        f"the data is nested more than {MAX_DEPTH} levels deep; check indentation and unclosed [ ] {{ }}",
    )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _plain_tree(root: yaml.Node) -> bool:
    """True for what people type: no node reached twice (so no alias at all) and no deeper than
    ``MAX_DEPTH``. Such a tree cannot loop or multiply, so the measuring below is not needed; one
    quick walk tells, and anything else (an alias, great depth) goes on to be measured and named."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, level = stack.pop()
        if level > MAX_DEPTH or id(node) in seen:
            return False
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, level + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, level + 1))
                stack.append((value, level + 1))
    return True


def check_node_graph(root: yaml.Node) -> None:
    """Refuse aliases that refer to themselves, nest too deep, or multiply the data.

    Sizes and depths are memoised per node, so a "billion laughs" file is measured in
    microseconds instead of being expanded; the walk is iterative, so depth cannot overflow.
    """
    if _plain_tree(root):
        return
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            children = _children(node)
            size[key] = 1 + sum(size[id(child)] for child in children)
            depth[key] = 1 + max((depth[id(child)] for child in children), default=0)
            on_path.discard(key)
            if depth[key] > MAX_DEPTH:
                raise too_deep(node.start_mark.line + 1)
            continue
        if key in size:
            continue
        if key in on_path:
            raise Refusal(
                node.start_mark.line + 1,
                "ชื่ออ้างอิง (*ชื่อ) ถูกใช้ภายในค่าของตัวเอง (&ชื่อ) ทำให้ข้อมูลวนไม่รู้จบ",
                "an alias (*name) is used inside the value of its own anchor (&name), so the data never ends",
            )
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
    added = size[id(root)] - len(size)
    if added > MAX_ALIAS_EXPANSION:
        raise Refusal(
            root.start_mark.line + 1,
            f"การอ้างอิงซ้ำ (&ชื่อ / *ชื่อ) ขยายข้อมูลเพิ่มขึ้น {added:,} ค่า เกินขีดจำกัด {MAX_ALIAS_EXPANSION:,} ค่า เขียนข้อมูลตรง ๆ แทน",
            f"anchors and aliases (&name / *name) expand into {added:,} extra values, over the limit of {MAX_ALIAS_EXPANSION:,}; write the data out instead",
        )


# --- Syntax errors -------------------------------------------------------------------------------

# (fragment of PyYAML's problem, Thai hint, English hint, report the line where the construct began)
_HINTS: list[tuple[str, str, str, bool]] = [
    (
        "mapping values are not allowed",
        'พบเครื่องหมาย : ในตำแหน่งที่ใช้ไม่ได้ ถ้าข้อความมี : ให้ครอบทั้งข้อความด้วยเครื่องหมายคำพูด "…"',
        'a colon where none may be; if the text itself contains ": ", put the whole text in quotes "…"',
        False,
    ),
    (
        "could not find expected ':'",
        "บรรทัดนี้ขาดเครื่องหมาย : หลังชื่อคีย์ หรือข้อความยาวถูกตัดขึ้นบรรทัดใหม่โดยไม่ย่อหน้า",
        "this line lacks the colon after its key, or a long text continues on a line that is not indented",
        True,
    ),
    (
        "found unexpected end of stream",
        "เครื่องหมายคำพูดที่เปิดในบรรทัดนี้ไม่ได้ปิด",
        "a quote opened on this line is never closed",
        True,
    ),
    (
        "expected ',' or",
        "วงเล็บ [ หรือ { ที่เปิดในบรรทัดนี้ไม่ได้ปิด หรือขาดเครื่องหมาย , คั่นรายการ",
        "a [ or { opened on this line is not closed, or a comma between items is missing",
        True,
    ),
    (
        "expected <block end>",
        "การย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า (คีย์ในระดับเดียวกันต้องย่อหน้าเท่ากัน) หรือมีข้อความต่อท้ายเครื่องหมายคำพูด",
        "the indentation does not line up with the lines above (keys at one level share one indentation), or text follows a closing quote",
        False,
    ),
    (
        "did not find expected",
        "การย่อหน้าไม่ตรงกัน หรือเครื่องหมายคำพูดไม่ครบคู่",
        "the indentation does not line up, or a quote is not paired",
        False,
    ),
    (
        "that cannot start any token",
        'ข้อความที่ขึ้นต้นด้วยอักขระพิเศษ เช่น @ ` % ต้องครอบด้วยเครื่องหมายคำพูด "…"',
        'a text beginning with a special character such as @ ` % must be put in quotes "…"',
        False,
    ),
    (
        "found unknown escape character",
        "ในเครื่องหมายคำพูดคู่ \"…\" เครื่องหมาย \\ มีความหมายพิเศษ ให้ใช้เครื่องหมายคำพูดเดี่ยว '…' แทน",
        "inside double quotes a backslash starts an escape; use single quotes '…' instead",
        False,
    ),
    (
        "found undefined alias",
        "ใช้ชื่ออ้างอิง *ชื่อ ที่ไม่ได้ประกาศ &ชื่อ ไว้ก่อนหน้า",
        "an alias (*name) refers to an anchor (&name) that is not defined above it",
        False,
    ),
    (
        "another document",
        "ไฟล์มีบรรทัด --- แบ่งเป็นหลายเอกสาร หนึ่งไฟล์ต้องมีเอกสารเดียว",
        "the file holds more than one document (a line ---); keep one document per file",
        False,
    ),
    (
        "tag:yaml.org,2002:merge",
        "ไม่รองรับคีย์ << (merge) ให้เขียนคีย์ทั้งหมดออกมาตรง ๆ",
        "merge keys (<<) are not supported; write the keys out",
        False,
    ),
    (
        "could not determine a constructor",
        "ไม่รองรับแท็ก YAML ที่ขึ้นต้นด้วย ! ให้ลบแท็กออก",
        "YAML tags beginning with ! are not supported; remove the tag",
        False,
    ),
]


def syntax_hint(exc: yaml.YAMLError, text: str) -> tuple[int | None, str, str]:
    """The line to report and the Thai and English explanation of a PyYAML error."""
    if isinstance(exc, yaml.reader.ReaderError):
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        return (
            text[: exc.position].count("\n") + 1,
            f"ไฟล์มีอักขระควบคุมที่มองไม่เห็น (U+{code:04X}) ซึ่งมักติดมาจากการคัดลอก ลบอักขระนั้นออก",
            f"the file contains an invisible control character (U+{code:04X}), usually pasted by accident; remove it",
        )
    problem = str(getattr(exc, "problem", None) or exc)
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    line = problem_mark.line + 1 if problem_mark is not None else None
    for fragment, thai, english, at_start in _HINTS:
        if fragment in problem:
            if at_start and context_mark is not None:
                line = context_mark.line + 1
            return line, f"รูปแบบ YAML ไม่ถูกต้อง: {thai} ({problem})", f"invalid YAML: {english} ({problem})"
    return (
        line,
        f"รูปแบบ YAML ไม่ถูกต้อง ({problem}) ตรวจการย่อหน้า เครื่องหมาย : และเครื่องหมายคำพูด",
        f"invalid YAML syntax ({problem}); check indentation, colons and quotes",
    )
