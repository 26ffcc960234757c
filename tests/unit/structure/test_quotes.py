"""Quotes: quotations in straight and curly marks; speakers resolved where the text is clear."""

from __future__ import annotations

import re

import pytest

from agents.structure.quotes import _quote_marks, _split_sentences, find_quotes


def quotes_of(text: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker) for each quotation in ``text``, one paragraph a line."""
    paragraphs = [match.span() for match in re.finditer(r"\S(?:.*\S)?", text)]
    found = find_quotes(text, paragraphs)
    for quote in found:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        if quote["speaker"]:
            assert text[quote["speaker_start"] : quote["speaker_end"]] == quote["speaker"]
    return [(quote["text"], quote["speaker"]) for quote in found]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will rebuild the bridge by spring," Mayor Ana Ruiz said.', "Mayor Ana Ruiz"),
        ('"Nobody was hurt," said Omar Khalil, a fire brigade spokesman.', "Omar Khalil"),
        ('"Nobody was hurt," Omar Khalil, a fire brigade spokesman, said.', "Omar Khalil"),
        ('"Nobody was hurt," the spokesman, Omar Khalil, told reporters.', "Omar Khalil"),
        ('"The port is closed", the coastguard said.', "the coastguard"),  # comma outside
        ("“We are ready to talk,” the general told reporters.", "the general"),
        (
            '"The dam held all night," according to the regional water authority.',
            "the regional water authority",
        ),
        ('"Who will pay for this?" asked Lena Ortiz, a shop owner.', "Lena Ortiz"),
        ('"We will not stop," union leaders also said on Tuesday.', "union leaders"),
        ('The minister said: "The budget is balanced."', "The minister"),
        ('A senior diplomat told AFP "the talks are close to collapse".', "A senior diplomat"),
        (
            'Governor Lea Brandt told reporters on Monday: "We will not raise taxes."',
            "Governor Lea Brandt",
        ),
        (
            'The mayor said the crews had worked all night, adding: "They saved the old town."',
            "The mayor",
        ),
        (
            'The minister, who arrived on Monday, said: "The roads will reopen soon."',
            "The minister",
        ),
    ],
)
def test_quotes_finds_the_speaker_beside_the_quotation(text: str, speaker: str) -> None:
    ((_words, found),) = quotes_of(text)
    assert found == speaker


def test_quotes_span_the_words_without_marks_or_the_attribution_comma() -> None:
    text = 'Officials said: "Roads are closed." Then: "Stay home, please," the police said.'
    first, second = find_quotes(text, [(0, len(text))])
    assert (first["text"], first["start"], first["end"]) == ("Roads are closed.", 17, 34)
    assert second["text"] == "Stay home, please" and second["speaker"] == "the police"


def test_quotes_keep_several_sentences_in_one_quotation() -> None:
    text = '"We tried. We failed. We will try again," the coach said.'
    assert quotes_of(text) == [("We tried. We failed. We will try again", "the coach")]


def test_quotes_split_around_the_attribution_share_the_speaker() -> None:
    text = '"We are not leaving," Maria Sol said, "until the contracts are signed."'
    assert quotes_of(text) == [
        ("We are not leaving", "Maria Sol"),
        ("until the contracts are signed.", "Maria Sol"),
    ]


def test_quotes_resolve_it_added_to_the_previous_speaker() -> None:
    text = (
        '"The border crossings will stay open," the interior ministry said.\n\n'
        '"Extra staff have been sent to the busiest ones," it added.'
    )
    assert [speaker for _, speaker in quotes_of(text)] == ["the interior ministry"] * 2


def test_quotes_resolve_the_message_to_its_sender() -> None:
    text = (
        "In a letter signed by the Harbour Workers Union, members set out their demands.\n\n"
        '"We will not accept night shifts without extra pay," the letter read.\n\n'
        '"Nor will we accept a freeze on hiring," it added.'
    )
    assert [speaker for _, speaker in quotes_of(text)] == ["the Harbour Workers Union"] * 2


def test_quotes_keep_an_unresolved_description() -> None:
    assert quotes_of('"All flights are suspended until further notice," the notice said.') == [
        ("All flights are suspended until further notice", "the notice")
    ]


def test_quotes_resolve_they_to_the_conjoined_subject_before() -> None:
    text = (
        "On Friday, President Ilse Varga and Prime Minister Dario Conti met in Vienna.\n\n"
        'In a joint statement, they pledged "closer cooperation on energy and migration".'
    )
    assert quotes_of(text) == [
        (
            "closer cooperation on energy and migration",
            "President Ilse Varga and Prime Minister Dario Conti",
        )
    ]


def test_quotes_resolve_a_pronoun_to_the_subject_that_spoke_before() -> None:
    text = (
        '"We have waited long enough," said Marta Ruiz.\n\n'
        'The shipping company said it was open to talks. "Our door is open," it said.'
    )
    # "it" follows a sentence that is not a quotation: the company spoke, not Marta Ruiz.
    assert [speaker for _, speaker in quotes_of(text)] == ["Marta Ruiz", "The shipping company"]


def test_quotes_resolve_he_to_the_person_the_sentence_before_is_about() -> None:
    text = (
        "Harbour chief Ines Kovar closed the slipway at noon. "
        '"Nobody goes out in this wind," she said.\n\n'
        "Derek Ames, 71, from Porthcawl, has fished here for fifty years.\n\n"
        'He said: "I have never seen the sea this high."'
    )
    # The role written before the name is part of the speaker, as the labels name speakers.
    assert [speaker for _, speaker in quotes_of(text)] == [
        "Harbour chief Ines Kovar",
        "Derek Ames",
    ]


@pytest.mark.parametrize(
    "before",
    [
        "The council thanked Ana Lind for her work.",  # a name, but not the subject
        "The club signed striker Jamie Doyle on Friday.",  # the words before it are no role
        "The show's organisers counted the entries.",  # a subject, but no name
        "In Porthcawl the tide turned at noon.",  # a place after an opener's word
    ],
)
def test_quotes_leave_he_unknown_when_no_person_was_the_subject(before: str) -> None:
    assert quotes_of(f'{before} "I did not expect any of this," he said.') == [
        ("I did not expect any of this", None)
    ]


def test_quotes_resolve_a_surname_to_the_first_full_mention() -> None:
    text = (
        "Club captain Mia Osei scored twice. Her coach, Tom Reyes, was delighted.\n\n"
        '"We kept going until the end," Osei said. "That is all I asked," said Reyes.\n\n'
        'Osei was named player of the match. "It is for the team," she said.'
    )
    assert [speaker for _, speaker in quotes_of(text)] == [
        "Club captain Mia Osei",
        "Tom Reyes",  # an apposition is not a role before the name
        "Club captain Mia Osei",  # "she" after a sentence about "Osei"
    ]
    # A surname the article never gave in full stays as it is.
    assert quotes_of('"We kept going until the end," Osei said.') == [
        ("We kept going until the end", "Osei")
    ]


@pytest.mark.parametrize("conjunction", ["but", "and"])
def test_quotes_give_a_second_verb_the_sentences_speaker_never_a_conjunction(
    conjunction: str,
) -> None:
    text = (
        "Lena Brandt, who chairs the rowing club, said the lease was fair, "
        f'{conjunction} added: "We will miss the old boathouse."'
    )
    assert quotes_of(text) == [("We will miss the old boathouse.", "Lena Brandt")]
    # No speech verb with a subject before it: the conjunction alone is still no speaker.
    assert quotes_of(f'The lease was fair, {conjunction} added: "We will miss it all."') == [
        ("We will miss it all.", None)
    ]
    # A clause cut before the verb names no one either: 'X thanked the club and' is no speaker.
    text = f'Lena Brandt thanked the club {conjunction} said: "We will miss it all."'
    assert quotes_of(text) == [("We will miss it all.", None)]


def test_quotes_leave_a_pronoun_without_antecedent_unknown() -> None:
    assert quotes_of('"We saw the water rise within minutes," he said.') == [
        ("We saw the water rise within minutes", None)
    ]


def test_quotes_drop_an_agency_left_where_told_was_dropped() -> None:
    text = '"The ceasefire will not hold," a senior official Reuters, adding that both sides rearm.'
    assert quotes_of(text) == [("The ceasefire will not hold", "a senior official")]


def test_quotes_carry_the_speaker_into_the_next_sentence_and_paragraph() -> None:
    text = (
        '"We counted the boats first," said Captain Ivo Petrov. "Then we counted the people.\n\n'
        '"By nightfall everyone was safe."'
    )
    assert quotes_of(text) == [
        ("We counted the boats first", "Captain Ivo Petrov"),
        ("Then we counted the people.", "Captain Ivo Petrov"),  # runs to the paragraph's end
        ("By nightfall everyone was safe.", "Captain Ivo Petrov"),
    ]


def test_quotes_skip_scare_quotes_and_leave_the_unattributed_unknown() -> None:
    assert quotes_of('The rebels crossed what Ankara calls its "red lines" on Sunday.') == []
    assert quotes_of('"Enough is enough" was painted on the wall of the town hall.') == [
        ("Enough is enough", None)
    ]
    # A partial quotation inside a sentence does not inherit the previous speaker.
    text = '"We will sign," the minister said. Critics called it "a very expensive promise" today.'
    assert quotes_of(text)[1] == ("a very expensive promise", "Critics")


def test_quotes_read_guillemets_and_ignore_apostrophes() -> None:
    assert quotes_of("« Nous ne partirons pas », a déclaré le maire.") == [
        ("Nous ne partirons pas", None)
    ]
    text = "Mohammed Shia' Al-Hakim and the rebels' envoy said: \"Talks resume on Monday.\""
    assert quotes_of(text) == [
        ("Talks resume on Monday.", "Mohammed Shia' Al-Hakim and the rebels' envoy")
    ]


def test_quotes_do_not_break_sentences_after_abbreviations() -> None:
    text = 'Mr. Okafor arrived on Dec. 2. "We are here to stay," he said.'
    # One sentence before the quotation, not three: its subject is who "he" is.
    assert quotes_of(text) == [("We are here to stay", "Mr. Okafor")]


def test_quotes_read_single_curly_marks_as_british_style_prints_them() -> None:
    text = (
        "The regional president, Franca Oberhofer, told reporters the pumps would stay. "
        "‘We will not wait for the next heatwave to act,’ she said.\n\n"
        "‘The pumps stay until October,’ said Davide Rinaldi, the team’s leader."
    )
    assert quotes_of(text) == [
        # "she said" after "The regional president, Franca Oberhofer, told": named in apposition.
        ("We will not wait for the next heatwave to act", "Franca Oberhofer"),
        ("The pumps stay until October", "Davide Rinaldi"),
    ]


def test_quotes_take_apostrophes_and_nested_single_marks_for_what_they_are() -> None:
    # Apostrophes inside the words ("workers’", "didn’t") neither open nor close a quotation.
    text = "‘The workers’ canteen didn’t open today,’ the manager said."
    assert quotes_of(text) == [("The workers’ canteen didn’t open today", "the manager")]
    # A quotation within a quotation belongs to the outer one.
    text = "“He told us ‘stay inside’ and left the square,” said Omar Haddad."
    assert quotes_of(text) == [("He told us ‘stay inside’ and left the square", "Omar Haddad")]
    assert quotes_of("Officials’ pay rises and the mayor’s office closes early.") == []


# --- Hostile paragraphs: each was read in the square of its length ------------------------------


@pytest.mark.parametrize("marks", [".", "!?", "…", "?!."])
def test_quotes_a_run_of_thousands_of_full_stops_is_one_break(marks):
    text = "The port closed" + marks * 20_000 + " The strike went on."
    sentences = _split_sentences(text, 0, len(text), [])
    assert [text[a:b].split()[0] for a, b in sentences] == ["The", "The"]


def test_quotes_thousands_of_abbreviations_and_quoted_breaks_in_one_paragraph():
    text = "Mr. " * 20_000 + "Smith left. " + "“We go. We stay.” " * 5_000 + "End."
    pairs = _quote_marks(text, 0, len(text))
    sentences = _split_sentences(text, 0, len(text), pairs)
    assert text[slice(*sentences[0])].endswith("Smith left. ") and len(sentences) == 5_002


def test_quotes_thousands_of_quotations_by_a_surname_find_the_full_name_once():
    """A paragraph of "Hartmann said: “...”" over and over looked for her full name from the
    article's start at each quotation."""
    text = "City manager Lena Hartmann spoke. " + "Hartmann said: “We will go on now.” " * 5_000
    quotes = find_quotes(text, [(0, len(text))])
    assert len(quotes) == 5_000
    assert {quote["speaker"] for quote in quotes} == {"City manager Lena Hartmann"}


def test_quotes_a_quotation_of_a_hundred_thousand_spaces():
    text = "The mayor said: “" + " " * 100_000 + "we will rebuild the port,” on Monday."
    (quote,) = find_quotes(text, [(0, len(text))])
    assert quote["text"] == "we will rebuild the port" and quote["speaker"] == "The mayor"


@pytest.mark.parametrize("spaces", [60, 240, 100_000])
def test_quotes_an_attribution_after_thousands_of_spaces(spaces):
    """The spaces after a quotation's close were split every way: 60 took 2.5 s, 240 hung."""
    text = "“We will rebuild the port,”" + " " * spaces + "the mayor said."
    (quote,) = find_quotes(text, [(0, len(text))])
    assert quote["speaker"] == "the mayor"
    text = "“We will rebuild the port,”" + " " * spaces + "and nothing more happened"
    (quote,) = find_quotes(text, [(0, len(text))])
    assert quote["speaker"] is None
