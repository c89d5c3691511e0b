"""Loading in the window as an X11 user meets it (run by test_xcb_platform.py): the encoding dialog's
answer, a pipe refused at once, and a Word document loading behind a progress bar."""

from test_hostile_loads_window import (  # noqa: F401 (collected here too, on the xcb platform)
    test_the_window_refuses_a_fifo_and_stays_usable,
    test_the_window_says_a_codec_is_no_text_encoding,
    test_word_documents_and_web_pages_load_in_the_background,
)
