#!/usr/bin/env python3
"""Makes an archive of N issues for benchmarks: the repository's issues
repeated, each copy with its own date and changed text.

  bench/make-archive.py N OUTDIR [ISSUES_DIR]

Copy i of a source issue gets the date source + 7*i days, its paragraphs
shuffled within each run of consecutive <p> lines (seeded by i, so the
archive is the same every time), and every digit in running text shifted by
i, so that every copy shapes, breaks and paginates differently.
"""
import datetime
import pathlib
import random
import re
import shutil
import sys


def vary(xml: str, i: int) -> str:
    date = re.search(r'\bdate="(\d{4}-\d{2}-\d{2})"', xml)
    if date:
        new = datetime.date.fromisoformat(date.group(1)) + datetime.timedelta(days=7 * i)
        xml = xml[: date.start(1)] + new.isoformat() + xml[date.end(1):]
    lines = xml.split("\n")
    rng = random.Random(i)
    out, run = [], []

    def flush():
        rng.shuffle(run)
        out.extend(run)
        run.clear()

    def shift_digits(line: str) -> str:
        # Only text between tags: attribute values stay valid.
        return re.sub(r">[^<]*<", lambda m: re.sub(r"\d", lambda d: str((int(d.group()) + i) % 10), m.group()), line)

    for line in lines:
        if re.match(r"\s*<p[ >].*</p>\s*$", line):
            run.append(shift_digits(line))
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def main() -> None:
    count, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    issues = pathlib.Path(sys.argv[3] if len(sys.argv) > 3 else pathlib.Path(__file__).parent.parent / "issues")
    sources = sorted(p.parent for p in issues.glob("*/issue.xml"))
    if not sources:
        sys.exit(f"no */issue.xml under {issues}")
    for i in range(count):
        source = sources[i % len(sources)]
        xml = vary((source / "issue.xml").read_text(encoding="utf-8"), i // len(sources) + 1)
        date = re.search(r'\bdate="([^"]+)"', xml).group(1)
        target = out / f"{date}-{i:04d}"
        shutil.copytree(source, target, dirs_exist_ok=True)  # figures beside the manifest
        (target / "issue.xml").write_text(xml, encoding="utf-8")


if __name__ == "__main__":
    main()
