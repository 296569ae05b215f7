"""Check and clean an uploaded lesson image. Pure Python (Pillow): no Django here.

Every image is decoded and written again. That proves it really is an image, and it drops
metadata such as the GPS position and camera owner a phone photo can carry.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 4096 * 4096
MAX_SIDE = 1600  # larger images are scaled down; a lesson never needs more
FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}


class ImageProblem(ValueError):
    """Why an upload was refused; ``code`` names the problem for a translated message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    extension: str
    width: int
    height: int


def image_clean(data: bytes) -> CleanImage:
    if len(data) > MAX_BYTES:
        raise ImageProblem("too_large")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format or ""
            if kind not in FORMATS:
                raise ImageProblem("wrong_type")
            if probe.width * probe.height > MAX_PIXELS:
                raise ImageProblem("too_many_pixels")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = image.convert("RGBA" if image.mode in {"RGBA", "LA", "P"} else "RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ImageProblem("not_an_image") from exc
    picture.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    if kind == "JPEG":
        picture.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
    else:
        picture.save(out, format=kind)
    return CleanImage(
        content=out.getvalue(),
        extension=FORMATS[kind],
        width=picture.width,
        height=picture.height,
    )
