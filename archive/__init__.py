"""The domain of press-archive: releases, the readers for each input shape, and extraction."""

from archive.model import ParseError, Release
from archive.reading import ReadResult, read_file, read_paths

__all__ = ["ParseError", "Release", "ReadResult", "read_file", "read_paths"]
