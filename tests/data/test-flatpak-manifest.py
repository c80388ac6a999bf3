#!/usr/bin/env python3
"""Check the Flatpak manifest: every source pinned, a narrow sandbox, a current runtime.

    test-flatpak-manifest.py MANIFEST BUILDING_MD
    test-flatpak-manifest.py --self-test

Fails (exit 1, one line per problem) when
  - a remote source is not pinned: an archive or file without sha256, a git source
    without a full 40-hex "commit" (a "tag" or "branch" alone moves), svn/bzr without
    a revision, or a source type this check does not know;
  - finish-args give the network (--share=network) or the home folder or the whole
    host (--filesystem=home, host, host-os, host-etc, ~, an absolute path, with or
    without :ro/:rw/:create), or a whole user folder (xdg-documents, not
    xdg-documents/Kwartier);
  - the runtime is not org.gnome.Platform with org.gnome.Sdk, or its runtime-version
    is older than the newest org.gnome.Platform//N that docs/building.md names
    (the documented runtime), or is not a release number (master, a branch).
--self-test runs the checks on broken manifests and fails unless each is caught.
"""

import copy
import json
import re
import sys

HEX40 = re.compile(r"^[0-9a-f]{40}$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
FORBIDDEN_FS = {"home", "host", "host-os", "host-etc", "~"}
LOCAL_TYPES = {"dir", "inline", "script", "shell", "patch"}


def iter_modules(modules, path=""):
    for m in modules:
        if isinstance(m, str):
            # a module in a separate file: not used here, and not checked by this test
            yield path + m, {"sources": [{"type": "unchecked-include", "path": m}]}
            continue
        name = path + m.get("name", "?")
        yield name, m
        yield from iter_modules(m.get("modules", []), name + "/")


def source_problems(module, src):
    t = src.get("type")
    where = f"module {module}: {t} source {src.get('url') or src.get('path') or ''}".rstrip()
    if t in ("archive", "file"):
        if "url" not in src and "path" in src:
            return []  # a file of this repository
        if not HEX64.match(str(src.get("sha256", ""))):
            return [f"{where}: no sha256 (md5/sha1 alone do not count)"]
        return []
    if t == "git":
        if "path" in src and "url" not in src:
            return []  # a local checkout
        if not HEX40.match(str(src.get("commit", ""))):
            return [f"{where}: no full commit hash (tag: {src.get('tag')}, branch: {src.get('branch')})"]
        return []
    if t in ("svn", "bzr"):
        return [] if src.get("revision") else [f"{where}: no revision"]
    if t in LOCAL_TYPES:
        if t == "patch" and "url" in src and not HEX64.match(str(src.get("sha256", ""))):
            return [f"{where}: remote patch without sha256"]
        return []
    return [f"{where}: source type not known to this check, so not known to be pinned"]


def finish_arg_problems(args):
    problems = []
    for a in args:
        if a == "--share=network":
            problems.append("finish-args: --share=network (Kwartier never goes online)")
        m = re.match(r"^--filesystem=(.*)$", a)
        if m:
            target = m.group(1).split(":")[0].rstrip("/")
            if target in FORBIDDEN_FS or target.startswith("/"):
                problems.append(f"finish-args: {a} (files come through the portal)")
            elif target.startswith("xdg-") and "/" not in target:
                problems.append(f"finish-args: {a} (a whole user folder; name a folder in it)")
    return problems


def documented_runtime(building_md):
    versions = [int(v) for v in re.findall(r"org\.gnome\.Platform//(\d+)", building_md)]
    return max(versions) if versions else None


def check(manifest, building_md):
    problems = []
    if manifest.get("runtime") != "org.gnome.Platform":
        problems.append(f"runtime is {manifest.get('runtime')!r}, not org.gnome.Platform")
    if manifest.get("sdk") != "org.gnome.Sdk":
        problems.append(f"sdk is {manifest.get('sdk')!r}, not org.gnome.Sdk")
    doc = documented_runtime(building_md)
    version = str(manifest.get("runtime-version", ""))
    if doc is None:
        problems.append("docs/building.md names no org.gnome.Platform//N runtime")
    elif not version.isdigit():
        problems.append(f"runtime-version {version!r} is not a release of the GNOME runtime")
    elif int(version) < doc:
        problems.append(f"runtime-version {version} is older than the documented {doc}")
    elif int(version) > doc:
        problems.append(f"runtime-version {version} is newer than docs/building.md says ({doc}): update the docs")
    if manifest.get("id", manifest.get("app-id")) != "nl.kwartier.Kwartier":
        problems.append("id is not nl.kwartier.Kwartier")
    problems += finish_arg_problems(manifest.get("finish-args", []))
    modules = list(iter_modules(manifest.get("modules", [])))
    if not modules:
        problems.append("no modules")
    for name, m in modules:
        sources = m.get("sources", [])
        if not sources:
            problems.append(f"module {name}: no sources")
        for s in sources:
            if isinstance(s, str):
                problems.append(f"module {name}: sources file {s} is not checked")
                continue
            problems += source_problems(name, s)
    return problems


GOOD = {
    "id": "nl.kwartier.Kwartier",
    "runtime": "org.gnome.Platform",
    "runtime-version": "51",
    "sdk": "org.gnome.Sdk",
    "finish-args": ["--share=ipc", "--socket=wayland"],
    "modules": [
        {"name": "a", "sources": [{"type": "git", "url": "https://x/a.git", "tag": "1",
                                    "commit": "0123456789abcdef0123456789abcdef01234567"}]},
        {"name": "b", "sources": [{"type": "archive", "url": "https://x/b.tar.gz",
                                    "sha256": "0" * 64}],
         "modules": [{"name": "c", "sources": [{"type": "inline", "contents": "x",
                                                 "dest-filename": "y"}]}]},
        {"name": "kwartier", "sources": [{"type": "dir", "path": ".."}]},
    ],
}
DOC = "flatpak install flathub org.gnome.Platform//51 org.gnome.Sdk//51\n"


def self_test():
    failures = []
    if check(GOOD, DOC):
        failures.append(f"the good manifest fails: {check(GOOD, DOC)}")

    def broken(label, change, doc=DOC):
        m = copy.deepcopy(GOOD)
        change(m)
        if not check(m, doc):
            failures.append(f"not caught: {label}")

    broken("git with a tag only", lambda m: m["modules"][0]["sources"][0].pop("commit"))
    broken("git with a short commit",
           lambda m: m["modules"][0]["sources"][0].update(commit="0123456"))
    broken("archive without sha256", lambda m: m["modules"][1]["sources"][0].pop("sha256"))
    broken("archive with md5 only", lambda m: m["modules"][1]["sources"][0].update(
        sha256=None, md5="0" * 32))
    broken("nested module unpinned", lambda m: m["modules"][1]["modules"][0]["sources"].append(
        {"type": "git", "url": "https://x/c.git", "branch": "main"}))
    broken("unknown source type", lambda m: m["modules"][0]["sources"].append(
        {"type": "extra-data", "url": "https://x/d"}))
    broken("--share=network", lambda m: m["finish-args"].append("--share=network"))
    broken("--filesystem=home", lambda m: m["finish-args"].append("--filesystem=home"))
    broken("--filesystem=host:ro", lambda m: m["finish-args"].append("--filesystem=host:ro"))
    broken("--filesystem=~/", lambda m: m["finish-args"].append("--filesystem=~/"))
    broken("--filesystem=/media", lambda m: m["finish-args"].append("--filesystem=/media"))
    broken("--filesystem=xdg-documents",
           lambda m: m["finish-args"].append("--filesystem=xdg-documents:create"))
    narrow = copy.deepcopy(GOOD)
    narrow["finish-args"].append("--filesystem=xdg-documents/Kwartier:create")
    if check(narrow, DOC):
        failures.append(f"a folder inside Documents fails: {check(narrow, DOC)}")
    broken("an older runtime", lambda m: m.update({"runtime-version": "47"}))
    broken("runtime master", lambda m: m.update({"runtime-version": "master"}))
    broken("another runtime", lambda m: m.update({"runtime": "org.freedesktop.Platform"}))
    broken("docs name none", lambda m: None, doc="no runtime here")
    broken("docs newer than the manifest", lambda m: None, doc=DOC + "org.gnome.Platform//52\n")
    for f in failures:
        print(f"self-test: {f}")
    return 1 if failures else 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    with open(argv[2], encoding="utf-8") as f:
        building_md = f.read()
    problems = check(manifest, building_md)
    for p in problems:
        print(f"{argv[1]}: {p}")
    if not problems:
        n = sum(len(m.get("sources", [])) for _, m in iter_modules(manifest["modules"]))
        print(f"{argv[1]}: runtime {manifest['runtime-version']}, {n} sources, all pinned")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
