"""German through :func:`~narrate.text.normalize.normalize_for_speech` with ``language="de"``: realistic
fragments of news and the words a German newsreader says for them, one kind of token per group."""

from __future__ import annotations

import pytest

from narrate.text.normalize import normalize_for_speech

CASES = [
    # numbers: thousands with a period, decimals with a comma, "ein" and "eine"
    (
        "Rund 1.500 Menschen demonstrierten, 3.500 waren angemeldet.",
        "Rund tausendfünfhundert Menschen demonstrierten, dreitausendfünfhundert waren angemeldet.",
    ),
    ("Die Stadt hat 3,7 Millionen Einwohner.", "Die Stadt hat drei Komma sieben Millionen Einwohner."),
    ("Mehr als 200 Menschen wurden evakuiert.", "Mehr als zweihundert Menschen wurden evakuiert."),
    ("Sie ist 21 Jahre alt, er 1 Jahr.", "Sie ist einundzwanzig Jahre alt, er ein Jahr."),
    ("Nur 1 Person und 1 Stimme fehlten.", "Nur eine Person und eine Stimme fehlten."),
    ("Das kostet 1 Million Euro.", "Das kostet eine Million Euro."),
    ("Der Konzern meldet 2 Mio. Euro Gewinn.", "Der Konzern meldet zwei Millionen Euro Gewinn."),
    ("Die Temperatur fiel auf -3 Grad.", "Die Temperatur fiel auf minus drei Grad."),
    # percents
    ("Die Inflation lag im Februar bei 2,5 Prozent.", "Die Inflation lag im Februar bei zwei Komma fünf Prozent."),
    ("Die Arbeitslosenquote sank auf 5,7 %.", "Die Arbeitslosenquote sank auf fünf Komma sieben Prozent."),
    ("Eine Steigerung um 10–20 % wird erwartet.", "Eine Steigerung um zehn bis zwanzig Prozent wird erwartet."),
    ("Die Quote stieg um 1 %.", "Die Quote stieg um ein Prozent."),
    # money
    ("Ein Liter Milch kostet 1,19 €.", "Ein Liter Milch kostet ein Euro neunzehn."),
    (
        "Das Ticket kostet 49 Euro, die Fahrt 12,50 €.",
        "Das Ticket kostet neunundvierzig Euro, die Fahrt zwölf Euro fünfzig.",
    ),
    ("Der Umsatz lag bei 3,5 Mrd. €.", "Der Umsatz lag bei drei Komma fünf Milliarden Euro."),
    (
        "Die Aktie schloss bei 82 $ und 120 CHF.",
        "Die Aktie schloss bei zweiundachtzig Dollar und hundertzwanzig Franken.",
    ),
    # dates, with ordinals inflected as the words before them say
    (
        "Die Regierung beschloss am 12. März 2024 ein Paket.",
        "Die Regierung beschloss am zwölften März zweitausendvierundzwanzig ein Paket.",
    ),
    (
        "Berlin, 3. Oktober 2024. Der Tag der Deutschen Einheit.",
        "Berlin, dritter Oktober zweitausendvierundzwanzig. Der Tag der Deutschen Einheit.",
    ),
    ("Der 9. November 1989 veränderte alles.", "Der neunte November neunzehnhundertneunundachtzig veränderte alles."),
    ("Vom 1. bis 3. Juli findet das Fest statt.", "Vom ersten bis dritten Juli findet das Fest statt."),
    ("Seit dem 1. Januar gilt das Gesetz.", "Seit dem ersten Januar gilt das Gesetz."),
    ("Bis zum 15. Mai müssen die Anträge vorliegen.", "Bis zum fünfzehnten Mai müssen die Anträge vorliegen."),
    ("Die Frist endet am 30.06.2024.", "Die Frist endet am dreißigsten Juni zweitausendvierundzwanzig."),
    ("Er kam am 12.03. zurück.", "Er kam am zwölften März zurück."),
    # ordinals
    (
        "Der FC spielt in der 3. Liga, die Reserve in der 5. Liga.",
        "Der FC spielt in der dritten Liga, die Reserve in der fünften Liga.",
    ),
    ("Im 21. Jahrhundert ist vieles anders.", "Im einundzwanzigsten Jahrhundert ist vieles anders."),
    ("Er wurde zum 5. Mal Weltmeister.", "Er wurde zum fünften Mal Weltmeister."),
    ("Sie belegte den 2. Platz.", "Sie belegte den zweiten Platz."),
    ("Die Zahl stieg auf 12. Rettungskräfte suchen weiter.", "Die Zahl stieg auf zwölf. Rettungskräfte suchen weiter."),
    # years and decades
    (
        "Im Jahr 1990 wurde Deutschland wiedervereinigt.",
        "Im Jahr neunzehnhundertneunzig wurde Deutschland wiedervereinigt.",
    ),
    ("Die Mauer fiel 1989.", "Die Mauer fiel neunzehnhundertneunundachtzig."),
    ("Es kamen 1500 Menschen.", "Es kamen tausendfünfhundert Menschen."),
    ("In den 1990er-Jahren boomte die Wirtschaft.", "In den neunzehnhundertneunziger-Jahren boomte die Wirtschaft."),
    ("Die 80er Jahre waren bunt.", "Die achtziger Jahre waren bunt."),
    # times
    ("Die Sitzung beginnt um 14.30 Uhr.", "Die Sitzung beginnt um vierzehn Uhr dreißig."),
    ("Der Zug fährt um 9:05 Uhr ab.", "Der Zug fährt um neun Uhr fünf ab."),
    ("Um 20 Uhr beginnt die Tagesschau.", "Um zwanzig Uhr beginnt die Tagesschau."),
    ("Es ist 1 Uhr nachts.", "Es ist ein Uhr nachts."),
    ("Er lief den Marathon in 2:01:09.", "Er lief den Marathon in zwei Stunden, eine Minute und neun Sekunden."),
    # Roman numerals
    ("Ludwig XIV. regierte lange.", "Ludwig der Vierzehnte regierte lange."),
    (
        "Das Schloss stammt aus der Zeit unter Ludwig XIV. und wurde umgebaut.",
        "Das Schloss stammt aus der Zeit unter Ludwig dem Vierzehnten und wurde umgebaut.",
    ),
    # ranges and scores
    ("Zwischen 2010-2015 stieg die Zahl.", "Zwischen zweitausendzehn und zweitausendfünfzehn stieg die Zahl."),
    ("Im Zeitraum 2008–2014 gab es Krisen.", "Im Zeitraum zweitausendacht bis zweitausendvierzehn gab es Krisen."),
    ("Bayern gewann 3:1 gegen Dortmund.", "Bayern gewann drei zu eins gegen Dortmund."),
    # units
    ("Er lief 42,195 km.", "Er lief zweiundvierzig Komma eins neun fünf Kilometer."),
    ("Es war 35 °C heiß, nachts -3 °C.", "Es war fünfunddreißig Grad Celsius heiß, nachts minus drei Grad Celsius."),
    ("Die Wohnung hat 80 m².", "Die Wohnung hat achtzig Quadratmeter."),
    ("Er fuhr 180 km/h.", "Er fuhr hundertachtzig Kilometer pro Stunde."),
    ("Das Paket wiegt 2,5 kg.", "Das Paket wiegt zwei Komma fünf Kilogramm."),
    # abbreviations
    ("Z. B. in Berlin, d. h. in der Hauptstadt.", "Zum Beispiel in Berlin, das heißt in der Hauptstadt."),
    ("Dr. Müller und Prof. Schmidt sprachen.", "Doktor Müller und Professor Schmidt sprachen."),
    (
        "Das Treffen fand u. a. in Bonn statt, bzw. in Köln usw. Danach ging es weiter.",
        "Das Treffen fand unter anderem in Bonn statt, beziehungsweise in Köln und so weiter. Danach ging es weiter.",
    ),
    ("Nr. 5 und S. 12 des Berichts.", "Nummer fünf und Seite zwölf des Berichts."),
    ("Siehe Art. 5 Abs. 3 GG.", "Siehe Artikel fünf Absatz drei Grundgesetz."),
    # phone numbers, web addresses, codes
    (
        "Rufen Sie an unter Tel. 030 12345678.",
        "Rufen Sie an unter Telefon null drei null, eins zwei drei vier fünf sechs sieben acht.",
    ),
    ("Oder unter +49 30 1234567.", "Oder unter plus neunundvierzig, drei null, eins zwei drei vier fünf sechs sieben."),
    (
        "Besuchen Sie www.beispiel.de oder schreiben Sie an info@beispiel.de.",
        "Besuchen Sie beispiel Punkt de oder schreiben Sie an info at beispiel Punkt de.",
    ),
    (
        "Die COVID-19-Pandemie traf alle; die G7 trafen sich.",
        "Die COVID-neunzehn-Pandemie traf alle; die G sieben trafen sich.",
    ),
    ("Das ist eine 5-jährige Studie.", "Das ist eine fünfjährige Studie."),
    # whole sentences of news
    (
        "Der Konzern erzielte 1,2 Milliarden Euro Umsatz, ein Plus von 3,5 Prozent.",
        "Der Konzern erzielte eins Komma zwei Milliarden Euro Umsatz, ein Plus von drei Komma fünf Prozent.",
    ),
    (
        "Die Wahl findet am Sonntag, 23. Februar 2025, statt.",
        "Die Wahl findet am Sonntag, dreiundzwanzigster Februar zweitausendfünfundzwanzig, statt.",
    ),
    ("Am Montag, den 12. März, beginnt die Messe.", "Am Montag, den zwölften März, beginnt die Messe."),
    (
        "Am 1. und 2. Juni wird gestreikt; am 3., 4. und 5. Mai auch.",
        "Am ersten und zweiten Juni wird gestreikt; am dritten, vierten und fünften Mai auch.",
    ),
    ("Der 1. und 2. Platz gingen an Berlin.", "Der erste und zweite Platz gingen an Berlin."),
    (
        "Seit 2015 kamen über 1,2 Mio. Menschen.",
        "Seit zweitausendfünfzehn kamen über eins Komma zwei Millionen Menschen.",
    ),
    (
        "Die Regierung will bis Ende 2025 rund 400.000 Wohnungen bauen.",
        "Die Regierung will bis Ende zweitausendfünfundzwanzig rund vierhunderttausend Wohnungen bauen.",
    ),
    ("Er ist 1,85 m groß und wiegt 80 kg.", "Er ist ein Meter fünfundachtzig groß und wiegt achtzig Kilogramm."),
    (
        "Der Preis stieg um 0,5 Prozentpunkte auf 2,9 %.",
        "Der Preis stieg um null Komma fünf Prozentpunkte auf zwei Komma neun Prozent.",
    ),
    ("Das Spiel endete 1:1, Halbzeit 0:0.", "Das Spiel endete eins zu eins, Halbzeit null zu null."),
    ("In der 2. Hälfte des 20. Jahrhunderts.", "In der zweiten Hälfte des zwanzigsten Jahrhunderts."),
    ("Der 1. FC Köln stieg ab.", "Der erste FC Köln stieg ab."),
    # fractions and round prices
    (
        "Zwei Drittel, also 2/3 der Stimmen; das Menü kostet 12,- €.",
        "Zwei Drittel, also zwei Drittel der Stimmen; das Menü kostet zwölf Euro.",
    ),
]
"""(fragment as written, as a German newsreader says it)."""


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_german(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="de") == expected


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("tag", "text", "expected"),
    [
        (
            "de-AT",
            "Es kostet 1.000 Euro; am 3. Mai 1990.",
            "Es kostet tausend Euro; am dritten Mai neunzehnhundertneunzig.",
        ),
        # Switzerland writes "1'000" and "4.5"
        (
            "de-CH",
            "Es kostet 1'000 Franken, 4.5 Prozent mehr.",
            "Es kostet tausend Franken, vier Komma fünf Prozent mehr.",
        ),
    ],
)
def test_regions_with_their_own_separators(tag: str, text: str, expected: str) -> None:
    assert normalize_for_speech(text, language=tag) == expected
