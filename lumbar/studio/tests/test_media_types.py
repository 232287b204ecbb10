"""Files are judged by their first bytes, not their names."""
from lumbar.studio.media_types import JPEG, MP4, PNG, WEBM, WEBP, sniff

from .conftest import JPEG_START, MP4_START, WEBM_START, WEBP_START, tiny_png


def test_each_allowed_kind_is_recognised_by_its_first_bytes():
    assert sniff(tiny_png()[:64]) is PNG
    assert sniff(JPEG_START) is JPEG
    assert sniff(WEBP_START) is WEBP
    assert sniff(MP4_START) is MP4
    assert sniff(WEBM_START) is WEBM


def test_look_alikes_and_other_files_are_not():
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"
    matroska = WEBM_START.replace(b"webm", b"matr")
    wave = b"RIFF\x24\x00\x00\x00WAVEfmt "
    for head in (heic, matroska, wave, b"<html><script>", b"GIF89a", b"%PDF-1.7", b""):
        assert sniff(head) is None, head
