"""The studio's test world: hosted mode (nobody signed in by being on this machine), uploads in a temporary
folder with the production file modes, and small files of each kind built in code."""
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


@pytest.fixture(autouse=True)
def studio_settings(settings, tmp_path):
    settings.MODE = "hosted"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.FILE_UPLOAD_PERMISSIONS = 0o600
    settings.FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
    settings.TIME_ZONE = "Europe/London"
    return settings


def tiny_png() -> bytes:
    """A real 2x2 PNG (a browser can draw it)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x20\x60\xa0" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


JPEG_START = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
WEBP_START = b"RIFF\x24\x00\x00\x00WEBPVP8 "
MP4_START = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"
WEBM_START = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm"


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def post_material(client, shows: str, name: str, content: bytes):
    return client.post("/studio/material/", {"shows": shows, "file": upload(name, content)})
