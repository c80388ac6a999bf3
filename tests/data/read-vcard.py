#!/usr/bin/env python3
# read-vcard.py FILE: reads a vCard file with python3-vobject (a parser that
# is not Kwartier's) and prints one line per card:
#   FN<TAB>family<TAB>given<TAB>category|category...<TAB>ORG<TAB>TITLE
# Exit status 0 when every card parsed; 1 otherwise.
import sys

import vobject

with open(sys.argv[1], encoding="utf-8", newline="") as f:
    text = f.read()
for card in vobject.readComponents(text):
    n = card.n.value
    cats = []
    for c in card.contents.get("categories", []):
        cats.extend(c.value)
    org = card.org.value[0] if "org" in card.contents else ""
    title = card.title.value if "title" in card.contents else ""
    print("\t".join([card.fn.value, n.family, n.given, "|".join(cats), org, title]))
