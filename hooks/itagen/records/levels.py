"""ITA levels: the names NACC gives to score bands, which changed with ITA 2566.

We never recompute an official score; we only say when a published level does not match the
bands of its year (see the reference notes on levels: the post-2566 bands are medium confidence,
so a mismatch is a warning, never an error).
"""

from __future__ import annotations

from .fiscal_year import Assessment

LETTER_SCHEME_LAST_YEAR = 2565

# (lowest score, level) from the top band down; up to ITA 2565.
LETTER_BANDS = [(95.0, "AA"), (85.0, "A"), (75.0, "B"), (65.0, "C"), (55.0, "D"), (50.0, "E"), (0.0, "F")]

PASS_LEVELS = ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]


def levels_of_year(ita_year: int) -> list[str]:
    """The level names in use in an ITA year, best first."""
    if ita_year <= LETTER_SCHEME_LAST_YEAR:
        return [name for _, name in LETTER_BANDS]
    return PASS_LEVELS


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
    tool_scores = [tools.iit, tools.eit, tools.oit]
    if tools.eit is None and tools.eit_parts:
        tool_scores[1] = min(part.score for part in tools.eit_parts)
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
