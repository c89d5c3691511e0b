"""The tradecraft fields and the Review tab as an X11 user drives them: Alt keys, Tab down the forms, arrow
and letter keys in combo boxes, Enter and a double-click on a finding (run by test_xcb_platform.py)."""

from test_review_window import (  # noqa: F401 (collected here too, on the xcb platform)
    test_a_planted_finding_is_listed_shown_by_a_double_click_and_cleared_live_when_fixed,
    test_enter_shows_the_bluf_or_the_source_a_finding_is_about_and_stale_days_are_remembered,
)
from test_tradecraft_window import (  # noqa: F401
    test_a_sources_access_date_of_information_and_perspective_are_typed_and_undone,
    test_an_assessments_judgement_and_an_items_credibility_and_grade_in_the_item_details,
    test_the_bluf_and_comment_judgements_are_chosen_by_keys_and_undone,
    test_the_scale_is_chosen_by_keys_and_one_ctrl_z_puts_back_every_term_it_mapped,
)
