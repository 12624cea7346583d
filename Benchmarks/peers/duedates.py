"""The due-date forms the benchmark generator writes, read as cyppctl reads them:
the deadline is the last day of the first period named in the text."""
import calendar
import datetime
import functools
import re

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
SEASON_END = {"spring": (0, 5), "summer": (0, 8), "autumn": (0, 11), "winter": (1, 2)}
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
FORMS = [
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), lambda m: datetime.date(int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), lambda m: datetime.date(int(m[3]), int(m[2]), int(m[1]))),
    (re.compile(r"\bQ([1-4]) (\d{4})/(\d{2})\b", re.I), lambda m: quarter_end(int(m[1]), int(m[2]))),
    (re.compile(r"\b(\d{4})/(\d{2})\b"), lambda m: datetime.date(int(m[1]) + 1, 3, 31)),
    (re.compile(r"\b(spring|summer|autumn|winter) (\d{4})\b", re.I), lambda m: season_end(m[1], int(m[2]))),
    (re.compile(r"\b(" + MONTH_RE + r") (\d{4})\b", re.I), lambda m: month_end(int(m[2]), MONTHS[m[1].lower()])),
    (re.compile(r"\b(\d{4})\b"), lambda m: datetime.date(int(m[1]), 12, 31)),
]


def month_end(y, m):
    return datetime.date(y, m, calendar.monthrange(y, m)[1])


def quarter_end(q, y):
    return month_end(y, 3 * q + 3) if q < 4 else month_end(y + 1, 3)


def season_end(season, y):
    dy, m = SEASON_END[season.lower()]
    return month_end(y + dy, m)


# Due texts repeat from row to row (8,022 distinct ones among the 1M CSV's 2.2 million rows):
# each is parsed once, as cyppctl does. Parsed afresh for every row, the seven searches made the
# peer three times slower than reading the CSV, and the ratio flattered cyppctl.
@functools.lru_cache(maxsize=None)
def deadline(text):
    """The leftmost match wins; at one position the earlier (more specific) form wins."""
    best = None
    for i, (pattern, to_date) in enumerate(FORMS):
        m = pattern.search(text)
        if m and (best is None or (m.start(), i) < best[0]):
            best = ((m.start(), i), m, to_date)
    return best[2](best[1]) if best else None
