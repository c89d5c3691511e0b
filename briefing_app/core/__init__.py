"""The Qt-free heart of briefing-app: articles, briefs, the .brief file format and checks.

Nothing here imports Qt, so it can be used from scripts and notebooks and tested without a display.
"""
