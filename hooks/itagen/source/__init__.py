"""Reading one YAML data file: line numbers kept, duplicate keys, alias bombs and deep nesting refused.

May import ``problems``.
"""
