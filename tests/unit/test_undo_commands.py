"""Every undo command alone, on a bare QUndoStack and a real Brief, without a window (as Orange's canvas tests
its commands): pushed, undone, redone, each step leaving the brief exactly as the model's own call would;
a refused command raises before it reaches the stack and changes nothing, not even a listener's list."""

import pytest
from PySide6.QtGui import QUndoStack

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, BriefError, Source, SpanTaken
from briefing_app.core.brief_file import dumps
from briefing_app.core.suggest import Suggestion, suggest
from briefing_app.core.workbench import plan_acceptance
from briefing_app.gui.undo_commands import (
    AddItem,
    AddItems,
    AddSource,
    EditItem,
    MoveItem,
    MoveItems,
    RemoveItems,
    SetField,
    SetLikelihoodScale,
    SetStatus,
    SortItems,
    UpdateSource,
)

from helpers.heard import heard_seed_brief
from helpers.review import clean_brief, likelihoods

FACT = "The Pentagon and NATO confirmed on October 28, 2024, that 10,000 North Korean soldiers"
QUOTE = "“Behind the Moscow-Pyongyang agreement"


@pytest.fixture
def brief():
    return heard_seed_brief()


@pytest.fixture
def stack():
    s = QUndoStack()
    yield s
    s.clear()


def span(brief, needle, length=None):
    start = brief.sources[0].text.index(needle)
    return start, start + (length or len(needle))


def with_items(brief, n=3, section=KEY_FACTS):
    """``n`` items of ``section`` at 100, 200, ...; their ids."""
    return [brief.add_item(section, 1, 100 * (k + 1), 100 * (k + 1) + 30).id for k in range(n)]


def round_trip(stack, brief, command, text=None):
    """Push ``command``, undo it, redo it: the brief after each step is exactly as it was before or after."""
    before = dumps(brief)
    count = stack.count()
    stack.push(command)
    after = dumps(brief)
    assert after != before and stack.count() == count + 1
    if text is not None:
        assert stack.undoText() == text
    stack.undo()
    assert dumps(brief) == before
    stack.redo()
    assert dumps(brief) == after
    return after


def refused(stack, brief, make, match, error=BriefError):
    """``make()`` raises ``error`` before anything reaches the stack; the brief and its listeners are as before."""
    before, heard, count = dumps(brief), len(brief.changes), stack.count()
    with pytest.raises(error, match=match):
        stack.push(make())
    assert dumps(brief) == before and len(brief.changes) == heard and stack.count() == count


def ids(items):
    return [it.id for it in items]


def test_add_item_is_added_removed_and_added_again(stack, brief):
    start, end = span(brief, FACT)
    round_trip(stack, brief, AddItem(brief, KEY_FACTS, 1, start - 1, end), text=f"Add key fact “{FACT[:39]}…”")
    (item,) = brief.key_facts
    assert (item.start, item.end, item.text) == (start, end, FACT)  # trimmed by the model's make_item
    quote = span(brief, QUOTE)
    round_trip(stack, brief, AddItem(brief, EXPERT_ASSESSMENTS, 1, *quote, speaker="Barthélémy Courmont"))
    assert brief.expert_assessments[0].speaker == "Barthélémy Courmont"
    refused(stack, brief, lambda: AddItem(brief, EXPERT_ASSESSMENTS, 1, start + 4, end + 9), "already in the brief as "
            "key fact 1", SpanTaken)  # fmt: skip
    refused(stack, brief, lambda: AddItem(brief, KEY_FACTS, 1, 0, 10**9), "not within source 1")
    refused(stack, brief, lambda: AddItem(brief, KEY_FACTS, 1, 0, 5, mood="x"), "an item has no mood")


def test_planned_adds_replay_a_plan_checked_once(stack, brief):
    text = brief.sources[0].text
    starts = [text.index(FACT), text.index(QUOTE)]
    suggestions = [
        Suggestion("key_fact", starts[0], starts[0] + len(FACT), FACT, None, None, 0.9),
        Suggestion("key_fact", starts[0] + 5, starts[0] + 20, FACT[5:20], None, None, 0.5),
        Suggestion("expert_assessment", starts[1], starts[1] + len(QUOTE), QUOTE, "B. C.", "IRIS", 0.8),
    ]
    planned, refused_count = plan_acceptance(brief, 1, suggestions)
    assert refused_count == 1 and [p.item.text for p in planned] == [FACT, QUOTE]  # the overlapping one refused
    stack.beginMacro("Accept 2 suggestions")
    for p in planned:
        stack.push(AddItem.planned(brief, p))
    stack.endMacro()
    assert (ids(brief.key_facts), ids(brief.expert_assessments)) == ([planned[0].item.id], [planned[1].item.id])
    stack.undo()
    assert brief.key_facts == () and brief.expert_assessments == ()
    stack.redo()
    assert brief.expert_assessments[0].speaker == "B. C."


def test_add_items_is_one_model_call_and_one_step_undone_whole(stack, brief):
    src = brief.source(1)
    kept = brief.add_item(KEY_FACTS, 1, *span(brief, FACT))
    planned, skipped = plan_acceptance(brief, 1, suggest(src.text, src.title_line))
    assert skipped >= 1 and len(planned) > 10  # the fact added already is not planned again

    model = brief.snapshot()  # the same plan applied by the model's own calls
    model.add_items(planned)
    heard = len(brief.changes)
    command = AddItems(brief, planned)
    after = round_trip(stack, brief, command, text=f"Accept {len(planned)} suggestions")
    assert after == dumps(model) and brief == model
    assert len(brief.changes) == heard + 3  # push, undo, redo: one change each, however many items
    assert [c.items for c in brief.changes[-3:]][::2] == [tuple(p.item for p in planned)] * 2
    stack.undo()
    assert brief.items(KEY_FACTS) == (kept,) and brief.items(EXPERT_ASSESSMENTS) == ()
    stack.redo()  # the same items again, with their ids
    assert [it.id for it in brief.items(KEY_FACTS)[1:]] == [p.item.id for p in planned if p.section == KEY_FACTS]

    stack.undo()
    brief.add_item(planned[3].section, 1, planned[3].item.start, planned[3].item.end)  # the plan is stale now
    refused(stack, brief, lambda: AddItems(brief, planned), "already in the brief", SpanTaken)


def test_remove_items_puts_each_back_at_its_index_in_one_step(stack, brief):
    facts = with_items(brief, 4)
    said = [brief.add_item(EXPERT_ASSESSMENTS, 1, 600, 630).id]
    order = (ids(brief.key_facts), ids(brief.expert_assessments))
    round_trip(stack, brief, RemoveItems(brief, [facts[3], said[0], facts[1]]), text="Delete 3 items")
    assert (ids(brief.key_facts), ids(brief.expert_assessments)) == ([facts[0], facts[2]], [])
    stack.undo()
    assert (ids(brief.key_facts), ids(brief.expert_assessments)) == order
    refused(stack, brief, lambda: RemoveItems(brief, []), "no item is selected")
    refused(stack, brief, lambda: RemoveItems(brief, [facts[0], facts[0]]), "named twice")
    refused(stack, brief, lambda: RemoveItems(brief, [facts[0], "nope"]), "no item with id 'nope'")


def test_edit_item_merges_typing_in_one_field_and_checks_the_span(stack, brief):
    a, b = with_items(brief, 2)
    old = brief.find(a)[2]
    stack.push(EditItem(brief, a, note="c"))
    stack.push(EditItem(brief, a, note="ch"))
    stack.push(EditItem(brief, a, note="check"))
    assert stack.count() == 1 and brief.find(a)[2].note == "check" and stack.undoText() == "Edit note of key fact 1"
    stack.undo()
    assert brief.find(a)[2] == old
    stack.redo()
    round_trip(stack, brief, EditItem(brief, a, start=old.start + 2, end=old.end), text="Edit passage of key fact 1")
    assert brief.find(a)[2].start == old.start + 2 and stack.count() == 2  # another field: another step
    refused(stack, brief, lambda: EditItem(brief, a, end=250), "already in the brief as key fact 2", SpanTaken)
    refused(stack, brief, lambda: EditItem(brief, a, mood="x"), "not mood")
    refused(stack, brief, lambda: EditItem(brief, a, credibility=7), "credibility must be a whole number from 1 to 6")
    refused(stack, brief, lambda: EditItem(brief, "nope", note="x"), "no item with id")


def test_move_item_within_and_across_sections(stack, brief):
    a, b, c = with_items(brief, 3)
    round_trip(stack, brief, MoveItem(brief, c, 0), text="Move key fact 3")
    assert ids(brief.key_facts) == [c, a, b]
    round_trip(
        stack, brief, MoveItem(brief, a, 0, EXPERT_ASSESSMENTS), text="Move key fact 2 to the expert assessments"
    )
    assert (ids(brief.key_facts), ids(brief.expert_assessments)) == ([c, b], [a])
    refused(stack, brief, lambda: MoveItem(brief, b, 2), "position 3 is outside the key facts")
    refused(stack, brief, lambda: MoveItem(brief, b, 0, "comments"), "no section 'comments'")


def test_move_items_moves_several_in_one_step_and_a_move_to_where_they_are_is_no_step(stack, brief):
    a, b, c, d = with_items(brief, 4)
    (x,) = [brief.add_item(EXPERT_ASSESSMENTS, 1, 700, 730).id]
    round_trip(stack, brief, MoveItems(brief, [d, x, a], 2, KEY_FACTS), text="Move 3 items to the key facts")
    assert (ids(brief.key_facts), ids(brief.expert_assessments)) == ([b, d, x, a, c], [])
    stack.undo()
    assert (ids(brief.key_facts), ids(brief.expert_assessments)) == ([a, b, c, d], [x])
    stack.redo()
    round_trip(stack, brief, MoveItem.many(brief, [b, c], 0, EXPERT_ASSESSMENTS),
               text="Move 2 items to the expert assessments")  # fmt: skip
    assert (ids(brief.key_facts), ids(brief.expert_assessments)) == ([d, x, a], [b, c])
    count, heard = stack.count(), len(brief.changes)
    stack.push(MoveItems(brief, [x, a], 3, KEY_FACTS))  # already there: dropped, nothing heard
    assert stack.count() == count and len(brief.changes) == heard
    refused(stack, brief, lambda: MoveItems(brief, [d], 5, KEY_FACTS), "position 6 is outside the key facts")
    refused(stack, brief, lambda: MoveItems(brief, [d, d], 0, KEY_FACTS), "named twice")


def test_sort_items_and_back(stack, brief):
    a, b, c = (brief.add_item(KEY_FACTS, 1, s, s + 20).id for s in (300, 100, 200))
    round_trip(stack, brief, SortItems(brief, KEY_FACTS), text="Sort key facts by place in the article")
    assert ids(brief.key_facts) == [b, c, a]


def test_set_field_keeps_the_models_spelling_merges_and_refuses_without_a_trace(stack, brief):
    round_trip(stack, brief, SetField(brief, "handling", " tlp:amber+strict "), text="Edit the handling")
    assert brief.handling == "TLP:AMBER+STRICT"
    stack.push(SetField(brief, "bluf", "T"))
    stack.push(SetField(brief, "bluf", "Troops"))
    assert stack.count() == 2 and brief.bluf == "Troops"
    stack.undo()
    assert brief.bluf == "" and brief.handling == "TLP:AMBER+STRICT"
    stack.redo()
    round_trip(stack, brief, SetField(brief, "prepared_for", "Director"), text="Edit the “prepared for” line")
    refused(stack, brief, lambda: SetField(brief, "date", "2024-02-30"), "not a real date")
    refused(stack, brief, lambda: SetField(brief, "bluf_likelihood", "likely"), "the brief has no likelihood scale")
    refused(stack, brief, lambda: SetField(brief, "likelihood_scale", "phia"), "set by set_likelihood_scale")
    refused(stack, brief, lambda: SetField(brief, "colour", "red"), "a brief has no field 'colour'")


def test_set_status_is_a_step_each_time(stack, brief):
    round_trip(stack, brief, SetStatus(brief, "final"), text="Mark the brief final")
    stack.push(SetStatus(brief, "draft"))
    assert stack.count() == 2 and stack.undoText() == "Mark the brief as a draft"
    refused(stack, brief, lambda: SetStatus(brief, "approved"), "draft or final")


def test_set_likelihood_scale_maps_every_likelihood_and_undo_puts_each_back(stack, brief):
    stack.push(SetLikelihoodScale(brief, "icd203"))
    item = brief.add_item(EXPERT_ASSESSMENTS, 1, *span(brief, QUOTE), likelihood="likely")
    brief.set_field("bluf_likelihood", "almost certain")
    round_trip(stack, brief, SetLikelihoodScale(brief, "phia"), text="Use the PHIA yardstick for likelihood")
    assert (brief.bluf_likelihood, brief.find(item.id)[2].likelihood) == ("almost certain", "likely or probably")
    stack.undo()
    assert (brief.likelihood_scale, brief.find(item.id)[2].likelihood) == ("icd203", "likely")
    refused(stack, brief, lambda: SetLikelihoodScale(brief, "nato"), "icd203, phia or empty")


def test_add_source_at_its_number_and_remove_it_on_undo(stack, brief):
    second = Source(title="Second", text="Second\nA fact from elsewhere.", title_line=True, reliability="B")
    round_trip(stack, brief, AddSource(brief, second), text="Add source “Second”")
    assert brief.sources[1] == second
    first = Source(title="First", text="An earlier fact.")
    brief.add_item(KEY_FACTS, 2, 7, 28)
    round_trip(stack, brief, AddSource(brief, first, 1))
    assert [s.title for s in brief.sources] == ["First", brief.title, "Second"] and brief.key_facts[0].source == 3
    refused(stack, brief, lambda: AddSource(brief, Source(title="Bad", text="x", url="javascript:alert(1)")),
            "must start with http")  # fmt: skip
    refused(stack, brief, lambda: AddSource(brief, first, 9), "a new source can be number 1 to 4, not 9")


def test_update_source_merges_and_hands_on_the_texts_paragraphs(stack, brief):
    facts = brief.sources[0].text_facts
    stack.push(UpdateSource(brief, 1, publisher="Le"))
    stack.push(UpdateSource(brief, 1, publisher="Le Monde"))
    assert stack.count() == 1 and brief.sources[0].publisher == "Le Monde" and stack.undoText() == "Edit source 1"
    assert brief.sources[0].text_facts is facts  # not numbered again: a 10 MB text takes 0.6 s
    round_trip(stack, brief, UpdateSource(brief, 1, reliability="B", access="direct"))
    stack.undo()
    assert (brief.sources[0].reliability, brief.sources[0].access) == ("F", "unknown")
    refused(stack, brief, lambda: UpdateSource(brief, 1, reliability="Z"), "one of A-F")
    refused(stack, brief, lambda: UpdateSource(brief, 1, text="Other"), "a source's text cannot be changed")
    refused(stack, brief, lambda: UpdateSource(brief, 2, title="x"), "there is no source 2")


def test_choosing_the_scale_is_one_command_on_a_bare_stack(qapp):
    brief = clean_brief()
    stack = QUndoStack()
    stack.push(SetLikelihoodScale(brief, "phia"))
    assert (brief.likelihood_scale, brief.bluf_likelihood) == ("phia", "likely or probably")
    stack.push(SetLikelihoodScale(brief, ""))
    assert (brief.likelihood_scale, brief.bluf_likelihood, brief.expert_assessments[0].likelihood) == ("", "", "")
    stack.undo()
    stack.undo()
    assert likelihoods(brief) == ("icd203", "likely", "", "likely")
    stack.redo()
    assert brief.bluf_likelihood == "likely or probably"
    with pytest.raises(Exception, match="icd203, phia or empty"):
        SetLikelihoodScale(brief, "nato")
