"""The spreadsheet an office fills in instead of YAML (``make import``, ``make export-xlsx``).

``layout`` names every sheet and column once; ``template`` draws the empty workbook (headers,
dropdowns, instructions); ``writing`` fills it from loaded records; ``opening`` refuses what is not a
safe .xlsx; ``cells`` reads values as offices type them; ``reading`` turns the rows into the plain
values of year and document files, remembering the cell of every value; ``importing`` checks them
with the same loader as a build and writes the files.

Part of ``author``: may import ``problems``, ``thai``, ``source``, ``records`` and ``load``.
"""
