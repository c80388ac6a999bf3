#!/usr/bin/env python3
"""What the validators do not check in the desktop integration files.

    test-metainfo.py metainfo MERGED_METAINFO SOURCE_DIR PROJECT_VERSION
    test-metainfo.py desktop MERGED_DESKTOP
    test-metainfo.py schema GSCHEMA_XML
    test-metainfo.py appstream APPSTREAMCLI MERGED_METAINFO

metainfo: the newest release is the project's version (meson.build), as About shows;
the five views' screenshots (https URLs into the repository whose files
exist in data/screenshots, the default first, each with a caption translated into
Dutch), the newest release with notes, an OARS 1.1 rating that names every attribute,
the project URLs, branding colours for light and dark, a developer id, keywords.
desktop: Keywords, Categories, StartupNotify, and a Comment translated into Dutch.
schema: every key has a summary and a description.
appstream: `appstreamcli validate --no-net --pedantic`, failing on every issue
(errors, warnings and infos), except the two that Debian 12's AppStream 0.16 cannot
avoid: <developer> (AppStream 1.0's tag, which Flathub asks for) is unknown to it, and
the reverse-DNS id has capitals.
"""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
VIEWS = ["contacts", "alliances", "networks", "map", "meetings"]
REPO_RAW = "https://gitlab.gnome.org/World/kwartier/-/raw/main/"
OARS_11 = [
    "violence-cartoon", "violence-fantasy", "violence-realistic", "violence-bloodshed",
    "violence-sexual", "violence-desecration", "violence-slavery", "violence-worship",
    "drugs-alcohol", "drugs-narcotics", "drugs-tobacco",
    "sex-nudity", "sex-themes", "sex-homosexuality", "sex-prostitution", "sex-adultery",
    "sex-appearance",
    "language-profanity", "language-humor", "language-discrimination",
    "social-chat", "social-info", "social-audio", "social-location", "social-contacts",
    "money-purchasing", "money-gambling",
]
OARS_VALUES = {"none", "mild", "moderate", "intense"}
ALLOWED_ISSUES = {"unknown-tag developer", "cid-contains-uppercase-letter"}


def untranslated(elems):
    return [e for e in elems if XML_LANG not in e.attrib]


def check_metainfo(path, srcdir, project_version):
    problems = []
    root = ET.parse(path).getroot()
    shots = root.findall("screenshots/screenshot")
    if len(shots) < len(VIEWS):
        problems.append(f"{len(shots)} screenshots, not one for each of the {len(VIEWS)} views")
    if not shots or shots[0].get("type") != "default":
        problems.append("the first screenshot is not the default one")
    if sum(1 for s in shots if s.get("type") == "default") != 1:
        problems.append("not exactly one default screenshot")
    for i, s in enumerate(shots):
        images = s.findall("image")
        if not images:
            problems.append(f"screenshot {i + 1}: no image")
        for img in images:
            url = (img.text or "").strip()
            if not url.startswith(REPO_RAW):
                problems.append(f"screenshot {i + 1}: {url} is not an https URL into {REPO_RAW}")
                continue
            local = os.path.join(srcdir, url[len(REPO_RAW):])
            if not os.path.isfile(local):
                problems.append(f"screenshot {i + 1}: {local} does not exist")
        en = untranslated(s.findall("caption"))
        nl = [c for c in s.findall("caption") if c.get(XML_LANG) == "nl"]
        if len(en) != 1 or not (en[0].text or "").strip():
            problems.append(f"screenshot {i + 1}: no caption")
        elif not nl or nl[0].text == en[0].text:
            problems.append(f"screenshot {i + 1}: caption {en[0].text!r} has no Dutch translation")
    names = " ".join(img.text or "" for img in root.iter("image"))
    for view in VIEWS:
        if f"/{view}" not in names:
            problems.append(f"no screenshot of the {view} view")

    releases = root.findall("releases/release")
    if not releases:
        problems.append("no releases")
    else:
        newest = releases[0]
        if newest.get("version") != project_version:
            problems.append(f"the newest release is {newest.get('version')}, the project's version {project_version}")
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", newest.get("date") or ""):
            problems.append("the newest release has no date")
        dates = [r.get("date") or "" for r in releases]
        if dates != sorted(dates, reverse=True):
            problems.append("the releases are not newest first")
        paras = untranslated(newest.findall("description/p")) + untranslated(newest.findall("description/ul/li"))
        if len(paras) < 2:
            problems.append("the newest release has no release notes (a paragraph and a list)")
        if not [p for p in newest.findall("description/p") if p.get(XML_LANG) == "nl"]:
            problems.append("the newest release's notes are not translated into Dutch")

    rating = root.find("content_rating")
    if rating is None or rating.get("type") != "oars-1.1":
        problems.append("no OARS 1.1 content rating")
    else:
        attrs = {a.get("id"): (a.text or "").strip() for a in rating.findall("content_attribute")}
        for a in OARS_11:
            if a not in attrs:
                problems.append(f"OARS attribute {a} is not written out")
            elif attrs[a] not in OARS_VALUES:
                problems.append(f"OARS attribute {a} has value {attrs[a]!r}")
        for a in attrs:
            if a not in OARS_11:
                problems.append(f"OARS attribute {a} is not one of OARS 1.1")

    urls = {u.get("type"): (u.text or "").strip() for u in root.findall("url")}
    for t in ("homepage", "bugtracker", "vcs-browser", "translate"):
        if not urls.get(t, "").startswith("https://"):
            problems.append(f"no https url of type {t}")
    colors = {c.get("scheme_preference"): c.text for c in root.findall("branding/color")
              if c.get("type") == "primary"}
    for scheme in ("light", "dark"):
        if not re.match(r"^#[0-9a-fA-F]{6}$", colors.get(scheme) or ""):
            problems.append(f"no primary branding colour for the {scheme} style")
    dev = root.find("developer")
    if dev is None or not dev.get("id") or dev.find("name") is None:
        problems.append("no <developer id=...> with a name")
    if len(untranslated(root.findall("keywords/keyword"))) < 3:
        problems.append("fewer than three keywords")
    if not root.findall("categories/category"):
        problems.append("no categories")
    if root.find("launchable").text != root.find("id").text + ".desktop":
        problems.append("the launchable is not the desktop file of the id")
    return problems


def read_desktop(path):
    entries, group = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("["):
                group = line
            elif group == "[Desktop Entry]" and "=" in line and not line.startswith("#"):
                k, v = line.split("=", 1)
                entries[k.strip()] = v.strip()
    return entries


def check_desktop(path):
    problems = []
    e = read_desktop(path)
    for key in ("Name", "Comment", "Keywords", "Categories", "Icon", "Exec"):
        if not e.get(key):
            problems.append(f"no {key}")
    if e.get("StartupNotify") != "true":
        problems.append("StartupNotify is not true")
    if not e.get("Keywords", "").endswith(";") or not e.get("Categories", "").endswith(";"):
        problems.append("Keywords and Categories must end with ';'")
    if not e.get("Comment[nl]") or e.get("Comment[nl]") == e.get("Comment"):
        problems.append("the Comment has no Dutch translation")
    if not e.get("Keywords[nl]"):
        problems.append("the Keywords have no Dutch translation")
    if e.get("Icon") != "nl.kwartier.Kwartier":
        problems.append("Icon is not the application id")
    return problems


def check_schema(path):
    problems = []
    root = ET.parse(path).getroot()
    keys = root.findall("schema/key")
    if not keys:
        problems.append("no keys")
    for k in keys:
        for part in ("summary", "description"):
            el = k.find(part)
            if el is None or not (el.text or "").strip():
                problems.append(f"key {k.get('name')}: no {part}")
    return problems


def check_appstream(appstreamcli, path):
    res = subprocess.run([appstreamcli, "validate", "--no-net", "--pedantic", path],
                         capture_output=True, text=True)
    out = res.stdout + res.stderr
    problems = []
    for line in out.splitlines():
        m = re.match(r"^([EWIP]): [^:]+:(?:\d+:)? (\S+)(?: (.*))?$", line)
        if not m:
            continue
        sev, tag, what = m.group(1), m.group(2), (m.group(3) or "").strip()
        if tag in ALLOWED_ISSUES or f"{tag} {what}" in ALLOWED_ISSUES:
            continue
        problems.append(line)
    if res.returncode != 0 and not problems:
        problems.append(f"appstreamcli exited {res.returncode}:\n{out}")
    return problems


def main(argv):
    what = argv[1] if len(argv) > 1 else ""
    if what == "metainfo" and len(argv) == 5:
        problems = check_metainfo(argv[2], argv[3], argv[4])
    elif what == "desktop" and len(argv) == 3:
        problems = check_desktop(argv[2])
    elif what == "schema" and len(argv) == 3:
        problems = check_schema(argv[2])
    elif what == "appstream" and len(argv) == 4:
        problems = check_appstream(argv[2], argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for p in problems:
        print(f"{what}: {p}")
    if not problems:
        print(f"{what}: OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
