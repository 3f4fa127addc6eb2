#!/usr/bin/env python3
# build-aux/check-potfiles.py — every source with translatable strings is in po/POTFILES.in
# SPDX-License-Identifier: GPL-3.0-or-later
import pathlib
import re
import sys

top = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.')
listed = set()
for line in (top / 'po' / 'POTFILES.in').read_text(encoding='utf-8').splitlines():
    line = line.strip()
    if line and not line.startswith('#'):
        listed.add(line)

marker = re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"|translatable="yes"')
problems = []
for path in sorted(top.glob('src/**/*')):
    if path.suffix not in ('.c', '.ui') or not path.is_file():
        continue
    rel = path.relative_to(top).as_posix()
    if marker.search(path.read_text(encoding='utf-8', errors='replace')) and rel not in listed:
        problems.append(f'{rel}: has translatable strings but is not in po/POTFILES.in')
for rel in sorted(listed):
    if not (top / rel).exists():
        problems.append(f'po/POTFILES.in: {rel} does not exist')

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
