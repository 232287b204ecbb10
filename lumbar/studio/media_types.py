"""What an uploaded file really is, read from its first bytes (never from its name), and how big it may be."""
from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024
PHOTO_LIMIT = 5 * MB
VIDEO_LIMIT = 50 * MB
HEAD_BYTES = 64  # enough for every signature below

# MP4's major brands ("ftyp" box). HEIC/AVIF images and QuickTime share the box but not these brands.
MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"dash", b"mmp4"}


@dataclass(frozen=True)
class MediaType:
    kind: str  # "photo" | "video" (Material.PHOTO / Material.VIDEO)
    content_type: str
    extension: str
    limit: int


JPEG = MediaType("photo", "image/jpeg", ".jpg", PHOTO_LIMIT)
PNG = MediaType("photo", "image/png", ".png", PHOTO_LIMIT)
WEBP = MediaType("photo", "image/webp", ".webp", PHOTO_LIMIT)
MP4 = MediaType("video", "video/mp4", ".mp4", VIDEO_LIMIT)
WEBM = MediaType("video", "video/webm", ".webm", VIDEO_LIMIT)


def _is_webm(head: bytes) -> bool:
    # an EBML header whose DocType element (id 0x4282, then a one-byte size) says "webm", not "matroska"
    if not head.startswith(b"\x1a\x45\xdf\xa3"):
        return False
    at = head.find(b"\x42\x82")
    return at != -1 and head[at + 3:at + 7] == b"webm"


def sniff(head: bytes) -> MediaType | None:
    """The type of a file from its first HEAD_BYTES bytes, or None if it is none of the five allowed."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return MP4
    if _is_webm(head):
        return WEBM
    return None


def megabytes(size: int) -> str:
    return f"{size / MB:.0f}" if size % MB == 0 else f"{size / MB:.1f}"
