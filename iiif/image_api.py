"""The IIIF Image API 3.0, without Django: request parsing, the image information
document and the Pillow transformation.

Kept free of models and HTTP so every rule of the specification
(https://iiif.io/api/image/3.0/) can be read and tested on its own; `iiif.views`
adds visibility, the disk cache and the headers. Parsing is strict: anything
the specification does not allow is a `RequestError` (400), never a guess.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from typing import BinaryIO

from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageOps

CONTEXT = "http://iiif.io/api/image/3/context.json"
PROTOCOL = "http://iiif.io/api/image"
PROFILE = "level2"
PROFILE_URI = "http://iiif.io/api/image/3/level2.json"
QUALITIES = ("default", "color", "gray", "bitonal")
FORMATS = {"jpg": ("JPEG", "image/jpeg"), "png": ("PNG", "image/png"), "webp": ("WEBP", "image/webp")}
# Beyond level 2 (https://iiif.io/api/image/3.0/compliance/): png, color and the level-2 features are implied.
EXTRA_QUALITIES = ["gray", "bitonal"]
EXTRA_FORMATS = ["webp"]
EXTRA_FEATURES = ["canonicalLinkHeader", "mirroring", "profileLinkHeader", "sizeUpscaling"]
# Thumbnail sizes advertised in info.json stop at this many pixels on the long side.
SMALLEST_SIZE = 128

# ASCII digits only (int() would also read "١٢" or "１２"), at most 20 of them: enough for any image,
# few enough that int() and float() stay cheap.
_INT = r"[0-9]{1,20}"
_FLOAT = r"(?:[0-9]{1,20}(?:\.[0-9]{0,20})?|\.[0-9]{1,20})"
_PIXEL_REGION = re.compile(rf"({_INT}),({_INT}),({_INT}),({_INT})")
_PCT_REGION = re.compile(rf"pct:({_FLOAT}),({_FLOAT}),({_FLOAT}),({_FLOAT})")
_SIZE_WH = re.compile(rf"(!)?({_INT})?,({_INT})?")
_SIZE_PCT = re.compile(rf"pct:({_FLOAT})")
_ROTATION = re.compile(rf"(!)?({_FLOAT})")

#: Clockwise IIIF rotation to Pillow's (counter-clockwise) transpose operation.
_TRANSPOSE = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
_SWAPS_AXES = {5, 6, 7, 8}  # EXIF orientations that turn the stored pixels by a quarter


class RequestError(Exception):
    """A request the API refuses; `status` is the HTTP status the specification asks for."""

    def __init__(self, message, status: int = 400):
        super().__init__(str(message))
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Limits:
    """Server-imposed size limits (settings IIIF_MAX_*), advertised in info.json and enforced on every request."""

    max_width: int
    max_height: int
    max_area: int


@dataclass(frozen=True)
class ImageRequest:
    """One parsed image request, resolved against the full image's size.

    `region` is (x, y, w, h) in full-image pixels, already cropped to the image;
    `size` is the scaled region's (width, height) before rotation; `canonical`
    is the request's canonical form (`region/size/rotation/quality.format`),
    the key of the disk cache and of the canonical `Link` header.
    """

    region: tuple[int, int, int, int]
    size: tuple[int, int]
    rotation: int
    mirror: bool
    quality: str
    format: str
    canonical: str

    @property
    def media_type(self) -> str:
        return FORMATS[self.format][1]


def _round(value: float) -> int:
    """Half up, not Python's half to even: 0.5 px becomes 1 px, not 0."""
    return int(math.floor(value + 0.5))


def _number(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise RequestError(_("Numbers must be finite."))
    return value


def parse_region(text: str, width: int, height: int) -> tuple[int, int, int, int]:
    """`full`, `square`, `x,y,w,h` or `pct:x,y,w,h` as a box on the image.

    A region reaching past the edge is cropped to it; one of zero size or
    entirely outside the image is a 400, as the specification says (§4.1).
    """
    if text == "full":
        return 0, 0, width, height
    if text == "square":
        side = min(width, height)
        return (width - side) // 2, (height - side) // 2, side, side
    if match := _PIXEL_REGION.fullmatch(text):
        x, y, w, h = (int(group) for group in match.groups())
    elif match := _PCT_REGION.fullmatch(text):
        px, py, pw, ph = (_number(group) for group in match.groups())
        if pw == 0 or ph == 0:
            raise RequestError(_("The region has zero width or height."))
        x, y = _round(px * width / 100), _round(py * height / 100)
        # Round the far edges too, so that neighbouring percentage regions meet; a sliver still gets a pixel.
        w = max(1, _round((px + pw) * width / 100) - x)
        h = max(1, _round((py + ph) * height / 100) - y)
    else:
        raise RequestError(_("The region must be full, square, x,y,w,h or pct:x,y,w,h."))
    if w == 0 or h == 0:
        raise RequestError(_("The region has zero width or height."))
    if x >= width or y >= height:
        raise RequestError(_("The region lies outside the image."))
    return x, y, min(w, width - x), min(h, height - y)


def _largest(width: int, height: int, limits: Limits, upscale: bool) -> tuple[int, int]:
    """The largest size of a `width`×`height` region within the limits (and within the region unless `upscale`)."""
    scale = min(
        limits.max_width / width,
        limits.max_height / height,
        math.sqrt(limits.max_area / (width * height)),
    )
    if not upscale:
        scale = min(scale, 1.0)
    if scale == 1.0:
        return width, height
    # Floor, not round: the result must stay within the limits.
    return max(1, math.floor(width * scale)), max(1, math.floor(height * scale))


def parse_size(text: str, region_width: int, region_height: int, limits: Limits) -> tuple[tuple[int, int], str]:
    """The scaled size of the region and its canonical form (§4.2).

    Without `^` the result may not be larger than the region (400); with it,
    upscaling is allowed. `max` is capped at the limits as the specification
    says; every other form beyond the limits is a 400.
    """
    upscale = text.startswith("^")
    spec = text[1:] if upscale else text
    rw, rh = region_width, region_height
    if spec == "max":
        size = _largest(rw, rh, limits, upscale)
    elif match := _SIZE_PCT.fullmatch(spec):
        percent = _number(match.group(1))
        if percent == 0:
            raise RequestError(_("The size is zero."))
        if percent > 100 and not upscale:
            raise RequestError(_("Sizes above 100% need the ^ prefix."))
        size = (max(1, _round(rw * percent / 100)), max(1, _round(rh * percent / 100)))
    elif match := _SIZE_WH.fullmatch(spec):
        confined, w_text, h_text = match.groups()
        if (w_text is None and h_text is None) or (confined and (w_text is None or h_text is None)):
            raise RequestError(_("The size must be max, w,, ,h, pct:n, w,h or !w,h."))
        w = int(w_text) if w_text is not None else None
        h = int(h_text) if h_text is not None else None
        if w == 0 or h == 0:
            raise RequestError(_("The size is zero."))
        if confined:
            scale = min(w / rw, h / rh)
            if not upscale:
                scale = min(scale, 1.0)
            size = (min(w, max(1, _round(rw * scale))), min(h, max(1, _round(rh * scale))))
        elif h is None:
            size = (w, max(1, _round(rh * w / rw)))
        elif w is None:
            size = (max(1, _round(rw * h / rh)), h)
        else:
            size = (w, h)
    else:
        raise RequestError(_("The size must be max, w,, ,h, pct:n, w,h or !w,h."))

    width, height = size
    if not upscale and (width > rw or height > rh):
        raise RequestError(_("Sizes larger than the region need the ^ prefix."))
    if width > limits.max_width or height > limits.max_height or width * height > limits.max_area:
        raise RequestError(_("The requested size is larger than this server delivers (see maxWidth in info.json)."))

    if size == _largest(rw, rh, limits, upscale=False):
        canonical = "max"
    elif spec == "max":
        canonical = "^max"
    elif width > rw or height > rh:
        canonical = f"^{width},{height}"
    else:
        canonical = f"{width},{height}"
    return size, canonical


def parse_rotation(text: str) -> tuple[int, bool]:
    """Degrees clockwise (0, 90, 180 or 270) and whether to mirror first; other angles are a 400 (§4.3)."""
    match = _ROTATION.fullmatch(text)
    if not match:
        raise RequestError(_("The rotation must be a number of degrees, optionally after !."))
    degrees = _number(match.group(2))
    if degrees > 360 or degrees % 90:
        raise RequestError(_("Only rotations by multiples of 90 degrees are supported."))
    return int(degrees) % 360, bool(match.group(1))


def parse_quality_format(text: str) -> tuple[str, str]:
    """`default.jpg` → ("default", "jpg")."""
    quality, dot, extension = text.rpartition(".")
    if not dot or quality not in QUALITIES:
        raise RequestError(_("The quality must be default, color, gray or bitonal."))
    if extension not in FORMATS:
        raise RequestError(_("The format must be jpg, png or webp."))
    return quality, extension


def parse(
    region: str, size: str, rotation: str, quality_format: str, full_size: tuple[int, int], limits: Limits
) -> ImageRequest:
    """The four path segments after the identifier, checked against an image of `full_size`."""
    width, height = full_size
    box = parse_region(region, width, height)
    scaled, size_canonical = parse_size(size, box[2], box[3], limits)
    degrees, mirror = parse_rotation(rotation)
    quality, extension = parse_quality_format(quality_format)
    region_canonical = "full" if box == (0, 0, width, height) else ",".join(map(str, box))
    rotation_canonical = f"{'!' if mirror else ''}{degrees}"
    canonical = f"{region_canonical}/{size_canonical}/{rotation_canonical}/{quality}.{extension}"
    return ImageRequest(box, scaled, degrees, mirror, quality, extension, canonical)


def scale_factors(width: int, height: int, tile: int) -> list[int]:
    """1, 2, 4, … until the whole image fits in one tile: the zoom levels a deep-zoom viewer asks for."""
    factors = [1]
    while math.ceil(max(width, height) / factors[-1]) > tile:
        factors.append(factors[-1] * 2)
    return factors


def thumbnail_sizes(width: int, height: int, limits: Limits) -> list[dict]:
    """Halvings of the full image down to about SMALLEST_SIZE px, smallest first, all within the limits.

    A small image has no halvings worth offering; it lists its own size (when allowed) instead.
    """
    sizes = []
    factor = 2
    while max(width, height) / factor >= SMALLEST_SIZE:
        w, h = max(1, _round(width / factor)), max(1, _round(height / factor))
        if w <= limits.max_width and h <= limits.max_height and w * h <= limits.max_area:
            sizes.append({"width": w, "height": h})
        factor *= 2
    if not sizes:
        w, h = _largest(width, height, limits, upscale=False)
        sizes.append({"width": w, "height": h})
    return sorted(sizes, key=lambda size: size["width"])


def information(base_uri: str, full_size: tuple[int, int], limits: Limits, tile: int, rights: str = "") -> dict:
    """The image information document (info.json, §5) of the image at `base_uri`."""
    width, height = full_size
    document = {
        "@context": CONTEXT,
        "id": base_uri,
        "type": "ImageService3",
        "protocol": PROTOCOL,
        "profile": PROFILE,
        "width": width,
        "height": height,
        "maxWidth": limits.max_width,
        "maxHeight": limits.max_height,
        "maxArea": limits.max_area,
        "tiles": [{"width": tile, "height": tile, "scaleFactors": scale_factors(width, height, tile)}],
        "sizes": thumbnail_sizes(width, height, limits),
        "extraQualities": EXTRA_QUALITIES,
        "extraFormats": EXTRA_FORMATS,
        "extraFeatures": EXTRA_FEATURES,
    }
    if rights:
        document["rights"] = rights
    return document


def oriented_size(source: BinaryIO) -> tuple[int, int]:
    """The image's size as people see it: after its EXIF orientation, as Wagtail's renditions show it.

    Wagtail stores the size of the stored pixels, which a camera may have
    saved on their side; tiles must be cut from the picture as displayed.
    Reads only the file's header.
    """
    with Image.open(source) as image:
        width, height = image.size
        if image.getexif().get(ExifTags.Base.Orientation, 1) in _SWAPS_AXES:
            return height, width
        return width, height


def decode(source: BinaryIO, request: ImageRequest) -> Image.Image:
    """The source, upright and decoded at the smallest resolution that still covers the output.

    A JPEG is decoded at 1/2, 1/4 or 1/8 of its size (`Image.draft`) when the
    request is that much smaller than its region, so a zoomed-out tile of a
    4,800 px photograph decodes 600 px, not 4,800.
    """
    image = Image.open(source)
    orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
    _x, _y, region_width, region_height = request.region
    reduction = min(region_width / request.size[0], region_height / request.size[1])
    if image.format == "JPEG" and reduction >= 2:
        stored_width, stored_height = image.size
        image.draft(None, (math.ceil(stored_width / reduction), math.ceil(stored_height / reduction)))
    if orientation != 1:
        ImageOps.exif_transpose(image, in_place=True)
    image.load()
    return image


def _workable(image: Image.Image) -> Image.Image:
    """The image in a mode Pillow can scale and every output format can take (L, LA, RGB or RGBA)."""
    if image.mode in ("L", "LA", "RGB", "RGBA"):
        return image
    if image.mode.startswith("I"):  # 16-bit grayscale scans
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if image.mode in ("1", "F"):
        return image.convert("L")
    has_alpha = "transparency" in image.info or image.mode in ("PA", "RGBa", "La")
    return image.convert("RGBA" if has_alpha else "RGB")


def _flatten(image: Image.Image) -> Image.Image:
    """Alpha composited onto white, for JPEG and bitonal output."""
    if image.mode not in ("LA", "RGBA"):
        return image
    background = Image.new("RGBA", image.size, "white")
    background.alpha_composite(image.convert("RGBA"))
    return background.convert("RGB" if image.mode == "RGBA" else "L")


def _apply_quality(image: Image.Image, quality: str) -> Image.Image:
    if quality == "color":
        return image.convert({"L": "RGB", "LA": "RGBA"}.get(image.mode, image.mode))
    if quality == "gray":
        return image.convert({"RGB": "L", "RGBA": "LA"}.get(image.mode, image.mode))
    if quality == "bitonal":
        return _flatten(image).convert("L").convert("1", dither=Image.Dither.NONE)
    return image


def render(source: BinaryIO, request: ImageRequest, full_size: tuple[int, int]) -> bytes:
    """The encoded image for `request`: region, then size, then mirroring and rotation, quality, format (§4.6)."""
    with decode(source, request) as decoded:
        image = _workable(decoded)
        x, y, w, h = request.region
        scale_x, scale_y = image.width / full_size[0], image.height / full_size[1]
        box = (x * scale_x, y * scale_y, (x + w) * scale_x, (y + h) * scale_y)
        if box != (0, 0, image.width, image.height) or request.size != image.size:
            image = image.resize(request.size, Image.Resampling.LANCZOS, box=box, reducing_gap=3.0)
        image = _apply_quality(image, request.quality)
        if request.mirror:
            image = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        if request.rotation:
            image = image.transpose(_TRANSPOSE[request.rotation])
        if request.format == "jpg":
            image = _flatten(image)
        output = io.BytesIO()
        pillow_format = FORMATS[request.format][0]
        options = {"quality": 88} if pillow_format in ("JPEG", "WEBP") else {}
        image.save(output, pillow_format, **options)
        return output.getvalue()
