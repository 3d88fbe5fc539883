"""What happens around a build's output: the folder swapped in only when the build succeeded, and
the date the build gives its files (from the data, not the clock).

May import ``records``, ``thai`` and ``problems``.
"""
