"""Last year's Word document (``make import-docx``): the measures document or a progress report → a
draft ``years/<year>.yml`` the office reviews.

``opening`` refuses what is not a safe .docx; ``blocks`` turns the document body into numbered
paragraphs and tables (merged cells, text boxes, nested tables and tables split over pages undone);
``text`` reads cells as offices type them (numbered or dashed lists, Thai digits, pasted HTML);
``scores``, ``measures``, ``progress`` and ``signatures`` find the facts; ``review`` keeps what was
skipped or unsure; ``importing`` checks the year with the same loader as a build and writes it with
the workbook import's writer.

Part of ``author``: may import ``problems``, ``thai``, ``source``, ``records`` and ``load``.
"""
