#!/usr/bin/python3
"""split-columns IN.pdf OUT.pdf [TOP BOTTOM [RULE_WIDTH]]: every page of a
paiban PDF cut into its reading-order pieces, one piece a page, so that a
one-column audit measures each column on its own.  Column sets are found by
their drawn column rules: vertical strokes of RULE_WIDTH (default 0.5 pt, the
layout's default `rule`; a quote's bar or a box's border, drawn at another
width, is not a column rule).  Pieces: [what spans above a set + its first
column], [its second column], ..., [what spans below the last set]; a framed
box in a column (a painted rectangle: its background or border) cuts its
column into [above the box], [the box], [below it], as its lines have a
measure of their own; and what spans the page is read where the content
stream has it (a figure at the page's foot amid the first column's text goes
with that column's piece, not after every column).  Text runs
(Tm + TJ, as paiban writes them) outside a piece are emptied; running heads
and page numbers (above TOP and below BOTTOM, pt from the page's top; by
default itrade's text area) stay on every piece.

A set whose text all stands in its first column (the two last lines of an
article carried over to a page, kept together) has no rule; its lines, at
the top of a region outside the found sets, ending within the first column
and no larger than body text, are cut as a first column too; and so is a
page with no rule at all whose lines all end within a first column (as far
from the text's left edge as on a page with columns) in body size or
smaller: an article's last lines, kept together, carried over alone.

Each column's text is moved sideways onto the last column's place, so that
every column ends at the text area's right edge, as one-column text does:
the audit finds a page's right edge from its own lines, and on a piece with
few of them (a column beside a figure) takes the edge usual on the other
pages, which must then be the column's.  The move is one distance a column
(the column pitch, width + gap: the distance between two rules in three
columns; in two, the most common distance between the first line starts of
the two columns of a set), so line ends are measured against the column's
own edge exactly.  Left and right pages have their own edges too, so a
piece stays on a page of its original's side: an empty page goes before it
where it would not.

pdf-audit reads a page as one column (glyphs on one baseline make one line),
so on a page set in columns it measures lines made of two columns' lines:

    bench/split-columns.py out.pdf split.pdf
    ../shared/tools/pdf-audit split.pdf --manifest issue.xml --strict-quality

measures each column as a page of its own. Its page numbers, contents
numbers and links no longer match (pieces share a page number), and the
split pages are for measuring, not for reading (a moved column may overlap
a picture): only the line, paragraph and text figures mean anything on the
split file."""
import collections
import re
import sys
import fitz

STROKE = re.compile(rb"([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S")
FRAME = re.compile(rb"(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re [BbfS]\*?(?: Q)?$")


def column_sets(content, h, rule_width):
    """[top, bottom, [rule x, ...]] of each set of columns, top-down, from the
    page's top."""
    sets, width = [], None
    for line in content.split(b"\n"):
        if line.endswith(b" w") and len(line.split()) == 2:
            width = float(line.split()[0])
            continue
        m = STROKE.fullmatch(line)
        if not m or width is None or abs(width - rule_width) > 0.01:
            continue
        x0, y0, x1, y1 = (float(v) for v in m.groups())
        if abs(x0 - x1) < 0.01 and abs(y0 - y1) > 20:
            top, bottom = h - max(y0, y1), h - min(y0, y1)
            if sets and abs(sets[-1][0] - top) < 0.5 and abs(sets[-1][1] - bottom) < 0.5:
                sets[-1][2].append(x0)
            else:
                sets.append([top, bottom, [x0]])
    for s in sets:
        s[2].sort()
    return sorted(sets)


def frames(content, h):
    """(left, right, top, bottom) of each painted rectangle, from the page's
    top: a box's or a quote's frame (the cover's bands stand on pages
    without columns)."""
    out = []
    for line in content.split(b"\n"):
        m = FRAME.search(line)
        if m:
            x, y, w, fh = (float(v) for v in m.groups())
            out.append((min(x, x + w), max(x, x + w), h - max(y, y + fh), h - min(y, y + fh)))
    return out


def cut_at_frames(column, page_frames):
    """A column's box (left, right, top, bottom, move) cut at each frame that
    stands in it: the parts above, inside and below each frame, top-down.  A
    framed box is set to a measure of its own, inset by its padding, so it is
    read as a piece of its own as a column is: with a column's few lines beside
    it, its lines would give the piece their edge."""
    a, b, top, bottom, dx = column
    inside = sorted(f for f in page_frames
                    if a <= f[0] and f[1] <= b and top <= f[2] and f[3] <= bottom)
    parts, y = [], top
    for _, _, f_top, f_bottom in inside:
        if f_top < y:
            continue  # within a frame already cut
        parts.append((a, b, y, f_top - 0.01, dx))
        parts.append((a, b, f_top, f_bottom, dx))
        y = f_bottom + 0.01
    parts.append((a, b, y, bottom, dx))
    return parts


def run_starts(content, h):
    """(x, y from the page's top) of each text run."""
    return [(float(line.split()[4]), h - float(line.split()[5]))
            for line in content.split(b"\n") if line.endswith(b" Tm")]


def two_column_pitch(pages):
    """The most common distance between the leftmost run starts of the two
    columns of a two-column set (most columns hold a line that starts flush)."""
    seen = collections.Counter()
    for h, sets, starts in pages:
        for top, bottom, xs in sets:
            if len(xs) != 1:
                continue
            inside = [x for x, y in starts if top - 1 <= y <= bottom + 1]
            left = [x for x in inside if x < xs[0]]
            right = [x for x in inside if x > xs[0]]
            if left and right:
                seen[round(min(right) - min(left), 1)] += 1
    return seen.most_common(1)[0][0] if seen else None


def column_tails(page, h, sets, area_top, area_bottom):
    """Baselines (pt from the top) of the lines that stand in a first column
    without a rule: a set whose last lines all fit in its first column (the
    tail of an article carried over, a widow kept with its source line) has
    no second column, so paiban draws no rule and the set is not found. They
    are the lines at the top of a region outside the sets that end within
    the first column (not past its right edge) in body size or smaller; the
    first wider or larger line (a heading across the page) ends them."""
    if not sets:
        return set()
    lines = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = [sp for sp in line["spans"] if sp["text"].strip()]
            if spans:
                lines.append((spans[0]["origin"][1], line["bbox"][0], line["bbox"][2],
                              max(sp["size"] for sp in spans)))
    first_rule = sets[0][2][0]
    in_columns = [ln for ln in lines
                  if any(t - 1 <= ln[0] <= b + 1 for t, b, _ in sets) and ln[2] < first_rule]
    if not in_columns:
        return set()
    right = max(ln[2] for ln in in_columns)  # the first column's right edge
    body = collections.Counter(round(ln[3], 1) for ln in in_columns).most_common(1)[0][0]
    regions, above = [], area_top
    for top, bottom, _ in sets:
        regions.append((above, top - 1))
        above = bottom + 1
    regions.append((above, area_bottom))
    tails = set()
    for lo, hi in regions:
        for y, x0, x1, size in sorted(ln for ln in lines if lo <= ln[0] <= hi):
            if x1 > right + 1 or size > body + 0.05:
                break
            tails.add(y)
    return tails


def page_lines(page):
    """(baseline from the top, left, right, largest size) of each text line."""
    lines = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = [sp for sp in line["spans"] if sp["text"].strip()]
            if spans:
                lines.append((spans[0]["origin"][1], line["bbox"][0], line["bbox"][2],
                              max(sp["size"] for sp in spans)))
    return lines


def first_column_facts(page, sets):
    """(the first rule's distance from the first column's left edge, the most
    common size of the lines in the columns) of a page with columns, or None."""
    lines = [ln for ln in page_lines(page) if any(t - 1 <= ln[0] <= b + 1 for t, b, _ in sets)]
    first = [ln for ln in lines if ln[2] < sets[0][2][0]]
    if not first:
        return None
    sizes = collections.Counter(round(ln[3], 1) for ln in lines)
    return sets[0][2][0] - min(ln[1] for ln in first), sizes.most_common(1)[0][0]


def first_column_page(page, area_top, area_bottom, usual):
    """How far to move a page without a column rule whose text all stands in
    its first column (the last lines of an article, kept together, and its
    source line, on a page of their own), or None: every line in the text
    area ends left of where the first rule stands on pages with columns
    (as far from the text's left edge), in body size or smaller.  `usual`:
    (that distance, the move of a first column there, the body size), or
    None."""
    if usual is None:
        return None
    rule_offset, move, body = usual
    lines = [ln for ln in page_lines(page) if area_top <= ln[0] <= area_bottom]
    if not lines or not any(abs(ln[3] - body) < 0.05 for ln in lines):
        return None
    rule_x = min(ln[1] for ln in lines) + rule_offset
    if all(ln[2] < rule_x and ln[3] <= body + 0.05 for ln in lines):
        return move
    return None


def follow_stream_order(pieces, starts, area_top, area_bottom):
    """The pieces with each region outside the sets (above, between or below
    them: what spans the page) where the content stream reads it.  By default
    a region goes with the first column of the set below it, or makes the
    last piece; but a figure at the page's foot or top is painted where the
    manifest has it, amid a column's text ("a page-foot figure's caption"
    after the first column's paragraph), and there it must be read.  So a
    region whose first run follows, in the stream, a run of another piece
    than the one before its own goes into that piece."""
    def piece_of(x, y):
        for k, piece in enumerate(pieces):
            for box in piece:
                a, b, c, d, _ = box
                if a <= x < b and c <= y <= d:
                    return k, box[4] == 0.0 and a == -1e9 and b == 1e9
        return None, False
    read = [piece_of(x, y) for x, y in starts if area_top <= y <= area_bottom]
    holding = sorted({k for k, _ in read if k is not None})  # pieces with text
    moves = {}  # region's piece -> piece the stream reads it in
    previous = None
    for k, region in read:
        if k is None:
            continue
        if region and k not in moves and previous is not None and previous != k:
            # the piece read before the region's own (empty pieces are left out)
            expected = max((j for j in holding if j < k), default=None)
            if previous != expected:
                moves[k] = previous
        if not region:
            previous = k
    if not moves:
        return pieces
    out = [list(piece) for piece in pieces]
    for k, into in sorted(moves.items(), reverse=True):
        region = [box for box in out[k] if box[0] == -1e9 and box[1] == 1e9 and box[4] == 0.0]
        out[into].extend(region)
        out[k] = [box for box in out[k] if box not in region]
    return [piece for piece in out if piece]


def main(src_path, out_path, area_top=84.0, area_bottom=780.0, rule_width=0.5):
    doc = fitz.open(src_path)
    n = doc.page_count
    pages = []
    for pno in range(n):
        page = doc[pno]
        h = page.rect.height
        content = b"".join(doc.xref_stream(x) for x in page.get_contents())
        pages.append((h, column_sets(content, h, rule_width), run_starts(content, h)))
    pitch2 = two_column_pitch(pages)
    usual_first_column = {}  # page parity -> (first rule from the left edge, a first column's move, body size)
    for pno, (h, sets, _) in enumerate(pages):
        if sets and pno % 2 not in usual_first_column:
            xs = sets[0][2]
            facts = first_column_facts(doc[pno], sets)
            if facts:
                usual_first_column[pno % 2] = (
                    facts[0], len(xs) * (xs[1] - xs[0] if len(xs) > 1 else pitch2 or 0.0), facts[1])
    order = []  # (page index in doc, page cut from) of the pieces, in reading order
    for pno in range(n):
        h, sets, starts = pages[pno]
        content = b"".join(doc.xref_stream(x) for x in doc[pno].get_contents())
        pieces = []  # each: a list of (x0, x1, y0, y1, dx): boxes where runs start, their move
        tails = set()
        if not sets:
            # the other side's when no page of its own side has columns
            tail_move = first_column_page(doc[pno], area_top, area_bottom,
                                          usual_first_column.get(pno % 2,
                                                                 usual_first_column.get(1 - pno % 2)))
            if tail_move is None:
                order.append((pno, pno))
                continue
            pieces.append([(-1e9, 1e9, 0.0, 1e9, tail_move)])
        else:
            tails = column_tails(doc[pno], h, sets, area_top, area_bottom)
            tail_move = (len(sets[0][2]) * (sets[0][2][1] - sets[0][2][0] if len(sets[0][2]) > 1
                                            else pitch2 or 0.0))
        page_frames = frames(content, h)
        above = 0.0
        for top, bottom, xs in sets:
            pitch = xs[1] - xs[0] if len(xs) > 1 else pitch2 or 0.0
            edges = [-1e9] + xs + [1e9]
            cols = [cut_at_frames((edges[k], edges[k + 1], top - 1, bottom + 1, (len(xs) - k) * pitch),
                                  page_frames)
                    for k in range(len(edges) - 1)]
            pieces.append([(-1e9, 1e9, above, top - 1, 0.0), cols[0][0]])
            pieces.extend([part] for part in cols[0][1:])
            pieces.extend([part] for col in cols[1:] for part in col)
            above = bottom + 1
        if sets:
            pieces.append([(-1e9, 1e9, above, 1e9, 0.0)])
            pieces = follow_stream_order(pieces, starts, area_top, area_bottom)
        for piece in pieces:
            def move(x, y):
                """How far a run starting at (x, y) moves, or None: not in the piece."""
                if y < area_top or y > area_bottom:
                    return 0.0  # furniture
                for a, b, c, d, dx in piece:
                    if a <= x < b and c <= y <= d:
                        # a first column's line outside the sets moves as the first column does
                        tail = dx == 0.0 and any(abs(y - t) < 0.3 for t in tails)
                        return tail_move if tail else dx
                return None
            if not any(move(x, y) is not None and area_top <= y <= area_bottom for x, y in starts):
                continue
            copy = doc.page_count
            doc.fullcopy_page(pno)
            new = doc[copy]
            filtered, dx = [], None
            for line in content.split(b"\n"):
                if line.endswith(b" Tm"):
                    parts = line.split()
                    x, y = float(parts[4]), float(parts[5])
                    dx = move(x, h - y)
                    if dx:
                        parts[4] = b"%.3f" % (x + dx)
                        line = b" ".join(parts)
                elif line.endswith(b" TJ") and line.startswith(b"[") and dx is None:
                    line = b"[] TJ"
                filtered.append(line)
            filtered = b"\n".join(filtered)
            xrefs = new.get_contents()
            doc.update_stream(xrefs[0], filtered)
            for x in xrefs[1:]:
                doc.update_stream(x, b"")
            order.append((copy, pno))
    out = fitz.open()
    for p, origin in order:
        if (out.page_count - origin) % 2:  # keep left pages left
            rect = doc[p].rect
            out.new_page(width=rect.width, height=rect.height)
        out.insert_pdf(doc, from_page=p, to_page=p)
    out.save(out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *(float(v) for v in sys.argv[3:6]))
