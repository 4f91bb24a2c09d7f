"""Datelines in India's languages, as agencies and PIB's translations open their releases:

    नई दिल्ली, 14 अक्टूबर (आईएएनएस)।        नवी दिल्ली, 4 एप्रिल 2020
    نئی دہلی، 4 اپریل 2020                    নতুন দিল্লি, ৩ মে, ২০২০
    ന്യൂഡല്‍ഹി; 2020 ഏപ്രില്‍ 04

The place is given its gazetteer's English name (GeoNames' names of cities in Indian scripts, and
PIB's own spellings of New Delhi in each language); month names are read in every language, in
any of their usual spellings (compared by their consonants, so `जनवरी`/`जानेवारी` differ but
`জানুয়ারি`/`জানুয়ারী` do not); digits in any script.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from archive.places import cities_by_local_name
from archive.scripts import ascii_digits, normalise_indic

#: Month names, January to December, per language (spelling variants after a slash).
MONTHS = {
    "hi": "जनवरी फ़रवरी/फरवरी मार्च अप्रैल/अप्रेल मई जून जुलाई अगस्त सितंबर/सितम्बर अक्टूबर/अक्तूबर नवंबर/नवम्बर "
          "दिसंबर/दिसम्बर",
    "mr": "जानेवारी फेब्रुवारी मार्च एप्रिल मे जून जुलै ऑगस्ट सप्टेंबर ऑक्टोबर नोव्हेंबर डिसेंबर",
    "ur": "جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر",
    "bn": "জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট/অগাস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর",
    "as": "জানুৱাৰী ফেব্ৰুৱাৰী মাৰ্চ এপ্ৰিল মে' জুন জুলাই আগষ্ট ছেপ্টেম্বৰ অক্টোবৰ নৱেম্বৰ ডিচেম্বৰ",
    "mni": "জানুৱারি ফেব্রুৱারি মার্চ এপ্রিল মে জুন জুলাই ওগস্ট সেপ্তেম্বর ওক্তোবর নোভেম্বর দিসেম্বর",
    "pa": "ਜਨਵਰੀ ਫ਼ਰਵਰੀ/ਫਰਵਰੀ ਮਾਰਚ ਅਪ੍ਰੈਲ ਮਈ ਜੂਨ ਜੁਲਾਈ ਅਗਸਤ ਸਤੰਬਰ ਅਕਤੂਬਰ ਨਵੰਬਰ ਦਸੰਬਰ",
    "gu": "જાન્યુઆરી ફેબ્રુઆરી માર્ચ એપ્રિલ મે જૂન જુલાઈ ઓગસ્ટ સપ્ટેમ્બર ઓક્ટોબર નવેમ્બર ડિસેમ્બર",
    "or": "ଜାନୁଆରୀ ଫେବୃଆରୀ/ଫେବ୍ରୁଆରୀ ମାର୍ଚ୍ଚ ଏପ୍ରିଲ ମେ ଜୁନ ଜୁଲାଇ ଅଗଷ୍ଟ ସେପ୍ଟେମ୍ବର ଅକ୍ଟୋବର ନଭେମ୍ବର ଡିସେମ୍ବର",
    "ta": "ஜனவரி பிப்ரவரி மார்ச் ஏப்ரல் மே ஜூன் ஜூலை ஆகஸ்ட் செப்டம்பர் அக்டோபர் நவம்பர் டிசம்பர்",
    "te": "జనవరి ఫిబ్రవరి మార్చి/మార్చ్ ఏప్రిల్ మే జూన్ జూలై/జులై ఆగస్టు/ఆగస్ట్ సెప్టెంబర్/సెప్టెంబరు "
          "అక్టోబర్/అక్టోబరు నవంబర్/నవంబరు డిసెంబర్/డిసెంబరు",
    "kn": "ಜನವರಿ ಫೆಬ್ರವರಿ ಮಾರ್ಚ್ ಏಪ್ರಿಲ್ ಮೇ ಜೂನ್ ಜುಲೈ ಆಗಸ್ಟ್ ಸೆಪ್ಟೆಂಬರ್ ಅಕ್ಟೋಬರ್ ನವೆಂಬರ್ ಡಿಸೆಂಬರ್",
    "ml": "ജനുവരി ഫെബ്രുവരി മാർച്ച്/മാര്‍ച്ച് ഏപ്രിൽ/ഏപ്രില്‍ മേയ്/മെയ് ജൂൺ/ജൂണ്‍ ജൂലൈ ഓഗസ്റ്റ്/ആഗസ്റ്റ് "
          "സെപ്റ്റംബർ/സെപ്റ്റംബര്‍ ഒക്ടോബർ/ഒക്ടോബര്‍ നവംബർ/നവംബര്‍ ഡിസംബർ/ഡിസംബര്‍",
}
#: PIB's and the agencies' spellings of New Delhi and Delhi, which the gazetteer lacks.
OWN_PLACES = {
    "New Delhi": ("नई दिल्ली", "नयी दिल्ली", "नवी दिल्ली", "نئی دہلی", "নতুন দিল্লি", "নয়াদিল্লি", "নয়া দিল্লি",
                  "নতুন দিল্লী", "নৱ দিল্লী", "নুবা দিল্লী", "ਨਵੀਂ ਦਿੱਲੀ", "નવી દિલ્હી", "ନୂଆଦିଲ୍ଲୀ", "புதுதில்லி",
                  "புது தில்லி", "புதுடெல்லி", "న్యూఢిల్లీ", "న్యూ ఢిల్లీ", "ನವದೆಹಲಿ", "ನವ ದೆಹಲಿ", "ന്യൂഡൽഹി",
                  "ന്യൂ ഡൽഹി"),
    "Delhi": ("दिल्ली", "دہلی", "দিল্লি", "দিল্লী", "ਦਿੱਲੀ", "દિલ્હી", "ଦିଲ୍ଲୀ", "தில்லி", "டெல்லி", "ఢిల్లీ", "ದೆಹಲಿ",
              "ഡൽഹി"),
}
_SHORTEST_SKELETON = 3
#: Agencies as Indian-language copy credits them.
AGENCIES = {"आईएएनएस": "IANS", "पीटीआई": "PTI", "भाषा": "PTI", "वार्ता": "UNI", "यूएनआई": "UNI", "एएनआई": "ANI",
            "آئی اے این ایس": "IANS", "پی ٹی آئی": "PTI", "یو این آئی": "UNI", "اے این آئی": "ANI"}

_L = r"[\p{L}\p{M}\u200c\u200d]"
_WORD = rf"\p{{L}}{_L}*"


def _month(name: str) -> str:
    return rf"(?P<{name}>{_WORD}['’]?)"


def _day(name: str) -> str:
    # Tamil writes the day as an ordinal, `4ஆம் தேதி` ("the 4th date"); Telugu `4వ తేదీ`.
    return rf"(?P<{name}>\d{{1,2}})(?!\d)(?:-?(?:ஆம்|வது|వ)\s*(?:தேதி|తేదీ)?)?"


def _year(name: str) -> str:
    return rf"(?P<{name}>(?:19|20)\d\d)(?!\d)"


_DATELINE = regex.compile(
    rf"^\s*(?P<place>{_WORD}(?:[ \u00a0]+{_WORD}){{0,2}}?)\s*[,،;:]?\s*"
    rf"(?:{_day('day')}[\s,،؍/.\-]*{_month('month')}(?:[\s,،]*{_year('year')})?"
    rf"|{_month('month_first')}\s*{_day('day_after')}(?:[\s,،]*{_year('year_after')})?"
    rf"|{_year('year_first')}[\s,،]*{_month('month_last')}\s*{_day('day_last')})"
    # After an agency's credit the text may go straight on; otherwise punctuation or a line end.
    r"(?:\s*[(（](?P<agency>[^()（）\n]{1,30})[)）]\s*[।॥۔/:\-–—.,،;]?|\s*(?:[।॥۔/:\-–—.,،;]|\n|$))"
)


def skeleton(word: str) -> str:
    """The letters of a word without vowel signs, marks or spaces, in one spelling."""
    normal = unicodedata.normalize("NFD", normalise_indic(word))
    return "".join(ch for ch in normal if ch.isalpha() and not unicodedata.category(ch).startswith("M"))


@lru_cache(maxsize=1)
def _months() -> tuple[dict[str, int], dict[str, int]]:
    """(spelling -> month, consonants -> month); names of one or two consonants (`मे`, `मई`) are
    taken only as spelt, for words like `में` ("in") share their consonants."""
    spelt: dict[str, int] = {}
    by_consonants: dict[str, int] = {}
    for names in MONTHS.values():
        for number, spellings in enumerate(names.split(), start=1):
            for spelling in spellings.split("/"):
                spelt.setdefault(normalise_indic(spelling), number)
                if len(skeleton(spelling)) >= _SHORTEST_SKELETON:
                    by_consonants.setdefault(skeleton(spelling), number)
    return spelt, by_consonants


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, str]]:
    """Skeleton of a local name -> (English name, country)."""
    places = {skeleton(local): entry for local, entry in cities_by_local_name().items()}
    for english, spellings in OWN_PLACES.items():
        places.update({skeleton(spelling): (english, "India") for spelling in spellings})
    return places


@lru_cache(maxsize=1)
def _agencies() -> dict[str, str]:
    return {normalise_indic(written): name for written, name in AGENCIES.items()}


def month_of(word: str) -> int | None:
    """The number of the month `word` names in any Indian language, or None."""
    spelt, by_consonants = _months()
    word = normalise_indic(word.rstrip("'’"))
    if word in spelt:
        return spelt[word]
    consonants = skeleton(word)
    return by_consonants.get(consonants) if len(consonants) >= _SHORTEST_SKELETON else None


def indian_place(written: str) -> tuple[str, str] | None:
    """(English name, country) of a place written in an Indian script, or None when unknown."""
    return _places().get(skeleton(written))


def parse_indic_dateline(text: str):
    """(place, country, agency, month, day, year, where the text goes on), or None when `text` does
    not open with a dateline in an Indian language."""
    match = _DATELINE.match(ascii_digits(text[:300]))
    if match is None:
        return None
    month = month_of(match["month"] or match["month_first"] or match["month_last"])
    if month is None:
        return None
    day = int(match["day"] or match["day_after"] or match["day_last"])
    year_text = match["year"] or match["year_after"] or match["year_first"]
    credit = " ".join((match["agency"] or "").split())
    agency = _agencies().get(normalise_indic(credit), credit if credit.isascii() else None)
    if agency is None:
        return None  # words in brackets that are no agency: not a dateline
    place = indian_place(match["place"])
    if place is None and not (year_text or agency):
        return None  # an unknown place needs a full date or an agency to count as a dateline
    english, country = place or (" ".join(match["place"].split()), "")
    if not 1 <= day <= 31:
        return None
    return english, country, agency.strip(), month, day, int(year_text) if year_text else None, match.end()
