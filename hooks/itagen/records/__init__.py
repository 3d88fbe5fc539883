"""The typed records of a disclosure site, whose type hints are the data format (data/README.md).

Pure data and the ITA's own rules (indicator names, level bands, survey links): no file is read
here, and no record knows how it is loaded. Every value type of the engine, here or in a later stage,
is made with ``@record`` (``record.py``): a frozen dataclass, cheaper to import. May import
``problems`` and ``thai``.
"""
