"""The one base class of every failure a user should see as a plain message rather than a traceback."""


class BriefingError(Exception):
    """A failure with a message for the user: ``str(err)`` is one clear line."""
