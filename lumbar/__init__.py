"""Lumbar: a self-help coach for lower back pain built on gentle yoga."""
