"""Tables: the title made from a body's first sentence, and the snippets and marks of a query."""

import pytest

from archive.extract import first_sentence
from indexer.highlight import Marker, lead


@pytest.mark.parametrize("body, title", [
    ("The Defence Secretary visited Male. He met the minister.", "The Defence Secretary visited Male."),
    # Abbreviations and initials do not end a sentence.
    ("Dr. Singh met Mr. Khan in Delhi today. More follows.", "Dr. Singh met Mr. Khan in Delhi today."),
    ("U.S. and India sign pact. Details.", "U.S. and India sign pact."),
    ("Prices rose 2.5 per cent. The index fell.", "Prices rose 2.5 per cent."),
    ("Is it true? Yes.", "Is it true?"),
    ("Wow! Great.", "Wow!"),
    ("No full stop here at all", "No full stop here at all"),
    # The first paragraph only, its lines joined; leading blank lines and Markdown marks go.
    ("\n\nFirst line\nsecond line. Then more.", "First line second line."),
    ("## A heading\n\nThe text.", "A heading"),
    # Long sentences are cut on a word, with an ellipsis, to about 120 characters.
    ("word " * 40, "word " * 23 + "word\u2026"),
    ("", ""),
])
def test_title_is_the_first_sentence(body, title):
    assert first_sentence(body) == title


@pytest.mark.parametrize("query, text, snippet", [
    # Inflections match as the index matches them (stems); far-apart matches make two passages.
    ("hospital", "Army hospitals will share records with civil hospitals.",
     "Army <mark>hospitals</mark> will share records with civil <mark>hospitals</mark>."),
    ("hospital", "Army hospitals opened. " + "Filler words here. " * 10 + "Civil hospitals too.",
     "Army <mark>hospitals</mark> opened. Filler words \u2026 here. Civil <mark>hospitals</mark> too."),
    # A wildcard marks the words it stands for.
    ("defen*", "The Defence Secretary and the defender met.",
     "The <mark>Defence</mark> Secretary and the <mark>defender</mark> \u2026"),
    # A phrase's words are marked; a passage near the last one goes on rather than repeat it.
    ('"border roads"', "Border Roads Organisation built roads on the border.",
     "<mark>Border</mark> <mark>Roads</mark> Organisation built <mark>roads</mark> on the <mark>border</mark>."),
    # Excluded words and operators are not marked.
    ("hospital -army", "The army hospital opened.", "The army <mark>hospital</mark> opened."),
    ("coal NOT army", "Army coal.", "Army <mark>coal</mark>."),
    ("AND", "Coal AND steel.", "Coal AND steel."),
    # The text is escaped; a query cannot inject markup.
    ("<b>", "Tags <b>bold</b> stay text.", "Tags &lt;b&gt;bold&lt;/b&gt; stay text."),
    ("Maldives", "Visit to the Maldives & Sri Lanka.", "Visit to the <mark>Maldives</mark> &amp; Sri Lanka."),
    # A match deep in a long text: the passage around it, with ellipses.
    ("readiness", "x " * 200 + "hospital readiness reviewed " + "y " * 200,
     "\u2026 x hospital <mark>readiness</mark> reviewed y \u2026"),
    # No match: the start of the text.
    ("zebra", "The Defence Secretary visited Male.", "The Defence Secretary visited Male."),
])
def test_snippet(query, text, snippet):
    assert Marker(query).snippet(text, 60) == snippet


@pytest.mark.parametrize("query, html, marked", [
    ("hospital", 'Defence &amp; hospitals <a href="/hospital">hospital</a>',
     'Defence &amp; <mark>hospitals</mark> <a href="/hospital"><mark>hospital</mark></a>'),
    # Character references and tags are never marked inside.
    ("amp", "Defence &amp; amp", "Defence &amp; <mark>amp</mark>"),
    ("href", '<a href="/x">link</a>', '<a href="/x">link</a>'),
])
def test_marks_in_html(query, html, marked):
    assert Marker(query).mark_html(html) == marked


def test_lead_is_cut_on_a_word_with_an_ellipsis():
    assert lead("word " * 100, 30) == "word word word word word word word \u2026"
    assert lead("A <short> text", 30) == "A &lt;short&gt; text"
