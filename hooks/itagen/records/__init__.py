"""The typed records of a disclosure site, whose type hints are the data format (data/README.md).

Pure data and the ITA's own rules (indicator names, level bands, survey links): no file is read
here, and no record knows how it is loaded. May import ``problems`` and ``thai``.
"""
