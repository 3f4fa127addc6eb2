#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Offline checks of the Flatpak manifest, the MetaInfo and the desktop entry.

flatpak-builder-lint cannot run on the Debian 12 CI (it needs the Flathub
runtimes and the network), and appstream 0.16 does not know the
Flathub-only MetaInfo rules.  This script re-implements the few rules that
matter for Vigil, with the Python standard library only.

Usage:
  check-flatpak.py --app-id ID --manifest FILE [--metainfo FILE]
                   [--desktop FILE] [--icon FILE] [--allow-missing-app-commit]

Exit status 0 when every check passes, 1 otherwise; one line per problem.
"""

import argparse
import configparser
import datetime
import fnmatch
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

APP_MODULE = "vigil"
REQUIRED_MODULES_BEFORE_APP = ["graphviz", "libcsv", "poppler"]
REQUIRED_FINISH_ARGS = [
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
]
# Files Graphviz needs at run time: the plugin list written by `dot -c` and
# the plugins it names.  No cleanup rule may remove them.
GRAPHVIZ_KEEP = [
    "/lib/graphviz",
    "/lib/graphviz/config6",
    "/lib/graphviz/libgvplugin_core.so.6",
    "/lib/graphviz/libgvplugin_dot_layout.so.6",
]
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")
DESCRIPTION_TAGS = {"p", "ul", "ol", "li", "em", "code"}


class Checker:
    def __init__(self):
        self.errors = []
        self.notes = []

    def error(self, what, msg):
        self.errors.append(f"{what}: {msg}")

    def note(self, what, msg):
        self.notes.append(f"{what}: {msg}")

    def expect(self, cond, what, msg):
        if not cond:
            self.error(what, msg)
        return cond


# --- manifest ---------------------------------------------------------------

def load_modules(modules, base_dir, c, what):
    """Flatten the module tree; a string entry names a JSON module file."""
    out = []
    for m in modules or []:
        if isinstance(m, str):
            path = os.path.join(base_dir, m)
            try:
                with open(path, encoding="utf-8") as f:
                    m = json.load(f)
            except (OSError, ValueError) as e:
                c.error(what, f"cannot load module file {m}: {e}")
                continue
        if not isinstance(m, dict):
            c.error(what, f"module entry is not an object: {m!r}")
            continue
        out.append(m)
        out.extend(load_modules(m.get("modules"), base_dir, c, what))
    return out


def cleanup_removes(pattern, path):
    """Whether a flatpak-builder cleanup pattern would remove `path`."""
    if pattern.startswith("/"):
        p = pattern.rstrip("/")
        # A path pattern removes the match and everything below it.
        prefix = path
        while prefix:
            if fnmatch.fnmatchcase(prefix, p):
                return True
            prefix = prefix.rsplit("/", 1)[0]
        return False
    # A bare pattern matches file names anywhere.
    return any(fnmatch.fnmatchcase(part, pattern) for part in path.split("/") if part)


def check_source(src, module, base_dir, c, allow_missing_app_commit):
    what = f"manifest: module {module}"
    if isinstance(src, str):
        path = os.path.join(base_dir, src)
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            c.error(what, f"cannot load source file {src}: {e}")
            return
        for s in data if isinstance(data, list) else [data]:
            check_source(s, module, base_dir, c, allow_missing_app_commit)
        return
    kind = src.get("type")
    if kind in ("archive", "file"):
        url = src.get("url")
        if url is not None:
            c.expect(url.startswith("https://"), what, f"source URL is not https: {url}")
            c.expect(SHA256_RE.match(src.get("sha256", "")) is not None, what,
                     f"{kind} source {url} has no valid sha256")
        else:
            c.expect("path" in src, what, f"{kind} source has neither url nor path")
    elif kind == "git":
        url = src.get("url", "")
        c.expect(url.startswith("https://"), what, f"git URL is not https: {url}")
        c.expect(bool(src.get("tag")), what, f"git source {url} has no tag")
        commit = src.get("commit")
        if commit is None and module == APP_MODULE and allow_missing_app_commit:
            c.note(what, f"git source {url} has a tag but no commit yet; "
                   "add the tag's commit when the release is tagged")
        else:
            c.expect(commit is not None and COMMIT_RE.match(commit) is not None, what,
                     f"git source {url} has no 40-digit commit")
        c.expect("branch" not in src, what, "git source follows a branch")
    elif kind == "dir":
        c.error(what, "type 'dir' sources are rejected by Flathub; "
                "use them only in a local variant of the manifest")
    elif kind in ("patch", "script", "shell", "inline", "extra-data"):
        pass
    else:
        c.error(what, f"unknown source type {kind!r}")


def check_manifest(path, app_id, c, allow_missing_app_commit):
    what = "manifest"
    try:
        with open(path, encoding="utf-8") as f:
            man = json.load(f)
    except (OSError, ValueError) as e:
        c.error(what, f"cannot parse {path}: {e}")
        return None
    base_dir = os.path.dirname(os.path.abspath(path))

    man_id = man.get("id", man.get("app-id"))
    c.expect(man_id == app_id, what, f"id {man_id!r} is not {app_id!r}")
    stem = os.path.basename(path)
    for ext in (".json", ".yml", ".yaml"):
        if stem.endswith(ext):
            stem = stem[: -len(ext)]
    c.expect(stem == app_id, what, f"file name {os.path.basename(path)!r} does not match the id")
    c.expect(man.get("runtime") == "org.gnome.Platform", what,
             f"runtime is {man.get('runtime')!r}, not org.gnome.Platform")
    c.expect(str(man.get("runtime-version")) == "50", what,
             f"runtime-version is {man.get('runtime-version')!r}, not '50'")
    c.expect(man.get("sdk") == "org.gnome.Sdk", what, f"sdk is {man.get('sdk')!r}")
    c.expect(man.get("command") == "vigil", what, f"command is {man.get('command')!r}")

    fargs = man.get("finish-args", [])
    for a in REQUIRED_FINISH_ARGS:
        c.expect(a in fargs, what, f"finish-args lack {a}")
    for a in fargs:
        if a.startswith("--filesystem="):
            target = a.split("=", 1)[1].split(":", 1)[0]
            c.expect(target not in ("home", "host", "host-os", "host-etc", "~", "/"), what,
                     f"finish-args grant {a}; use the file chooser portal")
        c.expect(a != "--share=network", what, "finish-args grant --share=network; Vigil works offline")
    build_args = man.get("build-options", {}).get("build-args", [])
    c.expect("--share=network" not in build_args, what, "build-options allow network access")

    modules = load_modules(man.get("modules"), base_dir, c, what)
    names = [m.get("name") for m in modules]
    c.expect(names and names[-1] == APP_MODULE, what,
             f"the last module is {names[-1] if names else None!r}, not {APP_MODULE!r}")
    app_pos = names.index(APP_MODULE) if APP_MODULE in names else len(names)
    for dep in REQUIRED_MODULES_BEFORE_APP:
        if c.expect(dep in names, what, f"no {dep} module"):
            c.expect(names.index(dep) < app_pos, what, f"module {dep} comes after {APP_MODULE}")

    top_cleanup = man.get("cleanup", [])
    for m in modules:
        name = m.get("name")
        for b in m.get("build-options", {}).get("build-args", []):
            c.expect(b != "--share=network", what, f"module {name} builds with network access")
        for s in m.get("sources", []):
            check_source(s, name, base_dir, c, allow_missing_app_commit)
        if name == "graphviz":
            post = " ; ".join(m.get("post-install", []))
            c.expect(re.search(r"\bdot -c\b", post) is not None, what,
                     "graphviz module does not run `dot -c` in post-install")
            for pattern in top_cleanup + m.get("cleanup", []):
                for keep in GRAPHVIZ_KEEP:
                    c.expect(not cleanup_removes(pattern, keep), what,
                             f"cleanup pattern {pattern!r} removes {keep}")
        if name == APP_MODULE:
            c.expect(m.get("buildsystem") == "meson", what, "the app module is not built with meson")
    return man_id


# --- metainfo ---------------------------------------------------------------

def text(el):
    return "".join(el.itertext()).strip() if el is not None else ""


def parse_date(value):
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def version_key(v):
    # Good enough for plain dotted release numbers; `appstreamcli vercmp`
    # is the reference for anything fancier.
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.\-~+]", v)]


def check_metainfo(path, app_id, c):
    what = "metainfo"
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        c.error(what, f"cannot parse {path}: {e}")
        return
    c.expect(root.tag == "component" and root.get("type") == "desktop-application", what,
             "root is not <component type=\"desktop-application\">")
    c.expect(text(root.find("id")) == app_id, what, f"<id> is {text(root.find('id'))!r}, not {app_id!r}")
    base = os.path.basename(path)
    c.expect(base in (f"{app_id}.metainfo.xml", f"{app_id}.metainfo.xml.in"), what,
             f"file name {base!r} is not {app_id}.metainfo.xml")
    c.expect(text(root.find("metadata_license")) in ("CC0-1.0", "FSFAP"), what,
             "metadata_license is not CC0-1.0 or FSFAP")
    c.expect(bool(text(root.find("project_license"))), what, "no project_license")
    c.expect(bool(text(root.find("name"))), what, "no name")
    c.expect(bool(text(root.find("summary"))), what, "no summary")

    devs = root.findall("developer")
    if c.expect(len(devs) == 1, what, f"{len(devs)} <developer> elements, want exactly one"):
        dev = devs[0]
        c.expect(bool(dev.get("id")), what, "<developer> has no id")
        names = [n for n in dev.findall("name") if n.get("{http://www.w3.org/XML/1998/namespace}lang") is None]
        c.expect(len(names) == 1 and bool(text(names[0])), what,
                 "<developer> needs exactly one non-empty <name>")

    desc = root.find("description")
    if c.expect(desc is not None and len(desc) > 0, what, "no description"):
        for el in desc.iter():
            if el is desc:
                continue
            c.expect(el.tag in DESCRIPTION_TAGS, what, f"<{el.tag}> is not allowed in <description>")

    launch = [text(l) for l in root.findall("launchable") if l.get("type") == "desktop-id"]
    c.expect(f"{app_id}.desktop" in launch, what, f"no <launchable type=\"desktop-id\">{app_id}.desktop")

    urls = {u.get("type"): text(u) for u in root.findall("url")}
    c.expect(urls.get("homepage", "").startswith("https://"), what, "no https homepage url")
    for kind in ("vcs-browser", "bugtracker"):
        if kind not in urls:
            c.note(what, f"no {kind} url (recommended)")

    ratings = [r for r in root.findall("content_rating") if r.get("type") == "oars-1.1"]
    c.expect(len(ratings) == 1, what, "no <content_rating type=\"oars-1.1\">")

    shots = root.findall("screenshots/screenshot")
    c.expect(len(shots) >= 1, what, "no screenshot")
    for s in shots:
        images = s.findall("image")
        c.expect(len(images) >= 1, what, "screenshot without <image>")
        for img in images:
            url = text(img)
            c.expect(url.startswith("https://"), what, f"screenshot {url!r} is not https")
            c.expect(not url.lower().endswith(".svg"), what, f"screenshot {url!r} is an SVG")
            c.expect("/main/" not in url and "/master/" not in url, what,
                     f"screenshot {url!r} follows a branch; pin it to a tag or commit")
        c.expect(s.find("caption") is not None and bool(text(s.find("caption"))), what,
                 "screenshot without a caption")

    releases = root.findall("releases/release")
    if c.expect(len(releases) >= 1, what, "no release"):
        today = datetime.datetime.now(datetime.timezone.utc).date()
        for r in releases:
            ver = r.get("version", "")
            c.expect(bool(ver), what, "release without a version")
            d = parse_date(r.get("date", ""))
            if c.expect(d is not None, what, f"release {ver} has no valid date"):
                c.expect(d <= today, what, f"release {ver} is dated in the future ({d})")
        versions = [r.get("version", "") for r in releases]
        c.expect(versions == sorted(versions, key=version_key, reverse=True), what,
                 "releases are not listed newest first")
        c.expect(releases[0].get("type", "stable") == "stable", what,
                 "the latest release is not a stable release")

    if root.find("branding") is None:
        c.note(what, "no <branding> colours (recommended)")
    if root.find("translation") is None:
        c.note(what, "no <translation> tag (recommended)")


# --- desktop entry and icon -------------------------------------------------

def check_desktop(path, app_id, c):
    what = "desktop"
    c.expect(os.path.basename(path) == f"{app_id}.desktop", what, f"file name is not {app_id}.desktop")
    cp = configparser.RawConfigParser(strict=False, interpolation=None)
    cp.optionxform = str
    try:
        cp.read(path, encoding="utf-8")
        entry = cp["Desktop Entry"]
    except (OSError, configparser.Error, KeyError) as e:
        c.error(what, f"cannot read [Desktop Entry] of {path}: {e}")
        return
    c.expect(entry.get("Icon") == app_id, what, f"Icon is {entry.get('Icon')!r}, not {app_id!r}")
    c.expect("flatpak run" not in entry.get("Exec", ""), what, "Exec uses flatpak run")
    for key in ("NoDisplay", "Hidden"):
        c.expect(entry.get(key, "false") != "true", what, f"{key}=true")
    c.expect(entry.get("DBusActivatable", "false") != "true", what,
             "DBusActivatable=true needs a D-Bus service file, which Vigil does not install")


def check_icon(path, app_id, c):
    what = "icon"
    c.expect(os.path.basename(path) == f"{app_id}.svg", what, f"file name is not {app_id}.svg")
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        c.error(what, f"cannot parse {path}: {e}")
        return
    c.expect(root.tag == "{http://www.w3.org/2000/svg}svg", what, "not an SVG document")
    box = (root.get("viewBox") or "").replace(",", " ").split()
    c.expect(len(box) == 4 and box[2] == box[3], what, "viewBox is not square")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--app-id", required=True)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--metainfo")
    ap.add_argument("--desktop")
    ap.add_argument("--icon")
    ap.add_argument("--allow-missing-app-commit", action="store_true",
                    help="accept a tag without a commit on the app's own git source "
                         "(until the release is tagged)")
    args = ap.parse_args()

    c = Checker()
    check_manifest(args.manifest, args.app_id, c, args.allow_missing_app_commit)
    if args.metainfo:
        check_metainfo(args.metainfo, args.app_id, c)
    if args.desktop:
        check_desktop(args.desktop, args.app_id, c)
    if args.icon:
        check_icon(args.icon, args.app_id, c)

    for n in c.notes:
        print(f"note: {n}")
    for e in c.errors:
        print(f"error: {e}")
    print(f"check-flatpak: {len(c.errors)} error(s), {len(c.notes)} note(s)")
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main())
