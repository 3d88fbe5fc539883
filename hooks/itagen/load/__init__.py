"""A data folder → one validated ``Site``, in one pass (``site.load_site``).

Every file is read once (``sources``), validated against the records' type hints (``schema``,
``readers``), then checked across fields and files; every problem names its file, line and field.
May import ``problems``, ``thai``, ``source`` and ``records``.
"""
