#!/usr/bin/env python3
"""Peer: cyppctl's overdue listing with Python's csv module. usage: overdue_csv.py FILE AS-OF
Prints one line per overdue action or milestone: ref, milestone number, deadline."""
import csv
import datetime
import sys

from duedates import deadline

as_of = datetime.date.fromisoformat(sys.argv[2])
out = sys.stdout
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = csv.reader(f)
    header = next(rows)
    ref_i, action_i, ms_i, due_i, prog_i = (header.index(h) for h in ("Ref", "Action", "Milestone", "Due Date", "Progress"))
    ref, progress, milestone = "", "", 0
    for row in rows:
        if row[ref_i] or row[action_i]:
            # The action row's own Milestone cell, when filled, is milestone 1.
            ref, progress, milestone, number = row[ref_i], row[prog_i].lower(), (1 if row[ms_i] else 0), ""
        else:
            milestone += 1
            number = str(milestone)
        d = deadline(row[due_i]) if row[due_i] else None
        if d and d < as_of and progress != "blue":
            out.write(f"{ref}\t{number}\t{d}\n")
