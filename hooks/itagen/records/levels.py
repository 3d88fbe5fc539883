"""ITA levels and weights: the names NACC gives to score bands (changed with ITA 2566), and how the
three tools make the total.

We never recompute an official score; we only say when a published level or total does not match
the rules of its year (the post-2566 bands are medium confidence, so a mismatch is a warning, never
an error), and say why.
"""

from __future__ import annotations

from .fiscal_year import Assessment, ToolScores

LETTER_SCHEME_LAST_YEAR = 2565

# (lowest score, level) from the top band down; up to ITA 2565.
LETTER_BANDS = [(95.0, "AA"), (85.0, "A"), (75.0, "B"), (65.0, "C"), (55.0, "D"), (50.0, "E"), (0.0, "F")]

PASS_LEVELS = ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]

PASS_RULES: dict[str, tuple[str, str]] = {
    "ผ่านดีเยี่ยม": ("คะแนนรวม ≥ 95 และทุกเครื่องมือ ≥ 95", "a score ≥ 95 and every tool ≥ 95"),
    "ผ่านดี": ("คะแนนรวม ≥ 85 และทุกเครื่องมือ ≥ 85", "a score ≥ 85 and every tool ≥ 85, short of ผ่านดีเยี่ยม"),
    "ผ่าน": ("คะแนนรวม ≥ 85 โดยมีเครื่องมือต่ำกว่า 85", "a score ≥ 85 with a tool below 85"),
    "ต้องปรับปรุง": ("คะแนนรวม 70 ถึงต่ำกว่า 85", "a score from 70 to below 85"),
    "ต้องปรับปรุงโดยด่วน": ("คะแนนรวมต่ำกว่า 70", "a score below 70"),
}

TOOL_WEIGHTS = {"iit": 0.3, "eit": 0.3, "oit": 0.4}
"""IIT 30, EIT 30, OIT 40: they reproduce the published totals of seeds 000, 002 and 003 exactly."""
TOTAL_TOLERANCE = 0.0051
"""Totals are published with two decimals: a weighted sum within half a hundredth rounds to them."""


def levels_of_year(ita_year: int) -> list[str]:
    """The level names in use in an ITA year, best first."""
    if ita_year <= LETTER_SCHEME_LAST_YEAR:
        return [name for _, name in LETTER_BANDS]
    return PASS_LEVELS


def eit_score(tools: ToolScores) -> float | None:
    """The EIT score: as given, or the mean of its parts when NACC reported it in parts (seed 002)."""
    if tools.eit is not None or not tools.eit_parts:
        return tools.eit
    return sum(part.score for part in tools.eit_parts) / len(tools.eit_parts)


def expected_levels(assessment: Assessment) -> set[str] | None:
    """The levels the score allows in its year, or None when the data cannot tell."""
    score = assessment.overall_score
    if score is None:
        return None
    if assessment.ita_year <= LETTER_SCHEME_LAST_YEAR:
        return {next(name for low, name in LETTER_BANDS if score >= low)}
    if score < 70:
        return {"ต้องปรับปรุงโดยด่วน"}
    if score < 85:
        return {"ต้องปรับปรุง"}
    tools = assessment.tools
    tool_scores = [tools.iit, eit_score(tools), tools.oit]
    if any(s is None for s in tool_scores):
        # The higher passes depend on every tool's score; without them any pass is possible.
        return {"ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน"} if score >= 95 else {"ผ่านดี", "ผ่าน"}
    lowest_tool = min(s for s in tool_scores if s is not None)
    if score >= 95 and lowest_tool >= 95:
        return {"ผ่านดีเยี่ยม"}
    if lowest_tool >= 85:
        return {"ผ่านดี"}
    return {"ผ่าน"}


def level_mismatch(assessment: Assessment) -> tuple[str, set[str]] | None:
    """(published, allowed) when the published level disagrees with the score; else None."""
    if assessment.level is None:
        return None
    allowed = expected_levels(assessment)
    if allowed is None or assessment.level in allowed:
        return None
    return assessment.level, allowed


def level_rule(assessment: Assessment, level: str) -> tuple[str, str]:
    """What ``level`` needs in the assessment's year, and what the assessment has (Thai, English)."""
    if assessment.ita_year <= LETTER_SCHEME_LAST_YEAR:
        bands = dict((name, low) for low, name in LETTER_BANDS)
        needs = (f"คะแนนรวม ≥ {bands[level]:g}", f"a score ≥ {bands[level]:g}") if level in bands else ("", "")
    else:
        needs = PASS_RULES.get(level, ("", ""))
    tools = assessment.tools
    named = [("IIT", tools.iit), ("EIT", eit_score(tools)), ("OIT", tools.oit)]
    facts = ", ".join(f"{name} {score:.2f}" for name, score in named if score is not None)
    has = f"{assessment.overall_score:.2f}" + (f" ({facts})" if facts else "")
    return f"{level} ต้องมี{needs[0]} แต่คะแนนรวมคือ {has}", f"{level} needs {needs[1]}; the score is {has}"


def weighted_total(tools: ToolScores) -> float | None:
    """0.3 × IIT + 0.3 × EIT + 0.4 × OIT, or None when a tool's score is missing."""
    scores = {"iit": tools.iit, "eit": eit_score(tools), "oit": tools.oit}
    if any(score is None for score in scores.values()):
        return None
    return sum(TOOL_WEIGHTS[tool] * score for tool, score in scores.items() if score is not None)
