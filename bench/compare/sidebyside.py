#!/usr/bin/env python3
"""Put page N of two PDFs side by side in one PNG (stdlib only; needs pdftoppm).

    sidebyside.py LEFT.pdf RIGHT.pdf PAGE OUT.png [--dpi 80] [--right-page M]

Left is paiban, right XeLaTeX in compare.sh. A missing page is drawn blank. The
ImageMagick on this machine is a stand-in that cannot montage, hence this.
"""

import argparse
import subprocess
import struct
import zlib


def read_ppm(pdf, page, dpi):
    """(width, height, rows of RGB bytes) of one page, or None if there is no such page."""
    r = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), pdf],
                       capture_output=True)
    data = r.stdout
    if r.returncode != 0 or not data.startswith(b"P6"):
        return None
    # header: P6 <ws> width <ws> height <ws> maxval <single ws> data
    fields, pos = [], 2
    while len(fields) < 3:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(int(data[start:pos]))
    pos += 1
    w, h, _ = fields
    rows = [data[pos + y * w * 3: pos + (y + 1) * w * 3] for y in range(h)]
    return w, h, rows


def write_png(path, w, h, rows):
    def chunk(kind, payload):
        c = kind + payload
        return struct.pack(">I", len(payload)) + c + struct.pack(">I", zlib.crc32(c) & 0xffffffff)
    raw = b"".join(b"\x00" + r for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 6)))
        f.write(chunk(b"IEND", b""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("left")
    ap.add_argument("right")
    ap.add_argument("page", type=int)
    ap.add_argument("out")
    ap.add_argument("--right-page", type=int)
    ap.add_argument("--dpi", type=int, default=80)
    a = ap.parse_args()
    pages = [read_ppm(a.left, a.page, a.dpi), read_ppm(a.right, a.right_page or a.page, a.dpi)]
    if not any(pages):
        raise SystemExit("sidebyside: neither PDF has page %d" % a.page)
    w = max(p[0] for p in pages if p)
    h = max(p[1] for p in pages if p)
    gap = 12
    grey = b"\x80\x80\x80"
    rows = []
    for y in range(h):
        row = b""
        for k, p in enumerate(pages):
            if p and y < p[1]:
                r = p[2][y] + b"\xff\xff\xff" * (w - p[0])
            else:
                r = b"\xff\xff\xff" * w
            row += r
            if k == 0:
                row += grey * gap
        rows.append(row)
    write_png(a.out, 2 * w + gap, h, rows)


if __name__ == "__main__":
    main()
