"""The language of a release: from what the file says, else from its script and its words.

Most of India's languages have a script of their own, which settles it. Three scripts are
shared: Devanagari (Hindi, Marathi, Nepali, Konkani), Bengali–Assamese (Bengali, Assamese,
Manipuri) and the Arabic script (Urdu, Persian, Arabic); there the letters only one language
uses and the commonest words of each (its function words) decide, and a PIB office named in the
release breaks a tie. A text that cannot be told is left without a language.
"""

from __future__ import annotations

import regex

from archive.scripts import LETTER, script_counts

#: Each language's own name for itself, by ISO 639 code.
NATIVE_NAMES = {
    "en": "English", "hi": "हिन्दी", "ur": "اردو", "mr": "मराठी", "ta": "தமிழ்", "te": "తెలుగు",
    "bn": "বাংলা", "as": "অসমীয়া", "mni": "মৈতৈলোন্", "gu": "ગુજરાતી", "kn": "ಕನ್ನಡ", "ml": "മലയാളം",
    "or": "ଓଡ଼ିଆ", "pa": "ਪੰਜਾਬੀ", "ne": "नेपाली", "kok": "कोंकणी", "fa": "فارسی", "ar": "العربية",
}
_BY_NATIVE_NAME = {name: code for code, name in NATIVE_NAMES.items()}
#: Right-to-left languages.
RIGHT_TO_LEFT = frozenset({"ur", "fa", "ar"})
#: English names and other codes people write for each language.
_NAMES = {
    "english": "en", "eng": "en", "hindi": "hi", "hin": "hi", "urdu": "ur", "urd": "ur", "marathi": "mr",
    "mar": "mr", "tamil": "ta", "tam": "ta", "telugu": "te", "tel": "te", "bengali": "bn", "bangla": "bn",
    "ben": "bn", "assamese": "as", "asm": "as", "manipuri": "mni", "meitei": "mni", "meetei": "mni",
    "gujarati": "gu", "guj": "gu", "kannada": "kn", "kan": "kn", "malayalam": "ml", "mal": "ml",
    "odia": "or", "oriya": "or", "ori": "or", "ory": "or", "punjabi": "pa", "panjabi": "pa", "pan": "pa",
    "nepali": "ne", "nep": "ne", "konkani": "kok", "persian": "fa", "farsi": "fa", "fas": "fa",
    "arabic": "ar", "ara": "ar",
}
#: Scripts that one language of the archive has to itself.
_SCRIPT_LANGUAGE = {"Gurmukhi": "pa", "Gujarati": "gu", "Odia": "or", "Tamil": "ta", "Telugu": "te",
                    "Kannada": "kn", "Malayalam": "ml"}
#: The commonest words of the languages that share a script, which the others hardly use.
_FUNCTION_WORDS = {
    "hi": {"है", "हैं", "और", "के", "की", "का", "में", "से", "को", "ने", "पर", "लिए", "किया", "कि", "भी", "यह",
           "गया", "था", "थे", "एवं", "तथा", "द्वारा", "साथ", "कहा"},
    "mr": {"आणि", "आहे", "आहेत", "या", "केले", "केली", "केला", "यांनी", "करण्यात", "करण्यासाठी", "तसेच", "असून",
           "असे", "हे", "ही", "त्यांनी", "म्हणाले", "मध्ये", "झाली", "होते", "व"},
    "ne": {"छ", "र", "मा", "गर्न", "भएको", "हुने", "गरेको", "पनि", "छन्", "थियो", "गरी", "तथा"},
    "bn": {"এবং", "ও", "জন্য", "হয়েছে", "থেকে", "করে", "করেছে", "করেন", "এই", "তিনি", "সঙ্গে", "মধ্যে", "একটি",
           "হবে", "করা", "যে"},
    "as": {"আৰু", "বাবে", "কৰা", "হৈছে", "কৰি", "কৰে", "কৰিছে", "পৰা", "লগতে", "তেওঁ", "সৈতে", "আছে", "থকা"},
    "mni": {"অমসুং", "অসি", "অমদি", "ওইবা", "ওইনা", "অসিগী", "মসিগী", "অসিদা", "মখোয়গী", "লৈবাক", "থবক",
            "অমা", "হায়খি", "তৌরি", "লৈ", "অদু", "মরী", "মতম", "মতমদা", "অমদা", "মশিং", "হৌজিক", "মখোয়না"},
    "ur": {"کے", "کی", "میں", "اور", "ہے", "سے", "کو", "نے", "کا", "پر", "ہیں", "لئے", "لیے", "کہ", "بھی", "یہ"},
    "fa": {"و", "در", "به", "از", "که", "این", "با", "را", "است", "برای", "می", "شده", "آن"},
    "ar": {"في", "من", "على", "إلى", "الى", "أن", "عن", "التي", "الذي", "مع", "هذا", "كان"},
}
_SHARED = {"Devanagari": ("hi", "mr", "ne"), "Bengali": ("bn", "as", "mni"), "Arabic": ("ur", "fa", "ar")}
#: PIB's regional offices, and the language each issues in besides English.
OFFICE_LANGUAGES = {"mumbai": "mr", "pune": "mr", "kolkata": "bn", "guwahati": "as", "imphal": "mni",
                    "delhi": "hi", "chennai": "ta", "hyderabad": "te", "vijayawada": "te", "bengaluru": "kn",
                    "ahmedabad": "gu", "chandigarh": "pa", "bhubaneshwar": "or", "bhubaneswar": "or",
                    "thiruvananthpuram": "ml", "panaji": "kok"}
_WORD = regex.compile(rf"{LETTER}+")
_ENGLISH = {"the", "and", "of", "to", "in", "is", "for", "on", "that", "with", "was", "by", "has", "are", "will"}
#: Word endings one language of a shared script uses much more than the others: Marathi's
#: genitive (`काँग्रेसच्या`), Manipuri's case endings (`ভারতকী`, `মনুংদা`).
_ENDINGS = {"mr": ("च्या", "ाचे", "ाची", "ाचा", "ांचे", "ांनी", "मध्ये"), "mni": ("গী", "কী", "দা", "তা")}
#: Letters that only one language of a shared script uses: Assamese ra; Urdu's retroflexes, noon
#: ghunna and yeh barree; Marathi's lla (rare in Hindi). Manipuri writes wa (`ৱ`), Bengali never does,
#: and Assamese does too, but with ra.
_OWN_LETTERS = {"as": "\u09f0", "ur": "\u0679\u0688\u0691\u06ba\u06d2", "mr": "\u0933"}
#: How much of a release is read to tell its language.
SAMPLE_CHARS = 4000


def canonical_language(value: str) -> str:
    """The ISO 639 code for a language as a file may name it (`Hindi`, `hin`, `हिन्दी`, `hi-IN`; any
    other two- or three-letter code as it is), or "" when it names none."""
    text = value.strip().lower().replace("_", "-")
    code = text.split("-")[0]
    if code in NATIVE_NAMES or regex.fullmatch(r"[a-z]{2,3}", code) and code not in _NAMES:
        return code
    return _NAMES.get(text) or _BY_NATIVE_NAME.get(value.strip(), "")


def detect_language(text: str, office: str = "") -> str:
    """The ISO 639 code of the language `text` is written in, or "" when it cannot be told.

    `office` is a PIB office (`Mumbai`) or anything naming one, used to break a tie.
    """
    sample = text[:SAMPLE_CHARS]
    counts = script_counts(sample)
    if not counts:
        return ""
    script = max(counts, key=counts.get)
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    if script == "Latin":
        words = [word.lower() for word in _WORD.findall(sample)]
        return "en" if words and sum(word in _ENGLISH for word in words) >= max(1, len(words) // 20) else ""
    candidates = _SHARED.get(script, ())
    words = [word.replace("\u200c", "").replace("\u200d", "") for word in _WORD.findall(sample)]
    scores = {code: sum(word in _FUNCTION_WORDS[code] or word.endswith(_ENDINGS.get(code, ("\0",)))
                        for word in words) for code in candidates}
    for code, letters in _OWN_LETTERS.items():
        if code in scores:
            scores[code] += 2 * sum(sample.count(letter) for letter in letters)
    if script == "Bengali" and "\u09f0" not in sample:
        scores["mni"] += 2 * sample.count("\u09f1")
    hinted = next((code for name, code in OFFICE_LANGUAGES.items() if name in office.lower()), "")
    if hinted in scores:
        scores[hinted] += 1
    best = max(scores.values(), default=0)
    leaders = [code for code in candidates if scores[code] == best]
    if best == 0:
        # No function word at all (a title, a list): the script's main language of the archive.
        return hinted if hinted in candidates else candidates[0] if candidates else ""
    return leaders[0] if len(leaders) == 1 else (hinted if hinted in leaders else leaders[0])
