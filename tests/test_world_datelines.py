"""Releases of foreign governments, militaries, the UN, the EU and the wires, as their press offices
lay them out (the shapes are quoted from real public releases; the contents are made up)."""

import json
from pathlib import Path

import pytest

from archive.dateline import parse_dateline
from archive.html_reader import read_html
from archive.ministries import find_ministries
from archive.normalise import fold
from archive.text_reader import read_text

ISAF = """PRESS RELEASE TEXT: 2013-01-S-025

KABUL, Afghanistan (Jan. 25, 2013)
During a security operation in Andar district, Ghazni province, yesterday, an Afghan and coalition
security force detained two suspected insurgents.
"""

ARMY = """FOR IMMEDIATE RELEASE

FORT BRAGG, N.C. (Jan. 25, 2013) -- Paratroopers of the 82nd Airborne Division returned today from a
nine-month deployment to eastern Afghanistan.
"""

NATO = """NATO Press Release (2013) 012
Issued on 25 Jan. 2013

BRUSSELS, Belgium \u2013 NATO Secretary General met the Foreign Minister of Finland at NATO
Headquarters today to discuss the Alliance's partnerships.
"""

BAGRAM = """For Immediate Release
Release No. 20130125-02

BAGRAM AIRFIELD, Afghanistan \u2013 Coalition forces delivered medical supplies to a clinic in Parwan
province Friday.
"""

AP = """ISLAMABAD (AP) \u2014 Pakistan's foreign ministry summoned a senior diplomat on Tuesday over remarks
made at a news conference in Kabul.
"""

AFP = """COLOMBO (AFP) - Sri Lanka's cabinet approved a plan to restructure the state power utility on
Monday, a government spokesman said.
"""

REUTERS = """DHAKA, Oct 7 (Reuters) - Bangladesh's interim government said on Tuesday it would hold talks
with garment exporters over new wage rules.
"""

XINHUA = """KATHMANDU, Oct. 7 (Xinhua) -- Nepal and India agreed to speed up work on a cross-border
transmission line, officials said on Tuesday.
"""

STATE_READOUT = """Secretary's Call with Maldivian Foreign Minister Khaleel

Readout

Office of the Spokesperson

October 7, 2025

The below is attributable to the Spokesperson:

The Secretary spoke today with Maldivian Foreign Minister Abdulla Khaleel about maritime security
in the Indian Ocean.
"""

WASHINGTON_DASH = """WASHINGTON \u2014 The Department of the Interior today announced new grants for
tribal climate resilience projects in 14 states.
"""

WASHINGTON_DC = """FOR IMMEDIATE RELEASE
Contact: Press Office
Phone: (202) 555-0143
Email: press@example.gov

WASHINGTON, D.C. \u2013 The Agency today released its annual report on drinking water quality.
"""

DOD = """WASHINGTON, Oct. 7, 2025 \u2013 Deputy Secretary of Defense met his Indian counterpart at the
Pentagon today to review progress on the co-production of jet engines.
"""

US_ATTORNEY = """FOR IMMEDIATE RELEASE
Thursday, January 24, 2013

Boston Man Sentenced for Wire Fraud Scheme

BOSTON \u2013 A Boston man was sentenced today in federal court to five years in prison for defrauding
investors of more than $2 million.

###
"""

UN_DATED = """NEW YORK, 25 January 2013 \u2013 The Security Council today extended the mandate of the
United Nations mission in Afghanistan for another year.
"""

UN_NEWS = """GENEVA (UN News) \u2013 The UN human rights office on Friday called for the release of
journalists detained in the region.
"""

EU = """European Commission - Press release

EU and Maldives hold first political dialogue

Brussels, 25 January 2013

The European Union and the Maldives held their first political dialogue today, covering climate
finance and maritime security.

For more information: http://ec.europa.eu/maldives
"""

GOV_UK = """Press release

UK and Maldives agree closer defence cooperation

The Defence Secretary and the Maldivian Defence Minister signed a statement of intent in London.

From: Ministry of Defence and The Rt Hon Jane Roe MP
Published 25 January 2013

The UK and the Maldives today agreed to work more closely on maritime security, training and
disaster relief.
"""

MALDIVES = """The President's Office

President meets Indian Defence Secretary

MAL\u00c9, 7 October 2025 \u2013 President Dr Mohamed Muizzu met the Defence Secretary of India,
Rajesh Kumar Singh, at the President's Office this morning.
"""

MALDIVES_MOFA = """Press Release
No: 2025-123

Male', 7 October 2025 - The Foreign Minister of the Maldives received the High Commissioner of India
at the Ministry of Foreign Affairs today.
"""

PORTLAND_MAINE = """PORTLAND, Maine \u2013 A Portland man pleaded guilty today to federal firearms charges,
the United States Attorney announced.
"""

PORTLAND_OREGON = """Portland, Oregon \u2014 A federal grand jury returned an indictment on Thursday
charging two men with smuggling.
"""

WHO_PIPE = """News release

14 September 2009 | GENEVA -- The World Health Organization today urged countries to prepare for a
second wave of pandemic influenza.
"""

# Reuters' wire copy names no year; its filing stamp at the foot does.
REUTERS_STAMPED = """GENEVA, Sept 14 (Reuters) - The World Trade Organization cut its forecast for global trade growth.

(Reporting by Celine Aubertin; Editing by Mark Heinrich-Doyle)

Mon Sep 14, 2015 10:31am EDT
"""

# Pakistan's Hyderabad, though India's is larger: a national agency's dateline is at home first.
APP_HYDERABAD = """HYDERABAD, Aug 22 (APP): Commissioner Hyderabad Division directed officials to complete the desilting
of major drains before the monsoon.
"""

# The UK's devolved governments' pages name no place: their letterhead gives the country.
WELSH_GOVERNMENT = """Llywodraeth Cymru
Welsh Government

Home > News

Press release

Funding to help farmers reduce ammonia emissions

First published: 3 March 2021

The Rural Affairs Minister today announced further funding for the Farm Business Grant scheme.
"""

NORTHERN_IRELAND = """Northern Ireland Executive
Home | Executive Office | Departments | News | Publications

Minister announces investment in the Belfast to Dublin rail line

Date published: 22 September 2016

The Infrastructure Minister has announced investment to upgrade signalling on the line.
"""

KINGSTON_ONTARIO = """News release

March 12, 2018 – Kingston, Ontario – Global Affairs Canada

Today, the Minister announced funding for a peacekeeping training programme.
"""

HELMAND = """LASHKAR GAH, Helmand Province – A new provincial courthouse was opened today in the provincial capital.
"""

SINDH = """LARKANA, Sindh, March 3 (APP) - The divisional commissioner inspected the new water works.
"""

ISPR = """No PR-123/2025-ISPR

RAWALPINDI, October 7, 2025: Chief of Army Staff visited the forward areas along the Line of Control
and met troops.
"""

BANGLADESH = """Press Release

Dhaka, 7 October 2025

Foreign Adviser met the visiting Foreign Secretary of India at the State Guest House Padma today.
"""

SRI_LANKA_SIGNED = """Foreign Minister meets the High Commissioner of India

Foreign Minister Vijitha Herath met the High Commissioner of India at the Foreign Ministry today to
discuss fisheries and connectivity between the two countries.

Ministry of Foreign Affairs
Colombo
07 October 2025
"""

EMBARGOED = """EMBARGOED UNTIL 00:01 GMT, 25 January 2013

LONDON, 24 January 2013 \u2013 Britain will double its support for flood defences in Bangladesh, the
Foreign Office said.
"""

DAY_FIRST_ABBREVIATED = """NEW DELHI, 7 Sept 2025 \u2013 The visiting Foreign Minister of Sri Lanka called
on the Prime Minister today.
"""


HOUSE_STYLES = [
    (ISAF, "2013-01-25", "Kabul", "Afghanistan", ""),
    (ARMY, "2013-01-25", "Fort Bragg", "United States", ""),
    (NATO, "2013-01-25", "Brussels", "Belgium", ""),
    (BAGRAM, "", "Bagram Airfield", "Afghanistan", ""),
    (AP, "", "Islamabad", "Pakistan", "AP"),
    (AFP, "", "Colombo", "Sri Lanka", "AFP"),
    (REUTERS, "", "Dhaka", "Bangladesh", "Reuters"),
    (XINHUA, "", "Kathmandu", "Nepal", "Xinhua"),
    (STATE_READOUT, "2025-10-07", "", "United States", ""),
    (WASHINGTON_DASH, "", "Washington", "United States", ""),
    (WASHINGTON_DC, "", "Washington", "United States", ""),
    (DOD, "2025-10-07", "Washington", "United States", ""),
    (US_ATTORNEY, "2013-01-24", "Boston", "United States", ""),
    (UN_DATED, "2013-01-25", "New York", "United States", ""),
    (UN_NEWS, "", "Geneva", "Switzerland", "UN News"),
    (EU, "2013-01-25", "Brussels", "Belgium", ""),
    (GOV_UK, "2013-01-25", "", "United Kingdom", ""),
    (MALDIVES, "2025-10-07", "Male", "Maldives", ""),
    (MALDIVES_MOFA, "2025-10-07", "Male", "Maldives", ""),
    (PORTLAND_MAINE, "", "Portland", "United States", ""),
    (PORTLAND_OREGON, "", "Portland", "United States", ""),
    (WHO_PIPE, "2009-09-14", "Geneva", "Switzerland", ""),
    (APP_HYDERABAD, "", "Hyderabad", "Pakistan", "APP"),
    (WELSH_GOVERNMENT, "2021-03-03", "", "United Kingdom", ""),
    (NORTHERN_IRELAND, "2016-09-22", "", "United Kingdom", ""),
    (REUTERS_STAMPED, "2015-09-14", "Geneva", "Switzerland", "Reuters"),
    # A province after the city gives its country (Jamaica has a Kingston too).
    (KINGSTON_ONTARIO, "2018-03-12", "Kingston", "Canada", ""),
    (HELMAND, "", "Lashkar Gah", "Afghanistan", ""),
    (SINDH, "", "Larkana", "Pakistan", "APP"),
    (ISPR, "2025-10-07", "Rawalpindi", "Pakistan", ""),
    (BANGLADESH, "2025-10-07", "Dhaka", "Bangladesh", ""),
    (SRI_LANKA_SIGNED, "2025-10-07", "Colombo", "Sri Lanka", ""),
    (EMBARGOED, "2013-01-24", "London", "United Kingdom", ""),
    (DAY_FIRST_ABBREVIATED, "2025-09-07", "New Delhi", "India", ""),
]


@pytest.mark.parametrize("text, issuer", [
    (GOV_UK, "Ministry of Defence (United Kingdom)"),
    (STATE_READOUT, "Department of State (United States)"),
    (MALDIVES, "President's Office (Maldives)"),
    (SRI_LANKA_SIGNED, "Ministry of Foreign Affairs (Sri Lanka)"),
    (EU, "European Commission"),
    (NATO, "NATO"),
])
def test_issuer_lines_name_the_foreign_body(text, issuer):
    assert read_text(text, "r", "r.txt").ministries[0] == issuer


@pytest.mark.parametrize("text, title, body_start", [
    # A first sentence over 120 characters is cut on a word.
    (ISAF, "During a security operation in Andar district, Ghazni province, yesterday, an Afghan and coalition "
           "security force\u2026", "During a security operation"),
    (NATO, "NATO Secretary General met the Foreign Minister of Finland at NATO Headquarters today to discuss the "
           "Alliance's\u2026", "NATO Secretary General"),
    (STATE_READOUT, "Secretary's Call with Maldivian Foreign Minister Khaleel", "The below is attributable"),
    (US_ATTORNEY, "Boston Man Sentenced for Wire Fraud Scheme", "A Boston man was sentenced"),
    (EU, "EU and Maldives hold first political dialogue", "The European Union and the Maldives"),
    (GOV_UK, "UK and Maldives agree closer defence cooperation", "The Defence Secretary and the Maldivian"),
    (MALDIVES, "President meets Indian Defence Secretary", "President Dr Mohamed Muizzu"),
    (WASHINGTON_DC, "The Agency today released its annual report on drinking water quality.", "The Agency today"),
])
def test_header_furniture_is_neither_title_nor_text(text, title, body_start):
    release = read_text(text, "r", "r.txt")
    assert release.title == title
    assert release.body.startswith(body_start)
    for furniture in ("PRESS RELEASE", "Press release", "FOR IMMEDIATE RELEASE", "2013-01-S-025", "Readout",
                      "Office of the Spokesperson", "press@example.gov", "From:", "Published 25"):
        assert furniture not in release.body


@pytest.mark.parametrize("text, last_words", [
    (US_ATTORNEY, "more than $2 million."),
    (EU, "climate\nfinance and maritime security."),
    (SRI_LANKA_SIGNED, "between the two countries."),
])
def test_footer_furniture_and_signatures_are_not_text(text, last_words):
    assert read_text(text, "r", "r.txt").body.endswith(last_words)


@pytest.mark.parametrize("text, place, country, month_day, year", [
    # every dash
    ("WASHINGTON -- The", "Washington", "United States", None, None),
    ("WASHINGTON\u2014The", "Washington", "United States", None, None),
    ("WASHINGTON \u2015 The", "Washington", "United States", None, None),
    ("WASHINGTON- The", "Washington", "United States", None, None),
    ("WASHINGTON  The", "Washington", "United States", None, None),
    ("LONDON \u2013The", "London", "United Kingdom", None, None),
    # day before month and month before day, abbreviated with and without a period
    ("KABUL, Afghanistan (Jan 25, 2013) \u2013 \u201cWe", "Kabul", "Afghanistan", (1, 25), 2013),
    ("KABUL, Afghanistan (25 Jan. 2013) \u2013 The", "Kabul", "Afghanistan", (1, 25), 2013),
    ("GENEVA, 25 January \u2013 The", "Geneva", "Switzerland", (1, 25), None),
    ("WASHINGTON, Sept. 5 \u2013 The", "Washington", "United States", (9, 5), None),
    ("WASHINGTON, Monday, January 25, 2013 \u2013 The", "Washington", "United States", (1, 25), 2013),
    ("Rawalpindi - 7 October 2025: The", "Rawalpindi", "Pakistan", (10, 7), 2025),
    ("MOSCOW, October 7. /TASS/. Russia's", "Moscow", "Russia", (10, 7), None),
    ("QUETTA, Pakistan (AP) \u2014 Gunmen", "Quetta", "Pakistan", None, None),
])
def test_dateline_variants(text, place, country, month_day, year):
    dateline = parse_dateline(text)
    assert (dateline.location, dateline.country) == (place, country)
    assert ((dateline.month, dateline.day) if dateline.month else None) == month_day
    assert dateline.year == year


@pytest.mark.parametrize("text", [
    "India \u2014 the largest democracy \u2014 votes this year.",
    "NEW ZEALAND EXCHS CLOSE - April 7 N.Z. Dlr....0.5698/05",
    "However, March 3 was chosen as the date of the summit.",
])
def test_sentences_are_not_datelines(text):
    assert parse_dateline(text).location == ""


def test_a_year_missing_from_the_dateline_comes_from_the_header_date():
    release = read_text("FOR IMMEDIATE RELEASE\nDecember 31, 2012\n\nKABUL, Afghanistan (Jan. 2)\nISAF said.",
                        "r", "r.txt")
    assert release.date == "2013-01-02"


def test_a_sentence_before_a_dateline_is_text_not_a_header():
    text = "The minister spoke to reporters.\n\nNEW DELHI (PTI) \u2014 More follows."
    release = read_text(text, "r", "r.txt")
    assert release.body.startswith("The minister spoke") and release.location == ""


GOV_UK_PAGE = """<html><head><title>UK and Maldives agree closer defence cooperation - GOV.UK</title></head><body>
<header><nav>Skip to main content</nav></header><main>
<span>Press release</span><h1>UK and Maldives agree closer defence cooperation</h1>
<p class="lead">The Defence Secretary and the Maldivian Defence Minister signed a statement of intent.</p>
<dl><dt>From:</dt><dd><a href="/mod">Ministry of Defence</a></dd><dt>Published</dt><dd>25 January 2013</dd></dl>
<p>The UK and the Maldives today agreed to work more closely on maritime security.</p>
<p>Both ministers welcomed the <b>agreement</b>.</p></main><footer>Contents</footer></body></html>"""


def test_a_gov_uk_page_gives_headline_date_issuer_and_country():
    release = read_html(GOV_UK_PAGE, "r", "r.html")
    assert release.title == "UK and Maldives agree closer defence cooperation"
    assert (release.date, release.location, release.country) == ("2013-01-25", "", "United Kingdom")
    # The page's own Defence Secretary is the United Kingdom's, not India's.
    assert release.ministries == ["Ministry of Defence (United Kingdom)", "Ministry of Defence (Maldives)"]
    assert release.body.startswith("The Defence Secretary and the Maldivian")
    assert "From" not in release.body and "Published" not in release.body


@pytest.mark.parametrize("title_tag, title", [
    ("Call with Foreign Minister Khaleel | U.S. Department of State", "Call with Foreign Minister Khaleel"),
    ("India - Maldives talks", "India - Maldives talks"),
])
def test_a_page_title_loses_the_site_name_only(title_tag, title):
    page = f"<html><head><title>{title_tag}</title></head><body><p>WASHINGTON \u2014 Talks went well.</p></body></html>"
    assert read_html(page, "r", "r.html").title == title


@pytest.mark.parametrize("text, ministries", [
    ("The US Treasury Secretary said", ["Department of the Treasury (United States)"]),
    ("Britain's Foreign Secretary and Japan's Defence Minister met", [
        "Foreign, Commonwealth and Development Office (United Kingdom)", "Ministry of Defense (Japan)"]),
])
def test_a_foreign_ministry_takes_its_own_name(text, ministries):
    assert find_ministries(text) == ministries


def test_agency_copy_from_abroad_still_speaks_of_india():
    release = read_text("Male, Oct 7 (IANS) Defence Secretary Rajesh Kumar Singh called on the President.", "r", "r")
    assert release.ministries == ["Ministry of Defence"]


@pytest.mark.parametrize("text, place, country", [
    ("NEW YORK/GENEVA, 25 January 2013 \u2013 UNICEF said", "New York", "United States"),
    ("WASHINGTON and PENSACOLA, Fla.  Six defendants", "Washington", "United States"),
    ("ISLAMABAD, Oct 7 (AP) - Talks", "Islamabad", "Pakistan"),
])
def test_the_first_of_two_places_and_capitals_over_old_names(text, place, country):
    dateline = parse_dateline(text)
    assert (dateline.location, dateline.country) == (place, country)


DOD_FIELDS = """U.S. Department of Defense
Office of the Assistant Secretary of Defense (Public Affairs)
News Release
On the Web: https://www.defense.gov/News/Releases/
Media contact: +1 (703) 697-5131
IMMEDIATE RELEASE          Release No: NR-031-13          January 18, 2013
Army Announces Unit Rotation
The Department of the Army announced today the rotation of a combat aviation brigade to Europe this spring.
"""

ARMY_NEWS = """Engineers bridge river in record time
January 25, 2013
By Sgt. Jane Roe
FORT HOOD, Texas (Army News Service, Jan. 25, 2013) -- Engineers of the 1st Cavalry Division built a
60-metre bridge across a river in under four hours this week.
"""

NAVY_NEWS = """Story Number: NNS130125-07
Release Date: 9/5/2012 10:12:00 AM
From Mass Communication Specialist 2nd Class John Doe, Navy Public Affairs Support Element East
NORFOLK (NNS) -- Sailors of the amphibious assault ship completed flight deck certification Sept. 4.
"""

DVIDS = """Seabees finish clinic renovation
Courtesy Story
Combined Joint Task Force - Horn of Africa
11.14.2014
CAMP LEMONNIER, Djibouti \u2013 Seabees handed over a renovated clinic to local officials Nov. 12.
"""

AP_PAGE = """Pakistan's power tariff protests spread to Lahore
By JANE ROE
Published 6:41 AM EDT, October 7, 2025
LAHORE, Pakistan (AP) \u2014 Traders shut their shops in Lahore on Tuesday in protest at new electricity tariffs.
"""

XINHUA_PAGE = """Nepal, Bangladesh sign power trade deal
Source: Xinhua| 2025-10-07 19:42:10|Editor: huaxia
KATHMANDU, Oct. 7 (Xinhua) -- Nepal and Bangladesh on Tuesday signed an agreement on power trade.
"""

ANADOLU_PAGE = """T\u00fcrkiye, Maldives sign maritime deal
Jane Roe |07.10.2025 - Update : 08.10.2025
ANKARA (AA) \u2013 T\u00fcrkiye and the Maldives on Tuesday signed an agreement on maritime cooperation.
"""

CANADA = """News release

Canada and India relaunch trade talks

October 7, 2025 - Ottawa, Ontario - Global Affairs Canada

The Minister of Foreign Affairs today announced that Canada and India will resume trade talks.
"""

SINGAPORE = """MFA Press Statement

Minister for Foreign Affairs Visits India

Minister for Foreign Affairs will visit New Delhi from 7 to 9 October 2025.

. . . . .

MINISTRY OF FOREIGN AFFAIRS
SINGAPORE
7 OCTOBER 2025
"""

BHUTAN = """Press Release
7th October 2025
The Foreign Minister of Bhutan will lead the delegation to the BIMSTEC Ministerial Meeting in Bangkok.
Ministry of Foreign Affairs and External Trade
Thimphu
"""

DFAT = """Australia funds flood recovery in Sri Lanka
Media release
7 October 2025
The Hon Jane Roe MP
Minister for Foreign Affairs
Australia will provide $5 million to help communities in Sri Lanka recover from floods.
Media enquiries
Minister's office: (02) 6277 7500
"""

EEAS = """Sri Lanka: Local EU Statement on the elections
Colombo, 07/10/2025 - 09:30, UNIQUE ID: 251007_2
The European Union Delegation welcomes the peaceful conduct of the elections.
"""

FRANCE = """France Diplomatie - Ministry for Europe and Foreign Affairs
Nepal \u2013 Statement by the Spokesperson (7 October 2025)
France extends its condolences to the families of the victims of the floods in Nepal.
"""

STATE_BYLINE = """Condemning the Attack in Balochistan
PRESS STATEMENT
JANE ROE, SECRETARY OF STATE
MAY 14, 2025
The United States strongly condemns the attack on election workers in Balochistan.
"""

UN_NEWS_DATE = """Floods in Punjab leave a million in need, UN warns
7 October 2025 Humanitarian Aid
GENEVA (UN News) \u2013 More than a million people in Punjab need urgent help, UN humanitarians said on Tuesday.
"""


MORE_HOUSE_STYLES = [
    (DOD_FIELDS, "2013-01-18", "", "United States", ""),
    (ARMY_NEWS, "2013-01-25", "Fort Hood", "United States", "Army News Service"),
    (NAVY_NEWS, "2012-09-05", "Norfolk", "United States", "NNS"),
    (DVIDS, "2014-11-14", "Camp Lemonnier", "Djibouti", ""),
    (AP_PAGE, "2025-10-07", "Lahore", "Pakistan", "AP"),
    (XINHUA_PAGE, "2025-10-07", "Kathmandu", "Nepal", "Xinhua"),
    (ANADOLU_PAGE, "2025-10-07", "Ankara", "Turkey", "Anadolu"),
    (CANADA, "2025-10-07", "Ottawa", "Canada", ""),
    (SINGAPORE, "2025-10-07", "Singapore", "Singapore", ""),
    (BHUTAN, "2025-10-07", "Thimphu", "Bhutan", ""),
    (DFAT, "2025-10-07", "", "Australia", ""),
    (EEAS, "2025-10-07", "Colombo", "Sri Lanka", ""),
    (FRANCE, "2025-10-07", "", "France", ""),
    (STATE_BYLINE, "2025-05-14", "", "United States", ""),
    (UN_NEWS_DATE, "2025-10-07", "Geneva", "Switzerland", "UN News"),
]


@pytest.mark.parametrize("text, title, issuer", [
    (DOD_FIELDS, "Army Announces Unit Rotation", "Department of Defense (United States)"),
    (ARMY_NEWS, "Engineers bridge river in record time", ""),
    (CANADA, "Canada and India relaunch trade talks", "Global Affairs Canada (Canada)"),
    (SINGAPORE, "Minister for Foreign Affairs Visits India", "Ministry of Foreign Affairs (Singapore)"),
    (DFAT, "Australia funds flood recovery in Sri Lanka", "Department of Foreign Affairs and Trade (Australia)"),
    (FRANCE, "Nepal \u2013 Statement by the Spokesperson (7 October 2025)",
     "Ministry for Europe and Foreign Affairs (France)"),
    (STATE_BYLINE, "Condemning the Attack in Balochistan", "Department of State (United States)"),
])
def test_more_headlines_and_issuers(text, title, issuer):
    release = read_text(text, "r", "r.txt")
    assert release.title == title
    assert (release.ministries[:1] or [""])[0] == issuer or (not issuer and not release.ministries)


def test_a_salutation_is_text_not_a_byline():
    text = "Your Excellency, Prime Minister Jane Roe,\n\nDistinguished delegates,\n\nNamaskar! It is an honour."
    assert read_text(text, "r", "r.txt").body.startswith("Your Excellency")


@pytest.mark.parametrize("dateline, place", [
    ("DALLAS/FORT WORTH, March 3 - Sales rose.", "Dallas/fort Worth"),
    ("NEW YORK/GENEVA, 25 January 2013 \u2013 UNICEF said", "New York"),
])
def test_a_slash_joins_one_place_in_one_country(dateline, place):
    assert parse_dateline(dateline).location == place


DATED_HEADLINES_AND_FIELDS = [
    # a dated headline gives the year a dateline leaves out
    ("ISAF Joint Command Morning Operational Update, Jan. 7, 2011\nFor Immediate Release\n"
     "KABUL, Afghanistan (Jan. 7) \u2013 A combined force detained two suspects.",
     "2011-01-07", "Kabul", "Afghanistan", ""),
    ("Contracts For Oct. 7, 2025\nNAVY\nAcme Marine LLC, Norfolk, Virginia, is awarded a $4,000,000 contract.",
     "2025-10-07", "", "", ""),
    # a labelled date within a line, and a 12-hour clock's month first
    ("Story Number: NNS100614-03 Release Date: 6/14/2010 3:20:00 PM\n"
     "From Commander, U.S. 7th Fleet Public Affairs\n"
     "YOKOSUKA, Japan (NNS) -- The destroyer returned to its homeport June 12.",
     "2010-06-14", "Yokosuka", "Japan", "NNS"),
    # bylines beside a date, two regions before the dash
    ("Marines host Sri Lanka Navy marines\n"
     "By Cpl. Jane Roe | III Marine Expeditionary Force | May 17, 2023\n\n"
     "CAMP HANSEN, Okinawa, Japan -- Marines hosted 14 Sri Lanka Navy marines.",
     "2023-05-17", "Camp Hansen", "Japan", ""),
    ("OCTOBER 7, 2019 / 8:42 AM / UPDATED 2 HOURS AGO\nNepal central bank cuts key rate\nJane Roe\n3 MIN READ\n\n"
     "KATHMANDU (Reuters) - Nepal's central bank cut its key rate on Monday.", "2019-10-07", "Kathmandu", "Nepal",
     "Reuters"),
    ("Oct 7, 2011\n\nJapan to extend yen loan for Sri Lanka\n\nTOKYO, Oct. 7 Kyodo\n\nJapan will extend a loan.",
     "2011-10-07", "Tokyo", "Japan", "Kyodo"),
    ("Maldives poll body certifies results\nPublished: Saturday, October 7, 2023, 14:32 [IST]\n"
     "Male, Oct 7 (IANS) The Elections Commission certified the results.", "2023-10-07", "Male", "Maldives", "IANS"),
    ("Navy seizes cannabis off Kankesanthurai\n[2021/06/15]\n\nThe Navy seized 140 kg of cannabis on 14th June 2021.",
     "2021-06-15", "", "", ""),
    # a minister's portfolio line: the country the headline names
    ("Press Release\nHon Jane Roe\nForeign Affairs\nTuesday, 17 October 2017\n\nNew Zealand supports water security\n\n"
     "The Foreign Affairs Minister announced NZ$3.5 million for outer islands.", "2017-10-17", "", "New Zealand", ""),
    # a dateline comes before the text, never after sentences
    ("U.S. and Nepal Hold Dialogue\nMedia Note\nOffice of the Spokesperson\nWashington, DC\nJanuary 25, 2010\n"
     "The United States and Nepal held a dialogue on January 22.\nThe two sides discussed trade.\nPRN: 2010/0087",
     "2010-01-25", "Washington", "United States", ""),
]
@pytest.mark.parametrize("text, date, place, country, agency",
                         HOUSE_STYLES + MORE_HOUSE_STYLES + DATED_HEADLINES_AND_FIELDS)
def test_house_styles_give_date_place_country_and_agency(text, date, place, country, agency):
    release = read_text(text, "r", "r.txt")
    assert (release.date, release.location, release.country, release.agency) == (date, place, country, agency)


def test_a_statement_subject_is_not_the_issuers_country():
    text = ("Council of the EU\nPress release\n7 October 2025 16:30\nMyanmar: Council prolongs sanctions\n"
            "The Council today decided.")
    release = read_text(text, "r", "r.txt")
    assert (release.country, release.ministries[0]) == ("", "Council of the European Union")


def _world_releases() -> list[dict]:
    path = Path(__file__).parent / "data" / "world_releases.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_the_world_releases_set_is_read_at_least_95_percent_right():
    """1,610 releases in some 200 house styles of militaries, governments, embassies, the UN, the EU and
    the wires (tests/data/world_releases.jsonl, labelled by hand): each of date, place, country and
    agency agrees with the label on at least 95% of them."""
    cases = _world_releases()
    assert len(cases) == 1610
    wrong: dict[str, list[str]] = {"date": [], "place": [], "country": [], "agency": []}
    for case in cases:
        release = read_text(case["text"], case["id"], case["id"] + ".txt")
        got = {"date": release.date, "place": release.location, "country": release.country, "agency": release.agency}
        for field, found in got.items():
            if fold(found) != fold(case[field]):
                wrong[field].append(f"{case['id']}: {found!r} for {case[field]!r}")
    for field, misses in wrong.items():
        assert len(misses) <= 0.05 * len(cases), f"{field}: {misses}"


@pytest.mark.parametrize("text, title", [
    ("MFA Press Statement: Official Visit of the Foreign Minister to the Maldives\n\nThe Minister will visit Male.",
     "Official Visit of the Foreign Minister to the Maldives"),
    # a headline under the header of a short release that runs into its footer
    ("MEDIA RELEASE\nSenator the Hon Jane Roe\nMinister for Foreign Affairs\nAA13/012\n25 January 2013\n"
     "Australian election observers for Maldives\nAustralia will send five observers to the Maldives.\n"
     "Media inquiries: Minister's office: 02 6277 7500", "Australian election observers for Maldives"),
])
def test_headlines_lose_labels_and_stay_apart_from_the_text(text, title):
    release = read_text(text, "r", "r.txt")
    assert release.title == title
    assert not release.body.startswith(title)


@pytest.mark.parametrize("dateline", ["Mal\u00e9, 7 October 2025 \u2013 The", "MAL\u00c9, 7 October 2025 \u2013 The",
                                      "Male', 7 October 2025 \u2013 The", "Male, Oct 7 (IANS) The"])
def test_one_city_one_spelling(dateline):
    assert parse_dateline(dateline).location == "Male"


@pytest.mark.parametrize("text, title", [
    # a letterhead above the furniture, the headline right above the dateline
    ("Resolute Support Public Affairs\nMedia Operations Center\nmedia@example.int\nFOR IMMEDIATE RELEASE\n"
     "Afghan leaders open new NCO academy\nKABUL, Afghanistan (March 4, 2017) \u2014 Leaders opened an academy today.",
     "Afghan leaders open new NCO academy"),
    # a unit line under the byline is no headline
    ("Airmen deliver winter supplies\nPublished Jan. 25, 2013\nBy Staff Sgt. Jane Roe\n"
     "U.S. Air Forces in Europe Public Affairs\nRAMSTEIN AIR BASE, Germany (AFNS) -- Airmen delivered supplies.",
     "Airmen deliver winter supplies"),
    # the office's name and a district are a letterhead, labels under the date are no headline
    ("Department of Justice\nU.S. Attorney\u2019s Office\nDistrict of Massachusetts\nFOR IMMEDIATE RELEASE\n"
     "Thursday, January 24, 2013\nQuincy Contractor Sentenced for Tax Scheme\n"
     "BOSTON \u2013 A contractor was sentenced.",
     "Quincy Contractor Sentenced for Tax Scheme"),
    ("SC/11256\n25 January 2013\nSecurity Council\n6906th Meeting (AM)\n"
     "Security Council Extends Mandate of Mission in Afghanistan\nThe Security Council this morning extended the "
     "mandate of the mission for another year, adopting a resolution unanimously.",
     "Security Council Extends Mandate of Mission in Afghanistan"),
    # a web page's furniture
    ("Reading time: 2 min (498 words)\n\nWHO issues guidance on heat and health\n\nGENEVA, 7 October 2025 \u2013 "
     "The World Health Organization released guidance today.", "WHO issues guidance on heat and health"),
    # a headline on a line of its own above paragraphs of one line each
    ("Maldives and Mauritius sign MoU on fisheries\nThe Ministers of Foreign Affairs of the Maldives and Mauritius "
     "signed a memorandum of understanding on cooperation in fisheries in Male today.",
     "Maldives and Mauritius sign MoU on fisheries"),
    ("Adm. Jane Roe, commander of the fleet, concluded a visit to Colombo on Friday.",
     "Adm. Jane Roe, commander of the fleet, concluded a visit to Colombo on Friday."),
])
def test_the_headline_is_neither_a_letterhead_nor_a_label(text, title):
    assert read_text(text, "r", "r.txt").title == title


@pytest.mark.parametrize("text, date, place, country, agency, title", [
    # breadcrumbs, a site's name and GOV.UK's First published
    ("Skip to main content\nGOV.UK\nHome > International > Foreign affairs\n\nNews story\n"
     "UK funds cyclone recovery in Bangladesh\nThe funding will provide shelter.\n"
     "From: Foreign, Commonwealth & Development Office\nFirst published: 2 September 2022\n\n"
     "The UK will provide \u00a33.5 million in humanitarian support.",
     "2022-09-02", "", "United Kingdom", "", "UK funds cyclone recovery in Bangladesh"),
    # a speaker above their title, a place line
    ("Maldives: Call for Calm\n\nPress Statement\nJane L. Roe\nDeputy Department Spokesperson, Office of the "
     "Spokesperson\nWashington, DC\nMarch 12, 2013\n\nThe United States is concerned by reports of violence.",
     "2013-03-12", "Washington", "United States", "", "Maldives: Call for Calm"),
    # armed forces as issuers, a breadcrumb of bars
    ("Sri Lanka Navy\nHome | News | Media Releases\nNavy seizes cannabis in northern seas\n12th May 2020\n"
     "During a special operation the Navy apprehended 4 suspects.", "2020-05-12", "", "Sri Lanka", "",
     "Navy seizes cannabis in northern seas"),
    # Nepal's calendar with the Gregorian date in brackets
    ("Nepali Army\nPress Release\nDate: 2076/11/28 (11 March 2020)\nThe Nepali Army has deployed 1,200 personnel.",
     "2020-03-11", "", "Nepal", "", "The Nepali Army has deployed 1,200 personnel."),
    # figures a 12-hour clock reads month first, the dateline the other way round
    ("12/03/2015 06:40 PM\n\nMalaysia, Bangladesh to resume talks\n\nKUALA LUMPUR, March 12 (Bernama) -- Malaysia "
     "and Bangladesh will resume talks.", "2015-03-12", "Kuala Lumpur", "Malaysia", "Bernama",
     "Malaysia, Bangladesh to resume talks"),
    # a service's name with dashed fields, a weekday is no place
    ("KYODO NEWS - Mar 12, 2019 - 21:05 | World, All\n\nJapan to provide Sri Lanka with patrol vessels\n\n"
     "COLOMBO - Japan will provide Sri Lanka with two patrol vessels.", "2019-03-12", "Colombo", "Sri Lanka",
     "Kyodo", "Japan to provide Sri Lanka with patrol vessels"),
    ("Associated Press of Pakistan\nMon, 12 Mar 2012\nPakistan, Afghanistan agree on transit trade\n"
     "ISLAMABAD, Mar 12 (APP): Pakistan and Afghanistan on Monday agreed to expedite transit trade.",
     "2012-03-12", "Islamabad", "Pakistan", "APP", "Pakistan, Afghanistan agree on transit trade"),
    # a byline's unit, a place the gazetteer does not know dated by a service of one government
    ("Pacific Partnership concludes Sri Lanka phase\nAug. 21, 2015\nFrom U.S. Pacific Fleet Public Affairs\n"
     "PEARL HARBOR (NNS) -- Pacific Partnership completed its mission stop in Trincomalee.",
     "2015-08-21", "Pearl Harbor", "United States", "NNS", "Pacific Partnership concludes Sri Lanka phase"),
])
def test_page_furniture_speakers_calendars_and_services(text, date, place, country, agency, title):
    release = read_text(text, "r", "r.txt")
    assert (release.date, release.location, release.country, release.agency) == (date, place, country, agency)
    assert release.title == title


@pytest.mark.parametrize("text, date, place, country, agency", [
    # a place and a colon before the date; another calendar's date with ours in brackets
    ("Press Information Department (PID)\nGovernment of Pakistan\nPR No. 213\nIslamabad: July 18, 2017\n"
     "Prime Minister approves motorway upgrade\nThe Prime Minister today approved the upgrade.",
     "2017-07-18", "Islamabad", "Pakistan", ""),
    ("Islamic Republic of Afghanistan\nMinistry of Public Health\n\nPress Release\n\n"
     "Kabul, 15 Jawza 1397 (5 June 2018)\n\nThe Ministry announces a polio campaign.",
     "2018-06-05", "Kabul", "Afghanistan", ""),
    # a date and an agency with no place; the agency first
    ("Pakistan test-fires missile\n\nBy Jane Roe | Aug. 29, 2019 at 11:42 AM\n\nAug. 29 (UPI) -- Pakistan conducted "
     "a training launch.", "2019-08-29", "", "", "UPI"),
    ("Italy, Sri Lanka sign cultural programme\n08 October 2019 17:22\n(ANSA) - ROME, OCT 8 - Italy and Sri Lanka "
     "signed a programme.", "2019-10-08", "Rome", "Italy", "ANSA"),
    # a signature in another order, another calendar's date beside ours
    ("Ministry of Tourism\nRepublic of Maldives\nPRESS RELEASE\nNo: 88-TA/PR/2019/12\nMaldives welcomes its "
     "400,000th tourist\nThe Maldives welcomed its 400,000th tourist arrival of the year today.\n14 Rajab 1440\n"
     "21 March 2019\nMale', Maldives", "2019-03-21", "Male", "Maldives", ""),
    # Last updated's value is no dateline; a letterhead's government; Location lines
    ("Press release\nUK and India conclude trade talks\nFrom: Department for Business and Trade\nPublished\n"
     "9 May 2023\nLast updated\n16 May 2023 \u2014 See all updates\nNegotiators concluded the round in London.",
     "2023-05-09", "", "United Kingdom", ""),
    ("Australian Government\nDepartment of Home Affairs\n\nHome / News and media / Media releases\n\n"
     "Border Force seizes methamphetamine at Port Botany\n\nPublished: 14 May 2020\n\nOfficers detected 750 kg.",
     "2020-05-14", "", "Australia", ""),
    ("Defence News\n\nNavy\n\nSailors rescue stranded fishermen\n\nAuthor: Lieutenant Jane Roe\n"
     "Publish date: 19 August 2021\nLocation: Darwin, Northern Territory\n\nA patrol boat rescued four fishermen.",
     "2021-08-19", "Darwin", "Australia", ""),
])
def test_colons_calendars_signatures_and_letterheads(text, date, place, country, agency):
    release = read_text(text, "r", "r.txt")
    assert (release.date, release.location, release.country, release.agency) == (date, place, country, agency)


def test_a_posted_on_line_alone_is_not_pibs_layout():
    release = read_text("Department of Government Information\nSri Lanka\n\nCabinet approves drought relief\n\n"
                        "Posted on : 23 May 2018\n\nThe Cabinet approved a relief package.", "r", "r.txt")
    assert (release.agency, release.date, release.country) == ("", "2018-05-23", "Sri Lanka")


@pytest.mark.parametrize("text, date, place, country", [
    # a dateline in brackets; a place line in brackets under the White House's header
    ("OCHA\nPress Release\n(New York/Geneva, 9 April 2020): The Emergency Relief Coordinator released US$45 "
     "million today.", "2020-04-09", "New York", "United States"),
    ("THE WHITE HOUSE\nOffice of the Press Secretary\n(Lisbon, Portugal)\nFor Immediate Release          "
     "November 19, 2010\n\nStatement by the Press Secretary\n\nThe President met the leaders of five countries.",
     "2010-11-19", "Lisbon", "Portugal"),
    # a signature with a region after the city; an embargo's date dates a release nothing else dates
    ("Press Release\nEmbassy hosts trade forum\nThe Embassy hosted a trade forum with 80 business people.\n"
     "Embassy of Sri Lanka\nWashington D.C.\n04 November 2022", "2022-11-04", "Washington", "United States"),
    ("EMBARGOED UNTIL 00:01 GMT, TUESDAY 7 OCTOBER 2025\n\nLONDON \u2013 One in four young carers misses school "
     "every week, a survey found.\n\nENDS", "2025-10-07", "London", "United Kingdom"),
    # ... but not over a date the release gives
    ("EMBARGOED UNTIL 00:01 GMT, TUESDAY 7 OCTOBER 2025\n\n6 October 2025\n\nLONDON \u2013 One in four young "
     "carers misses school every week, a survey found.\n\nENDS", "2025-10-06", "London", "United Kingdom"),
])
def test_brackets_signatures_and_embargoes(text, date, place, country):
    release = read_text(text, "r", "r.txt")
    assert (release.date, release.location, release.country) == (date, place, country)


@pytest.mark.parametrize("text, date, place, country", [
    ("Maine Department of Health and Human Services\nFOR IMMEDIATE RELEASE: March 14, 2017\n"
     "Contact: DHHS Communications, 207-287-3707\n\nPORTLAND, Maine \u2013 The Department opened a new office.",
     "2017-03-14", "Portland", "United States"),
    ("Food and Agriculture Organization of the United Nations\nFAO Newsroom\n3 December 2018, Rome - FAO today "
     "launched a programme for smallholder farmers.", "2018-12-03", "Rome", "Italy"),
    ("Government of Nepal\nMinistry of Foreign Affairs\nPress Release\nThe Government of Nepal has suspended "
     "on-arrival visas for all foreign nationals.\nMinistry of Foreign Affairs\nSingha Durbar, Kathmandu\n"
     "2 Chaitra 2076 (15 March 2020)", "2020-03-15", "Kathmandu", "Nepal"),
    ("News story\nRAF crews complete final Chinook rotation\nFirst published:\n5 September 2014\nPart of:\n"
     "Supporting Afghanistan's stability\nFrom:\nMinistry of Defence\nCrews from RAF Odiham have returned home "
     "after the final rotation.", "2014-09-05", "", "United Kingdom"),
])
def test_labelled_release_dates_dates_before_places_and_other_calendars(text, date, place, country):
    release = read_text(text, "r", "r.txt")
    assert (release.date, release.location, release.country) == (date, place, country)


def test_a_country_the_metadata_gives_is_kept_without_a_place():
    from archive.jsonl_reader import read_record
    release = read_record('{"id": "x", "title": "Cabinet approves plan", "country": "India", '
                          '"text": "The Cabinet approved the plan today."}', "x", "r.jsonl", 1)
    assert (release.location, release.country) == ("", "India")


_COOKIES = ("Cookies on GOV.UK\nWe use some essential cookies to make this website work.\nWe'd like to set additional "
            "cookies to understand how you use GOV.UK, remember your settings and improve government services.\n"
            "Accept additional cookies\nReject additional cookies\nView cookies\nSkip to main content\nGOV.UK\n\n")


@pytest.mark.parametrize("text, date, place, country", [
    # a copied GOV.UK page: cookie banner, breadcrumbs a line each, the document type, headline, summary
    (_COOKIES + "Home\nTransport\n\nPress release\n\nNew ferry link for the Scilly Isles\n\nA second vessel will "
     "sail from Penzance from next spring.\n\nFrom: Department for Transport\nPublished 3 March 2019\n\nThe "
     "department has agreed funding for a second vessel.", "2019-03-03", "", "United Kingdom"),
    # an older GOV.UK page: its menus above the breadcrumbs, `History: Published`
    ("GOV.UK uses cookies to make the site simpler. Find out more about cookies\n\nSkip to main content\nGOV.UK\n"
     "Search\nDepartments Worldwide How government works Get involved\nPolicies Publications Consultations "
     "Statistics Announcements\n\nHome > Cabinet Office\n\nNews story\n\nNew civil service apprenticeships\n\n"
     "Apprentices will join 12 departments.\n\nFrom: Cabinet Office\nHistory: Published 9 October 2013\n\nThe "
     "scheme opens to applicants on Monday.", "2013-10-09", "", "United Kingdom"),
    # a breadcrumb trail of any length; a place line and a date line under the speaker
    ("U.S. Department of State\nDiplomacy in Action\n\nHome \u00bb Under Secretary for Political Affairs "
     "\u00bb Bureau of South and Central Asian Affairs \u00bb Releases \u00bb Press Statements \u00bb 2015 "
     "\u00bb Floods in Gujarat\n\nFloods in Gujarat\n\nPress Statement\nJane Roe\nDeputy Department Spokesperson"
     "\nWashington, DC\nJuly 30, 2015\n\nThe United States offers its condolences to the people of Gujarat.",
     "2015-07-30", "Washington", "United States"),
    # two-digit years in figures
    ("U.S. Department of the Interior\nBureau of Land Management\n\nRelease Date: 09/28/20\nContacts: Jo Roe, "
     "503-808-6001\n\nTrail plan open for comment\n\nMedford, Oregon \u2014 The Bureau is seeking comment on "
     "a trail plan.", "2020-09-28", "Medford", "United States"),
    # a date stamp with the page's credit beside it, the dateline's year from it
    ("Laos opens new rail freight terminal\n2023-05-17 09:41:03 Source: Xinhua\n\nVIENTIANE, May 17 (Xinhua) "
     "-- Laos opened a rail freight terminal on Wednesday.", "2023-05-17", "Vientiane", "Laos"),
    # a page that says only when it last changed
    ("NATO - News: Allies review air policing, 02-Mar.-2012\n\nSkip to main content\nNorth Atlantic Treaty "
     "Organization\nHome > News\n\nAllies review air policing\n\nLast updated: 02 Mar. 2012 11:20\n\nAllies "
     "on Friday reviewed the air policing mission over Iceland.", "2012-03-02", "", ""),
    ("Six killed in landslide in Gilgit\nUpdated 8:05 AM GMT+5, August 21, 2022\nGILGIT, Pakistan (AP) "
     "\u2014 A landslide buried a minibus on Sunday, killing six, police said.", "2022-08-21", "Gilgit",
     "Pakistan"),
    # a dateline without its year, the date under the contact block at the end
    ("HEADQUARTERS\nINTERNATIONAL SECURITY ASSISTANCE FORCE\n\nPRESS RELEASE\n2011-03-CA-014\n\nISAF opens "
     "clinic in Herat\n\nHERAT, Afghanistan (March 9) \u2013 ISAF opened a clinic in Herat province.\n\nISAF "
     "Public Affairs Office\nTel: +93 (0) 700 13 2114\nE-mail: media@isaf.example\n9 March 2011\n",
     "2011-03-09", "Herat", "Afghanistan"),
    # the Council's document codes above its place and date
    ("COUNCIL OF THE EUROPEAN UNION\nEN\n9031/12\n(OR. en)\nPRESSE 187\nPR CO 25\n\nPRESS RELEASE\n3166th "
     "Council meeting\nAgriculture and Fisheries\nLuxembourg, 26 April 2012\n\nThe Council discussed the "
     "reform of the fisheries policy.", "2012-04-26", "Luxembourg", "Luxembourg"),
    # a news database's stamp with the weekday after the date
    ("Japan Economic Newswire\nFebruary 4, 2014 Tuesday 10:02 AM GMT\n\nJapan to fund port study in Sri Lanka\n\n"
     "TOKYO, Feb. 4 Kyodo - Japan will fund a study of a port in Sri Lanka, officials said.",
     "2014-02-04", "Tokyo", "Japan"),
    # a letterhead naming its country last; no place
    ("Ministry of Foreign Affairs of the People's Republic of China\n\nHome > Spokesperson's Remarks\n\n"
     "Foreign Ministry Spokesperson's Remarks on the Floods in Pakistan\n\n2022-08-30 20:15\n\nChina will "
     "provide further emergency supplies to Pakistan.", "2022-08-30", "", "China"),
    # a signature under share links, a byline and a photo credit
    ("MINISTRY OF FOREIGN AFFAIRS\nRepublic of Maldives\n\nPRESS RELEASE\n2020/41\n\nMaldives and Fiji sign "
     "visa waiver\n\nThe two Ministers signed the agreement on Thursday.\n\nMale', 9 July 2020\n\nShare: "
     "Facebook Twitter Viber", "2020-07-09", "Male", "Maldives"),
    ("Allied Air Command\nHome / Newsroom / Archive\n\nJets intercept aircraft over Baltic\n\nRAMSTEIN, Germany "
     "- Fighters launched twice this week.\n\nStory by Allied Air Command Public Affairs Office\nReleased: 4 June "
     "2020\n\nPhoto by Royal Air Force", "2020-06-04", "Ramstein", "Germany"),
    # a news database's record: its labelled fields above the dateline
    ("Agence France Presse\n\nMarch 2, 2017 Thursday 9:12 AM GMT\n\nKenya drought toll rises\n\nSECTION: "
     "WORLD\n\nLENGTH: 301 words\n\nDATELINE: Nairobi, March 2 2017\n\nNairobi (AFP) - Drought has killed "
     "livestock across northern Kenya, officials said on Thursday.", "2017-03-02", "Nairobi", "Kenya"),
    # a news site's menus above an AP item; the old AP underscore dash under a news database's fields
    ("Skip to main content\nSubscribe  |  Log In\nThe Daily Courier\nNews  Sports  Business  Opinion  Obituaries\n"
     "World\n\nQuito council bans bullfights\n\nBy ANA ROE\nAssociated Press\nPublished 3:14 p.m. ET Aug. 4, 2015"
     " | Updated 5:02 p.m. ET Aug. 4, 2015\n\nQUITO, Ecuador (AP) \u2014 The city council voted on Tuesday.",
     "2015-08-04", "Quito", "Ecuador"),
    ("Benin votes in presidential runoff\n\nAssociated Press Newswires\n6 March 2016\n14:22\nBy JEAN ROE\n"
     "Associated Press Writer\n311 words\nEnglish\n(c) 2016. The Associated Press. All Rights Reserved.\n\n"
     "COTONOU, Benin (AP) _ Voters went to the polls on Sunday.", "2016-03-06", "Cotonou", "Benin"),
    # a place only in the database's DATELINE field; SFGate's stamp before the dateline
    ("Agence France Presse -- English\n\nMay 9, 2013 Thursday 7:41 PM GMT\n\nFarmers block highway\n\nLENGTH: "
     "286 words\n\nDATELINE: Asuncion, May 9 2013\n\nBODY:\n\nHundreds of farmers blocked the highway on "
     "Thursday.", "2013-05-09", "Asuncion", "Paraguay"),
    ("SFGate\nHome  News  Sports  Business  Entertainment  Food\n\nLesotho court frees editor\n\nBy JO ROE, "
     "Associated Press Writer\nTuesday, June 19, 2007\n\n(06-19) 08:15 PDT MASERU, Lesotho (AP) --\n\nA court "
     "freed a newspaper editor on Tuesday.", "2007-06-19", "Maseru", "Lesotho"),
    # a page label with the date; `Issued on` glued to `Modified`
    ("Press Information Department\nGovernment of Pakistan\nHome | Press Releases | Photos | Archives\n\n"
     "PRESS RELEASES, 16-08-2011\n\nPR No. 301\n\nNAVY EVACUATES VILLAGERS\n\nKARACHI, August 16: Navy teams "
     "evacuated 900 people.", "2011-08-16", "Karachi", "Pakistan"),
    ("FRANCE 24\nLive  News  Europe  France  Africa  Middle East\n\nEurope\n\nProtest in Yerevan\n\nIssued on: "
     "10/11/2022 - 14:05Modified: 10/11/2022 - 16:20\n1 min\n\nYerevan (AFP) \u2013 Thousands rallied on "
     "Thursday.", "2022-11-10", "Yerevan", "Armenia"),
    # DVIDS' place line with state and country; a government's site names its country
    ("DVIDS\nImages  Video  Audio  News  Publications  Graphics\n\nGuard engineers end flood mission\n\n"
     "FORT SMITH, AR, UNITED STATES\n04.22.2017\nStory by Sgt. Jo Roe\n\nEngineers finished the mission on "
     "Friday.", "2017-04-22", "Fort Smith", "United States"),
    ("GOV.WALES\nCymraeg\nSearch\nHome > News\n\nPress release\nNew path diversion agreed\n\nFirst published: "
     "6 June 2025\nLast updated: 6 June 2025\n\nA section of the coast path will move inland.", "2025-06-06", "",
     "United Kingdom"),
    ("Beehive.govt.nz\nThe official website of the New Zealand Government\nHome  Releases  Speeches  Features  "
     "Ministers\n\nRelease\n\nFunding for rural fire training\n\nHON JO ROE\nInternal Affairs\n\nPublished: Thu "
     "4 Jul 2019\n\nVolunteer firefighters will have better access to training.", "2019-07-04", "",
     "New Zealand"),
    # a signature with another calendar's date beside the place, under share links
    ("Ministry of Foreign Affairs\nPress Release\n\nState Minister receives Ambassador\n\nThe Ambassador called "
     "on the State Minister today.\n\nDhaka, 13 Poush 1428\n28 December 2021\n\nShare on Facebook  Twitter  "
     "Print", "2021-12-28", "Dhaka", "Bangladesh"),
    # SPA's Hijri date before ours
    ("Saudi Press Agency\n\nDammam, Shawwal 12, 1443, May 13, 2022, SPA -- The port opened a new berth.\n\n--SPA",
     "2022-05-13", "Dammam", "Saudi Arabia"),
    # a region in brackets: after a comma, or left out before ANI's country in square brackets
    ("UNODC\nPress release\n\nProgramme on border controls\n\nVienna (Austria), 11 May 2006 - UNODC launched a "
     "programme.", "2006-05-11", "Vienna", "Austria"),
    ("ANI\nHome | National | World\n\nTourists throng Gulmarg\n\nANI | Updated: Jan 09, 2023 19:45 IST\n\n"
     "Gulmarg (Jammu and Kashmir) [India], January 9 (ANI): Tourists thronged the resort on Monday.",
     "2023-01-09", "Gulmarg", "India"),
    # an agency before the published date; another calendar's date, a slash, ours
    ("DAWN.COM\nHome > Pakistan\n\nCotton crop hit by rains\n\nAFP Published October 4, 2022 Updated about 2 hours "
     "ago\n\nMULTAN: Farmers say the rains damaged the cotton crop.", "2022-10-04", "Multan", "Pakistan"),
    ("Government of the People's Republic of Bangladesh\nPress Information Department\n\nHandout    Number: 212\n\n"
     "Dhaka, 12 Falgun 1426/25 February 2020\n\nProcurement to begin\n\nThe Government will procure rice.",
     "2020-02-25", "Dhaka", "Bangladesh"),
    # a signature with Myanmar's calendar; AP's filing line
    ("The Republic of the Union of Myanmar\nMinistry of Foreign Affairs\n\nPRESS RELEASE\n\nJoint meeting held\n\n"
     "The fourth meeting of the Joint Working Group was held on 8 March 2019, officials of both sides said.\n\n"
     "Nay Pyi Taw\n3rd Waxing of Tabaung, 1380 ME\n9 March 2019", "2019-03-09", "Nay Pyi Taw", "Myanmar"),
    ("Flood bills mount in Fargo\n\nFARGO, N.D. (AP) -- Towns are adding up the cost of the flood, officials said "
     "Tuesday.\n\nAP-NY-05-12-08 0614EDT", "2008-05-12", "Fargo", "United States"),
])
def test_copied_pages_wire_stamps_and_signatures(text, date, place, country):
    release = read_text(text, "r", "r.txt")
    assert (release.date, release.location, release.country) == (date, place, country)


_BODY = "The two sides reviewed progress on the joint programme and agreed to meet again next year.\n"


@pytest.mark.parametrize("text, date, place, country, agency, title", [
    # the old MoD site: a day, a month's name and a two-digit year under the headline
    ("Ministry of Defence\nHome > Defence News > Operations\n\nSappers Build Patrol Base\n9 Jul 08\n\n" + _BODY,
     "2008-07-09", "", "", "", "Sappers Build Patrol Base"),
    # a label whose value is on the next line; a contact block; a date line among them
    ("U.S. Department of Defense\nNews Release\n\nOn the Web:\nhttp://www.defense.gov/r?id=1\n"
     "Media contact: +1 (703) 697-5131\n\nIMMEDIATE RELEASE\nNo. 148-09\nMarch 05, 2009\n\nDoD Identifies Army "
     "Casualty\n\n" + _BODY, "2009-03-05", "", "United States", "", "DoD Identifies Army Casualty"),
    # a site's bar, a gallery's navigation and a photo's caption above the headline; a base in the place line
    ("DVIDS\nSearch DVIDS...                 Sign In | Register\nImage 1 of 2   [ previous | next ]\n"
     "Medics train at the hospital. (U.S. Army photo by Staff Sgt. Jane Roe)\n\nMedics Trade Skills\n\n"
     "BAGRAM AIRFIELD, AFGHANISTAN\n03.14.2011\nStory by Staff Sgt. Jane Roe\n\nBAGRAM AIRFIELD, Afghanistan – "
     + _BODY, "2011-03-14", "Bagram Airfield", "Afghanistan", "DVIDS", "Medics Trade Skills"),
    # an e-mailed release: the Sent line dates it
    ("From: U.S. Coast Guard <news@example.gov>\nSent: Wednesday, January 7, 2026 6:41 PM\n"
     "Subject: Coast Guard Medevacs Crewman\n\n"
     "News Release\n\nCoast Guard Medevacs Crewman\n\nKODIAK, Alaska — " + _BODY,
     "2026-01-07", "Kodiak", "United States", "", "Coast Guard Medevacs Crewman"),
    # a headline opening with a word and a colon is no dateline (`Police` is also a town in Poland)
    ("Record Herald\nSubscribe   Sign In\n\nPolice: Man found dead after house fire\n\nThe Associated Press\n"
     "Published 2:15 p.m. ET July 11, 2017\n\nWAYNESBORO, Pa. (AP) — " + _BODY,
     "2017-07-11", "Waynesboro", "United States", "AP", "Police: Man found dead after house fire"),
    # a date line with its update beside it; a masthead dated by its section line, a yearless colon dateline
    ("Home » World » Asia\n\nEx-President Charged\n\nBy AFP\n14/02/2019 - 10:32 | Updated 14/02/2019 - 13:05\n\n"
     "Malé (AFP) – " + _BODY, "2019-02-14", "Male", "Maldives", "AFP", "Ex-President Charged"),
    ("DAWN - Top Stories; December 05, 2003\n\nPakistan Offers Air Links\n\nISLAMABAD, Dec 4: " + _BODY,
     "2003-12-04", "Islamabad", "Pakistan", "", "Pakistan Offers Air Links"),
    # a Factiva record: its source code and a long copyright line are furniture
    ("Assembly Votes To Abolish Monarchy\n412 words\n28 May 2008\n22:41\nAgence France Presse\nAFPR\nEnglish\n"
     "Copyright Agence France-Presse, 2008 All reproduction and presentation rights reserved.\n\n"
     "KATHMANDU, May 28, 2008 (AFP) - " + _BODY, "2008-05-28", "Kathmandu", "Nepal", "AFP",
     "Assembly Votes To Abolish Monarchy"),
    # the UN's headquarters are in New York; a letterhead of bullets ending with its place
    ("UNITED NATIONS (AP) — " + _BODY, "", "New York", "United States", "AP",
     "The two sides reviewed progress on the joint programme and agreed to meet again next year."),
    ("22 March 2010\nSecurity Council\nSC/9889\nDepartment of Public Information • News and Media Division • "
     "New York\n\nSecurity Council\n6287th Meeting (AM)\n\nCouncil Extends Mission Mandate\n\n" + _BODY,
     "2010-03-22", "New York", "United States", "", "Council Extends Mission Mandate"),
    # ReliefWeb: posted one day, originally published the day before, under labels of their own
    ("ReliefWeb\n\nPakistan: UN Allocates Flood Funds\n\nNews and Press Release\nSource\nOCHA\nPosted\n22 Aug 2007\n"
     "Originally published\n21 Aug 2007\nOrigin\nView original\n\n(Islamabad, 21 August 2007): " + _BODY,
     "2007-08-21", "Islamabad", "Pakistan", "", "Pakistan: UN Allocates Flood Funds"),
    # the EU Council's letterhead on two lines, its document numbers, a meeting's number
    ("COUNCIL OF\nTHE EUROPEAN UNION          EN\nC/05/152\n9976/05 (Presse 152)\nPRESS RELEASE\n"
     "2667th Council Meeting\nGeneral Affairs\n\nLuxembourg, 13 June 2005\n\n" + _BODY,
     "2005-06-13", "Luxembourg", "Luxembourg", "", "The two sides reviewed progress on the joint programme and "
     "agreed to meet again next year."),
    # GOV.UK's speech: the place under `Location:` is a building and its city
    ("GOV.UK\nHome > Defence\n\nSpeech\n\nDefence In A Changing World\n\nFrom:\nMinistry of Defence\nPublished\n"
     "15 September 2015\nLocation:\nRoyal United Services Institute, London\n\n" + _BODY,
     "2015-09-15", "London", "United Kingdom", "", "Defence In A Changing World"),
    # ISAF: a yearless dateline takes its year from the release number
    ("ISAF Joint Command - Afghanistan\n\n2010-09-CA-014\nFor Immediate Release\n\nForce Detains Facilitator\n\n"
     "KABUL, Afghanistan (Sept. 12) – " + _BODY, "2010-09-12", "Kabul", "Afghanistan", "",
     "Force Detains Facilitator"),
    # Russia's numbered release dated by its number; France's dated by its headline, its site its country
    ("The Ministry of Foreign Affairs of the Russian Federation\nHome  >  News\n\nPress Release On A Meeting\n\n"
     "1456-17-07-2019\n\n" + _BODY, "2019-07-17", "", "Russia", "", "Press Release On A Meeting"),
    ("France Diplomatie\nMinistry of Foreign and European Affairs\nHome > Country files > Sri Lanka\n\n"
     "Sri Lanka – Statement by the Ministry Spokesperson (20.05.09)\n\n" + _BODY,
     "2009-05-20", "", "France", "", "Sri Lanka – Statement by the Ministry Spokesperson (20.05.09)"),
    # a page dated only by when it was last updated, at its foot
    ("NATO\nHome > News\n\nStaffs Review Cooperation\n\n" + _BODY + "\nRelated\nCountering hybrid threats\n\n"
     "Last updated: 10 Oct. 2019 16:44\nAccessibility | Privacy | Terms of use\n",
     "2019-10-10", "", "", "", "Staffs Review Cooperation"),
    # an Indonesian province after the place
    ("Foreign Minister: Declaration Is A Win\n\nNusa Dua, Bali, 16 November 2022 – " + _BODY,
     "2022-11-16", "Nusa Dua", "Indonesia", "", "Foreign Minister: Declaration Is A Win"),
    # a White House page: the place under the remarks' title and venue, a town too small for the gazetteer
    ("The White House\nHome > News & Policies > August 2002\n\nFor Immediate Release\nOffice of the Press "
     "Secretary\nAugust 13, 2002\n\nPresident Discusses Wildfire Prevention\nCrawford Volunteer Fire Department\n"
     "Crawford, Texas\n\n10:12 A.M. CDT\n\nTHE PRESIDENT: " + _BODY, "2002-08-13", "Crawford", "United States", "",
     "President Discusses Wildfire Prevention"),
    # Factiva's export with its field codes; Nexis' AP cycle; a Japanese prefecture after the city
    ("HD    Pakistan And China Sign Agreements\nWC    312 words\nPD    5 January 2008\nET    21:33\n"
     "SN    Xinhua News Agency\nSC    XNEWS\nLA    English\nCY    (c) Copyright 2008 Xinhua News Agency.\n\n"
     "LP    ISLAMABAD, Jan. 5 (Xinhua) -- " + _BODY, "2008-01-05", "Islamabad", "Pakistan", "Xinhua",
     "Pakistan And China Sign Agreements"),
    ("The Associated Press\n\nSeptember 14, 2003, Sunday, BC cycle\n\nHEADLINE: Rebels Submit Plan\n\n"
     "COLOMBO, Sri Lanka (AP) - " + _BODY, "2003-09-14", "Colombo", "Sri Lanka", "AP", "Rebels Submit Plan"),
    ("Governor Reiterates Opposition\n\nKyodo\nNov 7, 2011\n\nNAHA, Okinawa Pref. – " + _BODY,
     "2011-11-07", "Naha", "Japan", "Kyodo", "Governor Reiterates Opposition"),
    # a signature above a number with its date and a site's copyright line; a date at the end of a footer line
    ("The Ministry of Foreign Affairs of the Russian Federation\n\nPress Release On Consultations\n\n" + _BODY +
     "\nMoscow, September 12, 2012\n\n1723-12-09-2012\n\nCopyright © 2012 Ministry of Foreign Affairs\n",
     "2012-09-12", "Moscow", "Russia", "", "Press Release On Consultations"),
    ("Joint Warfare Centre\n\nStaff Training Concludes\n\n" + _BODY + "\nJWC Public Affairs Office\n"
     "© NATO Joint Warfare Centre 2006  —  Released 27/10/2006\n", "2006-10-27", "", "", "",
     "Staff Training Concludes"),
    # a page dated only by its address, copied above it
    ("https://news.navy.lk/eventnews/2018/07/23/201807231530/\n\nSRI LANKA NAVY\nHome   News   Events   Gallery\n\n"
     "Navy Apprehends Six Persons Off Kalpitiya\n\n" + _BODY, "2018-07-23", "", "Sri Lanka", "",
     "Navy Apprehends Six Persons Off Kalpitiya"),
    # the date after the dash: the solar calendar's, ours in brackets
    ("Office of the Spokesperson to the President\n\nPRESS RELEASE\n\nKabul – Wednesday, 18 Jawza 1390 "
     "(8 June 2011)\n\n" + _BODY, "2011-06-08", "Kabul", "Afghanistan", "",
     "The two sides reviewed progress on the joint programme and agreed to meet again next year."),
    # a region and the country between the place and the service
    ("Eisenhower Arrives For Port Visit\n\nSOUDA BAY, Crete, Greece (NNS) -- " + _BODY,
     "", "Souda Bay", "Greece", "NNS", "Eisenhower Arrives For Port Visit"),
    # `Location:` naming a place the gazetteer lacks and its county; a speech's page is GOV.UK's
    ("GOV.UK\n\nSpeech\nPM Remarks At The Summit\n\nFrom:\nPrime Minister's Office, 10 Downing Street\n"
     "Published\n13 June 2021\nLocation:\nCarbis Bay, Cornwall\n\n" + _BODY,
     "2021-06-13", "Carbis Bay", "United Kingdom", "", "PM Remarks At The Summit"),
    # the place and date a headline ends with
    ("France Diplomatie\nHome  ›  Country files  ›  Myanmar\n\n"
     "Myanmar – Statement by the Spokesperson (Paris, 3 February 2021)\n\n" + _BODY,
     "2021-02-03", "Paris", "France", "", "Myanmar – Statement by the Spokesperson (Paris, 3 February 2021)"),
    ("The Ministry of Foreign Affairs of the Russian Federation\n\nRemarks during talks with the Secretary of "
     "State, Sochi, May 14, 2019\n\n910-14-05-2019\n\n" + _BODY, "2019-05-14", "Sochi", "Russia", "",
     "Remarks during talks with the Secretary of State, Sochi, May 14, 2019"),
    # a masthead is no dateline (Kuna is a town in Idaho); the dateline names the country's capital
    ("KUNA - Kuwait News Agency\nHome | Local | Arab\n\nKuwait Pledges Relief\n\nKUWAIT, Dec 2, 2024 (KUNA) -- "
     + _BODY, "2024-12-02", "Kuwait", "Kuwait", "KUNA", "Kuwait Pledges Relief"),
    # DVIDS' footer fields date a page whose header does not
    ("DVIDS\nSearch\nLogin | Register\n\nEngineers Hand Over Route Clearance Work\n\n"
     "CAMP BONDSTEEL, Kosovo – " + _BODY +
     "\nDate Taken: 03.14.2012\nDate Posted: 03.15.2012 09:41\nStory ID: 85512\n",
     "2012-03-14", "Camp Bondsteel", "Kosovo", "DVIDS", "Engineers Hand Over Route Clearance Work"),
    # the European Parliament's bracketed date line; a signature above share links
    ("European Parliament\nNews  |  Press room\n\nMEPs Call For Inquiry\n\n[12-03-2014 - 13:08]\n\n" + _BODY,
     "2014-03-12", "", "", "", "MEPs Call For Inquiry"),
    ("Ministry of Foreign Affairs\nSri Lanka\n\nPRESS RELEASE\n\nMinister To Visit Washington\n\n" + _BODY +
     "\nMinistry of Foreign Affairs\nColombo\n\n12 August 2015\n\nPrint  |  Email  |  Back\n",
     "2015-08-12", "Colombo", "Sri Lanka", "", "Minister To Visit Washington"),
    # a letterhead's address is no dateline: `UDHAMPUR (J&K)` names no agency, `THIMPHU : BHUTAN` only its country
    ("PRESS RELEASE\n\nOFFICE OF THE DEFENCE SPOKESMAN\nUDHAMPUR (J&K)\n\nNo. PRO/NC/214/2016      18 Nov 2016\n\n"
     "ARMY COMMANDER REVIEWS WINTER PREPAREDNESS\n\nUdhampur, Nov 18: " + _BODY,
     "2016-11-18", "Udhampur", "India", "", "ARMY COMMANDER REVIEWS WINTER PREPAREDNESS"),
    ("ROYAL GOVERNMENT OF BHUTAN\nMINISTRY OF FOREIGN AFFAIRS\nTHIMPHU : BHUTAN\n\nPRESS RELEASE\n\n"
     "Bhutan Marks National Day\n\nThimphu, 17 December 2016: " + _BODY, "2016-12-17", "Thimphu", "Bhutan", "",
     "Bhutan Marks National Day"),
    # `Last Updated at ...` gives a yearless dateline its year; a site's section (`Asia`) is no place
    ("Business Standard\n\nNepal, India Agree To Speed Up Railway\nANI  |  Asia\n"
     "Last Updated at February 9, 2022 17:05 IST\n\nKathmandu [Nepal], February 9 (ANI): " + _BODY,
     "2022-02-09", "Kathmandu", "Nepal", "ANI", "Nepal, India Agree To Speed Up Railway"),
    # Factiva's fields with one space after each code, the source's name (`Associated Press Newswires`)
    ("HD U.S. Pledges New Aid For Refugees\nBY By JANE ROE, Associated Press Writer\nWC 384 words\n"
     "PD 17 October 2001\nET 15:42\nSN Associated Press Newswires\nSC APRS\nLA English\n\nLP\n"
     "WASHINGTON (AP) - " + _BODY + "\nTD\n" + _BODY, "2001-10-17", "Washington", "United States", "AP",
     "U.S. Pledges New Aid For Refugees"),
    # a feed's item saved as it came
    ("<item>\n  <title>Iraq To Reopen Border Crossing</title>\n  <link>https://apnews.com/3f9c</link>\n"
     "  <pubDate>Thu, 21 Feb 2019 09:14:33 GMT</pubDate>\n  <description>Iraq plans ...</description>\n"
     "  <content:encoded><![CDATA[<p>BAGHDAD (AP) \u2014 " + _BODY + "</p>]]></content:encoded>\n</item>\n",
     "2019-02-21", "Baghdad", "Iraq", "AP", "Iraq To Reopen Border Crossing"),
    # an archived site's banner and menus; the place of issue in brackets
    ('This is historical material "frozen in time". The website is no longer updated and links to external '
     "websites may not work.\nSearch form\nContact Us | Get Email Updates\nHome \u2022 Briefing Room \u2022 "
     "Statements & Releases\n\nThe White House\nOffice of the Press Secretary\n(Honolulu, Hawaii)\n\n"
     "For Immediate Release\nDecember 28, 2012\n\nStatement On The Situation\n\n" + _BODY,
     "2012-12-28", "Honolulu", "United States", "", "Statement On The Situation"),
    # a PDF's page numbers and street address; a headline wrapped onto a second line
    ("EMBASSY OF THE UNITED STATES OF AMERICA\n210 Galle Road, Colombo 3, Sri Lanka\n      Page 1 of 2\n"
     "PRESS RELEASE\nFor Immediate Release             March 8, 2004\n\nAMBASSADOR HONORS WOMEN LEADERS ON\n"
     "INTERNATIONAL WOMEN'S DAY\n\nColombo, March 8, 2004 \u2013 " + _BODY, "2004-03-08", "Colombo",
     "Sri Lanka", "", "AMBASSADOR HONORS WOMEN LEADERS ON INTERNATIONAL WOMEN'S DAY"),
    # WHO's date line with the place among its fields, two spaces before the reading time
    ("World Health Organization\nHome / Newsroom / News / item\n\n28 June 2021 | News release | Geneva  "
     "Reading time: 2 min (467 words)\n\nWHO Issues Guidance\n\n" + _BODY,
     "2021-06-28", "Geneva", "Switzerland", "", "WHO Issues Guidance"),
    # an e-mail's sender at a government's address
    ("From: Defence Media Operations [mailto:media@defence.gov.au]\nSent: Tuesday, 26 July 2011 4:47 PM\n"
     "To: Defence Media List\nSubject: Mentors Hand Over Training\n\n" + _BODY,
     "2011-07-26", "", "Australia", "", "Mentors Hand Over Training"),
    # an e-mail carrying a release: the release's own date line, not when the e-mail was sent
    ("From: MARCOM Public Affairs <marcom.pao@mc.nato.int>\nSent: Wednesday, 13 March 2019 08:02\n"
     "To: MARCOM News Distribution\nSubject: Mine Group Clears Ordnance\n\nDate: 12/03/2019\n\n"
     "NORTHWOOD, United Kingdom \u2013 " + _BODY, "2019-03-12", "Northwood", "United Kingdom", "",
     "Mine Group Clears Ordnance"),
    # an e-mail's `Date:` with its offset gives a yearless dateline its year; its sender is no GOV.UK page
    ("From: Korea Brief <digest@koreabrief-mail.com>\nDate: Tue, 12 Oct 2021 18:30:04 +0900\n"
     "Subject: North Korea Slams US Standards\n\nSEOUL, Oct. 12 (Yonhap) -- " + _BODY,
     "2021-10-12", "Seoul", "South Korea", "Yonhap", "North Korea Slams US Standards"),
    ("From: Council of the EU \u2013 Press <newsletter@consilium.europa.eu>\nDate: Thu, 14 Dec 2023 17:41\n"
     "Subject: Council Prolongs Sanctions\n\nCOUNCIL OF THE EUROPEAN UNION\nPress office\n\n" + _BODY,
     "2023-12-14", "", "", "", "Council Prolongs Sanctions"),
    # a web archive's bar: its captures' dates are not the release's
    ("https://web.archive.org/web/20170304112201/http://rs.nato.int/article/news/pilots.html\n\n"
     "INTERNET ARCHIVE Wayback Machine\n14 captures\n04 Mar 2017 - 22 Sep 2019\n\nRESOLUTE SUPPORT MISSION\n"
     "HOME | NEWS | MEDIA\n\nAfghan Pilots Graduate\n\nKABUL, Afghanistan (March 3, 2017) \u2014 " + _BODY,
     "2017-03-03", "Kabul", "Afghanistan", "", "Afghan Pilots Graduate"),
    ("https://web.archive.org/web/20210203101544/https://frontex.europa.eu/media-centre/news/x7Qp2B\n\n"
     "INTERNET ARCHIVE  Wayback Machine\n3 Feb 2021\n\nFRONTEX\nMedia Centre  >  News\n\n"
     "Frontex Starts 2021 With 2,000 Officers\n\n2021-01-15\n\n" + _BODY, "2021-01-15", "", "", "",
     "Frontex Starts 2021 With 2,000 Officers"),
    # GovDelivery's banner; UNDP's motto under its name
    ("You are subscribed to Press Releases for U.S. Department of Commerce. This information has recently "
     "been updated, and is now available.\n\nU.S. Department of Commerce\n\nFOR IMMEDIATE RELEASE\n"
     "Thursday, January 12, 2017\n\nU.S. And India Hold Dialogue\n\nWASHINGTON \u2013 " + _BODY,
     "2017-01-12", "Washington", "United States", "", "U.S. And India Hold Dialogue"),
    ("UNDP\nEmpowered lives.\nResilient nations.\n\nPRESS RELEASE\n\nMaldives Launches Adaptation Programme\n\n"
     "MAL\u00c9, 12 November 2015 \u2013 " + _BODY, "2015-11-12", "Male", "Maldives", "",
     "Maldives Launches Adaptation Programme"),
    # the European Parliament's label, date and time; the Commission's number beside its place and date
    ("European Parliament\nNews  >  Press room\n\nPress release - 23-11-2016 - 13:12\n\n"
     "MEPs Call For Freeze Of Talks\n\n" + _BODY, "2016-11-23", "", "", "", "MEPs Call For Freeze Of Talks"),
    ("RAPID - Press Releases - EUROPA\nPrinter friendly version\n\nIP/95/512     Brussels, 23 May 1995\n\n"
     "Commission Proposes New Framework\n\n" + _BODY, "1995-05-23", "Brussels", "Belgium", "",
     "Commission Proposes New Framework"),
    # an issuer and its seat; a signature above a PDF's page number
    ("President of Russia\n\nEvents  \u203a  News\n\nTelephone Conversation With President Of Finland\n\n"
     "November 21, 2019, 16:10\nThe Kremlin, Moscow\n\n" + _BODY, "2019-11-21", "Moscow", "Russia", "",
     "Telephone Conversation With President Of Finland"),
    ("PRESS RELEASE\n\nSri Lanka And The Philippines Hold First Talks\n\n" + _BODY + "\nMinistry of Foreign "
     "Affairs\nColombo\n\n27 February 2018\n\n                    Page 1 of 1\n", "2018-02-27", "Colombo",
     "Sri Lanka", "", "Sri Lanka And The Philippines Hold First Talks"),
    # a release quoted whole in a blog: after an introduction ending with a colon, quoted, or set in
    ("BORDERLINES\n\nMonday, July 9, 2012\n\nNavy Seizes Chemicals\n\nFrom the AP this afternoon, in full:"
     "\n\nMEXICO CITY (AP) \u2014 " + _BODY, "2012-07-09", "Mexico City", "Mexico", "AP", "Navy Seizes Chemicals"),
    ("GROUNDTRUTH\n\nMonday, 22 November 2010\n\nWheat Seed Numbers\n\nThe embassy put this out today."
     "\n\n> KABUL, 22 November 2010 \u2013 " + _BODY + ">\n> " + _BODY, "2010-11-22", "Kabul", "Afghanistan",
     "", "Wheat Seed Numbers"),
    ("Sahel Notes\n\nOctober 10, 2018 \u00b7 4 min read\n\nParis On Cameroon\n\nThe ministry issued a short "
     "statement yesterday.\n\n  Paris, 9 October 2018\n\n  " + _BODY, "2018-10-09", "Paris", "France", "",
     "Paris On Cameroon"),
    # a forwarded e-mail: the release after the forwarding line and its headline
    ("From: Jane Roe\nSent: 08 November 2016 14:22\nTo: South Asia desk\nSubject: FW: UK Pledges Aid\n\n"
     "FYI, for the briefing pack.\n\n-----\n\nUK Pledges Extra Aid For Refugees\n\nLONDON (AP) \u2014 " + _BODY,
     "2016-11-08", "London", "United Kingdom", "AP", "FW: UK Pledges Aid"),
    # a wire's headline with a full stop above a database's fields; `(Reuter)`
    ("Sri Lanka tea exports up 14 pct in first half.\n\nReuters News\n14 August 1996\n347 words\n"
     "(c) Reuters Limited 1996\n\nCOLOMBO, Aug 14 (Reuter) - " + _BODY, "1996-08-14", "Colombo", "Sri Lanka",
     "Reuters", "Sri Lanka tea exports up 14 pct in first half"),
    # a credit line with its place (`New Delhi` is no `New` in Delhi) and when it was updated
    ("India, Maldives To Step Up Defence Cooperation\n\nPress Trust of India  |  New Delhi  |  Updated: July 21, "
     "2015 19:04 IST\n\nNew Delhi, Jul 21 (PTI) " + _BODY, "2015-07-21", "New Delhi", "India", "PTI",
     "India, Maldives To Step Up Defence Cooperation"),
    # the European Parliament's label, topic, date and time
    ("European Parliament\nNews - Press Releases\n\nPlenary Session\n\nHuman Rights Resolutions\n\n"
     "Press release - Human rights \u2212 21-01-2016 - 12:54\n\n" + _BODY, "2016-01-21", "", "", "",
     "Human Rights Resolutions"),
    # a government's portal named beside its department; Brazil's foreign ministry by its English name
    ("Department for the Economy\nnidirect | Department for the Economy\n\nHome > News\n\nFirm Expands In "
     "Belfast\n\nDate published: 05 October 2022\n\n" + _BODY, "2022-10-05", "", "United Kingdom", "",
     "Firm Expands In Belfast"),
    ("Ministry of External Relations\nPress Release No. 224\n\nJune 7, 2011\n\nVisit Of The Minister Of "
     "Foreign Affairs Of Nepal\n\n" + _BODY, "2011-06-07", "", "Brazil", "",
     "Visit Of The Minister Of Foreign Affairs Of Nepal"),
    # a state organ's letterhead says whose release it is; a signatory's name and rank above the date
    ("MINDEF Singapore\nNEWS RELEASE\n07 Sep 2017\n\nExercise Wallaby Begins\n\n" + _BODY,
     "2017-09-07", "", "Singapore", "", "Exercise Wallaby Begins"),
    ("NIGERIAN ARMY\n\nPRESS RELEASE\n\nTROOPS NEUTRALISE TERRORISTS IN BORNO\n\n" + _BODY + "\n" + _BODY +
     "\nAUWAL S. BELLO\nBrigadier General\nDirector Army Public Relations\n16 March 2021\n",
     "2021-03-16", "", "Nigeria", "", "TROOPS NEUTRALISE TERRORISTS IN BORNO"),
    # a city in its own letters known by an English name; the date after a release's number in its headline
    ("MINISTRY OF FOREIGN AFFAIRS\n\nPRESS RELEASE\n\nViet Nam And Australia Hold Dialogue\n\n"
     "H\u00c0 N\u1ed8I, 14 June 2017 \u2013 " + _BODY, "2017-06-14", "Hanoi", "Vietnam", "",
     "Viet Nam And Australia Hold Dialogue"),
    ("Republic of Turkey\nMinistry of Foreign Affairs\n\nHome > Press Releases\n\nNo: 163, 14 June 2018, Press "
     "Release Regarding the Terrorist Attack in Mogadishu\n\n" + _BODY, "2018-06-14", "", "Turkey", "",
     "No: 163, 14 June 2018, Press Release Regarding the Terrorist Attack in Mogadishu"),
    # IRNA's agency after a comma
    ("IRNA English\n\nApr 14, 2018, 3:42 PM\n\nIran And Afghanistan Discuss Water\n\nTehran, IRNA -- " + _BODY,
     "2018-04-14", "Tehran", "Iran", "IRNA", "Iran And Afghanistan Discuss Water"),
])
def test_copied_pages_emails_databases_and_numbers(text, date, place, country, agency, title):
    release = read_text(text, "r", "r.txt")
    assert (release.date, release.location, release.country, release.agency) == (date, place, country, agency)
    assert release.title == title


@pytest.mark.parametrize("text, kept", [
    # a table's columns two spaces apart under the first lines of wire copy (no bar of links)
    ("Exports of the following commodities\nbetween start of current seasons, in thousand tonnes --\n"
     "Wheat        21,044.6  20,398.3  19,725.8\nSoybeans     14,334.2  14,063.5  14,698.4\nReuter\n",
     ["Wheat", "21,044.6", "Soybeans", "14,698.4"]),
    ("The U.S. Agriculture Department\ndetailed rice data for Thailand, as follows in mln tonnes --\n"
     "1986/87            1985/86\n04/09/87  03/09/87  04/09/87  03/09/87\nStart Stcks  1.32   1.33\nReuter\n",
     ["1986/87", "04/09/87", "Start Stcks"]),
    ("Vessels loading and waiting at Gulf elevators.\nELEVATOR  LOADING  WAITING\nADM Growmark    1      2\n"
     "Jul/Aug  even          even\nReuter\n", ["ELEVATOR", "WAITING", "Growmark", "Jul/Aug"]),
    # a hard-wrapped line that is two words and a full stop is no letterhead's motto
    ("China's wheat crop this year is seriously\nthreatened by plant pests and diseases, the New China News\n"
     "Agency said.\nMore than 5 mln hectares of wheat-producing land could be affected.\n", ["Agency said."]),
])
def test_lines_of_text_and_tables_are_never_taken_for_a_header(text, kept):
    release = read_text(text, "r", "r.txt")
    for words in kept:
        assert words in f"{release.title}\n{release.body}"
