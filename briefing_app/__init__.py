"""briefing-app: turn an article into a structured, cited analyst brief and export it to PDF, offline."""

__version__ = "0.1.0"
