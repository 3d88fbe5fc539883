"""The spreadsheet an office fills in instead of YAML (``make import``, ``make export-xlsx``).

``layout`` names every sheet and column once; ``template`` draws the empty workbook (headers,
dropdowns, instructions, text columns for dates); ``appearance`` makes rows as tall as their
lines and sets up printing; ``writing`` (and ``oit`` for the OIT sheets) fills it from loaded records;
``unpacking`` measures and verifies every byte of a workbook before ``opening`` reads its sheets
(refusing what the import would otherwise pass over); ``cells`` reads values as offices type them;
``rows``, ``reading``, ``blocks`` and ``oit`` turn the rows into the plain values of the data files,
remembering the cell of every value (``locations``); ``importing`` checks them with the same loader
(and, given by the caller, the same plan and render) as a build; ``swapping`` puts the files that
``yaml_text`` words into the data folder all at once or not at all.

Part of ``author``: may import ``problems``, ``thai``, ``source``, ``records`` and ``load``.
"""
