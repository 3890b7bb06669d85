#!/usr/bin/python3
# Draws the logos the shipped layouts place (Debian: python3-pil); PNG with
# alpha, 4x the size they are set at 300 dpi. Run here: /usr/bin/python3 make.py
import math

from PIL import Image, ImageDraw


def globe(size, ink, accent):
    """iTrade: a globe of meridians and parallels crossed by a rising arrow."""
    scale = 4
    s = size * scale
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    c, r, w = s / 2, s * 0.40, int(s * 0.035)
    draw.ellipse([c - r, c - r, c + r, c + r], outline=ink, width=w)
    for k in (0.35, 0.72):  # meridians
        draw.ellipse([c - r * k, c - r, c + r * k, c + r], outline=ink, width=w)
    draw.line([(c, c - r), (c, c + r)], fill=ink, width=w)
    for k in (-0.5, 0, 0.5):  # parallels
        y = c + r * k
        half = math.sqrt(max(r * r - (r * k) ** 2, 0))
        draw.line([(c - half, y), (c + half, y)], fill=ink, width=w)
    # The arrow: from lower left out past the upper right.
    a0, a1 = (c - r * 1.05, c + r * 0.55), (c + r * 0.95, c - r * 0.75)
    draw.line([a0, a1], fill=accent, width=int(w * 2.2))
    angle = math.atan2(a1[1] - a0[1], a1[0] - a0[0])
    head = s * 0.13
    tip = (a1[0] + math.cos(angle) * head * 0.5, a1[1] + math.sin(angle) * head * 0.5)
    left = (tip[0] - head * math.cos(angle - 0.45), tip[1] - head * math.sin(angle - 0.45))
    right = (tip[0] - head * math.cos(angle + 0.45), tip[1] - head * math.sin(angle + 0.45))
    draw.polygon([tip, left, right], fill=accent)
    return image.resize((size, size), Image.LANCZOS)


def seal(size, ink):
    """The literary supplement: a square seal (印章) frame with a brush stroke."""
    scale = 4
    s = size * scale
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    m, w = s * 0.08, int(s * 0.07)
    draw.rounded_rectangle([m, m, s - m, s - m], radius=s * 0.08, outline=ink, width=w)
    draw.line([(s * 0.3, s * 0.3), (s * 0.7, s * 0.3)], fill=ink, width=w)
    draw.line([(s * 0.5, s * 0.3), (s * 0.5, s * 0.72)], fill=ink, width=w)
    draw.line([(s * 0.28, s * 0.72), (s * 0.72, s * 0.72)], fill=ink, width=w)
    draw.line([(s * 0.3, s * 0.5), (s * 0.7, s * 0.5)], fill=ink, width=int(w * 0.8))
    return image.resize((size, size), Image.LANCZOS)


globe(400, (255, 255, 255, 255), (232, 72, 52, 255)).save("itrade-globe.png", optimize=True)
seal(300, (178, 34, 34, 255)).save("literary-seal.png", optimize=True)
