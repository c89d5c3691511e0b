"""Many items added in one model call (accepting suggestions, issue 16): a plan made by ``Brief.plan_adds``
(what ``workbench.plan_acceptance`` calls) goes in whole with ``Brief.add_items`` or not at all, the listeners
hear one change holding the items, and the span index answers for every item added or removed."""

import dataclasses

import pytest

from briefing_app.core.brief import (
    EXPERT_ASSESSMENTS,
    KEY_FACTS,
    BriefError,
    Planned,
    SpanTaken,
    brief_from_article,
)
from briefing_app.core.brief_file import dumps
from briefing_app.core.kinds import ChangeKind
from briefing_app.core.loaders import load_article
from briefing_app.core.suggest import suggest
from briefing_app.core.workbench import plan_acceptance, planning_acceptance

from helpers.heard import heard_seed_brief
from helpers.support import SEED


@pytest.fixture
def brief():
    return heard_seed_brief()


@pytest.fixture
def suggestions(brief):
    src = brief.source(1)
    return suggest(src.text, src.title_line)


def test_a_plan_goes_in_whole_with_one_change_told(brief, suggestions):
    kept = brief.add_item(KEY_FACTS, 1, 0, 5)  # an item before: the plan's places come after it
    brief.changes.clear()
    planned, refused = plan_acceptance(brief, 1, suggestions)
    briefed = [s for s in suggestions if s.kind != "opinion"]
    assert len(planned) + refused == len(briefed) and len(planned) > 10
    assert brief.items(KEY_FACTS) == (kept,) and not brief.changes  # planning changes nothing

    added = brief.add_items(planned)
    assert added == [p.item for p in planned]
    facts = [p.item for p in planned if p.section == KEY_FACTS]
    assessments = [p.item for p in planned if p.section == EXPERT_ASSESSMENTS]
    assert brief.items(KEY_FACTS) == (kept, *facts) and brief.items(EXPERT_ASSESSMENTS) == tuple(assessments)
    assert all(item.speaker for item in assessments)
    (change,) = brief.changes  # once, whatever the number
    assert change.what == ChangeKind.ITEMS and change.section is None and change.items == tuple(added)
    for item in added:  # the span index holds each: its passage is taken, and at its offset is the item
        assert brief.is_taken(1, item.start, item.end)
        assert brief.item_at(1, (item.start + item.end) // 2) == item
    assert len(brief.items(KEY_FACTS)) + len(brief.items(EXPERT_ASSESSMENTS)) == 1 + len(added)

    removed = brief.remove_items([item.id for item in added])  # what undo does: one change again
    assert len(brief.changes) == 2 and brief.changes[1].items == (*facts, *assessments)  # in the brief's order
    assert brief.items(KEY_FACTS) == (kept,) and not brief.items(EXPERT_ASSESSMENTS)
    assert not any(brief.is_taken(1, item.start, item.end) for item in added)
    assert [item for _, _, item in removed] == facts + assessments

    brief.add_items(planned)  # and redo: the same items, the same ids, checked again (the brief changed)
    assert brief.items(KEY_FACTS) == (kept, *facts) and len(brief.changes) == 3


def refused(brief, planned, match, error=BriefError):
    before, heard = dumps(brief), len(brief.changes)
    with pytest.raises(error, match=match):
        brief.add_items(planned)
    assert dumps(brief) == before and len(brief.changes) == heard  # nothing added, nobody told


def test_a_plan_is_refused_whole_if_one_of_it_is_wrong(brief, suggestions):
    planned, _ = plan_acceptance(brief, 1, suggestions)
    last = planned[-1]
    taken = brief.add_item(last.section, 1, last.item.start, last.item.end)  # the brief changed since the plan
    brief.changes.clear()
    refused(brief, planned, "already in the brief", SpanTaken)
    brief.remove_item(taken.id)
    brief.changes.clear()

    twice = [*planned, dataclasses.replace(planned[0], index=len(planned))]
    refused(brief, twice, "given twice")
    moved = [*planned[:-1], dataclasses.replace(last, item=dataclasses.replace(last.item, start=last.item.start + 1))]
    refused(brief, moved, "not the text of source 1")
    judged = [*planned[:-1], dataclasses.replace(last, item=dataclasses.replace(last.item, confidence="certain"))]
    refused(brief, judged, "confidence")
    away = [*planned[:-1], dataclasses.replace(last, index=len(brief.items(last.section)) + len(planned) + 5)]
    refused(brief, away, "outside the")
    other = brief_from_article(load_article(SEED))  # a plan is checked against the brief it goes into
    brief.add_items(planned)
    with pytest.raises(BriefError, match="already in the brief"):
        brief.add_items(planned)  # the same plan twice
    other.add_items(planned)  # a copy of the text: the same passages are free there
    assert other.items(KEY_FACTS) == brief.items(KEY_FACTS)


def test_a_plan_checked_is_not_checked_again_until_the_brief_changes(brief, suggestions, monkeypatch):
    planned, _ = plan_acceptance(brief, 1, suggestions)
    checks = []
    original = type(brief)._check_new
    monkeypatch.setattr(type(brief), "_check_new", lambda self, item: checks.append(item) or original(self, item))
    brief.check_add_items(planned)
    brief.add_items(planned)
    assert checks == []  # plan_adds checked it: the same plan at the same revision goes in at once
    ids = [p.item.id for p in planned]
    brief.remove_items(ids)  # exactly those items (an undo): the brief is as the plan was checked against
    brief.add_items(planned)
    assert checks == []  # a redo goes in at once too

    brief.remove_items(ids)
    brief.set_field("comment", "changed in between")
    brief.add_items(planned)
    assert len(checks) == len(planned)  # the brief changed in between: each item checked once more

    checks.clear()
    brief.remove_items(ids[1:])  # not all the items of the plan: the rest stay, and a new check is due
    brief.remove_items(ids[:1])
    first = planned[0].item
    brief.add_item(KEY_FACTS, 1, first.start, first.end)  # and a passage of the plan taken meanwhile
    with pytest.raises(BriefError):
        brief.add_items(planned)
    assert checks and len(brief.items(KEY_FACTS)) == 1  # refused whole, after checking
    assert isinstance(planned[0], Planned)


def test_a_plan_made_in_steps_is_the_same_and_checked_again_if_the_brief_changed_between_them(brief, suggestions):
    whole, refused = plan_acceptance(brief, 1, suggestions)
    steps = planning_acceptance(brief, 1, suggestions, every=4)
    results = list(steps)
    assert results[:-1] == [None] * (len(results) - 1) and len(results) > 3  # a pause every four suggestions
    assert [(p.section, p.index, p.item.start, p.item.end) for p in results[-1][0]] == [
        (p.section, p.index, p.item.start, p.item.end) for p in whole
    ] and results[-1][1] == refused

    steps = planning_acceptance(brief, 1, suggestions, every=4)
    assert next(steps) is None
    first = whole[0].item
    brief.add_item(KEY_FACTS, 1, first.start, first.end)  # between two steps: the first passage is taken
    planned, _ = list(steps)[-1]
    assert planned[0].item.start == first.start  # planned before the change: only adding it finds out
    with pytest.raises(BriefError):
        brief.add_items(planned)
