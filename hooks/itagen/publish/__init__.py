"""What happens around a build's output: the folder swapped in only when the build succeeded, and
the date the build gives its files (from the data, not the clock), and the search index cut into
pieces that a visitor's browser fetches per query.

May import ``records``, ``thai`` and ``problems``.
"""
