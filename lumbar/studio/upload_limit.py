"""Refuses an upload over the largest allowed size with a clear message (413), not a 500 or a full disk.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count files, and files over FILE_UPLOAD_MAX_MEMORY_SIZE go to a
temporary file, so without this a huge upload would be written out whole before any form could refuse it.
The request's declared length is checked first; an upload handler also counts the bytes of each file as
they arrive (for a request that declares no length).
"""
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

from .media_types import VIDEO_LIMIT

FORM_ALLOWANCE = 256 * 1024  # the form's other fields and the multipart boundaries


def request_too_large(request) -> bool:
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    return declared > VIDEO_LIMIT + FORM_ALLOWANCE


class FileSizeLimit(FileUploadHandler):
    """Skips (drops) any file that grows past the limit and remembers that it did."""

    def __init__(self, request=None):
        super().__init__(request)
        self.limit = VIDEO_LIMIT
        self.exceeded = False

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self.exceeded = True
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size):
        return None
