"""The one error every loader raises: a file that cannot become an article, said in one line."""

from ..errors import BriefingError


class ArticleError(BriefingError):
    """An article could not be loaded; ``str(err)`` says why in one line."""
