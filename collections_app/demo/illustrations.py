"""Illustrations for the demo relics, drawn with Pillow.

No photograph of these relics can be fetched on the build machines, so each
demo relic gets a drawing that evokes its shape and material and says, in the
picture itself, that it is an illustration. They are the project's own work,
published under CC0, and are never presented as photographs.
"""

import io
import math
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter, ImageFont

PALETTES = {
    "bronze": ((92, 74, 52), (150, 120, 70), (64, 110, 96)),
    "gold": ((120, 86, 20), (214, 170, 60), (250, 220, 130)),
    "silver": ((110, 112, 118), (176, 180, 186), (225, 228, 232)),
    "clay": ((120, 64, 40), (184, 110, 72), (220, 170, 130)),
    "jade": ((40, 90, 70), (96, 150, 120), (170, 210, 180)),
    "stone": ((90, 86, 80), (150, 144, 134), (200, 196, 186)),
    "turquoise": ((20, 90, 110), (50, 160, 170), (160, 220, 215)),
    "textile": ((120, 30, 40), (180, 120, 60), (40, 60, 110)),
    "ivory": ((150, 130, 100), (220, 205, 175), (245, 238, 220)),
    "iron": ((60, 56, 54), (110, 100, 92), (150, 110, 80)),
}
BACKGROUND = ((244, 241, 234), (226, 221, 210))


@dataclass(frozen=True)
class Illustration:
    shape: str
    palette: str
    width: int
    height: int


def _gradient(width: int, height: int) -> Image.Image:
    top, bottom = BACKGROUND
    column = Image.new("RGB", (1, 256))
    for y in range(256):
        t = y / 255
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return column.resize((width, height), Image.Resampling.BICUBIC)


def _grain(image: Image.Image, rng: random.Random, colour, count: int) -> None:
    draw = ImageDraw.Draw(image, "RGBA")
    w, h = image.size
    for _ in range(count):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.randint(1, max(2, w // 400))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, rng.randint(10, 40)))


def _draw_shape(draw: ImageDraw.ImageDraw, shape: str, box, colours, rng: random.Random) -> None:
    dark, mid, light = colours
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    line = max(2, int(min(w, h) / 90))

    def ellipse(bx, fill, outline=dark):
        draw.ellipse(bx, fill=fill, outline=outline, width=line)

    if shape in {"vessel", "jar", "vase", "cauldron"}:
        draw.polygon(
            [(cx - w * 0.14, y0), (cx + w * 0.14, y0), (cx + w * 0.1, y0 + h * 0.2), (cx - w * 0.1, y0 + h * 0.2)],
            fill=mid,
            outline=dark,
        )
        ellipse((cx - w * 0.38, y0 + h * 0.15, cx + w * 0.38, y0 + h * 0.85), mid)
        draw.polygon(
            [(cx - w * 0.18, y0 + h * 0.8), (cx + w * 0.18, y0 + h * 0.8), (cx + w * 0.24, y1), (cx - w * 0.24, y1)],
            fill=dark,
        )
        for i in range(3):
            yy = y0 + h * (0.35 + i * 0.12)
            draw.arc((cx - w * 0.36, yy - h * 0.05, cx + w * 0.36, yy + h * 0.05), 0, 180, fill=light, width=line)
    elif shape in {"bowl", "cup"}:
        draw.chord(
            (x0 + w * 0.05, y0 - h * 0.1, x1 - w * 0.05, y0 + h * 0.9), 0, 180, fill=mid, outline=dark, width=line
        )
        draw.rectangle((cx - w * 0.12, y0 + h * 0.85, cx + w * 0.12, y1), fill=dark)
        draw.line((x0 + w * 0.1, y0 + h * 0.45, x1 - w * 0.1, y0 + h * 0.45), fill=light, width=line * 2)
    elif shape in {"figure", "statue", "sculpture", "figurine"}:
        ellipse((cx - w * 0.12, y0, cx + w * 0.12, y0 + h * 0.2), mid)
        draw.polygon(
            [
                (cx - w * 0.18, y0 + h * 0.2),
                (cx + w * 0.18, y0 + h * 0.2),
                (cx + w * 0.3, y0 + h * 0.88),
                (cx - w * 0.3, y0 + h * 0.88),
            ],
            fill=mid,
            outline=dark,
        )
        draw.rectangle((cx - w * 0.36, y0 + h * 0.88, cx + w * 0.36, y1), fill=dark)
        draw.line((cx, y0 + h * 0.25, cx, y0 + h * 0.85), fill=light, width=line)
    elif shape == "head":
        ellipse((cx - w * 0.3, y0, cx + w * 0.3, y0 + h * 0.75), mid)
        draw.rectangle((cx - w * 0.12, y0 + h * 0.7, cx + w * 0.12, y1), fill=dark)
        draw.arc((cx - w * 0.12, y0 + h * 0.45, cx + w * 0.12, y0 + h * 0.6), 20, 160, fill=dark, width=line)
    elif shape in {"coin", "mirror"}:
        r = min(w, h) * 0.45
        ellipse((cx - r, cy - r, cx + r, cy + r), mid)
        ellipse((cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8), None, light)
        ellipse((cx - r * 0.15, cy - r * 0.15, cx + r * 0.15, cy + r * 0.15), dark)
    elif shape == "seal":
        s = min(w, h) * 0.4
        draw.rounded_rectangle((cx - s, cy - s, cx + s, cy + s), radius=s * 0.1, fill=mid, outline=dark, width=line)
        for i in range(4):
            yy = cy - s * 0.6 + i * s * 0.4
            draw.line((cx - s * 0.6, yy, cx + s * 0.6, yy), fill=light, width=line)
    elif shape in {"textile", "carpet", "sash", "costume"}:
        draw.rectangle(box, fill=mid, outline=dark, width=line * 3)
        inset = min(w, h) * 0.1
        draw.rectangle(
            (x0 + inset, y0 + inset, x1 - inset, y1 - inset),
            fill=colours[2 if rng.random() > 0.5 else 0],
            outline=dark,
            width=line,
        )
        step = max(8, int(min(w, h) / 10))
        for gx in range(int(x0 + inset), int(x1 - inset), step):
            for gy in range(int(y0 + inset), int(y1 - inset), step):
                draw.regular_polygon((gx + step / 2, gy + step / 2, step * 0.3), 4, rotation=45, fill=mid)
    elif shape == "manuscript":
        draw.rectangle(box, fill=(240, 230, 205), outline=dark, width=line)
        for i in range(12):
            yy = y0 + h * (0.1 + i * 0.07)
            draw.line((x0 + w * 0.1, yy, x1 - w * 0.1 - rng.random() * w * 0.2, yy), fill=dark, width=line)
    elif shape == "weapon":
        draw.polygon(
            [
                (cx - w * 0.04, y0),
                (cx + w * 0.04, y0),
                (cx + w * 0.05, y0 + h * 0.72),
                (cx, y0 + h * 0.8),
                (cx - w * 0.05, y0 + h * 0.72),
            ],
            fill=light,
            outline=dark,
        )
        draw.rectangle((cx - w * 0.2, y0 + h * 0.72, cx + w * 0.2, y0 + h * 0.77), fill=mid)
        draw.rectangle((cx - w * 0.03, y0 + h * 0.77, cx + w * 0.03, y1), fill=dark)
    elif shape == "helmet":
        draw.pieslice(
            (x0 + w * 0.15, y0 + h * 0.1, x1 - w * 0.15, y0 + h * 1.1), 180, 360, fill=mid, outline=dark, width=line
        )
        draw.rectangle((x0 + w * 0.1, y0 + h * 0.58, x1 - w * 0.1, y0 + h * 0.66), fill=dark)
    elif shape == "jewellery":
        r = min(w, h) * 0.35
        for i in range(16):
            angle = i / 16

            px = cx + r * math.cos(angle * 2 * math.pi)
            py = cy + r * math.sin(angle * 2 * math.pi)
            b = r * 0.13
            ellipse((px - b, py - b, px + b, py + b), light if i % 2 else mid)
    elif shape == "bell":
        draw.polygon(
            [(cx - w * 0.15, y0 + h * 0.1), (cx + w * 0.15, y0 + h * 0.1), (cx + w * 0.35, y1), (cx - w * 0.35, y1)],
            fill=mid,
            outline=dark,
        )
        draw.rectangle((cx - w * 0.05, y0, cx + w * 0.05, y0 + h * 0.1), fill=dark)
    else:  # plaque, relief, tile, stele, mural and anything else flat
        draw.rounded_rectangle(box, radius=min(w, h) * 0.04, fill=mid, outline=dark, width=line * 2)
        for i in range(5):
            bx = x0 + w * (0.1 + i * 0.17)
            draw.ellipse((bx, cy - h * 0.12, bx + w * 0.12, cy + h * 0.12), outline=light, width=line)


LABEL = "Illustration, not a photograph of the object · SCO Museum Alliance demo"


def _fit_text(draw, position, text, size, max_width, fill) -> None:
    """Draw `text` at the largest size up to `size` that fits `max_width`."""
    size = max(10, int(size))
    font = ImageFont.load_default(size=size)
    while size > 10 and draw.textlength(text, font=font) > max_width:
        size = int(size * 0.9)
        font = ImageFont.load_default(size=size)
    draw.text(position, text, fill=fill, font=font)


def render(title: str, spec: Illustration, seed: str) -> bytes:
    """A JPEG of `spec.width` × `spec.height` pixels, labelled as an illustration."""
    rng = random.Random(seed)  # noqa: S311 - layout jitter, not security
    colours = PALETTES.get(spec.palette, PALETTES["stone"])
    image = _gradient(spec.width, spec.height)
    _grain(image, rng, (120, 110, 90), count=400)
    label_height = max(60, spec.height // 9)
    margin = min(spec.width, spec.height) * 0.12
    box = (margin, margin, spec.width - margin, spec.height - label_height - margin * 0.5)

    shadow = Image.new("RGBA", image.size, (0, 0, 0, 0))
    _draw_shape(ImageDraw.Draw(shadow), spec.shape, tuple(v + margin * 0.06 for v in box), [(0, 0, 0, 60)] * 3, rng)
    image.paste(
        shadow.filter(ImageFilter.GaussianBlur(margin * 0.08)),
        (0, 0),
        shadow.filter(ImageFilter.GaussianBlur(margin * 0.08)),
    )
    draw = ImageDraw.Draw(image, "RGBA")
    _draw_shape(draw, spec.shape, box, colours, rng)
    _grain(image, rng, colours[0], count=spec.width // 2)

    draw.rectangle((0, spec.height - label_height, spec.width, spec.height), fill=(33, 33, 30))
    x = label_height * 0.4
    _fit_text(
        draw, (x, spec.height - label_height * 0.82), title, label_height // 3, spec.width - 2 * x, (245, 241, 232)
    )
    _fit_text(
        draw, (x, spec.height - label_height * 0.36), LABEL, label_height // 5, spec.width - 2 * x, (200, 195, 185)
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()
