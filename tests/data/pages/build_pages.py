"""Build the labelled pages of this directory from their sources (standard library only).

    python3 tests/data/pages/build_pages.py          # every page whose source has no `large: yes`
    python3 tests/data/pages/build_pages.py NAME ...  # just these

Each `src/NAME.txt` (hand-written article and its page settings) becomes `NAME.html`, built by
`pagekit` in its site's markup, and `NAME.json`, its label. Deterministic: a rebuild writes the
same bytes. The big pages are built by `build_large.py`.
"""

import json
import sys

import pagekit


def write(name, data, lab):
    (pagekit.HERE / f"{name}.html").write_bytes(data)
    text = json.dumps(lab, ensure_ascii=False, indent=2) + "\n"
    (pagekit.HERE / f"{name}.json").write_text(text, "utf-8")


def main(names):
    for name in names or pagekit.source_names():
        art = pagekit.parse_source(name)
        if art.get("large") == "yes" and not names:
            continue
        data, lab, art = pagekit.build(name)
        write(name, data, lab)
        print(f"{name}: {len(data) / 1024:.0f} KB, {pagekit.word_count(art)} body words")


if __name__ == "__main__":
    main(sys.argv[1:])
