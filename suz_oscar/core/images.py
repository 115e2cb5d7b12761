"""Images uploaded by dealers: bounded in bytes and in pixels before anything thumbnails them.

A small file can hold a huge picture (a PNG of 13,000 × 13,000 pixels is a few dozen KB) that costs the
server a gigabyte of memory to scale; Pillow only refuses far larger ones.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 25_000_000  # 5,000 × 5,000: more than any logo or product photo needs


def validate_image(upload, max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS):
    """Raise ``ValidationError`` for an upload too large in bytes or in pixels (``ImageField`` checked it is one)."""
    if upload is None or upload is False:
        return upload
    if upload.size > max_bytes:
        raise forms.ValidationError(_("The image is larger than %(mb)d MB.") % {"mb": max_bytes // (1024 * 1024)})
    image = getattr(upload, "image", None)  # set by forms.ImageField while checking the upload
    if image is not None and image.width * image.height > max_pixels:
        raise forms.ValidationError(
            _("The image is %(width)d × %(height)d pixels: at most %(megapixels)d million pixels, please.")
            % {"width": image.width, "height": image.height, "megapixels": max_pixels // 1_000_000})
    return upload
