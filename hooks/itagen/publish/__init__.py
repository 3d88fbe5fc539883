"""What happens around a build's output: the folder swapped in only when the build succeeded, and
the date the build gives its files (from the data, not the clock), the search index cut into pieces
that a visitor's browser fetches per query, and the built site sent to the web host (``remote``:
``make publish`` over SFTP or FTPS).

May import ``records``, ``thai`` and ``problems``.
"""
