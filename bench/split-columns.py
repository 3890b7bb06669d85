#!/usr/bin/python3
"""split-columns IN.pdf OUT.pdf [TOP BOTTOM]: every page of a paiban PDF cut into its
reading-order pieces, one piece a page, so that a one-column audit measures
each column on its own.  Column sets are found by their drawn column rules
(vertical strokes); pieces: [what spans above a set + its first column],
[its second column], ..., [what spans below the last set].  Text runs
(Tm + TJ, as paiban writes them) outside a piece are emptied; running heads
and page numbers (above TOP and below BOTTOM, pt from the page's top; by
default itrade's text area) stay on every piece.

pdf-audit reads a page as one column (glyphs on one baseline make one line),
so on a page set in columns it measures lines made of two columns' lines:

    bench/split-columns.py out.pdf split.pdf
    ../shared/tools/pdf-audit split.pdf --manifest issue.xml --strict-quality

measures each column as a page of its own. Its page numbers, contents
numbers and links no longer match (pieces share a page number): only the
line, paragraph and text figures mean anything on the split file."""
import re
import sys
import fitz

RULE = re.compile(rb"([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S")


def main(src_path, out_path, area_top=84.0, area_bottom=780.0):
    doc = fitz.open(src_path)
    n = doc.page_count
    order = []  # (page index in doc) of the pieces, in reading order
    for pno in range(n):
        page = doc[pno]
        h = page.rect.height
        content = b"".join(doc.xref_stream(x) for x in page.get_contents())
        sets = []
        for m in RULE.finditer(content):
            x0, y0, x1, y1 = (float(v) for v in m.groups())
            if abs(x0 - x1) < 0.01 and abs(y0 - y1) > 20:
                top, bottom = h - max(y0, y1), h - min(y0, y1)
                if sets and abs(sets[-1][0] - top) < 0.5 and abs(sets[-1][1] - bottom) < 0.5:
                    sets[-1][2].append(x0)
                else:
                    sets.append([top, bottom, [x0]])
        if not sets:
            order.append(pno)
            continue
        sets.sort()
        pieces = []  # each: a list of (x0, x1, y0, y1) top-down boxes where runs start
        above = 0.0
        for top, bottom, xs in sets:
            edges = [-1e9] + sorted(xs) + [1e9]
            cols = [(edges[k], edges[k + 1], top - 1, bottom + 1) for k in range(len(edges) - 1)]
            pieces.append([(-1e9, 1e9, above, top - 1), cols[0]])
            pieces.extend([c] for c in cols[1:])
            above = bottom + 1
        pieces.append([(-1e9, 1e9, above, 1e9)])
        for piece in pieces:
            def keep(x, y):
                y = h - y
                if y < area_top or y > area_bottom:
                    return True  # furniture
                return any(a <= x < b and c <= y <= d for a, b, c, d in piece)
            starts = [tuple(float(v) for v in line.split()[4:6])
                      for line in content.split(b"\n") if line.endswith(b" Tm")]
            if not any(keep(x, y) and area_top <= h - y <= area_bottom for x, y in starts):
                continue
            copy = doc.page_count
            doc.fullcopy_page(pno)
            new = doc[copy]
            filtered, x, y = [], 0.0, 0.0
            for line in content.split(b"\n"):
                if line.endswith(b" Tm"):
                    parts = line.split()
                    x, y = float(parts[4]), float(parts[5])
                elif line.endswith(b" TJ") and line.startswith(b"[") and not keep(x, y):
                    line = b"[] TJ"
                filtered.append(line)
            filtered = b"\n".join(filtered)
            xrefs = new.get_contents()
            doc.update_stream(xrefs[0], filtered)
            for x in xrefs[1:]:
                doc.update_stream(x, b"")
            order.append(copy)
    out = fitz.open()
    for p in order:
        out.insert_pdf(doc, from_page=p, to_page=p)
    out.save(out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *(float(v) for v in sys.argv[3:5]))
