"""Thai conventions: Buddhist-Era years, fiscal years, Thai dates and digits, heading anchors.

Pure functions and values; imports nothing of the engine.
"""
