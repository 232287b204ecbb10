"""Streams a stored file, whole or one byte range (video players seek, and Safari plays only with ranges)."""
from __future__ import annotations

import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


def _chunks(handle, length: int):
    try:
        while length > 0:
            data = handle.read(min(CHUNK, length))
            if not data:
                break
            length -= len(data)
            yield data
    finally:
        handle.close()


def _wanted(header: str, size: int) -> tuple[int, int] | None | bool:
    """(first, last) byte of one range; None for the whole file; False when the range lies outside it."""
    match = RANGE.match(header.strip())
    if not match or not (match[1] or match[2]):
        return None  # absent, several ranges, or not understood: the whole file (allowed by RFC 9110)
    if match[1]:
        first, last = int(match[1]), int(match[2]) if match[2] else size - 1
    else:
        first, last = max(0, size - int(match[2])), size - 1
    last = min(last, size - 1)
    return (first, last) if first <= last else False


def stream_file(request, handle, size: int, content_type: str):
    wanted = _wanted(request.headers.get("Range", ""), size)
    if wanted is False:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif wanted is None:
        response = FileResponse(handle, content_type=content_type)
    else:
        first, last = wanted
        handle.seek(first)
        response = StreamingHttpResponse(_chunks(handle, last - first + 1), status=206, content_type=content_type)
        response["Content-Length"] = str(last - first + 1)
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response
