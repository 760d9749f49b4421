"""Write docs/config-schema.json, the published JSON Schema of ``config export`` documents, from
``app.domain.config_document`` (``python -m tools.config_schema``; a test checks it is current)."""

from __future__ import annotations

import json
from pathlib import Path

from app.domain.config_document import json_schema

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    path = ROOT / "docs" / "config-schema.json"
    path.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
