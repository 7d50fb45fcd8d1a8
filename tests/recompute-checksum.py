#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Recompute the results checksum of the finalized rounds of an Award Desk
XML export, independently of the application (Python standard library only).

It builds the canonical results text of DESIGN.md from the file's own
content — its criteria, categories, jurors, nominations, conflicts, scores,
votes and the <results> lines as stated — and prints `sha256:<hex>`, one
line per round that has <results>.

  recompute-checksum.py FILE.xml           print the checksums
  recompute-checksum.py --check FILE.xml   also compare with each round's
                                           stated checksum; exit 1 if any differs
  recompute-checksum.py --text FILE.xml    print the canonical text instead
"""

import argparse
import hashlib
import sys
import xml.etree.ElementTree as ET

NS = "{urn:award-desk:exchange:1}"


def escape(field):
    return field.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n")


def decimal(text):
    out = "%.6f" % float(text.strip())
    # -0.0 and tiny negatives print as "-0.000000"; the text has no signed zero.
    return "0.000000" if out == "-0.000000" else out


def integer(text):
    return str(int(text.strip()))


def boolean(text):
    return text is not None and text.strip() in ("true", "1")


def line(*fields):
    return "|".join(escape(f) for f in fields)


def child_text(element, name):
    child = element.find(NS + name)
    return "" if child is None or child.text is None else child.text


def items(round_el, group, name):
    container = round_el.find(NS + group)
    return [] if container is None else container.findall(NS + name)


def canonical_text(round_el):
    results = round_el.find(NS + "results")
    scale = round_el.find(NS + "scale")

    criteria = {}      # key -> position
    kinds = []
    category_names = {}
    jurors = {}
    refs = {}
    nomination_category = {}

    out = ["award-desk-results|1"]
    out.append(line("round", round_el.get("award"), integer(round_el.get("number")),
                    integer(round_el.get("year")), results.get("method"),
                    integer(round_el.get("trim", "1")),
                    decimal(scale.get("min")), decimal(scale.get("max")),
                    decimal(scale.get("step")), round_el.get("tie-break", "none")))

    lines = []
    for position, c in enumerate(items(round_el, "criteria", "criterion"), start=1):
        criteria[c.get("key")] = position
        lines.append(line("criterion", str(position), decimal(c.get("weight")),
                          child_text(c, "name")))
    out += sorted(lines)

    lines = []
    for k in items(round_el, "categories", "category"):
        category_names[k.get("key")] = child_text(k, "name")
        lines.append(line("category", child_text(k, "name"), k.get("kind")))
    out += sorted(lines)

    lines = []
    for j in items(round_el, "jurors", "juror"):
        jurors[j.get("key")] = child_text(j, "name")
        lines.append(line("juror", child_text(j, "name"),
                          "1" if boolean(j.get("withdrawn")) else "0"))
    out += sorted(lines)

    lines = []
    for n in items(round_el, "nominations", "nomination"):
        refs[n.get("key")] = n.get("ref")
        category = category_names.get(n.get("category"), "") if n.get("category") else ""
        nomination_category[n.get("key")] = category
        lines.append(line("nomination", n.get("ref"), category, n.get("status")))
    out += sorted(lines)

    out += sorted(line("conflict", jurors[c.get("juror")], refs[c.get("nomination")])
                  for c in items(round_el, "conflicts", "conflict"))

    out += sorted(line("score", jurors[s.get("juror")], refs[s.get("nomination")],
                       str(criteria[s.get("criterion")]), decimal(s.get("value")))
                  for s in items(round_el, "scores", "score"))

    out += sorted(line("vote", refs[v.get("nomination")], integer(v.get("count")))
                  for v in items(round_el, "votes", "vote"))

    out += sorted(line("result", nomination_category[r.get("nomination")],
                       integer(r.get("rank")), refs[r.get("nomination")],
                       decimal(r.get("score")), r.get("award", ""))
                  for r in results.findall(NS + "result"))

    # Python compares str by code point, which is the byte order of UTF-8.
    return "".join(l + "\n" for l in out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--check", action="store_true",
                        help="compare with the checksum each round states")
    parser.add_argument("--text", action="store_true",
                        help="print the canonical text instead of the checksum")
    args = parser.parse_args()

    root = ET.parse(args.file).getroot()
    if root.tag != NS + "award-desk":
        print(f"{args.file}: not an Award Desk document", file=sys.stderr)
        return 1

    found = 0
    mismatches = 0
    for round_el in root.findall(NS + "round"):
        results = round_el.find(NS + "results")
        if results is None:
            continue
        found += 1
        text = canonical_text(round_el)
        checksum = "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
        if args.text:
            sys.stdout.write(text)
        else:
            print(checksum)
        if args.check and checksum != results.get("checksum"):
            print(f"{args.file}: round {round_el.get('key')}: checksum {checksum} "
                  f"differs from the stated {results.get('checksum')}", file=sys.stderr)
            mismatches += 1

    if found == 0:
        print(f"{args.file}: no round with results", file=sys.stderr)
        return 1
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
