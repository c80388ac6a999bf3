#!/usr/bin/env python3
"""Check the application icons.

    test-icons.py SCALABLE_SVG SYMBOLIC_SVG [XMLLINT]

Both must be well-formed SVG (parsed here, and by xmllint when given) that is sniffed
as SVG (the <svg> element in the first 256 bytes, as shared-mime-info wants), with no text
and no raster images in them; the full-colour icon on the 128 px canvas, the symbolic
one on the 16 px canvas, painted in one colour only (every fill and stroke that is not
"none" is the same colour, which GTK recolours), no gradients, no opacity tricks.
"""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
PAINT_KEYS = ("fill", "stroke", "stop-color", "color", "flood-color", "lighting-color")


def paints(root):
    """Every colour set on an element, through attributes or style."""
    for el in root.iter():
        for key in PAINT_KEYS:
            if key in el.attrib:
                yield el, key, el.attrib[key].strip()
        for decl in el.attrib.get("style", "").split(";"):
            if ":" in decl:
                k, v = (s.strip() for s in decl.split(":", 1))
                if k in PAINT_KEYS:
                    yield el, k, v


def canvas(root):
    return root.get("width"), root.get("height"), root.get("viewBox")


def common_problems(path, root, xmllint):
    problems = []
    with open(path, "rb") as f:
        head = f.read(256)
    if b"<svg" not in head:
        # GTK loads an icon by its sniffed type; shared-mime-info calls a file SVG only
        # when "<svg" is in its first 256 bytes (a long comment before it makes the
        # icon "missing" in the running application, though rsvg-convert draws it)
        problems.append(f"{path}: no '<svg' in the first 256 bytes, so it is not sniffed as SVG")
    if root.tag != SVG + "svg":
        problems.append(f"{path}: the root is {root.tag}, not an SVG <svg>")
    if xmllint:
        res = subprocess.run([xmllint, "--noout", path], capture_output=True, text=True)
        if res.returncode != 0:
            problems.append(f"{path}: xmllint: {res.stderr.strip()}")
    for el in root.iter():
        if el.tag in (SVG + "text", SVG + "tspan", SVG + "image", SVG + "foreignObject"):
            problems.append(f"{path}: has <{el.tag[len(SVG):]}> (no text, no raster images)")
    return problems


def check(scalable, symbolic, xmllint=None):
    problems = []
    roots = {}
    for path in (scalable, symbolic):
        try:
            roots[path] = ET.parse(path).getroot()
        except ET.ParseError as e:
            problems.append(f"{path}: not well-formed XML: {e}")
    if problems:
        return problems
    for path, root in roots.items():
        problems += common_problems(path, root, xmllint)

    if canvas(roots[scalable]) != ("128", "128", "0 0 128 128"):
        problems.append(f"{scalable}: canvas {canvas(roots[scalable])}, not 128 x 128")
    if canvas(roots[symbolic]) != ("16", "16", "0 0 16 16"):
        problems.append(f"{symbolic}: canvas {canvas(roots[symbolic])}, not 16 x 16")

    colours = set()
    for el, key, value in paints(roots[symbolic]):
        if value in ("none", "transparent"):
            continue
        if value.startswith("url("):
            problems.append(f"{symbolic}: {key} {value}: a gradient or pattern, not one colour")
            continue
        colours.add(value.lower())
    for el in roots[symbolic].iter():
        if el.tag in (SVG + "linearGradient", SVG + "radialGradient"):
            problems.append(f"{symbolic}: has a gradient")
        for key in ("opacity", "fill-opacity", "stroke-opacity"):
            if key in el.attrib or re.search(rf"(^|;)\s*{key}\s*:", el.attrib.get("style", "")):
                problems.append(f"{symbolic}: sets {key} (one colour, fully opaque)")
    if len(colours) != 1:
        problems.append(f"{symbolic}: {len(colours)} colours ({', '.join(sorted(colours)) or 'none'}), not one")
    return problems


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    problems = check(argv[1], argv[2], argv[3] if len(argv) == 4 else None)
    for p in problems:
        print(p)
    if not problems:
        print("icons: OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
