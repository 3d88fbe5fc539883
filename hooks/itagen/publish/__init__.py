"""What happens around a build's output: the folder swapped in only when the build succeeded, and
the date the build gives its files (from the data, not the clock), and the built site sent to the
web host (``remote``: ``make publish`` over SFTP or FTPS).

May import ``records``, ``thai`` and ``problems``.
"""
