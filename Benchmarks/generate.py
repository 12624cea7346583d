#!/usr/bin/env python3
"""Deterministic synthetic plans for the benchmark: the same seed gives the same bytes.

usage: generate.py ACTIONS OUT.csv OUT.md

Each plan has outcomes of ~50 actions, refs N.M, owners written several ways, every due-date
form the grammar knows (and blanks, Ongoing, TBC, dates among words), blank and set BRAG
ratings, quoted multi-line narratives with commas and quotes, non-ASCII text, and milestone
continuation rows, some with their own due date and lead.
"""
import random
import sys

OWNERS = ["Jeff Banks, Service Director, ABSS", "Jeff Banks, Director, ABSS", "HoS (RB)", "DCS",
          "Zoë Ó Briain, Head of Inclusion, SBC", "Sarah Greaves, Head of the Virtual School, SBC",
          "Jason Hendy - Essex Police", "Exec Director and DCS", "Łucja Nowak, Integrated Commissioning"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
RATINGS = ["", "", "Blue", "Red", "Amber", "Green", "Grey", "green", "AMBER"]
WORDS = ("deliver review embed improve ensure develop implement evaluate coproduce expand reduce "
         "increase support children young people families services partners schools early help "
         "safeguarding placements outcomes quality practice workforce strategy plan café naïve "
         "Zoë’s “voice” 0–19s").split()


def due(rng):
    y = rng.randint(2017, 2027)
    form = rng.randrange(14)
    if form == 0: return f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if form == 1: return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{y}"
    if form in (2, 3): return f"{rng.choice(MONTHS)} {y}"
    if form == 4: return f"{rng.choice(SHORT)} {y}"
    if form == 5: return f"Q{rng.randint(1, 4)} {y}/{(y + 1) % 100:02d}"
    if form == 6: return f"{y}/{(y + 1) % 100:02d}"
    if form == 7: return f"{rng.choice(['Spring', 'Summer', 'Autumn', 'Winter'])} {y}"
    if form == 8: return str(y)
    if form == 9: return rng.choice(["Ongoing", "TBC", ""])
    if form == 10: return f"Drafting & consultation {rng.choice(MONTHS)} {y}"
    if form == 11: return f"{rng.choice(MONTHS)} {y} & termly thereafter"
    return f"{rng.choice(MONTHS)} {y}"


def sentence(rng, lo, hi):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi))).capitalize()


def rows(n, rng):
    """Yields (outcome, ref, action, milestone, due, owner, progress, impact, narrative)."""
    outcome, position = 0, 0
    for i in range(n):
        if i % 50 == 0:
            outcome += 1
            position = 0
            title = f"Outcome {outcome}: {sentence(rng, 4, 8)}"
        position += 1
        narrative = ""
        if rng.random() < 0.4:
            narrative = sentence(rng, 3, 8)
            if rng.random() < 0.3:
                narrative += f", then \"{sentence(rng, 2, 4)}\"\n{sentence(rng, 2, 6)}"
        milestone = sentence(rng, 3, 8) if rng.random() < 0.4 else ""
        yield (title, f"{outcome}.{position}", sentence(rng, 6, 12), milestone, due(rng), rng.choice(OWNERS),
               rng.choice(RATINGS), rng.choice(RATINGS), narrative)
        for _ in range(rng.choice([0, 0, 0, 0, 1, 2])):
            own = rng.random() < 0.5
            yield (title, "", "", sentence(rng, 3, 8), due(rng) if own else "", rng.choice(OWNERS) if own else "",
                   "", "", "")


def csv_field(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n\r') else s


def md_cell(s):
    return s.replace("|", "\\|").replace("\n", "<br>")


def main():
    n, csv_path, md_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    header = ["Outcome", "Ref", "Action", "Milestone", "Due Date", "Lead", "Progress", "Impact", "Narrative"]
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        f.write("Plan," + ",".join(header) + "\r\n")
        current = None
        for k, r in enumerate(rows(n, random.Random(42))):
            title = f"Synthetic plan, {n} actions" if k == 0 else ""
            # A blank Outcome cell means "same as above": written only where it changes.
            outcome = r[0] if r[0] != current else ""
            current = r[0]
            f.write(csv_field(title) + "," + ",".join(csv_field(c) for c in (outcome,) + r[1:]) + "\r\n")
    with open(md_path, "w", encoding="utf-8") as f:
        f.write(f"---\nperiod: 2017–2027\n---\n\n# Synthetic plan, {n} actions\n")
        current = None
        for r in rows(n, random.Random(42)):
            if r[0] != current:
                current = r[0]
                f.write(f"\n## {current}\n\n| " + " | ".join(header[1:]) + " |\n|" + "---|" * 8 + "\n")
            f.write("| " + " | ".join(md_cell(c) for c in r[1:]) + " |\n")


if __name__ == "__main__":
    main()
