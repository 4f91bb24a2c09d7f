"""India's languages, as tables of real examples: words, spellings, stems, languages, datelines and
ministries; then a Hindi release found by a Hindi query beside its English original."""

import pytest

from archive.dateline import parse_dateline
from archive.languages import canonical_language, detect_language
from archive.ministries import canonical_issuer, find_ministries
from archive.scripts import normalise_indic
from indexer.analysis import build_analyzer
from indexer.highlight import Marker

ANALYZER = build_analyzer()


def terms(text: str) -> list[str]:
    return [token.text for token in ANALYZER(text)]


@pytest.mark.parametrize("text, words", [
    # Vowel signs, viramas and nuktas stay inside words; the danda and Urdu's full stop end them.
    ("रक्षा मंत्रालय।", ["रक्ष", "मंत्रालय"]),
    ("किसानों की आय॥ दोगुनी", ["किसान", "आय", "दोगुन"]),
    ("ਕਿਸਾਨਾਂ ਲਈ", ["ਕਿਸਾਨ"]),
    ("ਖੇਤੀਬਾੜੀ ਮੰਤਰਾਲਾ", ["ਖੇਤੀਬਾੜ", "ਮੰਤਰਾਲ"]),
    ("حکومت نے کسانوں کے لئے۔ اعلان", ["حکومت", "کسان", "اعلان"]),
    ("প্ৰধানমন্ত্ৰী শ্ৰী নৰেন্দ্ৰ মোদী", ["প্ৰধানমন্ত্ৰী", "শ্ৰী", "নৰেন্দ্ৰ", "মোদী"]),
    ("அமைச்சகத்தின் அறிவிப்பு", ["அமைச்சகம்", "அறிவிப்பு"]),
    ("ప్రభుత్వం నిర్ణయం", ["ప్రభుత్వం", "నిర్ణయం"]),
    ("ಕೇಂದ್ರ ಸರ್ಕಾರ", ["ಕೇಂದ್ರ", "ಸರ್ಕಾರ"]),
    ("മന്ത്രാലയം അറിയിച്ചു", ["മന്ത്രാലയം", "അറിയിച്ചു"]),
    ("ମନ୍ତ୍ରଣାଳୟ ପକ୍ଷରୁ", ["ମନ୍ତ୍ରଣାଳୟ", "ପକ୍ଷରୁ"]),
    ("પ્રધાનમંત્રી મોદી", ["પ્રધાનમંત્રી", "મોદી"]),
    # A script no stemmer knows is still cut into words and searchable (Sinhala, Tibetan).
    ("ශ්‍රී ලංකාව", ["ශ්රී", "ලංකාව"]),
    # Mixed scripts in one sentence.
    ("Defence मंत्रालय and ਮੰਤਰੀ", ["defenc", "मंत्रालय", "ਮੰਤਰ"]),
    # English is analysed exactly as before.
    ("The Defence Secretary visited hospitals", ["defenc", "secretari", "visit", "hospit"]),
])
def test_words_and_stems(text, words):
    assert terms(text) == [normalise_indic(word) for word in words]


@pytest.mark.parametrize("one, other", [
    ("वित्\u200dत", "वित्त"),            # PIB's zero-width joiner after a virama
    ("नरेन्\u200dद्र", "नरेंद्र"),        # and a nasal conjunct written as an anusvara
    ("हिन्दी", "हिंदी"),
    ("फ़ाइल", "फाइल"),                    # nukta kept or left out
    ("क़ानून", "क\u093cानून"),             # precomposed or decomposed
    ("पाँच", "पांच"),                      # chandrabindu / anusvara
    ("كتاب", "کتاب"),                     # Arabic and Urdu kaf
    ("علي", "علی"),                       # Arabic and Urdu yeh
    ("२०२०", "2020"), ("২০২০", "2020"), ("۲۰۲۰", "2020"), ("౨౦౨౦", "2020"),
    ("ന്യൂഡല്\u200dഹി", "ന്യൂഡൽഹി"),      # Malayalam chillu, old and atomic
    ("ਮਿੱਤਰ", "ਮਿਤਰ"),                    # Gurmukhi addak
])
def test_one_spelling(one, other):
    assert normalise_indic(one) == normalise_indic(other)
    assert terms(one) == terms(other)


@pytest.mark.parametrize("query, inflected", [
    ("किसान", "किसानों"), ("योजना", "योजनाओं"), ("राज्य", "राज्यों"), ("सरकार", "सरकारी"),
    ("لڑکا", "لڑکوں"), ("کسان", "کسانوں"), ("ریاست", "ریاستوں"),
    ("ਕਿਸਾਨ", "ਕਿਸਾਨਾਂ"), ("ਰਾਜ", "ਰਾਜਾਂ"),
    ("அமைச்சகம்", "அமைச்சகத்தின்"), ("பிரதமர்", "பிரதமரின்"),
])
def test_inflected_forms_share_a_stem(query, inflected):
    assert terms(query) == terms(inflected)


@pytest.mark.parametrize("text, office, language", [
    ("प्रधानमंत्री श्री नरेन्द्र मोदी ने सावित्रीबाई फुले की जयंती पर उन्हें श्रद्धांजलि अर्पित की है।", "", "hi"),
    ("नवी दिल्ली, 3 जानेवारी 2020 महाराष्ट्र विधान परिषदेची एक जागा रिक्त आहे. याचे तपशील पुढीलप्रमाणे", "", "mr"),
    ("وزیر اعظم جناب نریندر مودی نے ساوتری بائی پھولے کو ، ان کی جینتی پر خراج عقیدت پیش کیا ہے۔", "", "ur"),
    ("প্রধানমন্ত্রী শ্রী নরেন্দ্র মোদী সাবিত্রীবাই ফুলের জন্মদিনে তাকে শ্রদ্ধা জানান।", "", "bn"),
    ("প্ৰধানমন্ত্ৰী শ্ৰী নৰেন্দ্ৰ মোদীয়ে সাবিত্ৰীবাই ফুলেৰ জয়ন্তী তেওঁলৈ শ্ৰদ্ধাঞ্জলি জ্ঞাপন কৰিছে৷", "", "as"),
    ("কোবিদ-১৯ ঙাকথোক্নবা য়ুমদা শেম্বা মাস্ককী মেনুএলগী পি.দি.এফ. য়েংননবা মসিদা ক্লিক তৌবীয়ু", "", "mni"),
    ("ਪ੍ਰਧਾਨ ਮੰਤਰੀ ਨੇ ਕਿਹਾ", "", "pa"), ("પ્રધાનમંત્રી એ કહ્યું", "", "gu"), ("ପ୍ରଧାନମନ୍ତ୍ରୀ କହିଛନ୍ତି", "", "or"),
    ("பிரதமர் கூறினார்", "", "ta"), ("ప్రధానమంత్రి అన్నారు", "", "te"), ("ಪ್ರಧಾನಮಂತ್ರಿ ಹೇಳಿದರು", "", "kn"),
    ("പ്രധാനമന്ത്രി പറഞ്ഞു", "", "ml"),
    ("The Prime Minister said on Friday that the scheme will help farmers.", "", "en"),
    # A title alone has no function words: the PIB office decides within the script.
    ("107 व्या भारतीय विज्ञान काँग्रेसच्या उद्घाटनप्रसंगी पंतप्रधानांचे भाषण", "PIB Mumbai", "mr"),
    # Nothing to tell by: no language rather than a guess.
    ("2020 — 2021 — 12.5%", "", ""), ("", "", ""), ("Zxqv wrtp", "", ""),
])
def test_language_is_detected(text, office, language):
    assert detect_language(text, office) == language


@pytest.mark.parametrize("written, code", [
    ("hi", "hi"), ("Hindi", "hi"), ("hin", "hi"), ("hi-IN", "hi"), ("हिन्दी", "hi"), ("Urdu", "ur"),
    ("Oriya", "or"), ("Manipuri", "mni"), ("fr", "fr"), ("Klingon", ""), ("", ""),
])
def test_language_as_files_name_it(written, code):
    assert canonical_language(written) == code


@pytest.mark.parametrize("text, place, date, agency", [
    ("नई दिल्ली, 14 अक्टूबर (आईएएनएस)। प्रधानमंत्री ने कहा", "New Delhi", (10, 14, None), "IANS"),
    ("नवी दिल्ली, 4 एप्रिल 2020\nमित्रांनो", "New Delhi", (4, 4, 2020), ""),
    ("نئی دہلی، 4 اپریل 2020 ۔وزیر اعظم", "New Delhi", (4, 4, 2020), ""),
    ("نئی دہلی، 3جنوری 2020/دوستو", "New Delhi", (1, 3, 2020), ""),
    ("নতুন দিল্লি, ৩ মে, ২০২০\nবন্ধুগণ", "New Delhi", (5, 3, 2020), ""),
    ("নয়াদিল্লি, ০৩ জানুয়ারি, ২০২০\n", "New Delhi", (1, 3, 2020), ""),
    ("નવી દિલ્હી, 03 જાન્યુઆરી, 2020\nમિત્રો", "New Delhi", (1, 3, 2020), ""),
    ("ന്യൂഡല്\u200dഹി; 2020 ഏപ്രില്\u200d 04\nകോവിഡ്", "New Delhi", (4, 4, 2020), ""),
    ("पुणे, 3 मे 2020 कोविड-19 चा प्रसार", None, None, None),  # no punctuation after the date: a sentence
    ("मुंबई, 5 मार्च (भाषा) महाराष्ट्र", "Mumbai", (3, 5, None), "PTI"),
    ("ಬೆಂಗಳೂರು, ಏಪ್ರಿಲ್ 4, 2020\nಕೋವಿಡ್", "Bengaluru", (4, 4, 2020), ""),
    ("புதுதில்லி, 2020 ஏப்ரல் 4ஆம் தேதி\nகோவிட்", "New Delhi", (4, 4, 2020), ""),
    ("சென்னை, ஏப்ரல் 4, 2020\nகோவிட்", "Chennai", (4, 4, 2020), ""),
    ("న్యూఢిల్లీ, ఏప్రిల్ 4వ తేదీ, 2020\nకోవిడ్", "New Delhi", (4, 4, 2020), ""),
    ("प्रधानमंत्री ने 5 अप्रैल को कहा", None, None, None),
])
def test_datelines_in_indian_languages(text, place, date, agency):
    dateline = parse_dateline(text)
    if place is None:
        assert dateline.month is None and dateline.rest == text
        return
    assert (dateline.location, dateline.country, dateline.agency) == (place, "India", agency)
    assert (dateline.month, dateline.day, dateline.year) == date


@pytest.mark.parametrize("line, canonical", [
    ("रक्षा मंत्रालय", "Ministry of Defence"),
    ("वित्\u200dत मंत्रालय", "Ministry of Finance"),
    ("स्\u200dवास्\u200dथ्\u200dय एवं परिवार कल्\u200dयाण मंत्रालय", "Ministry of Health and Family Welfare"),
    ("युवा कार्यक्रम और खेल मंत्रालय", "Ministry of Youth Affairs and Sports"),
    ("मानव संसाधन विकास मंत्रालय", "Ministry of Education"),             # PIB's name before 2020
    ("प्रधानमंत्री कार्यालय", "Prime Minister's Office"),
    ("मंत्रिमण्\u200dडल", "Cabinet"),
    ("अन्य", "PIB Headquarters"),                                         # PIB's Hindi label for its HQ
    ("कोई अज्ञात बोर्ड", "कोई अज्ञात बोर्ड"),                              # unknown: as written
])
def test_hindi_ministry_lines(line, canonical):
    assert canonical_issuer(line) == canonical


def test_ministries_mentioned_in_hindi_text():
    text = "रक्षा मंत्री श्री राजनाथ सिंह ने वित्त मंत्रालय के साथ बैठक की। श्रीलंका के विदेश मंत्री भी आए।"
    # A foreign government's minister is not India's Ministry of External Affairs.
    assert find_ministries(text) == ["Ministry of Defence", "Ministry of Finance"]


def test_hindi_words_are_marked_whole():
    marker = Marker("रक्षा किसान")
    assert marker.mark_html("रक्षा मंत्रालय ने किसानों के लिए") == (
        "<mark>रक्षा</mark> मंत्रालय ने <mark>किसानों</mark> के लिए")
