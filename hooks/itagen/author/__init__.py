"""Writing data files for the webmaster: the next fiscal year's file from this year's (and later the
spreadsheet import and export). Never part of a build.

May import ``problems``, ``thai``, ``source``, ``records`` and ``load``.
"""
