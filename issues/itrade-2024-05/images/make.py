#!/usr/bin/python3
# Draws this pictures (Debian: python3-pil): an RGB JPEG, a CMYK
# JPEG (written the Adobe way, with a CMYK profile from libgs-common) and a
# PNG with alpha. Run from this directory: /usr/bin/python3 make.py
import math
import random

from PIL import Image, ImageDraw, ImageFilter

random.seed(2024)


def port(width=2600, height=1734):
    """A container port at dusk: sky, sea, cranes and stacked containers.
    Drawn for 1200 x 800 and scaled by s: 2600 pixels are 300 per inch
    across an A4 page and its bleed (216 mm), where the issue places it."""
    s = width / 1200
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    horizon = int(height * 0.55)
    for y in range(horizon):  # sky: deep blue to warm orange
        t = y / horizon
        draw.line([(0, y), (width, y)], fill=(int(40 + 200 * t), int(70 + 110 * t), int(140 - 40 * t)))
    for y in range(horizon, height):  # sea
        t = (y - horizon) / (height - horizon)
        draw.line([(0, y), (width, y)], fill=(int(30 + 20 * t), int(60 + 30 * t), int(90 + 30 * t)))
    for _ in range(220):  # glints on the water
        x, y = random.randrange(width), random.randrange(horizon, height)
        draw.line([(x, y), (x + random.randrange(8, 30) * s, y)], fill=(230, 170, 110), width=round(2 * s))
    colours = [(180, 50, 40), (30, 90, 150), (210, 150, 40), (60, 120, 70), (120, 120, 130)]
    quay = horizon - 10 * s
    for stack in range(14):  # containers on the quay
        x0 = (40 + stack * 82) * s
        for level in range(random.randrange(2, 6)):
            y1 = quay - level * 30 * s
            draw.rectangle([x0, y1 - 28 * s, x0 + 76 * s, y1], fill=random.choice(colours),
                           outline=(20, 20, 30), width=round(s))
    draw.rectangle([0, quay, width, quay + 14 * s], fill=(50, 50, 55))
    for cx in (260 * s, 700 * s, 1010 * s):  # cranes
        draw.line([(cx, quay), (cx, quay - 330 * s)], fill=(200, 60, 40), width=round(12 * s))
        draw.line([(cx + 60 * s, quay), (cx + 60 * s, quay - 330 * s)], fill=(200, 60, 40), width=round(12 * s))
        draw.line([(cx - 120 * s, quay - 320 * s), (cx + 200 * s, quay - 320 * s)], fill=(200, 60, 40),
                  width=round(14 * s))
    return image.filter(ImageFilter.GaussianBlur(1.2 * s))


def factory(width=1600, height=1120):
    """A factory floor in cool light, drawn in CMYK inks. Drawn for 800 x 560
    and scaled by s: 1600 pixels are 300 per inch over 0.8 of the measure."""
    s = width / 800
    image = Image.new("RGB", (width, height), (215, 222, 228))
    draw = ImageDraw.Draw(image)
    for k in range(7):  # roof trusses
        x = k * 125 * s
        draw.polygon([(x, 0), (x + 62 * s, 120 * s), (x + 125 * s, 0)], outline=(90, 100, 110),
                     width=round(6 * s))
    for row in range(3):  # machines
        for col in range(4):
            x0, y0 = (60 + col * 185) * s, (230 + row * 150) * s
            draw.rounded_rectangle([x0, y0, x0 + 140 * s, y0 + 95 * s], 12 * s, fill=(40, 110, 160))
            draw.ellipse([x0 + 20 * s, y0 + 20 * s, x0 + 60 * s, y0 + 60 * s], fill=(240, 190, 40))
            draw.rectangle([x0 + 80 * s, y0 + 25 * s, x0 + 125 * s, y0 + 40 * s], fill=(230, 235, 240))
    draw.rectangle([0, height - 40 * s, width, height], fill=(120, 125, 130))
    return image.filter(ImageFilter.GaussianBlur(0.8 * s)).convert("CMYK")


def emblem(size=600):
    """A round badge on a transparent ground (PNG alpha)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([10, 10, size - 10, size - 10], fill=(0, 84, 150, 255))
    draw.ellipse([60, 60, size - 60, size - 60], outline=(255, 255, 255, 255), width=14)
    c = size / 2
    points = [(c + 170 * math.cos(math.pi / 2 + k * 4 * math.pi / 5),
               c - 170 * math.sin(math.pi / 2 + k * 4 * math.pi / 5)) for k in range(5)]
    draw.polygon(points, fill=(230, 170, 30, 255))
    return image


port().save("port.jpg", quality=82, optimize=True)
factory().save("factory-cmyk.jpg", quality=82,
               icc_profile=open("/usr/share/color/icc/ghostscript/ps_cmyk.icc", "rb").read())
emblem().save("emblem.png", optimize=True)
