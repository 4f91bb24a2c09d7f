"""Stories: which releases are copies or versions of one another, kept up to date by reindex,
shown once in searches, listed and compared on the release page."""

import json
import os
import random
from pathlib import Path

import pytest

from archive import Release
from archive.reading import iter_release_files, read_file
from archive.stories import StoryText, compare, story_parts, story_text, word_diff
from indexer import SearchRequest, reindex, search, story_versions
from indexer.stories import refresh_stories, update_stories
from indexer.story_table import StoryTable, load_stories, sketch
from indexer.store import current_generation

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds() -> dict[str, Release]:
    """The seed releases by PIB release id (the number in `pib_2227978` and `2227978`)."""
    found = {}
    for path in iter_release_files(ROOT / "seeds"):
        for result in read_file(path, ROOT / "seeds", 2_000_000):
            if isinstance(result, Release):
                found[result.id.removeprefix("pib_")] = result
    return found


# Real PIB pairs (seeds/pib_2026-02_story_pairs.jsonl and other seeds), labelled by reading them.
PIB_PAIRS = [
    # The same Cabinet decision issued twice, and the same parliamentary answer twice.
    ("2227978", "2228002", "duplicate"),
    ("2227982", "2227996", "duplicate"),
    ("2226237", "2226238", "duplicate"),
    ("2227985", "2227989", "duplicate"),
    # A correction: the outlay of one ministry (1058 -> 10,585 crore) changed in a re-issue.
    ("2229201", "2229273", "version"),
    # Hard negatives: bodies that are only a sign-off; answers to other questions sharing a table or
    # background paragraphs; a summit's advisories for two different days.
    ("2228608", "2229280", ""),
    ("2222261", "2223849", ""),
    ("2226217", "2226218", ""),
    ("2223198", "2224536", ""),
    ("2222543", "2223118", ""),
    ("2228945", "2229347", ""),
    # One answer given in the Lok Sabha and, days later, in the Rajya Sabha; one text answering two
    # questions in the same House; an answer whose text is only the minister's sign-off.
    ("2222699", "2224570", ""),
    ("2222172", "2223213", ""),
    ("2225421", "2225423", ""),
    ("2226280", "2226337", ""),
]


@pytest.mark.parametrize("first, second, kind", PIB_PAIRS)
def test_real_pib_pairs(seeds, first, second, kind):
    comparison = compare(StoryText.of(seeds[first]), StoryText.of(seeds[second]))
    assert comparison.kind == kind, comparison


def wire(release_id: str, title: str, body: str, day: str = "1987-03-19", place: str = "New York") -> Release:
    return Release(id=release_id, title=title, body=body, date=day, location=place, agency="Reuters")


DIVIDEND = "Qtly div 30 cts vs 30 cts prior\nPay April {pay}\nRecord April Three"
REPO = ("The Federal Reserve entered the U.S. Government securities market to arrange 1.5 billion dlrs of "
        "customer repurchase agreements, a Fed spokesman said. Dealers said Federal funds were trading at {rate} "
        "pct when the Fed began its temporary and indirect supply of reserves to the banking system.")
PRIME = ("{bank} said it raised its prime lending rate to 7-3/4 pct from 7-1/2 pct, effective tomorrow. "
         "The increase follows similar moves by several other major U.S. banks earlier in the day, which cited "
         "the recent rise in the cost of funds to banks.")
STORY = ("Acme Mining Corp said it would close its Red Lake gold mine in northern Ontario for three months from "
         "April 1 because of low ore grades, laying off 240 of its 310 workers. The company said the mine produced "
         "48,000 ounces of gold in 1986. It said it expected to reopen the mine after development of a new zone. "
         "Acme shares fell 1/2 to 14-3/8 on the Toronto Stock Exchange.")

# Pairs in the shapes of wire copy (made-up text): the kinds that must be told apart.
WIRE_PAIRS = [
    ("re-sent", wire("a", "Acme To Close Red Lake Mine", STORY),
     wire("b", "Acme To Close Red Lake Mine", STORY.replace("  ", " ")), "duplicate"),
    ("cut copy", wire("a", "Acme To Close Red Lake Mine", STORY),
     wire("b", "Acme To Close Red Lake Mine", STORY.split(". It said")[0] + "."), "version"),
    ("correction", wire("a", "Acme To Close Red Lake Mine", STORY),
     wire("b", "Acme To Close Red Lake Mine <corrected>", STORY.replace("240 of its 310", "204 of its 310")),
     "version"),
    ("two companies' dividends", wire("a", "J.P. Stevens And Co <stn> In Payout", DIVIDEND.format(pay=30)),
     wire("b", "Moore Financial Group Inc <mfgi> Sets Payout", DIVIDEND.format(pay=16)), ""),
    ("the same report on another day", wire("a", "Fed Adds Reserves Via Customer Repurchases", REPO.format(rate="six")),
     wire("b", "Fed Adds Reserves Via Customer Repurchases", REPO.format(rate="6-1/16"), day="1987-03-20"), ""),
    ("a short notice re-sent with an abbreviation changed",
     wire("a", "Carolina Power And Light Co <cpl> Qtly Div", DIVIDEND.format(pay=30)),
     wire("b", "Carolina Power And Light Co <cpl> Sets Payout", DIVIDEND.format(pay=30).replace("Qtly", "Qtrly")),
     "duplicate"),
    ("two companies' notices in the same words", wire("a", "Franklin Insured Tax-free Sets Payout",
                                                      DIVIDEND.format(pay=30) + "\nNOTE: Franklin Insured Fund."),
     wire("b", "Franklin Puerto Rico Tax-free Sets Payout",
          DIVIDEND.format(pay=30) + "\nNOTE: Franklin Puerto Rico Fund."), ""),
    ("two banks' rate moves", wire("a", "Marine Midland Raises Prime Rate", PRIME.format(bank="Marine Midland Bank")),
     wire("b", "Mellon Bank Raises Prime Rate", PRIME.format(bank="Mellon Bank")), ""),
]


@pytest.mark.parametrize("name, first, second, kind", WIRE_PAIRS, ids=[pair[0] for pair in WIRE_PAIRS])
def test_wire_pairs(name, first, second, kind):
    assert compare(StoryText.of(first), StoryText.of(second)).kind == kind


def test_story_text_leaves_out_dateline_credit_and_sign_off():
    release = Release(id="x", body="NEW DELHI, March 3 (IANS) - The minister said so.\n\n***\n\nMJPS/SR")
    assert story_text(release) == "The minister said so."
    pib = Release(id="y", body="Posted On: 06 OCT 2025 4:10PM by PIB Delhi\nThe Cabinet approved it.\n"
                               "(Release ID: 2227978)")
    assert story_text(pib) == "The Cabinet approved it."


REPLY = ("The scheme covers 1.2 lakh villages in 14 States, and 3,400 works have been taken up so far "
         "under it, the Ministry said in its answer.\n\n"
         "This information was given by the Minister of State for Rural Development Shri Kamlesh Paswan in a "
         "written reply in the {house} Sabha today.\n\n*****\n\nMS")


def test_an_answer_in_parliament_keeps_its_house_as_a_fact_not_as_text():
    lok = Release(id="lok", title="RURAL WORKS", body=REPLY.format(house="Lok"), date="2026-02-03")
    rajya = Release(id="rajya", title="RURAL WORKS", body=REPLY.format(house="Rajya"), date="2026-02-05")
    assert story_parts(lok) == (REPLY.split("\n\n")[0], "lok") and story_parts(rajya)[1] == "rajya"
    hindi = Release(id="hi", body="योजना 14 राज्यों में है।\n\nयह जानकारी ग्रामीण विकास राज्य मंत्री ने आज लोकसभा में "
                                  "एक लिखित उत्तर में दी।")
    assert story_parts(hindi) == ("योजना 14 राज्यों में है।", "lok")
    # In capitals too; an answer quoted in the text, with more after it, is the text's.
    shouted = Release(id="caps", body=REPLY.format(house="Lok").replace("Lok Sabha", "LOK SABHA"))
    assert story_parts(shouted)[1] == "lok"
    quoted = Release(id="quoted", body="Details were given in reply to a question in the Lok Sabha last year.\n\n"
                                       + "The scheme now covers every district of the State. " * 10)
    assert story_parts(quoted) == (quoted.body.strip(), "")
    # The same answer in the other House is another event; so is an answer to another question.
    assert compare(StoryText.of(lok), StoryText.of(rajya)).kind == ""
    other_question = Release(id="q2", title="WAGES UNDER RURAL SCHEMES", body=REPLY.format(house="Lok"),
                             date="2026-02-03")
    assert compare(StoryText.of(lok), StoryText.of(other_question)).kind == ""
    again = Release(id="again", title="RURAL WORKS", body=REPLY.format(house="Lok"), date="2026-02-03")
    assert compare(StoryText.of(lok), StoryText.of(again)).kind == "duplicate"
    # Copies are joined by their fingerprint unchecked: an answer's holds its headline and House.
    assert len({sketch(release).fingerprint for release in (lok, rajya, other_question, again)}) == 3


def test_word_diff_marks_insertions_and_deletions():
    runs = word_diff("The mine employs 240 people.\nIt opened in 1980.",
                     "The mine employs 204 people.\n\nIt opened in 1980.")
    assert ("deleted", "240") in runs and ("inserted", "204") in runs
    # A change of line breaks alone is no change.
    shown = "".join(text for op, text in runs if op != "deleted")
    assert shown.split() == "The mine employs 204 people. It opened in 1980.".split()


def _sketches(releases):
    return {release.id: sketch(release) for release in releases}


def _made_up_story(n: int) -> str:
    """A text of its own for story `n`: words no other story uses."""
    rng = random.Random(n)
    words = [f"w{n}x{rng.randrange(40)}" for _ in range(60)]
    return " ".join(words[:30]) + f". Sales rose {n + 3} pct to {n * 7 + 11} mln dlrs. " + " ".join(words[30:]) + "."


def _copies(count: int = 12) -> list[Release]:
    """Releases in several stories: copies re-sent on later days, versions, and singles."""
    releases = []
    for n in range(count):
        body = _made_up_story(n)
        releases.append(wire(f"s{n}-a", f"Company{n} closes Site{n} mine", body, day=f"1987-03-{10 + n % 5:02d}"))
        if n % 3 == 0:
            releases.append(wire(f"s{n}-b", f"Company{n} closes Site{n} mine", body, day=f"1987-03-{11 + n % 5:02d}"))
        if n % 4 == 0:
            extended = body + " Shares rose on the news, and analysts said the outlook was good."
            releases.append(wire(f"s{n}-c", f"Company{n} closes Site{n} mine", extended,
                                 day=f"1987-03-{10 + n % 5:02d}"))
    return releases


def _text_of(releases):
    by_id = {release.id: release for release in releases}
    return lambda release_id: StoryText.of(by_id[release_id]) if release_id in by_id else None


def test_incremental_runs_find_the_stories_a_full_build_finds():
    releases = _copies()
    text_of = _text_of(releases)
    full = update_stories(StoryTable.empty(), _sketches(releases), set(), text_of)
    assert sorted(set(full.story_of().values())) == sorted(f"s{n}-a" for n in range(12))
    shuffled = releases[:]
    random.Random(4).shuffle(shuffled)
    table = StoryTable.empty()
    for start in range(0, len(shuffled), 5):
        table = update_stories(table, _sketches(shuffled[start:start + 5]), set(), text_of)
    assert table.story_of() == full.story_of()


def test_any_series_of_adds_changes_and_removals_ends_with_a_full_build_s_stories():
    releases = _copies(15)
    changed = {release.id: Release(id=release.id, title=release.title, body=f"Weather report {n}. " + STORY,
                                   date=release.date, location=release.location)
               for n, release in enumerate(releases[::4])}
    rng = random.Random(11)
    table, present = StoryTable.empty(), {}
    for _ in range(30):
        step = rng.sample(releases, 4)
        gone = set(rng.sample(sorted(present), min(2, len(present))))
        for release in step:
            present[release.id] = changed[release.id] if release.id in changed and rng.random() < 0.5 else release
        for release_id in gone - {release.id for release in step}:
            present.pop(release_id)
        table = update_stories(table, _sketches([present[r.id] for r in step]), gone - set(present),
                               _text_of(list(present.values())))
    full = update_stories(StoryTable.empty(), _sketches(list(present.values())), set(),
                          _text_of(list(present.values())))
    assert table.story_of() == full.story_of() and len(set(full.story_of().values())) < len(present)


def test_an_incremental_run_compares_only_the_texts_just_written():
    releases = _copies()
    text_of = _text_of(releases)
    table = update_stories(StoryTable.empty(), _sketches(releases), set(), text_of)
    assert len(table.pairs) and table.joined.any()
    asked = []

    def counting(release_id):
        asked.append(release_id)
        return text_of(release_id)

    # Re-written as they were (a file saved again): every pair has its verdict already.
    again = update_stories(table, _sketches(releases[:5]), set(), counting)
    assert asked == [] and again.story_of() == table.story_of()
    # A changed headline is looked at again, as a full build would.
    retitled = [Release(id=r.id, title="Weather In Bahia", body=r.body, date=r.date, location=r.location)
                for r in releases[:2]]
    changed = [*retitled, *releases[2:]]
    again = update_stories(table, _sketches(retitled), set(), _text_of(changed))
    assert again.story_of() == update_stories(StoryTable.empty(), _sketches(changed), set(),
                                              _text_of(changed)).story_of()
    # A new text is compared with the texts its sketch finds, and only with those.
    newcomer = wire("s0-d", "Company0 closes Site0 mine", _made_up_story(0) + " Unions said they would appeal.",
                    day="1987-03-11")
    again = update_stories(table, _sketches([newcomer]), set(), lambda i: counting(i) if i != "s0-d" else
                           StoryText.of(newcomer))
    assert again.story_of()["s0-d"] == "s0-a" and 0 < len(asked) <= 3


def test_copies_of_one_text_on_other_days_are_judged_as_themselves():
    # The same text on the 10th and the 20th; a correction of it on the 20th. Only the copy of the
    # 20th is in the correction's window: it decides, whichever order they were indexed in.
    first, later = wire("a1", "Acme To Close Mine", STORY, day="1987-03-10"), wire("a2", "Acme To Close Mine", STORY,
                                                                                  day="1987-03-20")
    corrected = wire("b", "Acme To Close Mine", STORY.replace("240 of its 310", "204 of its 310"), day="1987-03-20")
    releases = [first, later, corrected]
    full = update_stories(StoryTable.empty(), _sketches(releases), set(), _text_of(releases)).story_of()
    table = update_stories(StoryTable.empty(), _sketches([first, corrected]), set(), _text_of(releases))
    table = update_stories(table, _sketches([later]), set(), _text_of(releases))
    assert table.story_of() == full and full["b"] == full["a2"] == "a2" and full["a1"] == "a1"


def test_a_short_cut_of_a_long_text_joins_its_story():
    # The first paragraph of a long release shares a tenth of its shingles: found by its lead.
    rng = random.Random(16)
    paragraphs = [" ".join(f"word{rng.randrange(5000)}" for _ in range(60)) + "." for _ in range(8)]
    full = wire("full", "Acme Details Mine Closure Plan", "\n\n".join(paragraphs))
    cut = wire("cut", "Acme Details Mine Closure Plan", paragraphs[0])
    sketches = _sketches([full, cut])
    assert not (sketches["full"].bands[:-1] == sketches["cut"].bands[:-1]).any()
    table = update_stories(StoryTable.empty(), sketches, set(), _text_of([full, cut]))
    assert table.story_of() == {"cut": "cut", "full": "cut"}


def test_texts_too_short_to_be_copies_are_never_joined():
    # Bodies that are only a headline's worth, day after day: no story of them all.
    releases = [wire(f"flash{n}", "Markets", "Stocks rose.", day=f"1987-03-{10 + n:02d}") for n in range(6)]
    releases += [wire(f"empty{n}", "Photo", "", day=f"1987-03-{10 + n:02d}") for n in range(6)]
    # Short by compare's count (a figure is one word), however a sketch splits it.
    releases += [wire(f"rates{n}", "Rates", "Rates 6.25 6.50 6.75 7.00 U.S.") for n in range(2)]
    table = update_stories(StoryTable.empty(), _sketches(releases), set(), _text_of(releases))
    assert len(set(table.story_of().values())) == len(releases) and not len(table.pairs)


def test_removing_the_only_link_separates_a_story():
    early = wire("early", "Acme closes mine", STORY, day="1987-03-10")
    middle = wire("middle", "Acme closes mine", STORY, day="1987-03-13")
    late = wire("late", "Acme closes mine", STORY, day="1987-03-16")
    releases = [early, middle, late]
    table = update_stories(StoryTable.empty(), _sketches(releases), set(), _text_of(releases))
    # Six days apart, early and late are one story only through the copy between them.
    assert set(table.story_of().values()) == {"early"}
    table = update_stories(table, {}, {"middle"}, _text_of(releases))
    assert table.story_of() == {"early": "early", "late": "late"}
    table = update_stories(table, _sketches([middle]), set(), _text_of(releases))
    assert set(table.story_of().values()) == {"early"}


def test_a_pair_already_in_one_story_is_compared_only_once_that_story_is_taken_apart():
    # Three copies of one text within the window: two comparisons join all three; the third pair
    # could not change the story, so it waits until the copy linking them goes.
    copies = [wire(name, "Acme closes mine", STORY, day=day)
              for name, day in (("first", "1987-03-10"), ("second", "1987-03-11"), ("third", "1987-03-12"))]
    table = update_stories(StoryTable.empty(), _sketches(copies), set(), _text_of(copies))
    assert set(table.story_of().values()) == {"first"} and len(table.pairs) == 2 and table.joined.all()
    # The copy in both verdicts is the link; the other two were never compared with each other.
    fingerprints = {release.id: sketch(release).fingerprint for release in copies}
    hub = max(fingerprints, key=lambda i: sum(fingerprints[i] in pair for pair in table.pairs.tolist()))
    asked = []

    def counting(release_id):
        asked.append(release_id)
        return _text_of(copies)(release_id)

    table = update_stories(table, {}, {hub}, counting)
    left = sorted(set(fingerprints) - {hub})
    assert set(table.story_of()) == set(left) and set(table.story_of().values()) == {left[0]}
    assert sorted(asked) == left and len(table.pairs) == 1

def test_a_changed_release_leaves_its_story():
    first, second = wire("one", "Acme closes mine", STORY), wire("two", "Acme closes mine", STORY)
    table = update_stories(StoryTable.empty(), _sketches([first, second]), set(), _text_of([first, second]))
    assert table.story_of() == {"one": "one", "two": "one"}
    changed = wire("one", "Weather", "Showers continued throughout the week in the Bahia cocoa zone, alleviating "
                   "the drought since early January and improving prospects for the coming temporao.")
    table = update_stories(table, _sketches([changed]), set(), _text_of([changed, second]))
    assert table.story_of() == {"one": "one", "two": "two"}


def _write(source: Path, name: str, release: Release) -> None:
    stamp = f"{release.date}T{release.time}" if release.time else release.date
    record = {"id": release.id, "title": release.title, "date": stamp, "text": release.body,
              "location": release.location, "agency": release.agency}
    (source / name).write_text(json.dumps(record) + "\n", "utf-8")


@pytest.fixture
def story_index(tmp_path):
    source, index = tmp_path / "source", tmp_path / "index"
    source.mkdir()
    for release in _copies(6):
        _write(source, f"{release.id}.jsonl", release)
    reindex(source, index)
    return source, index


def test_reindex_keeps_stories_up_to_date(story_index):
    source, index = story_index
    stories = load_stories(current_generation(index)).story_of()
    assert stories["s0-b"] == stories["s0-c"] == "s0-a" and stories["s1-a"] == "s1-a"
    # A new copy joins its story; a removed one leaves it.
    copy = wire("s1-copy", "Company1 closes Site1 mine", _made_up_story(1), day="1987-03-12")
    _write(source, "s1-copy.jsonl", copy)
    (source / "s0-b.jsonl").unlink()
    report = reindex(source, index)
    assert report.added == 1 and report.removed == 1 and not report.full
    stories = load_stories(current_generation(index)).story_of()
    assert stories["s1-copy"] == "s1-a" and "s0-b" not in stories and stories["s0-c"] == "s0-a"
    # The same as a full build of the same files.
    assert reindex(source, index, full=True).full
    assert load_stories(current_generation(index)).story_of() == stories


def _change_story_index(source: Path) -> None:
    _write(source, "s1-copy.jsonl", wire("s1-copy", "Company1 closes Site1 mine", _made_up_story(1), day="1987-03-12"))
    (source / "s0-b.jsonl").unlink()


def test_an_incremental_run_finds_its_stories_in_a_process_of_their_own_while_it_commits(story_index, monkeypatch):
    import indexer.build
    import indexer.stories_aside

    source, index = story_index
    after_commit = []
    monkeypatch.setattr(indexer.build, "refresh_stories", lambda *args, **kwargs: after_commit.append(args))
    finder = []
    monkeypatch.setattr(indexer.stories_aside, "refresh_stories",
                        lambda *args, **kwargs: finder.append(os.getpid()) or refresh_stories(*args, **kwargs))
    _change_story_index(source)
    reindex(source, index)
    stories = load_stories(current_generation(index)).story_of()
    # Found by the process (a fork: what it appends stays there), none after the commit.
    assert not after_commit and not finder
    assert stories["s1-copy"] == "s1-a" and "s0-b" not in stories
    assert not list(current_generation(index).glob("stories.npz.*"))


def test_stories_are_found_after_the_commit_when_their_process_fails(story_index, monkeypatch):
    import indexer.stories_aside

    def failing(*args, **kwargs):
        kwargs["opened"]()
        raise MemoryError("made to fail")

    source, index = story_index
    monkeypatch.setattr(indexer.stories_aside, "refresh_stories", failing)
    _change_story_index(source)
    reindex(source, index)
    stories = load_stories(current_generation(index)).story_of()
    assert stories["s1-copy"] == "s1-a" and "s0-b" not in stories
    assert reindex(source, index, full=True).full
    assert load_stories(current_generation(index)).story_of() == stories


def test_what_a_killed_stories_process_left_is_cleared_by_the_next_run(story_index):
    source, index = story_index
    generation = current_generation(index)
    before = load_stories(generation).story_of()
    for name in ("stories.npz.next", "stories.npz.next.tmp", "stories.npz.tmp"):
        (generation / name).write_bytes(b"half a table")
    # Even a run with nothing to do clears them.
    assert reindex(source, index).changed == 0
    assert sorted(path.name for path in generation.glob("stories.npz*")) == ["stories.npz"]
    assert load_stories(generation).story_of() == before


@pytest.mark.parametrize("lookups", [200, 0])
def test_releases_read_back_by_id_or_through_the_id_column(story_index, monkeypatch, lookups):
    import indexer.stories

    # 0: every release read back through the id column, not looked up one by one.
    monkeypatch.setattr(indexer.stories._StoredReleases, "LOOKUPS", lookups)
    source, index = story_index
    # s1-a is re-written (its old document deleted), then a copy of its new text arrives.
    changed = wire("s1-a", "Company1 closes Site1 mine", _made_up_story(41), day="1987-03-11")
    _write(source, "s1-a.jsonl", changed)
    reindex(source, index)
    _write(source, "s1-copy.jsonl", wire("s1-copy", "Company1 closes Site1 mine", _made_up_story(41),
                                         day="1987-03-12"))
    reindex(source, index)
    stories = load_stories(current_generation(index)).story_of()
    assert stories["s1-copy"] == "s1-a"
    assert reindex(source, index, full=True).full
    assert load_stories(current_generation(index)).story_of() == stories


def test_a_stories_file_it_cannot_read_gives_no_first_indexed_order(tmp_path):
    import numpy as np

    from indexer.story_table import first_indexed

    assert len(first_indexed(tmp_path).ids) == 0
    np.savez(tmp_path / "stories.npz", ids=np.array(["a", "b"]))  # another version's: no sequence
    assert len(first_indexed(tmp_path).ids) == 0
    (tmp_path / "stories.npz").write_bytes(b"not a zip")
    assert len(first_indexed(tmp_path).ids) == 0


def test_search_shows_each_story_once(story_index):
    _, index = story_index
    collapsed = search(index, SearchRequest(q="mine"))
    every = search(index, SearchRequest(q="mine", collapse=False))
    assert every.total == every.releases == 10 and not every.collapsed
    assert collapsed.total == 6 and collapsed.releases == 10 and collapsed.collapsed
    assert len({hit.story for hit in collapsed.hits}) == len(collapsed.hits) == 6
    first = next(hit for hit in collapsed.hits if hit.story == "s0-a")
    assert first.versions == 2 and {v.id for v in first.other_versions} | {first.id} == {"s0-a", "s0-b", "s0-c"}
    # Facet counts count releases either way.
    assert collapsed.facets["agency"][0].count == every.facets["agency"][0].count == 10
    only = search(index, SearchRequest(story="s0-a", collapse=False))
    assert sorted(hit.id for hit in only.hits) == ["s0-a", "s0-b", "s0-c"]
    assert search(index, SearchRequest(story="nothing")).total == 0


def test_paging_through_stories_lists_each_once(story_index):
    _, index = story_index
    pages = [search(index, SearchRequest(sort="oldest", limit=2, page=page)) for page in (1, 2, 3)]
    seen = [hit.story for page in pages for hit in page.hits]
    assert len(seen) == len(set(seen)) == 6 and pages[0].pages == 3


def test_story_versions_first_reported_first(story_index):
    _, index = story_index
    versions = story_versions(index, "s0-b")
    assert [v.id for v in versions] == ["s0-a", "s0-c", "s0-b"] and versions[0].first
    kinds = {v.id: v.kind for v in versions}
    assert kinds["s0-a"] == "duplicate" and kinds["s0-c"] == "version"
    assert story_versions(index, "s1-a") == []
    # Copies of one day with no time of day: the first indexed is first.
    assert versions[0].first_by == "indexed" and [v.first for v in versions] == [True, False, False]


def test_first_reported_by_date_then_time_of_day(tmp_path):
    source, index = tmp_path / "source", tmp_path / "index"
    source.mkdir()
    body = _made_up_story(3)
    # Indexed in file order: the noon copy first, the morning copy of the same day later.
    for name, release_id, day, time in (("a.jsonl", "noon", "1987-03-10", "12:05"),
                                        ("b.jsonl", "morning", "1987-03-10", "09:30"),
                                        ("c.jsonl", "next-day", "1987-03-11", "")):
        release = wire(release_id, "Company3 closes Site3 mine", body, day=day)
        release.time = time
        _write(source, name, release)
    reindex(source, index)
    versions = story_versions(index, "next-day")
    assert [(v.id, v.time) for v in versions] == [("morning", "09:30"), ("noon", "12:05"), ("next-day", "")]
    assert versions[0].first and versions[0].first_by == "time"
    # The story is named after its first report.
    assert set(load_stories(current_generation(index)).story_of().values()) == {"morning"}


def test_first_reported_by_the_order_first_indexed_when_nothing_else_tells(tmp_path):
    source, index = tmp_path / "source", tmp_path / "index"
    source.mkdir()
    # Read in file order (a, b), so "zeta" is indexed before "alpha".
    for name, release_id in (("a.jsonl", "zeta"), ("b.jsonl", "alpha")):
        _write(source, name, wire(release_id, "Company4 closes Site4 mine", _made_up_story(4), day="1987-03-10"))
    reindex(source, index, full=True)
    versions = story_versions(index, "alpha")
    assert [v.id for v in versions] == ["zeta", "alpha"] and versions[0].first_by == "indexed"
    # A copy indexed later keeps its place through a full rebuild, though its file is read first.
    _write(source, "0.jsonl", wire("early-name", "Company4 closes Site4 mine", _made_up_story(4), day="1987-03-10"))
    reindex(source, index)
    assert reindex(source, index, full=True).full
    assert [v.id for v in story_versions(index, "alpha")] == ["zeta", "alpha", "early-name"]


@pytest.fixture
def story_client(story_index):
    from web import create_app

    source, index = story_index
    hostile = wire("s0-d", "Company0 closes Site0 mine <b>now</b>",
                   _made_up_story(0) + ' <script>alert("x")</script> & more', day="1987-03-10")
    _write(source, "s0-d.jsonl", hostile)
    reindex(source, index)
    return create_app({"INDEX": str(index), "TESTING": True}).test_client()


def test_release_page_lists_versions_and_compares_them_escaped(story_client):
    html = story_client.get("/release/s0-b").get_data(as_text=True)
    assert "Other versions of this story" in html and "First reported" in html
    assert html.index("/release/s0-a") < html.index("This release")
    compared = story_client.get("/release/s0-a?compare=s0-d").get_data(as_text=True)
    diff = compared[compared.index('<div class="diff"'):]
    diff = diff[:diff.index("</div>")]
    # The words the other version has and this one has not are marked, escaped.
    assert "&lt;script&gt;alert(" in diff and "&amp; more</del>" in diff
    assert "<script>" not in diff and "<b>now</b>" not in compared
    assert story_client.get("/release/s0-a?compare=s1-a").status_code == 404


def test_api_carries_story_and_versions(story_client):
    data = story_client.get("/api/release/s0-b").get_json()
    assert data["story"] == "s0-a"
    assert [v["id"] for v in data["versions"]] == ["s0-a", "s0-c", "s0-d"]
    assert set(data["versions"][0]) == {"id", "title", "agency", "date", "time", "kind", "similarity", "first",
                                        "first_by"}
    assert data["versions"][0]["kind"] == "duplicate" and data["versions"][0]["first"]
    found = story_client.get("/api/search?q=sales").get_json()
    assert found["counts"] == "stories" and found["facet_counts"] == "releases"
    assert found["total"] == 6 and found["releases"] == 11
    hit = next(hit for hit in found["hits"] if hit["story"] == "s0-a")
    assert hit["versions"] == 3
    every = story_client.get("/api/search?q=sales&collapse=0").get_json()
    assert every["total"] == every["releases"] == 11 and every["counts"] == "releases"
    assert story_client.get("/api/search?collapse=yes").status_code == 400


def test_search_page_folds_versions_under_a_hit(story_client):
    html = story_client.get("/search?q=sales").get_data(as_text=True)
    assert "6 stories" in html and '<span id="release-count">11</span> releases' in html
    assert "3 other versions" in html and "story=s0-a&amp;collapse=0" in html
    assert "Show every release" in html


def test_exports_and_feed_keep_every_release_with_its_story(story_client):
    rows = story_client.get("/export.csv?q=sales").get_data(as_text=True).splitlines()
    assert rows[0].split(",")[-2:] == ["story", "body"] and len(rows) >= 12
    lines = [json.loads(line) for line in story_client.get("/export.jsonl?q=sales").get_data(as_text=True).splitlines()]
    assert len(lines) == 11 and {line["story"] for line in lines if line["id"].startswith("s0-")} == {"s0-a"}
    feed = story_client.get("/feed.atom?q=sales").get_data(as_text=True)
    assert feed.count("<entry>") == 11 and 'scheme="urn:press-archive:story" term="s0-a"' in feed
