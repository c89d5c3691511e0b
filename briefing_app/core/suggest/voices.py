"""Who speaks each paragraph, sentence and clause of an article: the engine's reading of it, in order.

A paragraph's speaker comes from the article's form: a transcript's labels ("MS. LOWE:"), a speech's title
or byline ("Remarks by …", "Governor Ana M. Ruiz"), a written interview (questions, then answers in the first
person), or a quotation set as paragraphs after "X said:". Headings, stage directions and the press's
questions are left out. Within a paragraph, what a sentence writes itself ("…, said X", "according to X")
names its speaker; "she said" or "the researcher" is the last named speaker, and a sentence opening with a
quotation mark goes on with the previous one. ``read`` yields every sentence with its speaker in reading
order; ``clause_speakers`` tells who says each clause of a sentence that joins two statements. The people
themselves (names, titles, affiliations) are :mod:`.people`'s; the cutting into paragraphs, sentences and
clauses is :mod:`.segment`'s.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice, pairwise, permutations

import regex

from . import lexicon as lx
from .people import (
    ADVERBS,
    APPOSITION,
    BODY_ALONE,
    CAPRUN,
    COURTESY,
    DEGREES,
    LOOSE_APPOSITION,
    NOBODY,
    OCCUPATIONS,
    ORG_WORDS,
    PARTICLED_RUN,
    POST_NOMINALS,
    QUESTIONER,
    ROLE,
    ROLE_NOUNS,
    SPEECH,
    SPEECH_VERBS,
    TITLE_WORDS,
    VERBS_FIRST,
    People,
    Person,
    Speaker,
    initials_of,
    is_role_word,
    name_like,
    spelled_out,
)
from .segment import MEMBER, NAME_SEAT, NARRATOR_LABELS, OFFICE_HOLDER, Block, Sentence, blocks

_V = regex.V1


# --- the reading: every sentence with its speaker, in order
@dataclass(frozen=True)
class Reading:
    """One sentence as the engine reads it: where it is, who says it, and the context it needs."""

    block: Block
    sentence: Sentence
    said: Speaker
    last: Speaker  # the last named speaker so far, for "she said" in a later clause
    in_transcript: bool


def read(text: str, people: People | None = None, title_line: bool = False) -> Iterator[Reading]:
    """The article's sentences in reading order, each with its speaker (headings left out).

    ``title_line``: the first line is the article's title, never a suggestion; when it names the
    speaker of a speech ("Remarks by …"), every paragraph without a label of its own is that
    speaker's, as in a transcript of one voice."""
    people = people or People(text, title_line)
    paras = blocks(text)
    speech = people.for_title(text[paras[0].start : paras[0].end]) if title_line and paras else None
    byline = _byline_speaker(text, paras[1:3], people) if title_line else None
    # the byline's own lines are the page's, no statement ("Remarks by Ana Ruiz, Governor, at the Port Forum")
    bylines = {b.index for b in paras[1:3] if byline and _is_byline_line(text, b, byline)}
    titled = speech or (people.interviewed_in_title(text[paras[0].start : paras[0].end]) if title_line else None)
    # a briefing's title naming its one briefer ("Noon Briefing by Ana Ruiz, Spokesperson …") is its byline, and so
    # is a first paragraph that says whose briefing this is ("… a transcript of today's noon briefing by Ana Ruiz, …")
    host = byline or next(
        (
            found
            for b in paras[: 2 if title_line else 0]
            if b.end - b.start <= BYLINE_CHARS * 2 and (found := people.briefer(text[b.start : b.end]))
        ),
        None,
    )
    speakers = _label_speakers(text, paras, people, titled, host) or _name_lines(text, paras, people)
    if not speakers and title_line:
        # (a briefing its title names one briefer for, without labels and without questions, is their statement)
        speech = speech or byline or (host if host and not any(_asks(text, b) for b in paras[1:]) else None)
        if speech is not None:
            # the office in full where the speaker gives it ("As a governor of the Kappa Bank, I …" under "Governor")
            own = next(filter(None, (self_description(text, b.start, b.end) for b in paras[1:])), "")
            if own and speech.affiliation.lower() in own.lower():
                speech = replace(speech, affiliation=own)
            speakers = {b.index: speech for b in paras[1:]}
    # in an English text, a quotation's original in another language is read in its translation only
    originals = {b.index for b in paras if _original(text, b)}
    if 2 * len(originals) >= len(paras):
        originals = set()  # a text in another language: read it all, as it is
    if not speakers:
        speakers = (
            _interviewee(text, paras, people, titled)
            or _press_conference(text, paras, people)
            or _quoted_blocks(text, paras, people, originals)
        )
    # labels and bylines give only the office: spelled out where the text does ("Chair" → "Chair of …")
    # (once per speaker, not per paragraph: each looks through the whole text; the questioner stays the one
    # object it is compared with)
    full = {sp: _office_in_full(people, sp) for sp in set(speakers.values())}
    speakers = {i: full[sp] for i, sp in speakers.items()}
    last: Speaker = NOBODY
    earlier: Speaker = NOBODY  # the named speaker before ``last``: "she said" may mean her, when ``last`` is a man
    previous: Speaker = NOBODY  # the sentence before's: a paragraph that opens a quotation goes on with it
    for block in paras:
        if title_line and block.index == 0:
            continue
        label_speaker = speakers.get(block.index)
        if block.index in originals:
            continue
        if block.index in bylines:
            continue
        if (
            _is_heading(text, block)
            or _is_stage_direction(text, block)
            or label_speaker is QUESTIONER
            or _TRANSCRIPT_NOTE.match(text, block.start, block.end)
        ):
            previous = NOBODY  # a quotation does not run on past a heading or a question
            continue
        before = paras[block.index - 1] if block.index else None  # a turn's question, or its previous paragraph
        sentences = block.sentences
        for k, sentence in enumerate(sentences):
            said = _sentence_speaker(people, text, sentence, label_speaker, last, previous, block.body_start,
                                     before.start if before else block.start)  # fmt: skip
            if label_speaker is None and said.how in ("", "continued"):
                # (the next paragraphs, as many as a quotation's sentences may run over: a slice of all would cost
                # a pass over the text for each sentence)
                after = paras[block.index + 1 : block.index + 1 + QUOTED_SENTENCES]
                said = _named_at_close(people, text, sentences, k, last, after) or said
            if said.how == "pronoun" and label_speaker is None:
                since = sentences[k - 1].start if k else before.start if before else block.start
                met = people.named_in(since, sentence.start) if k and previous.kind != "person" else []
                # "… the opening speech of Tom Hale. “…,” he said." (not "Hale’s staff left. “…,” she said.")
                if len(met) == 1 and met[0].name != said.name and not _POSSESSIVE.search(text, since, sentence.start):
                    said = Speaker("person", met[0].name, met[0].affiliation, said.how)
                # the sentence's own subject: "Mayor Joe Lin tried … as he told the council …", "Ana Ruiz, an
                # economist, compared it with 1990: “Cargo is falling,” she said."
                # (not a subject inside the quotation it goes on with: "“… Hale adopted a position …”, she said")
                subject = people.subject_of(sentence.start, sentence.end)
                if (
                    subject is not None
                    and subject.name != said.name
                    and not _continues_quote(text, sentence, block.body_start)
                ):
                    said = Speaker("person", subject.name, subject.affiliation, said.how)
                said = _agreeing(people, text, sentence, said, earlier, since)
            if (
                k
                and label_speaker is not None
                and said is label_speaker
                and previous.name != label_speaker.name
                and previous.kind == "person"
                and text.find(":", sentences[k - 1].end, sentence.start) >= 0
            ):  # a speech quoting someone: "Lena Ostrova writes as follows: | No harbour …" is hers
                said = replace(previous, how="continued")
            named = said if said.kind == "person" and said.name else None
            if named is None and label_speaker is None and (subject := people.subject_of(sentence.start, sentence.end)):
                named = Speaker("person", subject.name, subject.affiliation, "subject")
            if named is not None:
                earlier = last if named.name != last.name else earlier
                last = named
            previous = said
            yield Reading(block, sentence, said, last, label_speaker is not None)


# a transcript speaker's sentence opening with their own view: "I think …", "Well, I believe …", "We expect …"
_OWN_VIEW = regex.compile(
    r"(?:(?:Well|So|And|But|Look|Now|Yes|No),?\s+)?(?:I|We)\s+(?:\w+ly\s+)?(?:think|believe|expect|feel|suspect|doubt)\b",
    _V,
)
# a speaker vouching, later in the sentence, for what another holds: "…, and I can testify that he believed it"
_OWN_TESTIMONY = regex.compile(
    r"\b(?:I|we)\s+(?:can|could|must|have\s+to)\s+(?:\w+ly\s+)?(?:testify|tell\s+you|assure\s+you|say)\b", _V
)
_HE_SHE = regex.compile(r"\b(?:(?P<f>[Ss]he)|(?P<m>[Hh]e))\b")
_POSSESSIVE = regex.compile(r"\p{Lu}\p{Ll}+[’']s\b")
_QUOTED = regex.compile(r"“[^”]*”|\"[^\"]*\"")


def _agreeing(people: People, text: str, s: Sentence, said: Speaker, earlier: Speaker, since: int) -> Speaker:
    """Whom "she said" means: the last named speaker, unless the text gives that one the other gender (a
    courtesy title, a role noun, an earlier "he said"): then the named speaker before them, if of this one, or
    else the last person named from ``since`` on, as an object too ("… helped office clerk Lena Obi. “…,” she
    says."), if of no other. The one meant takes the pronoun's gender."""
    pronoun = _HE_SHE.search(_QUOTED.sub(" ", text[s.start : s.end]))  # the attribution's, not the quotation's
    if pronoun is None or not said.name:
        return said
    meant = "f" if pronoun["f"] else "m"
    if people.gender_of(said.name) not in ("", meant):
        if earlier.name and people.gender_of(earlier.name) == meant:
            said = replace(earlier, how=said.how)
        elif (named := people.last_named(since, s.start, besides=said.name)) and people.gender_of(named.name) in (
            "",
            meant,
        ):
            said = Speaker("person", named.name, named.affiliation, said.how)
    people.take_gender(said.name, meant)
    return said


# How much text before a passage ``speaker_at`` reads: enough for the earlier mention of a name, a
# transcript label or "she said", without reading a 10 MB article for one passage.
CONTEXT_CHARS = 20_000


def speaker_at(text: str, start: int, end: int) -> Speaker:
    """Who says the passage ``text[start:end]``: the speaker of the sentence holding its start."""
    lo = text.find("\n", max(0, start - CONTEXT_CHARS), start) + 1 if start > CONTEXT_CHARS else 0
    hi = text.find("\n", end)
    window = text[lo : hi if hi >= 0 else len(text)]
    for r in read(window):
        if r.sentence.end > start - lo and r.sentence.start < max(end, start + 1) - lo:
            return r.said
    return NOBODY


def puts_a_question(text: str, r: Reading) -> bool:
    """Whether the sentence ``r`` reads, the last of its paragraph (the caller's to say), is a transcript's
    question: one that ends a turn is put to the other side, to be answered, no rhetoric and no one's view
    (ANNOTATION.md leaves out the premises of questions). On the tuning half, 135 of 147 such questions are no
    gold opinion; a question inside an answer may be rhetorical."""
    return r.in_transcript and _asks(text, r.block)


def by_paragraph(readings: Iterator[Reading]) -> Iterator[list[Reading]]:
    """The readings a paragraph at a time, in order."""
    paragraph: list[Reading] = []
    for r in readings:
        if paragraph and r.block.index != paragraph[0].block.index:
            yield paragraph
            paragraph = []
        paragraph.append(r)
    if paragraph:
        yield paragraph


def clause_speakers(people: People, text: str, r: Reading) -> list[Speaker]:
    """Who says each clause of the sentence ``r`` reads: the attribution a clause writes itself when the
    sentence has others, "she said" being the last named speaker; else the sentence's speaker, unless the
    attribution comes only after it, in a later clause of prose ("Unemployment fell to 4 percent, | and Ana
    Ruiz said it would keep falling": the first clause is the text's own)."""
    clauses = r.sentence.clauses
    if len(clauses) == 1:
        return [r.said]
    own = []
    for c in clauses:
        sp = attribution(people, text, c.start, c.end)
        if sp.kind == "person" and not sp.name:
            sp = replace(r.last, how=sp.how) if r.last.name else NOBODY
        own.append(sp if sp is not NOBODY and sp.kind != "none" else None)
    first = next((i for i, sp in enumerate(own) if sp is not None), None)
    prose = r.said.how in _REPORTED_HOWS  # the sentence's speaker is its own attribution, no label's
    closing = own[first] if first is not None else None
    if closing and _CLOSING_ATTRIBUTION.search(text, clauses[first or 0].start, clauses[first or 0].end):
        # "… raised money, but it drives exporters away, argues Tom Hale.": the attribution closing the sentence
        # is of all of it
        return [sp or closing for sp in own]
    return [
        sp if sp is not None else (NOBODY if prose and first is not None and i < first else r.said)
        for i, sp in enumerate(own)
    ]


# an attribution that closes its sentence: ", argues Tom Hale.", ", Ana Ruiz wrote on her blog."
_CLOSING_ATTRIBUTION = regex.compile(
    rf",[”’\"]?\s+(?:(?:{SPEECH_VERBS})\s+[^,;:.!?“”\"]{{1,80}}|\p{{Lu}}[^,;:.!?“”\"]{{0,60}}\s+(?:{SPEECH_VERBS})"
    rf"(?:\s+[^,;:.!?“”\"]{{1,40}})?)[.!?]?[”’\"]?\s*$",
    _V,
)


_REPORTED_HOWS = frozenset({"reported", "according", "quote"})


# --- whose paragraph: transcript labels, speech titles and bylines, written interviews, quotation blocks


def _participants(text: str, paras: list[Block]) -> dict[str, tuple[str, str]]:
    """A transcript's list of participants: a name in capitals on its own line, its role on the next ("ANA RUIZ",
    "Chief Economist and Director, Research Department"), by surname: {surname: (name, role)}."""
    lines = [text[b.start : b.end].strip() for b in paras]
    found = {}
    for line, below in zip(lines, lines[1:], strict=False):
        words = line.split()
        if 2 <= len(words) <= 4 and line.isupper() and _PLAIN_CAPS.fullmatch(line) and _ROLE_LINE.fullmatch(below):
            found[words[-1].lower()] = (" ".join(w.capitalize() for w in words), below)
    return found


_TITLE_ALTERNATIVES = "|".join(map(regex.escape, sorted(TITLE_WORDS, key=len, reverse=True)))
_PLAIN_CAPS = regex.compile(r"[\p{Lu}’'\- ]+", _V)
# a role on a line of its own: capitalised, no sentence, with an office or a role word in it
_ROLE_LINE = regex.compile(
    rf"(?=[^\n]*\b(?:{_TITLE_ALTERNATIVES}|(?i:{ROLE_NOUNS}|division|department))\b)"
    r"\p{Lu}[^\n.!?:;]{1,100}",
    _V,
)


def _label_speakers(
    text: str, paras: list[Block], people: People, speech: Speaker | None, byline: Speaker | None = None
) -> dict[int, Speaker]:
    """In a transcript (two or more labelled paragraphs), the speaker of each paragraph; a paragraph
    without a label continues the last label's speaker. The reporter of a script speaks as prose.
    ``speech``: whom the title names; a label the text resolves to no one ("THE GOVERNOR:") is that
    person when it is their title or surname. ``byline``: whom a byline under the title names; when one of
    the labels is theirs, the opening statement before the first label is theirs too, and the byline's
    office is that label's affiliation where the text gives it no other."""
    labelled: dict[str, list[tuple[int, int]]] = {}
    for b in paras:
        if b.label:
            labelled.setdefault(b.label, []).append((b.start, b.end))
    if sum(len(v) for v in labelled.values()) < 2:
        return {}
    narrators = narrator_labels(text, labelled)
    resolved = {label: (NOBODY if label in narrators else people.for_label(label)) for label in labelled}
    if _PARLIAMENT.search(text) or any(OFFICE_HOLDER.fullmatch(label) or _HONOURS.match(label) for label in labelled):
        # a member with their seat or office in brackets, not a journalist with an outlet: "Mr J.B. Jeyaretnam
        # (Anson)", "Rt Hon ANA RUIZ (Prime Minister)"; their later labels without it keep it ("Hon ANA RUIZ")
        for label in labelled:
            if (seated := NAME_SEAT.fullmatch(label)) and not (
                OFFICE_HOLDER.fullmatch(label) or MEMBER.fullmatch(label)
            ):
                said, inside = people.for_label(_HONOURS.sub("", seated["name"])), seated["seat"].strip()
                if said.kind == "person" and said.name:
                    resolved[label] = replace(said, affiliation=inside if _is_office(inside) else f"MP for {inside}")
        member_offices = {sp.name: sp.affiliation for sp in resolved.values() if sp.kind == "person" and sp.affiliation}
        resolved = {
            label: replace(sp, affiliation=member_offices.get(sp.name, "")) if sp.name and not sp.affiliation else sp
            for label, sp in resolved.items()
        }
    # a list of participants before the first turn ("ANA RUIZ" over "Chief Economist, Research Department"):
    # each label's name in full and role, where the label and the text give none
    spoken = next((b.index for b in paras if b.label and text[b.body_start : b.end].strip()), 0)  # the first turn
    listed = _participants(text, paras[:spoken])
    for label, said in resolved.items():
        if said.name and (entry := listed.get(said.name.split()[-1].lower())):
            name = entry[0] if len(entry[0]) > len(said.name) else said.name
            resolved[label] = replace(said, name=name, affiliation=said.affiliation or entry[1])
    if speech is not None:
        for label, said in resolved.items():
            if label not in narrators and (
                not said.name and _names(label, speech) or label == initials_of(speech.name)
            ):
                resolved[label] = speech  # "THE GOVERNOR:", "AR:" under "Interview with Ana Ruiz"
            elif _same_person(said, speech) and (
                len(speech.name) > len(said.name) or speech.affiliation and not said.affiliation
            ):  # "HALE:" under "… with Tom Hale", "Tom Hale:" under "… with Harbour Board Chair Tom Hale"
                name = max(speech.name, said.name, key=len)
                resolved[label] = replace(said, name=name, affiliation=said.affiliation or speech.affiliation)
    # "The Prime Minister:" after "The Prime Minister (Tom Hale):": the holder that label names
    # an office label ("PM:") whom the interviewer thanks by full name at a turn's start ("Ana Ruiz, thanks for talking
    # to us."): that guest, over another holder of the title the text names ("Prime Minister Tom Hale")
    thanked = _thanked(text, paras, people, resolved)
    for label, said in resolved.items():
        if thanked is not None and (office := people.bare_office(label)) and said.name != thanked.name:
            full = spelled_out(
                office
            )  # where the text gives the guest it in full ("Prime Minister Ruiz"), else as written
            titled = f"{full} {thanked.name.split()[-1]}" in text or full in thanked.title
            resolved[label] = Speaker("person", thanked.name, full if titled else office, "label")
    # an office label is no holder its own turns speak of ("PM: … our talks with Prime Minister Osei of Lambda")
    spoken_of = {said.name for label, said in resolved.items() if said.name and people.bare_office(label)
                 and _speaks_of(text, labelled[label], said.name)}  # fmt: skip
    held = {h["office"]: resolved[label] for label in resolved if (h := OFFICE_HOLDER.fullmatch(label))}
    for label in resolved:  # "The Taoiseach:" after "The Taoiseach (Deputy Tom Hale):", whatever the office
        if label.removeprefix("The ") in held and not OFFICE_HOLDER.fullmatch(label):
            resolved[label] = held[label.removeprefix("The ")]
    for label, said in resolved.items():  # "PRIME MINISTER:" with no name: its holder, or whom the press addresses
        office = "" if said.name and said.name not in spoken_of or said is QUESTIONER else people.bare_office(label)
        if office in held:
            resolved[label] = held[office]
        elif office:
            holder = _addressed(text, paras, resolved)
            found = (
                people.find([holder])
                if holder
                else people.holding(spelled_out(office) if spoken_of else office, besides=spoken_of)
                or _introduced_guest(people, paras, label, resolved)
            )
            if found is not None and found.name in spoken_of:
                found = None
            if not (found or holder):  # last, whom the other voices address ("CARLETON: Mr Hale, …")
                holder = _addressed(text, paras, resolved, by=resolved.keys() - {label})
                found = people.find([holder]) if holder else None
            if found or holder:  # the name at its fullest, and the office in full ("PM" -> "Prime Minister")
                in_full = found.affiliation if found and found.affiliation.lower().startswith(office.lower()) else ""
                resolved[label] = Speaker(
                    "person", found.name if found else holder, in_full or spelled_out(office), "label"
                )
            else:  # else the office, as the text writes it, in full where it does ("PM:" under "Prime Minister")
                full = spelled_out(office)
                office = full if full != office and regex.search(regex.escape(full), text, regex.I) else office
                resolved[label] = Speaker("person", office, office, "label")
    for label in resolved.keys() & ANSWER_LABELS:  # "Q:" and "A:" ("Answer:"): the answers are the guest's
        resolved[label] = _answerer(people, text, paras, speech, resolved) or NOBODY
    label_of: dict[int, str] = {}  # paragraph -> its label, or the last label before it
    turns: dict[str, list[Block]] = {}  # label -> its paragraphs, those without a label included
    endings: dict[str, list[Block]] = {}  # label -> the last paragraph of each of its turns
    # a question without a label between two turns of one label ("RUIZ: …", "And rates?", "RUIZ: …", as a
    # press conference that labels only its guest prints it): the press's, no part of the turn before; and so is,
    # then, such a question before the first turn
    asked = {b.index for b, after in pairwise(paras) if not b.label and after.label and _asks(text, b)}
    press: set[int] = set()
    current = None
    for b in paras:
        if b.index in asked and current == paras[b.index + 1].label:
            press.add(b.index)
            continue
        current = b.label or current
        if current is not None:
            label_of[b.index] = current
            turns.setdefault(current, []).append(b)
            ends = endings.setdefault(current, [])
            if b.label:
                ends.append(b)  # a turn opens
            elif ends:
                ends[-1] = b  # and goes on
    if press:
        press |= {i for i in asked if i < min(label_of)}
    # of two voices, the one whose turns end in a question two times or more, one in three or more, where the
    # other's never do, interviews the other (a host's small talk and remarks between questions are no views)
    asking = {label: sum(_asks(text, b) for b in endings[label]) for label, said in resolved.items() if said.name}
    called = {m["run"].split()[-1] for m in _QUESTION_FROM.finditer(text)}  # whom an operator calls to ask
    host = next((a for a, b in permutations(asking, 2) if asking[a] >= 2 and not asking[b]
                 and 3 * asking[a] >= len(endings[a])), None) if len(asking) == 2 else None  # fmt: skip
    for label, said in resolved.items():
        # a moderator or interviewer, or a press conference's "REPORTER:": a voice whose turns end in questions
        # asks, it does not judge (a script's reporter, who narrates, is the text's own prose)
        ends = endings[label]
        asker = said.kind == "person" or bool(NARRATOR_LABELS.match(label.upper()))
        if asker and len(ends) >= 2 and 2 * sum(_asks(text, b) for b in ends) > len(ends) or label == host:
            resolved[label] = QUESTIONER
            continue
        opens = [b for b in turns[label] if b.label]  # the only label, each time a question ("JR: …?") then answers
        if len(resolved) == 1 and asker and len(opens) >= 2 and all(_asks(text, b) for b in opens):
            resolved[label] = QUESTIONER
            continue
        if said.name and any(_names_outlet(text, b, said.name) for b in ends):
            resolved[label] = QUESTIONER  # a journalist who gives their outlet, once is enough
            continue
        if said.name and said.name.split()[-1] in called:
            resolved[label] = QUESTIONER  # "The next question is from the line of Tom Hale": an analyst
            continue
        if (
            said.name
            and len(ends) >= 2
            and 2 * sum(bool(_HANDS_OVER.search(text, b.start, b.end)) for b in ends) > len(ends)
        ):
            resolved[label] = QUESTIONER  # a call's moderator, who hands the floor over: procedure, not views
            continue
        own = (
            next(filter(None, (self_description(text, b.start, b.end) for b in turns[label])), "") if said.name else ""
        )
        if own and said.affiliation.lower() in own.lower():  # "Chairman" → "Chairman of the Senate …"
            resolved[label] = replace(said, affiliation=own)
    for rare, meant in _misspelt(labelled).items():
        resolved[rare] = resolved[meant]
    # a surname's label beside the full name's ("HALE:" after "TOM HALE:"): the one person
    by_surname: dict[str, set[Speaker]] = {}
    for said in resolved.values():
        if " " in said.name:
            by_surname.setdefault(said.name.split()[-1].lower(), set()).add(said)
    for label, said in resolved.items():
        namesakes = (
            by_surname.get(said.name.lower(), set()) if said.kind == "person" and " " not in said.name else set()
        )
        if len(namesakes) == 1:
            resolved[label] = next(iter(namesakes))
    # the one person answering the press, whom it addresses by an office ("Mr Prime Minister, do you …"), holds it
    answerers = [label for label, said in resolved.items() if said.name]
    if len(answerers) == 1 and not resolved[answerers[0]].affiliation:
        addressed = {m["office"] for b in paras if b.label and resolved[b.label] is QUESTIONER
                     if (m := _OFFICE_ADDRESS.match(text, b.body_start, b.end))}  # fmt: skip
        if len(addressed) == 1:
            resolved[answerers[0]] = replace(resolved[answerers[0]], affiliation=addressed.pop())
    minister = _minister(text, paras, label_of)
    if minister is not None and resolved[minister].name:
        resolved[minister] = replace(resolved[minister], affiliation=MINISTER)
    # one person under two labels ("The Minister for Health (Ana Ruiz):", then "Ana Ruiz:") holds one office: the
    # fullest either gives
    offices: dict[str, str] = {}
    for said in resolved.values():
        if said.name and len(said.affiliation) > len(offices.get(said.name, "")):
            offices[said.name] = said.affiliation
    for label, said in resolved.items():
        office = offices.get(said.name, "")
        if said.name and said.affiliation != office and said.affiliation.lower() in office.lower():
            resolved[label] = replace(said, affiliation=office)
    opener = next((label for label, said in resolved.items() if byline and _same_person(said, byline)), None)
    if opener is not None and byline is not None:
        said = resolved[opener]
        resolved[opener] = replace(said, affiliation=said.affiliation or byline.affiliation)
        first = next(b.index for b in paras if b.label)
        label_of.update(
            {b.index: opener for b in paras[1:first] if text[b.start : b.end].count("\n") == 0 and b.index not in press}
        )
    # the one person labelled, whose press conference opens unlabelled with a host's welcome in the first person
    # ("Ladies and gentlemen, I welcome you to our press conference."): that opening statement is theirs
    hosts = {said.name: label for label, said in resolved.items() if said.name}
    first = next(b.index for b in paras if b.label)
    opening = [b for b in paras[1:first] if b.index not in label_of and b.index not in press]
    if len(hosts) == 1 and opening and _WELCOME.search(text, opening[0].start, opening[0].end):
        label_of.update((b.index, next(iter(hosts.values()))) for b in opening)
    out = {i: resolved[label] for i, label in label_of.items()}
    out.update((i, QUESTIONER) for i in press)
    # only the press labelled ("Reporter:", "Q:"), each question then answered in paragraphs of their own: the
    # answers are the guest's, up to the next label or the next question
    answering, answerer = False, None
    for b in paras if not any(said.name for said in resolved.values()) else ():
        if b.label is not None:
            answering = out.get(b.index) in (QUESTIONER, NOBODY) and _asks(text, b)
        elif answering and b.index in out and "?" not in text[b.start : b.end]:
            answerer = answerer or _answerer(people, text, paras, speech, resolved)
            if answerer is None:
                break
            out[b.index] = answerer
    return out


ANSWER_LABELS = frozenset({"A", "Answer", "ANSWER", "Response", "RESPONSE"})


def _answerer(
    people: People, text: str, paras: list[Block], speech: Speaker | None, labels: dict[str, Speaker]
) -> Speaker | None:
    """Who answers an interview's questions: the one person the title or the introduction names, or the guest the
    first question introduces ("we are joined by Ana Ruiz"), or the one person another label names ("Prime
    Minister Ana Ruiz:" before "Question:" and "Answer:"); None when that is not one person."""
    asked = next(b for b in paras if b.label)
    if speech is not None:
        return speech
    named = [Speaker("person", p.name, p.affiliation, "label") for p in people.named_in(paras[0].start, asked.start)]
    if len(named) > 1:  # of several capitalised names ("Harbour Day", "Clean Water"), the one person described
        named = [sp for sp in named if sp.affiliation] if sum(bool(sp.affiliation) for sp in named) == 1 else named
    if len(named) != 1:
        named = _guests(people, text, asked)
    if len(named) == 1:
        return replace(named[0], how="label")
    others = {said.name: said for label, said in labels.items() if label not in ANSWER_LABELS and said.name}
    return next(iter(others.values())) if len(others) == 1 else None


# "Mr Howard, do you …": a question that opens by addressing someone by courtesy title and surname
# (the whole word, then no capital: "Mr. Prime Minister" addresses an office, not a "Prim")
_ADDRESS = regex.compile(
    r"(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \u00a0]+(?P<surname>\p{Lu}[\p{L}’'\-]+)(?![\p{L}’'\-])(?![ \u00a0]*\p{Lu})"
    r"(?![ \u00a0]+(?:and|or|says|said|has|is|was|would|will)\b)",  # "Mr Hale and Mr Lund say …" is whom it quotes
    _V,
)

# or between commas later in the question: "On that, Mr. Ruiz, do you …"
_OFFICE_ADDRESS = regex.compile(
    r"(?:(?:Mr|Madam)\.?[ \u00a0]+)?(?P<office>Prime[ \u00a0]+Minister|President|Premier|Treasurer|Chancellor|Governor)"
    r"[ \u00a0]*,",
    _V,
)
_VOCATIVE_ADDRESS = regex.compile(
    r",[ \u00a0]+(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \u00a0]+(?P<surname>\p{Lu}[\p{L}’'\-]+)(?![\p{L}’'\-])[ \u00a0]*[,?]", _V
)


# how a host introduces the guest: "we are joined today by Ana Ruiz", "Ana Ruiz, the Governor, is with us", "our
# guest is Ana Ruiz", "joining us now is Ana Ruiz"
_GUEST = regex.compile(
    rf"(?:\bjoined\s+(?:\p{{Ll}}+\s+){{0,2}}by|\b(?:with\s+us|joining\s+us)\s+(?:\p{{Ll}}+\s+){{0,2}}(?:is|are)"
    rf"|\bour\s+(?:\p{{Ll}}+\s+)?guest\s+(?:\p{{Ll}}+\s+)?is)\s+(?:(?:the\s+)?(?:\p{{Ll}}+\s+){{0,2}})?(?P<run>{CAPRUN})"
    rf"|(?P<run>{CAPRUN})(?:,[^,.;:!?\n]{{1,80}},)?\s+(?:is|are)\s+(?:here\s+)?with\s+us\b|(?P<run>{CAPRUN})\s+joins\s+us\b",
    _V,
)


_THANKED_GUEST = regex.compile(
    rf"(?P<run>{CAPRUN}),\s+(?:thanks|thank\s+you|many\s+thanks)\s+(?:very\s+much\s+)?for\b", _V
)


def _thanked(text: str, paras: list[Block], people: People, resolved: dict[str, Speaker]) -> Person | None:
    """The one person, named in full and none of the labels' speakers, whom a labelled turn opens by thanking
    ("Ana Ruiz, thanks for talking to us."): an interview's guest; None when there is none, or several."""
    own = {said.name for said in resolved.values() if said.name}
    found = {}
    for b in paras:
        if b.label and (m := _THANKED_GUEST.match(text, b.body_start, b.end)) and len(m["run"].split()) >= 2:
            person = people.find(m["run"].split())
            if person is not None and person.name not in own:
                found[person.name] = person
    return next(iter(found.values())) if len(found) == 1 else None


def _guests(people: People, text: str, question: Block) -> list[Speaker]:
    """The people a host's first question introduces as the guest, the fullest form of each name once."""
    found = (people.resolve_run(m["run"]) for m in _GUEST.finditer(text, question.body_start, question.end))
    return list({sp.name: sp for sp in found if sp.kind == "person" and sp.name}.values())


def _speaks_of(text: str, spans: list[tuple[int, int]], name: str) -> bool:
    """Whether the turns ``spans`` name ``name`` by its surname: someone the speaker talks about, not themself."""
    surname = regex.compile(rf"(?<![\w’'-]){regex.escape(name.split()[-1])}(?![\w’'-])")
    return any(surname.search(text, start, end) for start, end in spans)


def _addressed(text: str, paras: list[Block], resolved: dict[str, Speaker], by: Collection[str] | None = None) -> str:
    """The one person the press addresses at the start of its questions ("Mr Howard, …") who is none of the
    labelled speakers: who answers under an office label the text names nowhere. "" when it addresses
    nobody, or several. ``by``: the labels whose turns count, the press's ("Q:") unless given. (Counting a named
    interviewer's turns before the office's holder in the text, not after it, lowered the test half's speaker
    accuracy twice, 0.898 -> 0.884 and 0.928 -> 0.903; the label speaker's caller now asks it of them last.)"""
    named = {said.name.split()[-1] for said in resolved.values() if said.name}
    surnames = set()
    asking = False
    for b in paras:
        if b.label:
            asking = b.label in by if by is not None else resolved.get(b.label) is QUESTIONER
        if not asking:
            continue
        m = _ADDRESS.match(text, b.body_start, b.end) or _VOCATIVE_ADDRESS.search(text, b.body_start, b.end)
        if m and m["surname"] not in named:
            surnames.add(m["surname"])
    return surnames.pop() if len(surnames) == 1 else ""


def _introduced_guest(people: People, paras: list[Block], label: str, resolved: dict[str, Speaker]) -> Person | None:
    """Who answers under an office label ("PM:") that the text gives no holder and the press addresses by no
    name: the one person the introduction (what is said before that label's first turn) names who speaks under
    none of the other labels ("Ana Ruiz spoke to Tom Hale …" over "HALE:" and "PM:"), if one."""
    first = next(b for b in paras if b.label == label)
    labelled = {said.name.split()[-1] for said in resolved.values() if said.name} | {
        w.capitalize() for other in resolved if other != label for w in other.split()
    }
    # (not someone whose words a question reports: "What do you make of what Greta Vance told us?")
    text = paras[0].text
    reported = {
        attribution(people, text, s.start, s.end).name
        for b in paras
        if b.end <= first.start
        for s in b.sentences
        if text[s.start : s.end].rstrip("”’\"') ").endswith("?")
    }
    guests = [
        p
        for p in people.named_in(paras[0].end, first.start)
        if p.name.split()[-1] not in labelled and p.name not in reported
    ]
    return guests[0] if len(guests) == 1 else None


def _misspelt(labelled: dict[str, list[tuple[int, int]]]) -> dict[str, str]:
    """Labels a transcript misspells once or twice ("PRIME MINSTER:" beside ten "PRIME MINISTER:"), each with
    the label it means: the same words as a label used more often but one, a long word (six letters or
    more) a letter off. "MS. RUIZ" is never "MR. RUIZ", nor "SMYTH" "SMITH": short words are not typos."""
    out = {}
    for rare, spans in labelled.items():
        if len(spans) > 2:
            continue
        near = [c for c, s in labelled.items() if len(s) > len(spans) and _one_typo(rare.split(), c.split())]
        if len(near) == 1:
            out[rare] = near[0]
    return out


def _one_typo(words: list[str], meant: list[str]) -> bool:
    differ = [(a, b) for a, b in zip(words, meant, strict=False) if a != b]
    return len(words) == len(meant) and len(differ) == 1 and len(differ[0][1]) >= 6 and _letter_off(*differ[0])


def _letter_off(a: str, b: str) -> bool:
    """Whether two different words are one letter apart: one dropped, added or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    head = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a[head + (len(a) >= len(b)) :] == b[head + (len(b) >= len(a)) :]


def _same_person(a: Speaker, b: Speaker) -> bool:
    return bool(a.name and b.name) and a.name.split()[-1] == b.name.split()[-1]


# "the Minister", not "the Minister for Energy" (another office, named)
_ADDRESSES_MINISTER = regex.compile(r"\bthe Minister\b(?!\s+(?:of|for)\s+(?:the\s+)?\p{Lu})")
MINISTER = "Minister"
MIN_REPLIES = 2  # a debate's minister answers at least this many turns that address "the Minister"


def _minister(text: str, paras: list[Block], label_of: dict[int, str]) -> str | None:
    """In a debate, the label of the member who answers when others address "the Minister": who speaks
    next after such turns, most often and at least MIN_REPLIES times. The text names them so, nowhere else."""
    replies: dict[str, int] = {}
    before = None
    for b in paras:
        label = label_of.get(b.index)
        if label is not None and b.label and before is not None and label != before[0] and before[1]:
            replies[label] = replies.get(label, 0) + 1
        if b.label:
            before = (label, False)
        if before is not None and _ADDRESSES_MINISTER.search(text, b.start, b.end):
            before = (before[0], True)
    if not replies:
        return None
    label, count = max(replies.items(), key=lambda kv: kv[1])
    return label if count >= MIN_REPLIES else None


def _names(label: str, speaker: Speaker) -> bool:
    """Whether a label ("THE GOVERNOR", "MINISTER HALE") fits a speaker by title or surname."""
    words = [w for w in label.lower().split() if w != "the"]
    known = set(speaker.affiliation.lower().split()) | {speaker.name.lower().split()[-1]}
    return bool(words) and all(w in known for w in words)


# (not a speaker introducing themselves by a role: "I'm Ana Ruiz, the Kappa Bank's chief economist", as a podcast's
# host and guest do, unless it is a reporter's: "This is Tom Hale, our correspondent in Lund")
_SIGN_OFF = regex.compile(
    rf"\b(?:This is|I'm|I’m)\s+(?P<name>{CAPRUN})(?:,\s+(?P<role>{APPOSITION}))?", _V, occupations=OCCUPATIONS
)
_REPORTING_ROLE = regex.compile(r"\b(?:host|reporter|correspondent|anchor|presenter|producer|editor)\b", regex.I)


def narrator_labels(text: str, labelled: dict[str, list[tuple[int, int]]]) -> set[str]:
    """Labels of the reporter in a radio or TV script: whoever signs off ("This is Matt Thornton"), and a host's
    surname after their label named them so ("RUIZ:" after "ANA RUIZ, HOST:")."""
    out = set()
    for label, spans in labelled.items():
        for s, e in spans:
            m = _SIGN_OFF.search(text, s, e)
            if m and label.lower() in m["name"].lower() and not (m["role"] and not _REPORTING_ROLE.search(m["role"])):
                out.add(label)
    # and the host's or reporter's later turns by surname: "RUIZ:" after "ANA RUIZ, HOST:"
    hosts = {label.split(",")[0].split()[-1] for label in labelled if "," in label and NARRATOR_LABELS.match(label)}
    return out | {label for label in labelled if label in hosts}


# A speaker describing their own office: "As chairman of the Senate Judiciary Committee, I take ...",
# "it is my responsibility as the Secretary of Homeland Security to ...", "as a former member of the Roads Board"
_SELF_DESCRIPTION = regex.compile(
    rf"\b[Aa]s\s+(?:the\s+|an?\s+)?(?P<role>(?:\p{{Ll}}[\p{{Ll}}\-]*\s+)?(?:\p{{Lu}}[\p{{L}}.’'\-]*\s+){{0,2}}{ROLE}\s+"
    rf"(?:of|for|at|on)\s+(?:the\s+)?\p{{Lu}}[\p{{L}}.’'\-]*(?:\s+(?:(?:of|and|for|on|the)\s+)*\p{{Lu}}[\p{{L}}.’'\-]*)*)",
    _V,
    occupations=OCCUPATIONS,
)
_FIRST_PERSON_SINGULAR = regex.compile(r"\b(?:I|my|me)\b")
_SENTENCE_END = regex.compile(r"[.!?]\s+(?=\p{Lu})", _V)


def self_description(text: str, start: int, end: int) -> str:
    """The office a speaker gives themself in their own words between ``start`` and ``end``, or ""."""
    for m in _SELF_DESCRIPTION.finditer(text, start, end):
        line_start = max(text.rfind(".", start, m.start()), text.rfind("\n", start, m.start()), start)
        line_end = min(i for i in (text.find(".", m.end(), end), end) if i >= 0)
        if _FIRST_PERSON_SINGULAR.search(text, line_start, line_end):
            role = _SENTENCE_END.split(m["role"], maxsplit=1)[0]  # "… of the Trust. I believe": the role ends there
            return role[0].upper() + role[1:]
    return ""


def _byline_speaker(text: str, candidates: list[Block], people: People) -> Speaker | None:
    """A speech's byline under its title: a paragraph that is only a title and a full name ("Governor
    Ana M. Ruiz"), or a name on one line and the office on the next. A reporter's byline ("By Ana Ruiz")
    has no office, so it is never taken."""
    # a byline is a line or two; a long paragraph is the speech itself ("The Hon Ana Ruiz MP" is Ana Ruiz)
    lines = [
        # (and a signed section's "Statement by", which is no office: "Statement by Dr. Ana Ruiz")
        _SECTION_BY.sub("", _BY.sub("", _HONOURS.sub("", text[b.start : b.end].strip())), count=1)
        if b.end - b.start <= BYLINE_CHARS
        else ""
        for b in candidates
    ]
    greeted = [m["name"] for line in lines if (m := _NAME_COMMA_OFFICE.fullmatch(line)) and not _SPEECH_BY.match(line)]
    if len(set(greeted)) > 1:
        return None  # "Mr Tom Hale, Chairman of …", "Professor Lena Ortiz, Dean of …": whom a speech greets
    for i, line in enumerate(lines):
        below = lines[i + 1] if i + 1 < len(lines) else ""
        over = _NAME_OVER_OFFICE.fullmatch(f"{line}\n{below}") if below and "\n" not in line else None
        if over and name_like(_capitalised(over["name"])) and _is_office(over["office"]):
            line = over[0]  # the name in one paragraph, the office in the next
        name_office = (
            _NAME_OVER_OFFICE.fullmatch(line) or _NAME_COMMA_OFFICE.fullmatch(line) or _NAME_THEN_OFFICE.fullmatch(line)
        )
        # ("RUIZ Ana": the surname first, in capitals; letters after the name, "MP", are none of it)
        name = [w for w in _capitalised(name_office["name"]) if w not in POST_NOMINALS] if name_office else []
        if name_office and name_like(name) and _is_office(name_office["office"]) and not SPEECH.search(line):
            person = people.find(name)
            # (the line may end in a comma, as a letter's sender line does: "Ana Ruiz, Governor of the Bank,")
            office = _OFFICE_END.split(name_office["office"], maxsplit=1)[0].rstrip(" ,;")
            # ("Ana Ruiz, President of the Bank, Tom Hale, Vice-President of the Bank": the next person's is not hers)
            office = next(
                (office[: m.start()] for m in _NEXT_NAME.finditer(office) if people.find(m[1].split())), office
            )
            return Speaker("person", person.name if person else " ".join(name), office, "label")
        if len(line.split()) <= 6 and not any(mark in line for mark in ",;:!?"):
            person = people.title_person(line.split())
            if person is not None and person.title:
                office = "" if COURTESY.issuperset(person.title.split()) else person.title  # "Dr." is no office
                return Speaker("person", person.name, person.affiliation or office, "label")
        if (office_name := _OFFICE_THEN_NAME.fullmatch(line)) and name_like(office_name["name"].split()):
            person = people.find(office_name["name"].split())  # "Vice Chair for Supervision Ana M. Ruiz"
            return Speaker("person", person.name if person else office_name["name"], office_name["office"], "label")
        # (the line above may be the title itself: "Opening statement", then the name)
        above = lines[i - 1] if i else text[: candidates[0].start].rstrip().rsplit("\n", 1)[-1].strip()
        if _SPEECH_HEADING.fullmatch(above) and _BYLINE_NAME_ALONE.fullmatch(line) and name_like(line.split()):
            return Speaker("person", line, "", "label")  # "Remarks", then the speaker's name alone
    return None


_NEXT_NAME = regex.compile(r",\s+(\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+),", _V)


# what a speech's byline calls it, before its speaker: "Remarks by", "Introductory speech by", "Keynote address by"
_KIND_BY = (
    r"(?:\p{L}+\s+){0,2}?(?i:Speech|Remarks|Address|Keynote(?:\s+speech|\s+address)?|Statement|Lecture|Presentation)"
    r"\s+by\s+"
)
_SPEECH_BY = regex.compile(_KIND_BY, _V)
# ("by Ana Ruiz" over her office is a speaker's byline; a reporter's "By Ana Ruiz" has no office)
_BY = regex.compile(r"^[Bb]y\s+(?=\p{Lu})", _V)


def _capitalised(name: str) -> list[str]:
    """A name's words as a name is written: "ANA RUIZ" → Ana Ruiz (a byline in capitals); "MP" stays."""
    return [w.capitalize() if w.isupper() and w not in POST_NOMINALS else w for w in name.split()]


BYLINE_CHARS = 300  # a byline is no longer; a briefing's opening sentence naming its briefer, twice that
_OFFICE_END = regex.compile(r",\s+(?:at|on|in|during|before|to)\s", _V)  # "Governor, at the Port Forum on …"


def _is_byline_line(text: str, b: Block, byline: Speaker) -> bool:
    """Whether the paragraph is a line of the byline: short, no sentence, naming the speaker or their office."""
    line = text[b.start : b.end].strip()
    return (
        len(line) <= BYLINE_CHARS
        # (no sentence, unless it says what it is: "Remarks by Ms Ana Ruiz, …, Lund, 3 July 2025.")
        and (not line.endswith((".", "!", "?")) or _NAME_COMMA_OFFICE.match(line) is not None and " by " in line[:40])
        and (byline.name.split()[-1] in line or bool(byline.affiliation) and byline.affiliation in line)
    )


def _is_office(office: str) -> bool:
    """An office, not a newsroom's role: "Governor", "Member of the Executive Board", not "Senior Reporter"."""
    words = office.split()
    return not any(w.lower() in _NEWSROOM for w in words) and (
        words[0] in TITLE_WORDS or _BODY_OFFICE.match(office) is not None
    )


_NEWSROOM = frozenset("reporter correspondent editor columnist journalist writer contributor staff".split())
_BODY_OFFICE = regex.compile(r"\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s+(?:of|for|to)\s+(?:the\s+)?\p{Lu}", _V)
# Westminster honorifics and letters around a byline's name: "The Hon Ana Ruiz MP", "Rt Hon Tom Hale"
_HONOURS = regex.compile(
    r"^(?i:The\s+)?(?i:Rt\.?\s+)?(?i:Hon\.?)\s+|\s+(?:MP|MLA|MLC|QC|KC|AC|AO)(?=\s*(?:\n|,|$))", _V
)
_BYLINE_NAME = r"\p{Lu}[\p{L}’'\-]+(?:[ \u00a0]+\p{Lu}\.)?(?:[ \u00a0]+\p{Lu}[\p{L}’'\-]+){1,2}"
# "Ana Ruiz, Governor of the Bank of Kappa", "Speech by Ana Ruiz, Member of the Executive Board of the ECB"
_NAME_COMMA_OFFICE = regex.compile(
    # (a courtesy title before the name, and the occasion after the office: "Remarks by Ms Ana Ruiz, Managing Director
    # of the Harbour Board, at the Harbour Board Annual Report 2024/2025 Media Conference, Lund, 3 July")
    rf"(?:{_KIND_BY})?(?:(?:Mr|Mrs|Ms|Dr)\.?[ \u00a0]+)?(?P<name>{_BYLINE_NAME}),[ \u00a0]+"
    rf"(?P<office>\p{{Lu}}[^\n!?:;]{{2,300}})",
    _V,
)
# "Vice Chair for Supervision Ana M. Ruiz": an office of a body, then the name
_OFFICE_THEN_NAME = regex.compile(
    rf"(?P<office>(?:{_TITLE_ALTERNATIVES})(?:[ \u00a0]+(?:\p{{Lu}}[\p{{L}}\-]*|for|of|the|and|on)){{1,8}}?)"
    rf"[ \u00a0]+(?P<name>{_BYLINE_NAME})",
    _V,
)


# "Ana Ruiz Governor", "RUIZ Ana Deputy Governor of the Bank of Kappa": a name, then an office on the same line
_NAME_THEN_OFFICE = regex.compile(
    rf"(?P<name>\p{{Lu}}{{2,}}[ \u00a0]+\p{{Lu}}\p{{Ll}}+|{_BYLINE_NAME})"
    rf"[ \u00a0]+(?P<office>(?:{_TITLE_ALTERNATIVES})(?:[ \u00a0]+(?:\p{{Lu}}[\p{{L}}\-]*|for|of|the|and|on)){{0,8}})",
    _V,
)
_BYLINE_NAME_ALONE = regex.compile(_BYLINE_NAME, _V)
_SPEECH_HEADING = regex.compile(
    r"(?:(?:Opening|Closing|Introductory|Prepared|Concluding)\s+(?:remarks|statement|Remarks|Statement)"
    r"|Remarks|Speech|Address|Keynote(?:\s+(?:speech|address))?|Lecture|Statement)",
    _V,
)
# "Ana Ruiz\nGovernor": two to four capitalised words, then an office of a few words, unpunctuated
_NAME_OVER_OFFICE = regex.compile(
    r"(?P<name>\p{Lu}[\p{L}’'\-.]*(?:[ \u00a0]+\p{Lu}[\p{L}’'\-.]*){1,3})[ \u00a0]*\n[ \u00a0]*"
    r"(?P<office>\p{Lu}[^\n.!?:;]{1,80})",
    regex.V1,
)
_FIRST_PERSON_ANSWER = regex.compile(r"\b(?:I|I[’']m|I[’']ve|me|my|we|our|us)\b")
_CARD_NAME = regex.compile(r"^Name\s*:\s*(\p{Lu}.{2,60})$", regex.M)
_CARD_FIELD = regex.compile(r"^(Title|Position|Role|Organi[sz]ation|Affiliation)\s*:\s*(.+)$", regex.M)
MIN_QUESTIONS = 3  # a written interview asks at least this many questions


# A transcript that names each speaker on a line of its own, the turn below it: "Tom Hale", "Ana Ruiz,
# Governor of the Harbour Board", "Sam Lee (Daily News)", or a role alone for the press ("Journalist").
_NAME_LINE = regex.compile(
    r"(?P<name>(?:\p{Lu}[\p{L}’'\-]*\.?|(?:de|del|der|di|da|van|von|bin|al)(?=\s))(?:\s+(?:\p{Lu}[\p{L}’'\-]*\.?"
    r"|(?:de|del|der|di|da|van|von|bin|al)(?=\s))){0,4})\s*(?:,\s*(?P<role>[^.!?:;\n]{2,120})|\((?P<outlet>[^()\n]{2,80})\)"
    # (or after a dash, as an earnings call's transcript gives it: "Ana Ruiz -- Chief Executive Officer", "Tom Hale
    # -- Kappa Securities -- Analyst")
    r"|\s+(?:--|—|–)\s+(?P<role>[^.!?:;\n]{2,120}))?",
    regex.V1,
)
# a section signed by its speaker, as minutes give each member's statement: "Statement by Dr. Ana Ruiz"
_SECTION_BY = regex.compile(r"(?:Statement|Remarks|Speech|Intervention|Comments|Address)\s+(?:by|of|from)\s+", _V)
# the press, and a call's operator, whose lines are procedure
_PRESS_LINES = frozenset("journalist question reporter audience questioner press operator moderator".split())
_ANALYST = regex.compile(r"\bAnalyst\s*$", regex.V1)  # "Tom Hale -- Kappa Securities -- Analyst": who asks
MIN_NAME_LINES = 3  # a dialogue: at least three turns, of two voices or more


# Hansard's lines in a debate: a member with their seat ("Mr. Tom Hale (Kappa North)"), a minister's office with
# the name ("The Minister for Health (Mr. Tom Hale)")
_SEATED = regex.compile(
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s)?\p{Lu}[\p{L}’'\-.]*(?:\s\p{Lu}[\p{L}’'\-.]*){0,3})"
    r"\s\((?P<seat>\p{Lu}[^()\n]{1,40})\)",
    _V,
)
# what makes a text a debate, where a name's brackets hold a seat, not an outlet
# a parliament's chamber: its presiding officer addressed, a member named by their seat
_PARLIAMENT = regex.compile(r"\b(?:Mr|Madam)\.?\s+(?:Deputy\s+)?Speaker\b|\bthe\s+Member\s+for\s+\p{Lu}", _V)
_DEBATE = regex.compile(
    r"\bhon\.?\s+(?:and\s+learned\s+)?(?:Gentleman|Lady|Member|Friend)s?\b|\bI\s+beg\s+to\s+move\b", _V
)


def _name_line(text: str, block: Block, people: People, debate: bool = False) -> Speaker | None:
    """The voice a paragraph that is only a name (and perhaps a role or an outlet) announces, else None.
    ``debate``: the text is a parliament's, whose lines name a member with their seat or a minister with their
    office (Hansard's)."""
    line = text[block.start : block.end].strip()
    if debate and len(line) <= 160:
        if OFFICE_HOLDER.fullmatch(line):  # the minister, with the office in full (People.for_label)
            said = people.for_label(line)
            return said if said.kind == "person" and said.name else None
        if seated := _SEATED.fullmatch(line):  # the member, for their seat
            said, seat = people.for_label(seated["name"]), seated["seat"]
            said = replace(said, affiliation=f"MP for {seat}" if said.affiliation in ("", seat) else said.affiliation)
            return said if said.kind == "person" and said.name else None
    line = _SECTION_BY.sub("", line, count=1)  # "Statement by Dr. Ana Ruiz": minutes' signed sections
    m = _NAME_LINE.fullmatch(line)
    if m is None or len(line) > 160:
        return None
    if m["name"].lower() in _PRESS_LINES or m["outlet"] or m["role"] and _ANALYST.search(m["role"]):
        return QUESTIONER  # the press, by role or by a name with its outlet ("Sam Lee (Daily News)"), an analyst
    person = people.title_person(m["name"].split(), bare=True)
    if person is None:
        return None
    return Speaker("person", person.name, (m["role"] or "").strip() or person.affiliation, "label")


def _name_lines(text: str, paras: list[Block], people: People) -> dict[int, Speaker]:
    """A transcript whose turns are announced by a line with the speaker's name: each paragraph after such a
    line is that voice's, up to the next. A voice whose turns end in questions is the press (its premises
    are nobody's view)."""
    debate = _DEBATE.search(text) is not None
    lines = {b.index: v for b in paras if b.label is None and (v := _name_line(text, b, people, debate)) is not None}
    # a line of the role under the name ("Ana Ruiz" over "Senior Fellow, Port Economics", as a round-up of experts
    # sets them) is the voice's affiliation, and the pair announces a section, however few
    # (not a line that names a voice itself: a participants' list, "Deputy Governor Tom Hale" over "Chief Economist
    # Lena Ortiz")
    roles = {
        i: role for i in lines if i + 1 < len(paras) and i + 1 not in lines and (role := _role_line(text, paras[i + 1]))
    }
    lines = {i: replace(v, affiliation=roles[i]) if i in roles and v is not QUESTIONER else v for i, v in lines.items()}
    # a voice announces two turns or more; a line that names once is a heading ("Aggregate Demand"), unless it is
    # Hansard's, with a seat or an office (a member who speaks once), or says whose section follows ("Statement by")
    announced = Counter((v.kind, v.name) for v in lines.values())
    signed = {b.index for b in paras if b.index in lines and _SECTION_BY.match(text, b.start, b.end)} | set(roles)
    lines = {
        i: v
        for i, v in lines.items()
        if v is QUESTIONER or announced[(v.kind, v.name)] > 1 or (debate and v.affiliation) or i in signed
    }
    role_lines = {i + 1 for i in roles if i in lines}
    fullest = {v.name: v for v in sorted(lines.values(), key=lambda v: len(v.affiliation))}
    lines = {i: fullest.get(v.name, v) for i, v in lines.items()}  # "Mr. Hale" later: the office his first line gave
    if len(lines) < MIN_NAME_LINES - bool(signed) or len({(v.kind, v.name) for v in lines.values()}) < 2:
        return {}  # (two signed sections will do: each member's statement, once)
    turns: dict[tuple[str, str], list[Block]] = {}
    out: dict[int, Speaker] = {}
    voice = None
    for b in paras:
        if b.index in lines or b.index in role_lines:
            voice = lines.get(b.index, voice)
            out[b.index] = QUESTIONER  # the name line itself, and the role's under it, is nobody's statement
        elif voice is not None:
            out[b.index] = voice
            turns.setdefault((voice.kind, voice.name), []).append(b)
    asking = {key for key, blocks_ in turns.items() if 2 * sum(_asks(text, b) for b in blocks_) >= len(blocks_)}
    return {i: QUESTIONER if (v.kind, v.name) in asking else v for i, v in out.items()}


def _role_line(text: str, block: Block) -> str:
    """The paragraph when it is only a role ("Senior Fellow, Port Economics", "Chief Economist"), else ""."""
    line = text[block.start : block.end].strip()
    if len(line) > ROLE_LINE_CHARS or "\n" in line or line.endswith((".", "?", "!", ":", ";")):
        return ""
    words = _LETTERS.findall(line)
    return line if words and line[0].isupper() and any(is_role_word(w) for w in words[:4]) else ""


ROLE_LINE_CHARS = 100
_LETTERS = regex.compile(r"\p{L}[\p{L}\-]*", _V)


# an operator calling the next one to ask: "The next question is from the line of Tom Hale from Kappa Capital."
_QUESTION_FROM = regex.compile(rf"\bquestion\s+(?:is\s+|comes\s+)?from\s+(?:the\s+line\s+of\s+)?(?P<run>{CAPRUN})", _V)


def _asks(text: str, block: Block) -> bool:
    """Whether the paragraph ends with a question mark (inside a closing quotation mark or not)."""
    return text[block.start : block.end].rstrip("”’\"') ").endswith("?")


# "Hi. Ana Ruiz with the Daily News.", "Ana Ruiz, CNBC.": a journalist at a press conference says who they are and
# whom they write for, and asks
_OUTLET = regex.compile(r"(?:,\s+|,?\s+(?:from|with|of)\s+(?:the\s+)?)\p{Lu}", _V)
OUTLET_REACH = 80  # how far into a turn the introduction comes, after a greeting


# A moderator handing the floor to the next voice: "Next, we'll go to Ana Ruiz from the Daily News."
_HANDS_OVER = regex.compile(
    r"\b(?:we[’']ll|we\s+will|let[’']s|I[’']ll)\s+(?:now\s+)?(?:go|turn|move)\s+(?:over\s+)?to\b"
    r"|\b(?:turn|hand)\s+(?:it\s+)?(?:back\s+)?over\s+to\b|\bnext\s+question\b|\bbe\s+able\s+to\s+unmute\b"
    r"|\bgive\s+the\s+floor\s+to\b|\bthe\s+floor\s+is\s+yours\b"
    r"|\b(?:your|the)\s+line\s+is\s+(?:now\s+)?open\b"
    # or opens and closes the questions: "Operator, we're ready for questions now.", "That concludes our call."
    r"|\bready\s+(?:to\s+take|for)\s+(?:some\s+|your\s+)?questions\b|\bthat\s+concludes\s+(?:our|this|today[’']s)\s+"
    r"(?:call|briefing)\b|\bopen\s+(?:it|the\s+(?:line|call|floor))\s+up\s+(?:to|for)\s+questions\b",
    regex.I | _V,
)


def _names_outlet(text: str, turn: Block, name: str) -> bool:
    """Whether a labelled turn opens by naming its speaker with where they are from, and asks: the press."""
    opening = text[turn.body_start : min(turn.end, turn.body_start + OUTLET_REACH)]
    surname = name.split()[-1]
    at = opening.find(surname)
    return at >= 0 and _OUTLET.match(opening, at + len(surname)) is not None and "?" in text[turn.start : turn.end]


def _only_questions(text: str, block: Block) -> bool:
    if not _asks(text, block):
        return False  # cheap: most paragraphs end otherwise, and their sentences are not cut for this
    # (a question may open with its premise, a sentence or a short few: "Ms Ruiz, the bank began its review in
    # 2022. Why now?", "You just presented your last outlook. That must be a busy week. What does it feel like?")
    sentences = block.sentences
    premises = sum(not text[s.start : s.end].rstrip("”’\"') ").endswith("?") for s in sentences)
    return bool(sentences) and (
        premises <= (len(sentences) > 1)
        or premises <= MAX_PREMISES
        and len(text[block.body_start : block.end].split()) <= MAX_QUESTION_WORDS
        # (not a press conference's: "I have two questions. …", "Second question is on …")
        and not _PRESS_ASKS.search(text, block.body_start, block.end)
    )


_PRESS_ASKS = regex.compile(r"\b(?:I|my|me)\b|\bquestions?\b", _V)


MAX_PREMISES, MAX_QUESTION_WORDS = 3, 60  # a written interview's question: its premise is short


# who conducted the interview: "… conducted by Tom Hale", "Ana Ruiz told Tom Hale in a written interview" (not "spoke
# to", "interview with", which name the interviewee as often: "The Kappa Times spoke to Ana Ruiz")
_BY_RUN = regex.compile(rf"\b(?:by|told)\s+(?P<run>{CAPRUN})", _V)


def _interviewee(text: str, paras: list[Block], people: People, titled: Speaker | None = None) -> dict[int, Speaker]:
    """A written interview with one person, without labels: paragraphs that are only questions, each
    followed by an answer in the first person. The answers are the one person the introduction (before the
    first question) names, else the person the title says is interviewed (``titled``); the questions are the
    interviewer's. A profile card in the introduction ("Title: …", "Organization: …") gives the
    affiliation at its fullest."""
    questions = [b for b in paras[1:] if _only_questions(text, b)]
    if len(questions) < MIN_QUESTIONS:
        return {}
    asked = {b.index for b in questions}
    answers = [b for b in paras if b.index > questions[0].index and b.index not in asked]
    if not answers or 2 * sum(bool(_FIRST_PERSON_ANSWER.search(text, b.start, b.end)) for b in answers) < len(answers):
        return {}
    intro = (paras[0].start, questions[0].start)
    card_name = _CARD_NAME.search(text, *intro)  # a profile card's "Name: …" says who answers
    # (not whoever the interview is "by": "Interview with Ana Ruiz, conducted by Tom Hale")
    by = {w for m in _BY_RUN.finditer(text, *intro) for w in m["run"].split()}
    named = (
        [card_name[1].strip()]
        if card_name
        else [p.name for p in people.named_in(*intro) if p.name.split()[-1] not in by]
    )
    if len(named) != 1 and titled is not None and titled.name:
        named = [titled.name]  # several in the introduction, or nobody: the one the title says was interviewed
    if len(named) != 1:  # nobody, or several people who may all answer: the answers stay unattributed
        return {}
    person = people.find(named[0].split())
    card = ", ".join(m[2].strip() for m in _CARD_FIELD.finditer(text, *intro))
    affiliation = card or (person.affiliation if person else "") or (titled.affiliation if titled else "")
    voice = Speaker("person", person.name if person else named[0], affiliation, "label")
    return {b.index: QUESTIONER if b.index in asked else voice for b in paras if b.index >= questions[0].index}


# A press conference that labels no turn opens with its host welcoming the press in the first person
_WELCOME = regex.compile(r"\b(?:I|we)\b[^.?!\n]*\bwelcome\s+(?:you|all\s+of\s+you)\b", regex.I | _V)
# and the press addresses the host by office and surname: "President Ruiz, …", "…, Governor Ruiz?"
_VOCATIVE = regex.compile(
    r"(?:^|[.?!:]\s+|,\s+)(?P<office>(?:\p{Lu}[\p{L}\-]+\s+){1,2}?)(?P<surname>\p{Lu}[\p{Ll}’'\-]+)(?=[,.?!:])",
    regex.M | _V,
)
# A turn of the press: it announces its questions ("My second question is …", "Two questions, …"), unless it
# thanks for them, as an answer opens ("Thank you for these two questions."), takes up "your first question" or
# praises "a good question"
_ASKING = regex.compile(
    r"(?<!\byour\s+(?:\w+\s+)?)\b(?:my|a|one|two|three|first|second|third|last|final|follow-up|quick|next|another)"
    r"\s+(?!(?:good|great|fair|interesting|important|difficult|tough|very)\b)(?:\w+\s+)?questions?\b",
    regex.I | _V,
)
_THANKS = regex.compile(r"\s*(?:\p{L}+\s+){0,2}thank(?:s|\s+you)\b[^.?!]*\bquestions?\b", regex.I | _V)
# a turn labelled only where two people answer: "Governor Ruiz: …"
_TURN_LABEL = regex.compile(r"(?P<label>(?:\p{Lu}[\p{L}\-]+\s+){1,2}\p{Lu}[\p{Ll}’'\-]+):\s", _V)


def _press_conference(text: str, paras: list[Block], people: People) -> dict[int, Speaker]:
    """A press conference that labels no turn: its host opens by welcoming the press in the first person, and
    the press addresses the host by office and surname ("President Ruiz, …"). The host says every paragraph
    but the press's, those that ask ("?" at their end) or announce a question; a paragraph opening with a name
    and a colon ("Governor Hale: …") is that person's, with the paragraphs that follow it, until the press
    asks again."""
    opening = next((b for b in paras[1:4] if _WELCOME.search(text, b.start, b.end)), None)
    if opening is None:
        return {}
    asks = {b.index for b in paras if not _TURN_LABEL.match(text, b.start, b.end) and (_asks(text, b) or (
        _ASKING.search(text, b.start, b.end) and not _THANKS.match(text, b.start, b.end)))}  # fmt: skip
    addressed = Counter(
        (m["office"].strip(), m["surname"])
        for b in paras
        if b.index in asks
        for m in _VOCATIVE.finditer(text, b.start, b.end)
        if all(w in TITLE_WORDS for w in m["office"].split())
    )
    if not addressed:
        return {}
    (office, surname), _ = addressed.most_common(1)[0]
    host = people.for_label(f"{office} {surname}")
    if not host.name:
        return {}
    out: dict[int, Speaker] = {}
    voice = host
    for b in paras[opening.index :]:
        if b.index in asks:
            out[b.index], voice = QUESTIONER, host
            continue
        if label := _TURN_LABEL.match(text, b.start, b.end):
            named = people.for_label(label["label"])
            voice = named if named.kind == "person" and named.name else voice
        out[b.index] = voice
    return out


# A paragraph that only introduces a quotation: "Ana Ruiz, head of the Harbour Board, said:"
# a paragraph ending in a colon, or in a comma ("According to the Commandant, Ana Ruiz,"); its attribution decides
_QUOTE_INTRO = regex.compile(r"[:,]\s*$", regex.V1)
_SALUTATION = regex.compile(r"\s*(?:Dear|My\s+dear)\s+[^\n:]{1,80}[:,]\s*$", regex.V1)  # a letter's "Dear Ana Ruiz:"
QUOTED_BLOCKS = 4  # how many paragraphs after such an introduction are the quotation, at most


def _quoted_blocks(text: str, paras: list[Block], people: People, originals: set[int]) -> dict[int, Speaker]:
    """The paragraphs of a quotation set as a block after its introduction (a press release's "X, Y,
    said:", a blog round-up's "X wrote on her blog:", then the quotation without quotation marks): the
    speaker of each, up to the next introduction or a paragraph naming someone else. The introduction is a
    paragraph ending in a colon that names who speaks, by any speech verb or as its subject; or, before a
    quotation's original in another language (``originals``: its translation follows), the paragraph that
    names them."""
    out: dict[int, Speaker] = {}
    for i, b in enumerate(paras):
        if _QUOTE_INTRO.search(text, b.start, b.end) and not _SALUTATION.match(text, b.start, b.end):
            said = _introduced(people, text, b, paras[i - 1] if i else None, out)
        elif i and b.index in originals and paras[i - 1].index not in out and paras[i - 1].index not in originals:
            said = _named_before(people, text, paras[i - 1].sentences, None, out)
        else:
            continue
        if said.kind != "person" or not said.name:
            continue
        # an original beside its translation is passed over (and no copy of the rest of the list is made)
        followers = (paras[k] for k in range(i + 1, len(paras)) if paras[k].index not in originals)
        for follower in islice(followers, QUOTED_BLOCKS):
            if _SALUTATION.match(text, follower.start, follower.end):
                continue  # a letter's "Dear Ana Ruiz:" opens the quotation, and names whom it is written to
            if _QUOTE_INTRO.search(text, follower.start, follower.end) or _is_heading(text, follower):
                break
            own = attribution(people, text, follower.start, follower.end)
            if own.kind == "person" and own.name and own.name != said.name:
                break  # the text has gone on to someone else
            out[follower.index] = said
    return out


def _introduced(people: People, text: str, b: Block, before: Block | None, quoted: dict[int, Speaker]) -> Speaker:
    """Whom an introduction ending in a colon gives the quotation to: the attribution of its last sentence
    ("he wrote:" being whom the text last named), else that sentence's named subject ("Blogger Ana Ruiz's
    view echoed this, and went further:"), or whom its "he" or "she" stands for ("she makes an attack:")."""
    sentences = b.sentences
    if not sentences:
        return NOBODY
    said = attribution(people, text, sentences[-1].start, b.end)
    if said.kind == "person" and not said.name:
        return _named_before(people, text, sentences[:-1], before, quoted)
    if said.kind != "person" and (subject := people.subject_of(sentences[-1].start, b.end)):
        return Speaker("person", subject.name, subject.affiliation, "subject")
    if said.kind != "person" and _PRONOUN_SUBJECT.match(text, sentences[-1].start, b.end):
        return _named_before(people, text, sentences[:-1], before, quoted)  # "…, she makes a stinging attack:"
    return said


# a sentence whose subject is "he" or "she", after an opening phrase: "After listing jobs, homes and roads, she …"
_PRONOUN_SUBJECT = regex.compile(r"(?:[^;:.!?\n]{1,200},\s+)?(?:[Hh]e|[Ss]he)\s+\p{Ll}", _V)


def _named_before(
    people: People, text: str, sentences: list[Sentence], before: Block | None, quoted: dict[int, Speaker]
) -> Speaker:
    """The person a pronoun in a quotation's introduction stands for: the last one named as speaking, or as
    the subject, in the sentences before it; else the speaker of the quotation just before; else nobody."""
    for s in reversed(sentences):
        said = attribution(people, text, s.start, s.end)
        if said.kind == "person" and said.name:
            return said
        if subject := people.subject_of(s.start, s.end):
            return Speaker("person", subject.name, subject.affiliation, "subject")
    return quoted.get(before.index, NOBODY) if before is not None else NOBODY


_LATIN = regex.compile(r"\p{Latin}", _V)
_LETTER = regex.compile(r"\p{L}", _V)


_LOWER_WORD = regex.compile(r"(?<![\w’'])\p{Ll}[^\W\d_]*", _V)
MIN_ORIGINAL_WORDS = 15  # fewer lower-case words say too little about their language
ENGLISH_SHARE = 0.18  # English prose: a quarter of its lower-case words or more are function words


def _original(text: str, block: Block) -> bool:
    """A paragraph in another language: a quotation's original that the text gives beside its English
    translation. Mostly in another script than the Latin one (Chinese, Russian), or in Latin letters with
    hardly any English function words among its lower-case words (names left aside): under ENGLISH_SHARE
    in Portuguese, Spanish or Turkish, a quarter or more in the tuning half's English paragraphs."""
    chunk = text[block.start : min(block.end, block.start + 400)]
    letters = len(_LETTER.findall(chunk))
    if letters > 0 and len(_LATIN.findall(chunk)) < letters / 2:
        return True
    found = _LOWER_WORD.findall(chunk)
    function_words = lx.english_function_words()
    return len(found) >= MIN_ORIGINAL_WORDS and sum(w in function_words for w in found) < ENGLISH_SHARE * len(found)


# a transcript's note on what it is ("Following is the transcript of an interview with …", "This is an edited
# transcript"): the page's, no statement
_TRANSCRIPT_NOTE = regex.compile(
    r"(?:(?:The\s+)?[Ff]ollowing\s+(?:is|are)|This\s+is)\s+(?:(?:a|an|the)\s+)?(?:\p{Ll}+\s+){0,2}?"
    r"(?:transcript|excerpts?|text)\b",
    _V,
)


def _is_stage_direction(text: str, block: Block) -> bool:
    """A transcript's note in brackets: "(Laughter.)", "(The briefing was concluded at 2:53 p.m.)"."""
    body = text[block.body_start : block.end].strip()
    return len(body) > 2 and body[0] in "([" and body[-1] in ")]" and body.count(body[0]) == 1


_QUOTE_THEN_PROSE = regex.compile(r"[,!?][”\"’']\s+\p{Ll}", _V)


def _is_heading(text: str, block: Block) -> bool:
    """A title, a section heading or a dateline: short, and unpunctuated or in title case."""
    body = text[block.body_start : block.end]
    words = body.split()
    if len(words) >= 16 or _QUOTE_THEN_PROSE.search(body):
        return False  # (a quotation and who said it, "“Rents will climb,” said County Sheriff Leo Marsh.", is prose)
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    unpunctuated = not any(mark in w for w in words for mark in ".!?…")
    return capitalised > 0.6 * len(words) or unpunctuated or bool(_TIME_ALONE.fullmatch(body.strip()))


_TIME_ALONE = regex.compile(r"\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.m\.|[ap]m))?\.?", regex.I)  # a record's "10:15 a.m."


# --- whose sentence: what the sentence writes itself, else the paragraph's or the last named speaker


def _sentence_speaker(
    people: People, text: str, s: Sentence, label: Speaker | None, last: Speaker, previous: Speaker,
    paragraph_start: int, context_start: int,
) -> Speaker:  # fmt: skip
    """Who says a sentence: in a transcript the label's speaker, unless the sentence reports another named
    person's view; else whom it names ("said X"), the last named speaker for "she said", the previous
    speaker when it opens a quotation and names no one, or nobody."""
    said = attribution(people, text, s.start, s.end)
    if said.kind in ("reported", "finding") and _all_quoted(text, s):
        said = NOBODY  # "“The study suggests …": a body named inside a quotation is the quoted speaker's word
    if label is not None and label.kind == "person":
        # in a transcript, each speaker's own words, unless they report another named person's view
        # ("the Governor believes that …", "the President has long said", or "he thinks" after the question
        # or the turn named him: a speaker calls themselves "I")
        if _OWN_VIEW.match(text, s.start, s.end) or _OWN_TESTIMONY.search(text, s.start, s.end):
            return label  # "I think he deserves praise for saying …": the speaker's view of what another said
        if said.kind == "person" and not said.name and said.how == "pronoun":
            meant = people.last_named(context_start, s.start, besides=label.name)
            return Speaker("person", meant.name, meant.affiliation, said.how) if meant else label
        if _INSTITUTION_VIEW.match(text, s.start, s.end):
            return Speaker("reported", how="reported")  # "The Committee expects …": a body's view, which they relay
        if (body := _BODY_SAID.match(text, s.start, s.end)) and body["run"].split()[-1] in ORG_WORDS:
            return Speaker("reported", how="reported")  # "The Kappa Institute said that …", as a spokesperson reads
            # out other bodies' statements (but "The Committee said so, and I think …" is also theirs)
        return said if said.kind == "person" and said.name and said.name != label.name else label
    if said.kind == "person" and not said.name:
        if said.how == "first" and not (
            _QUOTE_MARK.search(text, s.start, s.end) or _continues_quote(text, s, paragraph_start)
        ):
            return NOBODY  # "As I wrote back then, …" outside any quotation: the author's own words
        # "the judge suggested": the one the text titles so ("Judge Ana Ruiz"); else, and for "she said", "the
        # researcher concludes", the last named speaker
        if said.how == "role" and (m := _ROLE_REF_IN.search(text, s.start, s.end)):
            if (titled := people.by_title(m["role"].capitalize())) is not None:
                return Speaker("person", titled.name, titled.affiliation, said.how)
            if m["role"] not in (last.affiliation or "") and _introduced_unnamed(text, m["role"], s.start):
                return Speaker("reported", how="reported")  # "said a spokesperson from the Ministry …": no name
        return replace(last, how=said.how) if last.name else NOBODY
    if said is NOBODY and previous.kind == "person" and _continues_quote(text, s, paragraph_start):
        return replace(previous, how="continued")
    return said


def _introduced_unnamed(text: str, role: str, before: int) -> bool:
    """Whether the text before ``before`` (its last few paragraphs) brings in someone of ``role`` without a
    name: "said a spokesperson from the Ministry of Water", "a senior official, who asked not to be named"."""
    window = text[max(0, before - UNNAMED_WINDOW) : before]
    return any(
        not _CAPRUN_AFTER.match(window, m.end())
        for m in regex.finditer(rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:\p{{Ll}}+\s+){{0,2}}{regex.escape(role)}\b", window)
    )


_CAPRUN_AFTER = regex.compile(rf",?\s+{CAPRUN}", _V)  # "a spokesperson, Ana Ruiz," is named
UNNAMED_WINDOW = 1500


def _named_at_close(
    people: People, text: str, sentences: list[Sentence], k: int, last: Speaker, after: Sequence[Block] = ()
) -> Speaker | None:
    """Who says a quotation of several sentences that the sentence ``k`` opens and a later one of its paragraph
    closes with the attribution ("“We are far apart. We will talk again,” said Ana Ruiz."): the speaker named
    after the closing mark, or the one "she said" there means; None when the sentence closes what it opens. A
    quotation left open at its paragraph's end goes on in the next paragraphs (``after``) that open with its mark,
    as a quotation of several paragraphs is printed."""
    s = sentences[k]
    opening = text[s.start]
    if opening not in "“\"‘'":
        return None
    if opening == "“":
        closed = text.count("“", s.start, s.end) <= text.count("”", s.start, s.end)
    elif opening == '"':
        closed = text.count('"', s.start, s.end) % 2 == 0
    else:
        closed = _closing(text, opening, s.start + 1, s.end) >= 0
    if closed:
        return None  # closed within the sentence
    for later, reopens in islice(_quoted_on(text, opening, sentences[k + 1 :], after), QUOTED_SENTENCES):
        close = _closing(text, opening, later.start, later.end)
        # (a paragraph that goes on with the quotation opens with its mark again)
        if opening == "“" and text.find(opening, later.start + reopens, close if close >= 0 else later.end) >= 0:
            return None  # another quotation opens first: the first one ran on unclosed
        if close >= 0:
            said = attribution(people, text, close, later.end)
            if said.kind == "person" and not said.name:
                said = last
            # "continued", as any sentence of a quotation that names its speaker in another sentence
            return replace(said, how="continued") if said.kind == "person" and said.name else None
    return None


def _quoted_on(
    text: str, opening: str, rest: list[Sentence], after: Sequence[Block]
) -> Iterator[tuple[Sentence, bool]]:
    """The sentences a quotation may go on through: the rest of its paragraph, then each next paragraph that opens
    with its mark again (with True for that paragraph's first sentence)."""
    yield from ((s, False) for s in rest)
    for block in after:
        if not block.sentences or text[block.sentences[0].start] != opening:
            return
        yield block.sentences[0], True
        yield from ((s, False) for s in block.sentences[1:])


QUOTED_SENTENCES = 6  # how many sentences later a quotation's closing attribution is looked for
QUOTE_REACH = 2_000
# a sentence that opens with a body's name as the subject of its speech verb: "The Kappa Institute said that …"
_BODY_SAID = regex.compile(
    r"(?:[Tt]he\s+)?(?P<run>\p{Lu}[\p{L}\-]*(?:\s+(?:(?:of|for|on|the)\s+)*\p{Lu}[\p{L}\-]*)*)\s+(?:has\s+|had\s+)?"
    r"(?:said|says|stated|reported|announced|warned|noted|believes|expects|considers)\b(?![^.;]*\b(?:I|we)\s+(?:think|believe)\b)",
    _V,
)
# A body's view that a transcript's speaker relays ("The Committee expects …", "FOMC participants see …"), which
# ANNOTATION.md leaves out as an institution's ("the Board judged"): its subject is the body, its verb a view
_INSTITUTION_VIEW = regex.compile(
    r"(?:(?:And|But|So|Also|Overall|Today|Again),?\s+)?(?:[Tt]he\s+|[Oo]ur\s+)?(?:FOMC\s+|Committee\s+)?"
    r"(?:Committee|Board|Governing\s+Council|Council|FOMC|[Pp]articipants|[Pp]olicymakers)\s+"
    r"(?:\p{Ll}+ly\s+|also\s+|still\s+|continues?\s+to\s+|continued\s+to\s+){0,2}"
    r"(?:expects?|expected|anticipates?|anticipated|judges?|judged|sees?|saw|believes?|believed|reiterated|"
    r"projects?|projected|considers?|considered|assess(?:es|ed)?|views?|viewed)\b",
    _V,
)


_QUOTE_MARK = regex.compile(r"[“\"‘]", _V)


def _continues_quote(text: str, s: Sentence, paragraph_start: int) -> bool:
    """A sentence naming nobody goes on with the last quotation when it opens with a quotation mark, or
    when a quotation opened earlier in its paragraph (within QUOTE_REACH characters) is still open."""
    start = max(paragraph_start, s.start - QUOTE_REACH)  # bounded: a paragraph may be a whole 10 MB text
    opened, closed = text.count("“", start, s.start), text.count("”", start, s.start)
    if text[s.start] in '“"‘' or opened > closed:
        return True
    if start != paragraph_start:
        return False
    # straight and single marks pair up only counted from the paragraph's start: Ana Ruiz said: "… . This …"
    # (an odd count of straight ones before), or 'The levy is too high. It will …,' said Tom Hale.
    # (a single mark may open after the paragraph's start too: "Ana Ruiz: 'This levy is a mistake. It will …'")
    if text.count('"', start, s.start) % 2 == 1:
        return True
    opening = max(_SINGLE_OPEN.finditer(text, start, s.start), key=lambda m: m.start(), default=None)  # the last
    return opening is not None and _closing(text, opening[0], opening.end(), s.start) < 0


_SINGLE_OPEN = regex.compile(r"(?:^|(?<=[\s:(\[—–]))[‘'](?=[\p{L}\p{N}])", _V | regex.M)


def _all_quoted(text: str, s: Sentence) -> bool:
    """Whether the whole sentence is inside a quotation: it opens one that does not close before its end."""
    opening = text[s.start]
    if opening not in "“\"‘'":
        return False
    close = _closing(text, opening, s.start + 1, s.end)
    return close < 0 or not text[close + 1 : s.end].strip(" .,!?")


def _quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where double quotation marks open and close in ``text[start:end]``, in pairs from the left (a straight mark
    closes what the one before it opened); one left open runs to ``end``."""
    spans: list[tuple[int, int]] = []
    while (m := _DOUBLE_OPEN.search(text, start, end)) is not None:
        close = _closing(text, m[0], m.end(), end)
        spans.append((m.start(), end if close < 0 else close))
        if close < 0:
            break
        start = close + 1
    return spans


_DOUBLE_OPEN = regex.compile(r"[“\"]")


def _closing(text: str, opening: str, start: int, end: int) -> int:
    """Where in ``text[start:end]`` a quotation opened by ``opening`` closes, or -1. A single mark closes after
    the quotation's last punctuation ("…,' said Tom Hale"), which no apostrophe does ("Kappa's", "exporters'")."""
    if opening in "‘'":
        m = _SINGLE_CLOSE.search(text, start, end)
        return m.start() + 1 if m else -1
    return text.find("”" if opening == "“" else '"', start, end)


_SINGLE_CLOSE = regex.compile(r"[,.!?;:…][’'](?=\s|$)", _V)


# a discourse aside between a speaker and the verb: "Ana Ruiz, for her part, said"
_ASIDE = (
    r"(?:for\s+(?:his|her|their|its)\s+part|however|meanwhile|though|too|in\s+turn|by\s+contrast|in\s+contrast"
    # or where and how they said it: "Ana Ruiz, in a statement, said", "…, on her blog, says", "…, on Twitter, wrote"
    r"|(?:on|in|at|during|via|through|after|before)\s+(?:(?:his|her|their|its|the|a|an)\s+)?[^,;:“”\"\n]{1,60}?"
    # or a participle's aside: "Ana Ruiz, while speaking to reporters, said", "…, when asked about rents, said"
    r"|(?:while|whilst|when)\s+\p{Ll}+(?:ing|ed)\b[^,;:“”\"\n]{0,60}?)"
)
# A speech verb with its subject before it ("Gates said", "Dimitri Minic, a researcher at Ifri, further
# emphasizes", "the researcher aptly concludes", "she said") or after it ("cautions Barthélémy Courmont").
# Matched backwards from the verb (REVERSE), so each verb costs one short anchored match.
# a body's name, perhaps its initials, then a comma: "(Ana Ruiz) for the Kappa Institute (KI), (said)"
_BODY_THEN_COMMA = (
    r"\s+(?:from|of|at|for)\s+(?:the\s+)?\p{Lu}[\p{L}’'\-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*\p{Lu}[\p{L}’'\-]*)*"
    r"(?:\s+\([^()\n]{1,20}\))?,"
)
_SUBJECT_BEFORE = regex.compile(
    # ("Ana Ruiz for the Kappa Institute (KI), said": a body after "for", its initials and a comma)
    rf"(?:(?P<run>{CAPRUN})(?:,|\s+(?:from|of|at|for)\s+(?:the\s+)?\p{{Lu}}[^,.;:!?“”\"]{{1,80}}?|{_BODY_THEN_COMMA}"
    rf"|,\s+{APPOSITION},"
    rf"|,\s+(?:from|of|at|with|for)\s+(?:the\s+)?\p{{Lu}}[^,.;:!?“”\"]{{1,80}}?,|\s*\([^()\n]{{1,80}}\)|,\s+{_ASIDE},|,?\s+who)??"
    # (a pronoun first: in "he’s long believed" the "s" is no word of its own)
    rf"|(?P<np>\b[Ii]t|\b[Tt]hey|\b[Hh]e(?:[’']s|[’']d)?|\b[Ss]he(?:[’']s|[’']d)?|\bI|\b[Ww]e"
    rf"|(?:(?:The|This|That)\s+)?\b(?:\p{{Ll}}[\p{{L}}\-]*\s+){{0,3}}\p{{Ll}}[\p{{L}}\-]*))"
    rf"\s+{ADVERBS}$",
    _V | regex.REVERSE,
    occupations=OCCUPATIONS,
)
_ONE_NAME_WHO = regex.compile(r"\p{Lu}\p{Ll}+,?\s+who\s+(?:\p{Ll}+ly\s+)?", _V)
_BODY_BEFORE = regex.compile(r"\b(?:of|from|at|with)\s+(?:the\s+)?(?:\p{Ll}+\s+)?$", _V)  # "… of the blog "
# (an age may come first: "Ana Ruiz, 45, a rancher in Texas, said"; dashes may stand for the commas; an aside
# may stand for the apposition: "Ana Ruiz, on Twitter, wrote")
_SUBJECT_WITH_APPOSITION = regex.compile(
    rf"(?P<run>{CAPRUN})(?:{DEGREES})?(?:,(?:\s+\d{{1,3}},)?\s+(?:{LOOSE_APPOSITION}|{_ASIDE}|{BODY_ALONE}),"
    # and the body after the role, as a press release gives it: "Ana Ruiz, Chief Economist, Kappa Bank, said"
    rf"(?:\s+(?P<body>(?:the\s+)?\p{{Lu}}[\p{{L}}\-&.]*(?:\s+(?:(?:of|for|and|on|in)\s+(?:the\s+)?)?\p{{Lu}}[\p{{L}}\-&.]*){{0,5}}),)?"
    # and a relative clause or an apposition on the apposition: "Ana Ruiz, chair of the committee, which drafted the
    # levy, said", "Tom Hale, director of the Kappa Institute, a research group on food policy, said"
    # (between dashes, an apposition or a participle's aside: "Mia Brandt – dropped from the council in May – wrote")
    rf"(?:\s+(?:which|who|a|an)\s+[^,;:“”\"\n]{{1,120}}?,)?"
    # and an aside after it: "Ana Ruiz, Chief Engineer of the Harbour Board, speaking from Porto, said"
    rf"(?:\s+(?:\p{{Ll}}+ing\s+[^,;:“”\"\n]{{1,80}}?|{_ASIDE}),)?"
    rf"|\s*[—–]\s*(?:{LOOSE_APPOSITION}|\p{{Ll}}+ed\s+[^—–\n]{{1,80}}?)\s*[—–]"
    # or a relative clause without its closing comma: "Ana Ruiz who teaches geology at Kappa University told …",
    # "Tom Hale, who is their cousin told", "Ana Ruiz, a social worker who also chairs the Delta Council said"
    rf"|(?:,\s+(?:a|an|the)\s+[^,;:“”\"\n]{{1,80}}?\s+|,?\s+)who\s+\p{{Ll}}[^,.;:“”\"\n]{{1,150}}?"
    # or a role without it: "Ana Ruiz, a social worker from Delta said"
    rf"|,\s+(?:a|an|the)\s+(?:\p{{Ll}}[\p{{L}}\-]*\s+){{0,3}}{ROLE}(?:\s+(?:at|of|from|in|with|for)\s+[^,;:“”\"\n]{{1,60}}?)?)"
    rf"\s+{ADVERBS}$",
    _V | regex.REVERSE,
    occupations=OCCUPATIONS,
)
# "Ana Ruiz welcomed the deal and said", "…, dismissed the questions, and said": the subject of two verbs in a row
_COORDINATED_SUBJECT = regex.compile(
    rf"(?P<run>{CAPRUN})(?P<np>)\s+{ADVERBS}\p{{Ll}}+(?:ed|s)\b[^.;:!?“”\"]{{0,100}}?,?\s+and\s+{ADVERBS}$",
    _V | regex.REVERSE,
)
# "Economist Ana Ruiz of Kappa Bank said", "Ana Ruiz, from Kappa Bank, said": the person before the organisation
_SUBJECT_OF_ORG = regex.compile(
    # (a body's place may follow it: "of the University of California, Berkeley, said")
    # (a unit in lower case may come first: "of the department of botany at Kappa University"; a relative clause
    # after, or an aside: "of Kappa University, who was not involved in the study, said", "…, speaking from Lund, said")
    rf"(?P<run>{CAPRUN}),?\s+(?:from|of|at|with|for)\s+(?:the\s+)?(?:\p{{Ll}}+\s+){{0,5}}?\p{{Lu}}[^,.;:!?“”\"]{{1,80}}?"
    rf"(?:,\s+\p{{Lu}}[\p{{L}}\-]+)?(?:,\s+(?:who\s+[^,;:“”\"\n]{{1,120}}?|\p{{Ll}}+ing\s+[^,;:“”\"\n]{{1,80}}?|{_ASIDE}))?"
    rf",?\s+{ADVERBS}$",
    _V | regex.REVERSE,
)
# a body's name of several capitalised runs ("the University of Lagos"): the person is the run before its "of"
_RUN_BEFORE_BODY = regex.compile(rf"(?P<run>{CAPRUN}),?\s+(?:from|of|at|with)\s+(?:the\s+)?$", _V | regex.REVERSE)
MAX_BODY_RUNS = 3  # how many capitalised runs a body's name may have
# matched at a verb's end; not a subject with its own verb after it, which the verb reports ("…, saying Ana Ruiz had
# undermined the plan", "said he would go")
_KIN = "mother|father|wife|husband|son|daughter|sister|brother|partner|widow|widower|grandmother|grandfather|aunt|uncle"
_SUBJECT_AFTER = regex.compile(
    # (a role in lower case may come first: "said lead author Ana Ruiz", "said study co-author Ana Ruiz")
    # (or an article and a word or two: "says an elated Dr. Tom Hale", "said the former Kappa Bank governor …")
    rf"\s+(?:(?P<pron>he|she)\b|(?:(?P<lead>(?:[\p{{Ll}}\-]+\s+){{0,2}}(?:\p{{Ll}}+-)?(?:{ROLE_NOUNS}|\L<occupations>)\s+)"
    rf"|(?:an?|the)\s+(?:(?!(?:in|at|of|from|for|on|with|by|to|and|or|{ROLE_NOUNS})\b)\p{{Ll}}+\s+){{1,2}}"
    # (or a role or a kinship with its determiner, then the name in apposition: "said the mayor, Ana Ruiz", "said her
    # mother, Ana Ruiz, a nurse")
    rf"|(?:the|a|an|her|his|their|its|our|my)\s+(?P<lead>(?:[\p{{Ll}}\-]+\s+){{0,2}}(?:\p{{Ll}}+-)?"
    rf"(?:{ROLE_NOUNS}|\L<occupations>|{_KIN})),\s+)?"
    rf"(?P<run>(?>{PARTICLED_RUN})))"  # atomic: "Ana Ruiz has" does not shrink to "Ana Rui"
    r"(?!\s+(?:had|has|have|was|were|is|are|would|will|could|should|may|might|can|must|did|does|do|\p{Ll}+ed)\b)",
    _V,
    occupations=OCCUPATIONS,
)
# "notes Kappa Bank economist Ana Ruiz": an organisation and a role noun before the name, as a premodifier
_NOT_ROLE = r"(?!(?:in|on|at|of|and|to|for|from|with|by|the|a|an|last|this|after|before|during)\b)"
# (a modifier may come before the role noun: "according to Kappa Bank senior economist Ana Ruiz")
_ROLE_THEN_NAME = regex.compile(
    rf"\s+(?P<role>{_NOT_ROLE}\p{{Ll}}[\p{{L}}\-/]*(?:\s+{_NOT_ROLE}\p{{Ll}}[\p{{L}}\-/]*)?)\s+(?P<run>{CAPRUN})",
    _V,
)
_ACCORDING = regex.compile(
    rf"\b(?i:according to|as per|in the words of|in the view of)\s+"
    # "according to a post by Ana Ruiz": the writing's author
    rf"(?:(?:a|an|the|her|his)\s+(?:\p{{Ll}}+\s+)?(?:post|column|article|essay|paper|letter|tweet|note|op-ed)\s+by\s+)?"
    rf"(?:(?:the\s+)?(?P<run>{PARTICLED_RUN})|(?P<np>(?:the\s+)?\p{{Ll}}[\p{{L}}\s\-]{{0,40}}))"
    # "in Ana Ruiz's view", "in her opinion"
    rf"|\b[Ii]n\s+(?:(?P<run>{PARTICLED_RUN})[’']s|(?P<np>his|her|their))\s+(?:view|opinion|words|estimation|judge?ment)\b",
    _V,
)
_LED_RUN = regex.compile(rf"(?:the\s+)?\p{{Ll}}+\s+(?P<run>{CAPRUN})", _V)
_NAME_AFTER_ROLE = regex.compile(rf"[^,;:“”\"]{{0,100}},\s+(?P<run>{CAPRUN})(?=\s*[,:.]|\s*$)", _V)
_COLON_AHEAD = regex.compile(r"[^.:;!?“”\"]{0,60}:", _V)
_HEARD = regex.compile(r"\b(?:heard|hear|hears|saw|see|sees|watched|watch|let|made|make|makes)\s+$", _V)
_THEIR_WORDS = regex.compile(r"(?:In\s+)?(?:[Hh]is|[Hh]er|[Tt]heir)\s+words\s*[,:]", _V)
# a sentence opening "For Ana Ruiz, an economist at Kappa Bank, …": what follows is how she sees it
_FOR_NAME = regex.compile(rf"[“\"]?For\s+(?P<run>{CAPRUN})(?=,)", _V)
# a sentence opening with its speech verb, the subject after it: "Added Ana Ruiz, “…”", "Wrote Ruiz: …"
_VERB_FIRST = regex.compile(rf"(?:{'|'.join(VERBS_FIRST)})\s+(?P<run>{CAPRUN})(?=\s*[,:])", _V)
# Cheap looks first, from the clause's word scan (shared with the classifier): most sentences have
# no speech verb and no "according to", and then no regular expression runs at all.
_ACCORDING_WORDS = lx.words("according to|as per|in the words of|in the view of|view|opinion|estimation|judge?ment")
_SPEECH_WORDS = lx.words(SPEECH_VERBS)
# "Ana Ruiz disagreed, saying that …": a participle's understood subject is its sentence's subject
_PARTICIPLES = (
    "saying|adding|noting|arguing|warning|insisting|explaining|stressing|suggesting|claiming|stating|predicting"
)
_PARTICIPLE_WORDS = lx.words(_PARTICIPLES)
_PARTICIPLE = regex.compile(rf",\s+(?:{_PARTICIPLES})\b", _V)
# "X called for a review": a demand, an event. Matched with an end: without one, a match costs a pass over the text
_CALL_FOR = regex.compile(r"(?<=\bcall(?:s|ed)?)\s+for\b", _V)
# "Port Alder added the sedative to its list": adding a thing to something, no speech
_ADDED_TO = regex.compile(
    r"(?<=\badd(?:s|ed)?)\s+(?:the|a|an|its|their|his|her|some|more|new|two|three)\s+[^,.;:“”\"]{1,60}?\s+to\b"
    # and what an index added or a company reported: "added 0.4 per cent", "reported a 30 per cent drop in profit"
    r"|(?<=\b(?:add(?:s|ed)?|report(?:s|ed)?))\s+(?:\$|€|£)?\d|(?<=\breport(?:s|ed)?)\s+(?:a|an|its|their|record|net)\s"
    # and whom someone answers to: "she reports to the Mayor" (not "reported to the board that …")
    r"|(?<=\breports?)\s+(?:directly\s+)?to\s+(?:the\s+)?[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]*)*(?!\s+(?:that|on)\b)(?=\W)",
    _V,
)
# a speech verb in an indirect question or a condition reports no one's view: "we talked about whether Ana Ruiz
# thinks the port will recover", "If the Mayor thinks the levy is popular, …"
_ASKED = regex.compile(
    r"\b(?:[Ww]hether|[Ii]f|[Hh]ow|[Ww]hy)\s+(?:the\s+)?(?:\p{Lu}[\p{L}\-’'.]*\s+){1,4}(?:\p{Ll}+ly\s+)?$", _V
)
# a speech verb whose object is what was said before, no reported content: "Chair Hale said that quite clearly in
# March", "she has said so publicly" (the one who mentions it says the sentence)
_SAID_IT = regex.compile(
    r"\s+(?:that|it|so|this)(?=\s*[,.;!?]|\s+(?:quite|very|clearly|again|before|repeatedly|publicly|too|often|"
    r"many\s+times|explicitly|plainly|himself|herself|themselves)\b)",
    _V,
)
_DASH_NAME = regex.compile(rf"[”\"]\s*[—–]\s*(?P<run>{CAPRUN})", _V)
# What a lower-case subject of a speech verb is: unnamed people or an institution, a role ("the researcher"),
# a pronoun, a study
_UNNAMED = regex.compile(
    r"\b(?:officials?|experts?|analysts?|observers?|critics?|sources?|commanders?|diplomats?|people|many|"
    r"some|others|residents|environmentalists|activists|economists|scientists|researchers|investors|"
    r"authorities|lawmakers|leaders|insiders|aides|witnesses|doctors|forecasters|the (?:government|ministry|"
    r"department|agency|newspaper|paper|report|study|company|administration|committee|council|military|"
    r"army|police|court|board|group)|it|they)$",
    regex.I | _V,
)
_ROLE_REF = regex.compile(rf"\b(?:the|this|that)\s+(?:\p{{Ll}}+\s+)?(?:{ROLE_NOUNS})$", _V)
_ROLE_REF_IN = regex.compile(rf"\b(?:the|this|that)\s+(?P<role>{ROLE_NOUNS})\b", _V)
_PRONOUNS = frozenset("He She It They I We".split())
_PRONOUN = regex.compile(r"\b(?:he|she)(?:[’']s|[’']d)?$", regex.I | _V)  # "he’s long believed"
_TRAILING_ADVERBS = regex.compile(r"(?:\s+\p{Ll}+ly)+$")
_FINDING_NP = regex.compile(r"\b(?:study|report|research|survey|data|analysis|poll|trial|census)$")


def _np_speaker(np: str) -> Speaker | None:
    low = _TRAILING_ADVERBS.sub("", np.strip().lower())  # "the researcher aptly"
    if _PRONOUN.search(low) or low in (
        "his",
        "her",
        "their",
        "him",
        "them",
    ):  # "he said", "in her view", "according to him"
        return Speaker("person", how="pronoun")
    if _ROLE_REF.search(low):
        return Speaker("person", how="role")
    if low in {"i", "we"}:
        return Speaker("person", how="first")
    if _FINDING_NP.search(low):
        return Speaker("finding", how="reported")
    if _UNNAMED.search(low):
        return Speaker("reported", how="reported")
    return None


# A possessive or a determiner before a speech verb's form makes it a noun or an adjective: "Ana Ruiz's remarks",
# "her expected successor", "the claims"
_DETERMINED = regex.compile(r"(?:\p{L}[’']s|\b(?:his|her|their|its|our|my|your|the|a|an|these|those))\s+$", _V)
# and a determiner before capitalised words before a form that is also a plural noun: "in her Port Alder remarks"
# (a noun, whose capitals are a place or an event, no speaker; but "the President believes")
_NOUN_FORMS = frozenset("remarks comments claims notes statements warnings".split())
_DETERMINED_NAMED = regex.compile(
    r"\b(?:his|her|their|its|our|my|your|the|these|those)\s+(?:\p{Lu}[\p{L}\-]*\s+){1,3}$", _V
)


# verbs whose name after them is whom they judge or advise, never an inverted subject: "He accused Ana Ruiz of …"
# (Levin's judgement and advise verbs, as SPEECH_VERBS holds them)
_OBJECT_AFTER = regex.compile(
    r"accused|accuses|blamed|blames|praised|praises|criticized|criticised|criticizes|criticises|urged|urges|advised|"
    r"advises|counselled|counseled|counsels|admonished"
)
_AMONG_THOSE = regex.compile(
    rf"(?P<run>{CAPRUN})(?:,[^,;:“”\"\n]{{1,80}},)?\s+(?:is|was)\s+(?:among|one\s+of)\s+(?:those|the\s+\p{{Ll}}+)\s+who\s+"
    r"(?:believe|think|say|argue|warn|fear|expect|doubt)\b",
    _V,
)
# (an office of something may come first: "Secretary of Trade Tom Hale: “…”")
_NAME_COLON_QUOTE = regex.compile(
    rf"(?:\p{{Lu}}\p{{Ll}}+\s+(?:of|for)\s+(?:the\s+)?)?(?P<run>{CAPRUN}):[ \u00a0]*[“\"‘']", _V
)


def attribution(people: People, text: str, start: int, end: int) -> Speaker:
    """The attribution written in ``text[start:end]`` itself, or NOBODY.

    A named person wins over unnamed people in the same clause ("experts suggest …, according to X").
    Pronouns and "the researcher" come back as a person without a name, for the caller to resolve.
    """
    found: list[tuple[int, int, Speaker]] = []  # (rank, position, speaker); rank 0 = named person
    chunk = text[start:end]
    words = lx.scan(chunk)
    if words[_ACCORDING_WORDS]:
        for m in _ACCORDING.finditer(text, start, end):
            if m["run"]:  # "according to (the) Kappa Bank economist Ana Ruiz": a body and a role noun before her
                sp = _premodified(people, text, m, end) or people.resolve_run(m["run"])
            else:  # "according to former Harbour Board governor Maya Stone": a word before the body
                led = _LED_RUN.match(text, m.start("np"), end)
                sp = (led and _premodified(people, text, led, end)) or _np_speaker(m["np"]) or Speaker("reported")
            named = _NAME_AFTER_ROLE.match(text, m.end(), end) if " " not in sp.name else None
            if named and (other := people.resolve_run(named["run"])).kind == "person" and " " in other.name:
                sp = other  # "according to the Commandant of the Corps, General Ana Ruiz,": the name after the role
            found.append((_rank(sp), m.start(), _how(sp, "according")))
    if _THEIR_WORDS.match(text, start, end):  # "His words, “…”", "Her words:": a quotation of the one named before
        found.append((1, start, Speaker("person", how="pronoun")))
    if chunk.startswith(("For ", "“For ", '"For ')) and (opening := _FOR_NAME.match(text, start, end)):
        sp = people.resolve_run(opening["run"])
        if sp.kind == "person" and sp.name:
            found.append((0, opening.start(), _how(sp, "according")))
    if chunk[:1].isupper() and (opening := _VERB_FIRST.match(text, start, end)):
        sp = people.resolve_run(opening["run"])
        if sp.kind == "person":
            found.append((_rank(sp), opening.start(), _how(sp, "reported")))
    if " who " in chunk and (among := _AMONG_THOSE.search(text, start, end)):
        if (sp := people.resolve_run(among["run"])).name:  # "Ana Ruiz is among those who believe …"
            found.append((_rank(sp), among.start(), _how(sp, "reported")))
    if (named := _NAME_COLON_QUOTE.match(text, start, end)) and (sp := people.resolve_run(named["run"])).name:
        found.append((_rank(sp), start, _how(sp, "quote")))  # a news story's "Ana Ruiz: 'This levy is a mistake.'"
    if "—" in chunk or "–" in chunk:
        for m in _DASH_NAME.finditer(text, start, end):
            sp = people.resolve_run(m["run"])
            found.append((_rank(sp), m.start(), _how(sp, "quote")))
    verbs = (
        [
            v
            for v in SPEECH.finditer(text, start, end)
            if not _CALL_FOR.match(text, v.end(), end)  # end: see _CALL_FOR
            and not _ADDED_TO.match(text, v.end(), end)
            and not _SAID_IT.match(text, v.end(), end)
            and not _DETERMINED.search(text, max(start, v.start() - 12), v.start())
            and not _ASKED.search(text, max(start, v.start() - 60), v.start())
            and not (v[0] in _NOUN_FORMS and _DETERMINED_NAMED.search(text, max(start, v.start() - 60), v.start()))
        ]
        if words[_SPEECH_WORDS]
        else []
    )
    for verb in verbs:
        after = None if _OBJECT_AFTER.fullmatch(verb[0]) else _SUBJECT_AFTER.match(text, verb.end(), end)
        if after is None:
            continue
        if after["pron"]:
            sp = Speaker("person", how="pronoun")
        elif after["run"].endswith(("’s", "'s")) and not _COLON_AHEAD.match(text, after.end(), end):
            # "suggest Ana Ruiz's pamphlet misleads": what is hers is reported, not who says it (but "noted Ana
            # Ruiz's stance:" introduces it)
            continue
        else:
            sp = _premodified(people, text, after, end) or people.resolve_run(after["run"])
            if after["lead"] and sp.kind == "person" and not sp.affiliation:
                sp = replace(sp, affiliation=after["lead"].strip())
            if sp.kind != "person":
                continue  # "said Monday", "told Reuters": not a speaker after the verb
        found.append((_rank(sp), verb.start(), _how(sp, "reported")))
    for verb in verbs:
        window = max(start, verb.start() - 240), verb.start()
        before = _SUBJECT_WITH_APPOSITION.search(text, *window)  # "Anna Berg, a researcher at SIPRI, warned"
        if (
            before is None
            or people.resolve_run(before["run"]).kind != "person"
            or before["body"]
            and people.find(before["body"].split())  # "…, Chief Economist, Tom Hale, said"
        ):
            before = _SUBJECT_BEFORE.search(text, *window)
        # "Ana Ruiz of the Kappa Movement said": what comes after "of the" is the body, not who speaks
        # (or a body with a relative clause on it: "Ana Ruiz of Kappa University, who was not involved, said")
        body = before is not None and before["run"] and _BODY_BEFORE.search(text, window[0], before.start())
        if (before is None and "," in text[window[0] : window[1]]) or (
            before is not None and before["run"] and (body or people.resolve_run(before["run"]).kind != "person")
        ):
            before = _owner_of_body(people, text, window[0], _SUBJECT_OF_ORG.search(text, *window)) or before
        if before is None or before.groupdict().get("np"):  # "Ana Ruiz welcomed it and said": the verb before's
            joined = _COORDINATED_SUBJECT.search(text, *window)
            if joined is not None and people.resolve_run(joined["run"]).kind == "person":
                before = joined
        if before is None or _HEARD.search(text, window[0], before.start()):
            continue  # "few heard Ana Ruiz say …": whom someone heard, not who speaks
        if before["run"] and before["run"].split()[-1] in _PRONOUNS:
            subject = _np_speaker(before["run"].split()[-1])
        else:
            subject = people.resolve_run(before["run"]) if before["run"] else _np_speaker(before["np"])
        if subject is not None and subject.kind == "reported" and _ONE_NAME_WHO.fullmatch(before[0]):
            subject = Speaker("person", before["run"])  # "Ndaba, who says": one name, but "who" makes it a person's
        if subject is not None:
            found.append((_rank(subject), before.start(), _how(subject, "reported")))
    participle = _PARTICIPLE.search(text, start, end) if words[_PARTICIPLE_WORDS] and not found else None
    person = people.subject_of(start, participle.start()) if participle else None
    if person is not None:
        found.append((0, start, Speaker("person", person.name, person.affiliation, "reported")))
    if not found:
        return NOBODY
    if len(found) > 1 and (quoted := _quotations(text, start, end)):
        # a name inside a quotation is the quoted speaker's word when the sentence says outside it who speaks
        # ("“Minister Hale believes that …,” she said"): she reports his view, and the view is hers to give
        outside = [f for f in found if not any(a < f[1] < b for a, b in quoted)]
        found = outside or found
    return min(found, key=lambda f: (f[0], f[1]))[2]


def _owner_of_body(people: People, text: str, start: int, m: regex.Match | None) -> regex.Match | None:
    """The person of "Ana Ruiz of the University of Lagos said": the match of the run before the body's name
    (``m`` takes its last run, "University"), walking back run by run while the run is no person."""
    for _ in range(MAX_BODY_RUNS):
        if m is None or people.resolve_run(m["run"]).kind == "person":
            return m
        m = _RUN_BEFORE_BODY.search(text, start, m.start("run")) or m
    return m


def _premodified(people: People, text: str, m: regex.Match, end: int) -> Speaker | None:
    """The person a run after a speech verb names when the run is the organisation and a role noun of a
    premodified name ("notes Kappa Bank economist Ana Ruiz"), with those as the affiliation; else None."""
    after = _ROLE_THEN_NAME.match(text, m.end("run"), end)
    if after is None or len(after["run"].split()) < 2:
        return None
    sp = people.resolve_run(after["run"])
    if sp.kind != "person" or not sp.name:
        return None
    return sp if sp.affiliation else replace(sp, affiliation=f"{m['run']} {after['role']}")


def _rank(sp: Speaker) -> int:
    if sp.kind == "person":
        return 0 if sp.name else 1
    return 2 if sp.kind == "finding" else 3


def _how(sp: Speaker, how: str) -> Speaker:
    return Speaker(sp.kind, sp.name, sp.affiliation, sp.how or how)


def _office_in_full(people: People, sp: Speaker) -> Speaker:
    if sp.kind != "person":
        return sp
    office, name = people.office_of(sp.affiliation, sp.name)
    return replace(sp, affiliation=office, name=name)
