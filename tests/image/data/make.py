#!/usr/bin/python3
# Makes the figure files tests/image uses (Debian: python3-pil, libgs-common).
# Run from this directory: /usr/bin/python3 make.py
from PIL import Image

ICC_CMYK = open("/usr/share/color/icc/ghostscript/ps_cmyk.icc", "rb").read()
ICC_RGB = open("/usr/share/color/icc/ghostscript/a98.icc", "rb").read()


def gradient(mode, size, colour_of):
    image = Image.new(mode, size)
    w, h = size
    image.putdata([colour_of(x, y, w, h) for y in range(h) for x in range(w)])
    return image


# CMYK JPEG with an ICC profile; Pillow writes it the Adobe way (an APP14
# marker, samples inverted). Left half pure magenta (0,255,0,0) ink.
cmyk = gradient("CMYK", (40, 30), lambda x, y, w, h: (0, 255, 0, 0) if x < w // 2 else (200, 0, 0, 40))
cmyk.save("cmyk-icc.jpg", quality=95, icc_profile=ICC_CMYK)

# RGB JPEG whose frame header lies past its first 64 KB: two big comment
# segments (65533 bytes each) before it, as cameras put thumbnails there.
rgb = gradient("RGB", (48, 32), lambda x, y, w, h: (255, 0, 0) if x < w // 2 else (0, 0, 255))
rgb.save("plain.jpg", quality=95)
data = open("plain.jpg", "rb").read()
comment = b"\xff\xfe" + (65535).to_bytes(2, "big") + b"x" * 65533
open("late-frame.jpg", "wb").write(data[:2] + comment + comment + data[2:])

# RGB JPEG with its own (Adobe RGB 1998) profile.
rgb.save("rgb-icc.jpg", quality=95, icc_profile=ICC_RGB)

# PNG with an alpha channel: opaque red left, transparent right.
rgba = gradient("RGBA", (20, 10), lambda x, y, w, h: (255, 0, 0, 255) if x < w // 2 else (0, 0, 255, 0))
rgba.save("alpha.png")

# Palette PNG with a transparent entry; 16-bit grey PNG.
palette = rgba.convert("P")
palette.info["transparency"] = palette.getpixel((15, 5))
palette.save("palette.png", transparency=palette.getpixel((15, 5)))
Image.new("I;16", (8, 8), 40000).save("grey16.png")
