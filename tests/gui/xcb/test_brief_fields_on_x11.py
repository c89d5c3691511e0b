"""The Brief tab's Alt keys and focus changes as an X11 user meets them (run by test_xcb_platform.py)."""

from test_brief_fields_window import (  # noqa: F401 (collected here too, on the xcb platform)
    test_prepared_for_and_distribution_are_typed_in_the_brief_tab_and_undone,
)
