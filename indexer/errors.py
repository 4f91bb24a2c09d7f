"""Errors of the indexer, turned into messages or HTTP statuses at the edge."""


class IndexMissing(Exception):
    """There is no index at the location given, or it cannot be opened."""


class ReindexRunning(Exception):
    """Another reindex holds the lock on this index."""


class IndexWriteFailed(Exception):
    """Writing the index went wrong; a full rebuild is discarded and the old index keeps serving."""


class BadSearch(ValueError):
    """A search parameter that cannot be used; `parameter` names it (`q`, `page`, `from`, `ministry` ...)."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
