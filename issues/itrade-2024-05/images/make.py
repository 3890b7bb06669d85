#!/usr/bin/python3
# Draws this pictures (Debian: python3-pil): an RGB JPEG, a CMYK
# JPEG (written the Adobe way, with a CMYK profile from libgs-common) and a
# PNG with alpha. Run from this directory: /usr/bin/python3 make.py
import math
import random

from PIL import Image, ImageDraw, ImageFilter

random.seed(2024)


def port(width=1200, height=800):
    """A container port at dusk: sky, sea, cranes and stacked containers."""
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
        draw.line([(x, y), (x + random.randrange(8, 30), y)], fill=(230, 170, 110), width=2)
    colours = [(180, 50, 40), (30, 90, 150), (210, 150, 40), (60, 120, 70), (120, 120, 130)]
    quay = horizon - 10
    for stack in range(14):  # containers on the quay
        x0 = 40 + stack * 82
        for level in range(random.randrange(2, 6)):
            y1 = quay - level * 30
            draw.rectangle([x0, y1 - 28, x0 + 76, y1], fill=random.choice(colours), outline=(20, 20, 30))
    draw.rectangle([0, quay, width, quay + 14], fill=(50, 50, 55))
    for cx in (260, 700, 1010):  # cranes
        draw.line([(cx, quay), (cx, quay - 330)], fill=(200, 60, 40), width=12)
        draw.line([(cx + 60, quay), (cx + 60, quay - 330)], fill=(200, 60, 40), width=12)
        draw.line([(cx - 120, quay - 320), (cx + 200, quay - 320)], fill=(200, 60, 40), width=14)
    return image.filter(ImageFilter.GaussianBlur(1.2))


def factory(width=800, height=560):
    """A factory floor in cool light, drawn in CMYK inks."""
    image = Image.new("RGB", (width, height), (215, 222, 228))
    draw = ImageDraw.Draw(image)
    for x in range(0, width, 125):  # roof trusses
        draw.polygon([(x, 0), (x + 62, 120), (x + 125, 0)], outline=(90, 100, 110), width=6)
    for row in range(3):  # machines
        for col in range(4):
            x0, y0 = 60 + col * 185, 230 + row * 150
            draw.rounded_rectangle([x0, y0, x0 + 140, y0 + 95], 12, fill=(40, 110, 160))
            draw.ellipse([x0 + 20, y0 + 20, x0 + 60, y0 + 60], fill=(240, 190, 40))
            draw.rectangle([x0 + 80, y0 + 25, x0 + 125, y0 + 40], fill=(230, 235, 240))
    draw.rectangle([0, height - 40, width, height], fill=(120, 125, 130))
    return image.filter(ImageFilter.GaussianBlur(0.8)).convert("CMYK")


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
