"""Writing data files for the webmaster: the next fiscal year's file from this year's, and the
offices' spreadsheet (``workbook/``: ``make import``, ``make export-xlsx``). Never part of a build.

May import ``problems``, ``thai``, ``source``, ``records`` and ``load``.
"""
