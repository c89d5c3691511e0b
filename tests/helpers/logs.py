"""Reading the app's log back in tests."""

from briefing_app.core.logs import log_file


def logged_since(start: int) -> str:
    """What the log gained since it was ``start`` bytes long (log_size); bytes, not characters, as earlier
    entries may hold non-ASCII text (the window's tests, which now run first, log an ellipsis)."""
    return log_file().read_bytes()[start:].decode("utf-8")


def log_size() -> int:
    return log_file().stat().st_size if log_file().exists() else 0
