"""The kinds of text a record field can hold, beyond plain ``str``: the validator reads each its own way."""

from __future__ import annotations


class MarkdownText(str):
    """A text field whose Markdown is rendered (emphasis, lists, links); raw HTML still is not."""


class Url(str):
    """An absolute web address (http or https)."""


class ContactUrl(str):
    """A web, e-mail or telephone link: http(s), mailto: or tel:."""


class LevelName(str):
    """An ITA level as NACC names it (ผ่านดีเยี่ยม, AA): read without the word ระดับ copied before it."""
