"""Markup from a file shown literally in the window's message boxes, labels and tooltips on X11, where
the boxes are real top-level windows (run by test_xcb_platform.py)."""

from test_plain_text_window import (  # noqa: F401 (collected here too, on the xcb platform)
    baited,
    test_an_error_naming_a_baited_field_shows_it_literally,
    test_labels_lists_and_tooltips_show_markup_literally,
    test_the_unsaved_changes_prompt_shows_a_baited_title_literally,
)
