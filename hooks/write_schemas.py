"""Write the editor schemas of the data files into schemas/: ``python hooks/write_schemas.py`` (``make schemas``).

They are made from the records' type hints and data/README.md's key tables; a test fails when the
checked-in files differ from what this writes, so a change of the data format updates them too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from itagen.author.json_schema import KINDS, evidence_schemas, readme_descriptions, schema_for

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = PROJECT_ROOT / "schemas"


def schema_texts() -> dict[str, str]:
    """``{file name: JSON text}`` for every kind of data file."""
    readme = (PROJECT_ROOT / "data" / "README.md").read_text(encoding="utf-8")
    texts = {}
    for kind in KINDS:
        schema = schema_for(kind, readme_descriptions(readme, kind.readme_heading), evidence_schemas())
        texts[f"{kind.name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return texts


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, text in schema_texts().items():
        (SCHEMA_DIR / name).write_text(text, encoding="utf-8")
        print(f"schemas/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
