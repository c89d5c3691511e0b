"""Stands in for the desktop's program for file: URLs (QDesktopServices.setUrlHandler), recording what the
window asks it to open."""

from PySide6.QtCore import QObject, QUrl, Slot


class Opener(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toLocalFile())
