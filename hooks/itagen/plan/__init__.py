"""The site plan: every generated page's path, title and place in the navigation, decided from the
``Site`` before anything is rendered, so that any page may link any other.

May import ``records``, ``thai`` and ``problems``.
"""
