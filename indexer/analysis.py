"""How text becomes index terms, the same for releases and queries, in every script.

    words -> lower case -> one spelling (archive.scripts) -> stop words out -> stems

A word is a run of letters, digits and the marks that belong to them (vowel signs, viramas,
nuktas, zero-width joiners), so that Indic words stay whole; the danda and Urdu's full stop
end words. English words are tokenised, stopped and Porter-stemmed exactly as Whoosh's
StemmingAnalyzer does. Devanagari words get Snowball's Hindi stemmer (the light stemmer of
Lucene's `hindi` analyzer), Tamil words Snowball's Tamil stemmer, Urdu and Punjabi words a
light stemmer of their plural and oblique endings below; other scripts are normalised only.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import regex
import snowballstemmer
from whoosh.analysis import (STOP_WORDS, Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter, Token,
                             Tokenizer)
from whoosh.lang.porter import stem as porter_stem

from archive.scripts import SCRIPT_RANGES, main_script, normalise_indic

# Whoosh's default word pattern, `[\w\*]+(\.?[\w\*]+)*`, keeps asterisks inside words.
# A mark belongs to the letter before it: a word starts with a letter, a number, `_` or `*`.
_WORD_CHAR = r"[\p{L}\p{N}_*\p{M}\u200c\u200d]"
#: A word, as the index cuts text into words (Whoosh's default, with marks inside words).
WORD = regex.compile(rf"[\p{{L}}\p{{N}}_*]{_WORD_CHAR}*(?:\.?{_WORD_CHAR}+)*")
#: The commonest function words of each Indian language, left out as English stop words are.
INDIC_STOP_WORDS = {
    "hi": "के की का है हैं और में से को ने पर लिए किया कि एक इस यह वह भी गया गई था थे थी एवं तथा द्वारा साथ कर "
          "हो हुए जा रहा रही रहे उन उनके इन अपने किसी कुछ जो तो ही या",
    "mr": "आणि आहे आहेत या व हे ही ते केले केली केला यांनी तसेच असून असे त्यांनी मध्ये साठी होते होती",
    "ur": "کے کی کا ہے ہیں اور میں سے کو نے پر لئے لیے کیا کہ ایک اس یہ وہ بھی گیا گئی تھا تھے تھی ساتھ جو",
    "pa": "ਦੇ ਦੀ ਦਾ ਹੈ ਹਨ ਅਤੇ ਵਿੱਚ ਨੂੰ ਨੇ ਤੋਂ ਲਈ ਤੇ ਨਾਲ ਇਸ ਇਹ ਕਿ ਵੀ ਇੱਕ ਕੀਤਾ ਕੀਤੀ ਦੀਆਂ ਜੋ ਹੋ",
    "bn": "এই এবং ও জন্য থেকে করে করা হয়েছে এর যে তিনি সঙ্গে মধ্যে একটি হবে",
    "as": "আৰু বাবে কৰা এই হৈছে কৰি কৰে পৰা লগতে যে সৈতে তথা",
    "gu": "છે અને માટે આ કરી કે પર દ્વારા પણ સાથે હતી એક જે તે",
    "ta": "மற்றும் இந்த என்று ஒரு உள்ள மூலம் என்ற",
    "te": "ఈ మరియు కోసం ద్వారా కూడా ఒక నుంచి నుండి",
    "kn": "ಮತ್ತು ಈ ಎಂದು ಮೂಲಕ ಅಥವಾ ಇದು",
    "ml": "ഈ എന്ന ഇത് എല്ലാ",
    "or": "ଓ ଏବଂ ଏହି ପାଇଁ ଏକ ସହ ଏହା ତଥା",
}
STOP_LIST = frozenset(STOP_WORDS) | frozenset(
    normalise_indic(word) for words in INDIC_STOP_WORDS.values() for word in words.split())
#: Endings stripped by the light stemmers (longest first), and the letters a stem keeps at least.
_ENDINGS = {
    "Arabic": ("یوں", "وں", "یں", "ے", "ی", "ا"),
    "Gurmukhi": ("ੀਆਂ", "ਿਆਂ", "ੀਆ", "ਿਆ", "ਾਂ", "ੋਂ", "ੀਂ", "ੇ", "ਾ", "ੀ"),
}
_SHORTEST_STEM = 2
_SNOWBALL = {"Devanagari": "hindi", "Tamil": "tamil"}
_stemmers = threading.local()


def stem_word(word: str) -> str:
    """The stem of one lower-cased, normalised word, by its script."""
    script = "" if word.isascii() else main_script(word)
    if script not in SCRIPT_RANGES:
        return porter_stem(word)  # as Whoosh's StemmingAnalyzer stems every word
    if script in _SNOWBALL:
        return _snowball(_SNOWBALL[script]).stemWord(word)
    for ending in _ENDINGS.get(script, ()):
        if word.endswith(ending) and len(word) - len(ending) >= _SHORTEST_STEM:
            return word[:-len(ending)]
    return word


def _snowball(language: str):
    # Snowball's stemmers keep state while they work: one per thread.
    stemmers = _stemmers.__dict__
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(language)
    return stemmers[language]


class NormaliseFilter(Filter):
    """Gives each word of an Indian script or Urdu one spelling (archive.scripts.normalise_indic)."""

    def __eq__(self, other) -> bool:
        return type(other) is type(self)

    def __call__(self, tokens):
        for token in tokens:
            if not token.text.isascii():
                token.text = normalise_indic(token.text)
            yield token


def _words_analyzer():
    return RegexTokenizer(expression=WORD) | LowercaseFilter() | NormaliseFilter() | StopFilter(stoplist=STOP_LIST,
                                                                                                minsize=2)


# The words of the text last analysed: (the text, [(word, position)]), whichever field asked.
_last_words: tuple[str | None, list[tuple[str, int]]] = (None, [])


class IndexedWords(Tokenizer):
    """A text's words, lower-cased, in one spelling, stop words out, with their positions: worked out
    once for a text however many fields index it (the text, its unstemmed spelling, its pairs)."""

    def __init__(self) -> None:
        self._words = _words_analyzer()

    def __eq__(self, other) -> bool:
        return type(other) is type(self)

    def __getstate__(self) -> dict:
        return {}

    def __setstate__(self, state: dict) -> None:
        self.__init__()

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs):
        if chars or keeporiginal or not removestops or start_pos or not tokenize:
            yield from self._words(value, positions=positions, chars=chars, keeporiginal=keeporiginal,
                                   removestops=removestops, start_pos=start_pos, start_char=start_char,
                                   tokenize=tokenize, mode=mode, **kwargs)
            return
        global _last_words
        last, words = _last_words
        if value is not last and value != last:
            words = [(token.text, token.pos) for token in self._words(value, positions=True, mode=mode)]
            _last_words = (value, words)
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.boost, token.stopped = 1.0, False
        for token.text, position in words:
            if positions:
                token.pos = position
            yield token


def build_analyzer():
    """The analyzer of the text fields, for releases and queries alike."""
    return IndexedWords() | StemFilter(stemfn=stem_word, cachesize=50000)


@lru_cache(maxsize=50000)
def word_stems(word: str) -> frozenset[str]:
    """The stems the analyzer makes of `word` (none for a stop word)."""
    return frozenset(token.text for token in _shared_analyzer()(word))


@lru_cache(maxsize=1)
def _shared_analyzer():
    return build_analyzer()
