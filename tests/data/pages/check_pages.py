"""Check every page against its label, with a small reader of its own (standard library only).

    python3 tests/data/pages/check_pages.py

For each `NAME.html`: decode it by its declared charset; read its visible lines (text outside
script, style, head, SVG and elements marked `hidden` or `display:none`, split at block
elements and `<br>`); then check that the label's title, standfirst and every body paragraph is
exactly one visible line, the body paragraphs in order. Also checks that non-void tags balance.
Prints one line per page and exits non-zero on any failure.
"""

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent

SKIP = {"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "textarea"}
SKIP |= {"amp-analytics", "amp-state", "object", "select"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr", "param"}
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table"}
BLOCK |= {"blockquote", "figure", "figcaption", "section", "article", "aside", "header", "footer"}
BLOCK |= {"nav", "main", "br", "dt", "dd", "dl", "form", "button", "hr", "picture", "body"}
BLOCK |= {"thead", "tbody", "label", "center", "address", "pre", "fieldset", "legend"}


class Lines(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip_tag = None
        self.skip_depth = 0
        self.stack = []
        self.unbalanced = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in VOID:
            self.stack.append(tag)
        if self.skip_tag:
            if tag == self.skip_tag and tag not in VOID:
                self.skip_depth += 1
            return
        style = (a.get("style") or "").replace(" ", "").lower()
        if tag in SKIP or "hidden" in a or "display:none" in style:
            if tag not in VOID:
                self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in BLOCK or tag.startswith("amp-"):
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag not in VOID:
            if self.stack and self.stack[-1] == tag:
                self.stack.pop()
            else:
                self.unbalanced.append((tag, self.getpos()))
                if tag in self.stack:
                    while self.stack.pop() != tag:
                        pass
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in BLOCK or tag.startswith("amp-"):
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip_tag:
            self.parts.append(data)

    def lines(self):
        text = "".join(self.parts)
        return [" ".join(x.split()) for x in text.split("\n") if x.split()]


def decode(data):
    m = re.search(rb'charset=["\']?([\w-]+)', data[:2048])
    return data.decode(m.group(1).decode() if m else "utf-8")


def check(path):
    data = path.read_bytes()
    text = decode(data)
    parser = Lines()
    parser.feed(text)
    parser.close()
    lines = parser.lines()
    lab = json.loads(path.with_suffix(".json").read_text("utf-8"))
    problems = []
    if set(lab) != {"layout", "title", "standfirst", "body"}:
        problems.append(f"label keys {sorted(lab)}")
    if lab["title"] not in lines:
        problems.append(f"title not a visible line: {lab['title']!r}")
    if lab["standfirst"] and lab["standfirst"] not in lines:
        problems.append(f"standfirst not a visible line: {lab['standfirst']!r}")
    at = 0
    for para in lab["body"]:
        if para != " ".join(para.split()) or not para:
            problems.append(f"paragraph not normalised: {para[:60]!r}")
        try:
            at = lines.index(para, at) + 1
        except ValueError:
            where = "elsewhere" if para in lines else "nowhere"
            problems.append(f"paragraph not found in order ({where}): {para[:70]!r}")
    if parser.unbalanced:
        problems.append(f"unbalanced tags: {parser.unbalanced[:3]}")
    try:
        import lxml.html

        lxml.html.document_fromstring(data)
    except ImportError:
        pass
    words = sum(len(p.split()) for p in lab["body"])
    return problems, len(data), words, len(lab["body"])


def main():
    bad = 0
    for path in sorted(HERE.glob("*.html")):
        problems, size, words, paras = check(path)
        status = "ok" if not problems else "FAIL"
        print(f"{status:4} {path.stem:34} {size / 1024:7.0f} KB {paras:4} paras {words:5} words")
        for p in problems:
            print("     ", p)
        bad += bool(problems)
    print(f"{bad} of {len(list(HERE.glob('*.html')))} pages failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
