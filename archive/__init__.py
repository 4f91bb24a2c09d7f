"""The domain of press-archive: releases, the readers for each input shape, and extraction."""

from archive.model import EXTRACTION_VERSION, ParseError, Release
from archive.reading import ReadResult, read_file, read_paths

__all__ = ["EXTRACTION_VERSION", "ParseError", "Release", "ReadResult", "read_file", "read_paths"]
