#!/usr/bin/env python3
"""Spreads the likes of the example portfolio over the weeks after each deposit.

`innov migrate` outside git dates every format-1 like on its record's creation day; the example
portfolio was migrated that way, then this script moved each like to 0-55 days after the record's
creation, drawn from a hash of (record id, person) so that a run gives the same dates, never after
the newest history entry of the portfolio. Usage: spread_likes.py examples/pole-emploi
"""
import datetime
import hashlib
import pathlib
import re
import sys

LIKE = re.compile(r"^(  - \{by: (\S+), at: )(\d{4}-\d{2}-\d{2})(\}\n)$")


def main(root):
    files = sorted(pathlib.Path(root, "innovations").glob("*/*.yaml"))
    dates = [m.group(1) for f in files
             for m in re.finditer(r"\{at: (\d{4}-\d{2}-\d{2})[T,]", f.read_text(encoding="utf-8"))]
    last = datetime.date.fromisoformat(max(dates))
    for f in files:
        lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
        created = next(l.split(": ")[1].strip() for l in lines if l.startswith("created: "))
        start = datetime.date.fromisoformat(created[:10])
        out = []
        for line in lines:
            m = LIKE.match(line)
            if m:
                h = hashlib.sha256((f.stem + " " + m.group(2)).encode()).digest()
                day = min(start + datetime.timedelta(days=h[0] % 56), max(last, start))
                line = m.group(1) + day.isoformat() + m.group(4)
            out.append(line)
        f.write_text("".join(out), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
