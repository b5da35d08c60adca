"""Build the CSVs of out-members from the data modules (data_*.py). Run: python build.py"""
import csv
import importlib
from pathlib import Path

HERE = Path(__file__).parent
COLS = {
    "memberships": ["place_id", "programme", "batch", "year", "notice", "source_ids", "note"],
    "places_new": ["id", "name_en", "name_zh", "level", "province", "within_zh", "locate_zh",
                   "summary_en", "summary_zh", "summary_source_ids"],
    "sources": ["id", "title", "publisher", "date", "url", "language", "supports", "kind", "copy"],
    "evidence": ["table", "place_id", "item", "source_id", "excerpt"],
    "actions": ["place_id", "kind", "year", "theme", "title_en", "title_zh", "detail_en",
                "detail_zh", "source_ids"],
    "summaries": ["place_id", "summary_en", "summary_zh", "summary_source_ids"],
    "targets": ["place_id", "metric", "value", "unit", "base_year", "target_year", "document",
                "source_ids", "note"],
    "programmes": ["id", "name_en", "name_zh", "agency", "first_year", "description_en",
                   "description_zh", "source_ids", "focus", "official_size_note"],
}
MODULES = ["data_peaking", "data_parks", "data_synergy"]


def main() -> None:
    rows = {k: [] for k in COLS}
    for name in MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        for k in COLS:
            rows[k].extend(getattr(mod, k.upper(), []))
    seen = set()
    dedup = []
    for r in rows["sources"]:
        if r["id"] not in seen:
            seen.add(r["id"])
            dedup.append(r)
    rows["sources"] = dedup
    for k, cols in COLS.items():
        with open(HERE / f"{k}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=cols)
            w.writeheader()
            for r in rows[k]:
                missing = set(cols) - set(r)
                extra = set(r) - set(cols)
                assert not extra, (k, extra, r)
                w.writerow({c: r.get(c, "") for c in cols})
        print(k, len(rows[k]))


if __name__ == "__main__":
    main()
