#!/usr/bin/env python3
"""Peer: cyppctl's overdue listing over Markdown pipe tables, in plain Python.
usage: overdue_md.py FILE AS-OF. Prints one line per overdue action or milestone."""
import datetime
import re
import sys

from duedates import deadline

as_of = datetime.date.fromisoformat(sys.argv[2])
split = re.compile(r"(?<!\\)\|")
out = sys.stdout
columns = None
ref, progress, milestone = "", "", 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if not line.startswith("|"):
            columns = None if not line.strip() or line.startswith("#") else columns
            continue
        cells = [c.strip() for c in split.split(line.strip())[1:-1]]
        if columns is None:
            columns = {name: i for i, name in enumerate(cells)}
            continue
        if all(c and set(c) <= set("-:") for c in cells):
            continue
        r, a, m, due, p = (cells[columns[h]] for h in ("Ref", "Action", "Milestone", "Due Date", "Progress"))
        if r or a:
            # The action row's own Milestone cell, when filled, is milestone 1.
            ref, progress, milestone, number = r, p.lower(), (1 if m else 0), ""
        else:
            milestone += 1
            number = str(milestone)
        d = deadline(due) if due else None
        if d and d < as_of and progress != "blue":
            out.write(f"{ref}\t{number}\t{d}\n")
