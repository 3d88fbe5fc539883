"""The spreadsheet an office fills in instead of YAML (``make import``, ``make export-xlsx``).

``layout`` names every sheet and column once; ``template`` draws the empty workbook (headers,
dropdowns, instructions, text columns for dates); ``appearance`` makes rows as tall as their lines and
sets up printing; ``writing`` (and ``oit`` for the OIT sheets) fills it from loaded records;
``opening`` refuses what is not a safe .xlsx; ``cells`` reads values as offices type them; ``rows``,
``reading``, ``blocks`` and ``oit`` turn the rows into the plain values of the data files, remembering
the cell of every value; ``importing`` checks them with the same loader as a build and writes the
files as ``yaml_text`` words them.

Part of ``author``: may import ``problems``, ``thai``, ``source``, ``records`` and ``load``.
"""
