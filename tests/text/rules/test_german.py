"""German boilerplate rules, table-driven: lines that must go (with the rule that takes them), near
misses that must stay (sentences that start like boilerplate: "Von der Idee…", "Zum Thema Rente…";
German capitalises every noun), bylines, dates."""

from __future__ import annotations

import pytest

from narrate.text.rules import is_dateline, parse_date, rules_for
from tests.text.rules.cases import TEASER_RULES, assert_removed_by, assert_spoken

BOILERPLATE = [
    ('Mehr zum Thema Bildung lesen Sie hier.', 'related'),
    ('Hat Ihnen dieser Artikel gefallen? Dann teilen Sie ihn.', 'paywall'),
    ('Dieser Text wurde mit einer KI-Stimme vertont.', 'player-stub'),
    ('Sie haben bereits ein Digital-Abo? Hier anmelden', 'paywall'),
    ('Jetzt 30 Tage kostenlos testen', 'paywall'),
    ('Bestens informiert mit Plus – 4 Wochen kostenlos zur Probe lesen.', 'paywall'),
    ('Der Newsletter zur Schule – jeden Freitag die wichtigsten Nachrichten.', 'newsletter'),
    ('Suche', 'controls'),
    ('Mit Informationen von Lena Hofstetter, SWR', 'byline'),
    ('Redakteurin im Ressort Politik', 'byline'),
    ("Audio-Player wird geladen", "player-stub"),
    ("Artikel anhören", "player-stub"),
    ("Artikel anhören · 4 Min.", "player-stub"),
    ("Artikel vorlesen lassen", "player-stub"),
    ("Vorlesen", "player-stub"),
    ("Ihr Browser unterstützt das Audio-Element nicht.", "player-stub"),
    ("Dieser Artikel wurde mit KI vertont.", "player-stub"),
    ("Getting your Trinity Audio player ready...", "player-stub"),
    ("Stand:", "timestamp-labels"),
    ("Aktualisiert vor 2 Stunden", "timestamp-labels"),
    ("Von Jonas Hartmann", "byline"),
    ("Von Jonas Hartmann und Lea Vogt", "byline"),
    ("VON JONAS HARTMANN", "byline"),
    ("Von Jonas Hartmann, Berlin", "byline"),
    ("Ein Kommentar von Lea Vogt", "byline"),
    ("Von Ursula von der Brelie", "byline"),
    ("Von dpa", "byline"),
    ("Redaktion", "byline"),
    ("red/dpa", "byline"),
    ("12.03.2024, 10:45 Uhr", "date"),
    ("12. März 2024, 10:45 Uhr", "date"),
    ("Aktualisiert am 12.03.2024 um 10:45 Uhr", "date"),
    ("Stand: 12.03.2024 10:45 Uhr", "date"),
    ("Dienstag, 12.03.2024, 10:45", "date"),
    ("Veröffentlicht am 12. März 2024", "date"),
    ("Anzeige", "advertisement"),
    ("ANZEIGE", "advertisement"),
    ("Werbung", "advertisement"),
    ("Bezahlte Partnerschaft", "advertisement"),
    ("Zum Inhalt springen", "skip-link"),
    ("Weiterlesen", "continue-reading"),
    ("Der Artikel geht unter der Anzeige weiter", "continue-reading"),
    ("Nur für Abonnenten", "paywall"),
    ("Dieser Artikel ist nur für Abonnenten verfügbar.", "paywall"),
    ("Sie sind bereits Abonnent? Hier anmelden", "paywall"),
    ("Jetzt abonnieren", "paywall"),
    ("Weiterlesen mit SPIEGEL+", "paywall"),
    ("Z+ (abopflichtiger Inhalt)", "paywall"),
    ("Anmelden", "paywall"),
    ("Abonnieren Sie unseren Newsletter", "newsletter"),
    ("Newsletter abonnieren", "newsletter"),
    ("Jeden Morgen die wichtigsten Nachrichten aus Warnstedt in Ihrem Postfach: Jetzt kostenlos anmelden.", "newsletter"),
    ("Folgen Sie uns auf Instagram und Facebook", "follow"),
    ("Teilen", "share"),
    ("Artikel teilen", "share"),
    ("Auf Facebook teilen", "share"),
    ("Per E-Mail teilen", "share"),
    ("Link kopieren", "share"),
    ("Drucken", "share"),
    ("Merken", "share"),
    ("Artikel verschenken", "share"),
    ("WhatsApp | Facebook | X | E-Mail", "share"),
    ("14 Kommentare", "comments"),
    ("Kommentare (14)", "comments"),
    ("Kommentieren", "comments"),
    ("Zu den Kommentaren", "comments"),
    ("Mehr zum Thema", "related"),
    ("Lesen Sie auch: Warum die Brücke so teuer wird", "related"),
    ("Auch interessant", "related"),
    ("Das könnte Sie auch interessieren", "related"),
    ("Zum Thema: Radwege in Warnstedt", "related"),
    ("Mehr aus Warnstedt", "related"),
    ("Meistgelesen", "related"),
    ("Schlagworte: Radverkehr, Stadtrat, Warnstedt", "tags"),
    ("Lesezeit: 3 Min.", "reading-time"),
    ("3 Min. Lesezeit", "reading-time"),
    ("Laden Sie jetzt unsere App herunter", "app-promo"),
    ("Fehler gefunden? Jetzt melden.", "correction-link"),
    ("Wir verwenden Cookies, um Inhalte zu personalisieren.", "cookie-notice"),
    ("Alle akzeptieren", "cookie-notice"),
    ("Cookie-Einstellungen", "cookie-notice"),
    ("Zustimmen und weiter", "cookie-notice"),
    ("© Warnstedter Anzeiger 2024 – Alle Rechte vorbehalten", "copyright"),
    ("Alle Rechte vorbehalten.", "copyright"),
    ("Nachdruck nur mit Genehmigung des Verlags.", "copyright"),
    ("Foto: dpa", "photo-credit"),
    ("Foto: picture alliance/dpa | Jens Büttner", "photo-credit"),
    ("Bild: Stadt Warnstedt", "photo-credit"),
    ("Quelle: Statistisches Bundesamt", "photo-credit"),
    ("IMAGO/Jens Büttner", "photo-credit"),
    ("Die neue Brücke im Entwurf. Foto: Stadt Warnstedt", "photo-credit"),
    ("–––", "separator"),
    ("STADTRAT BESCHLIESST NEUE BRÜCKE FÜR RADFAHRER ÜBER DIE ELDE", "related-headline"),
    ('Kommentare 120', 'comments'),
    ('Über dieses Thema berichtete die tagesschau am 12. März 2024 um 20:00 Uhr.', 'related'),
    ('Lesen Sie mehr zum Thema', 'related'),
    ('Quelle: F.A.Z.', 'photo-credit'),
    ('SZ Plus', 'paywall'),
    ('WELTplus', 'paywall'),
    ('Digitales Abo: 1 Monat gratis testen', 'paywall'),
    ('Jetzt 3 Monate für 1 € testen', 'paywall'),
    ('Aus datenschutzrechtlichen Gründen benötigen wir Ihre Einwilligung, um diesen Inhalt anzuzeigen.', 'cookie-notice'),
    ('Externe Inhalte aktivieren', 'cookie-notice'),
    ('Bildbeschreibung einblenden', 'controls'),
    ('Vergrößern', 'controls'),
    ('Zur Startseite', 'controls'),
    ('Schließen', 'controls'),
    ('Diese Seite folgt den Grundsätzen von The Trust Project', 'licensing'),
]

NEAR_MISSES = [
    'Bildunterschriften und Fotos zeigten lange Schlangen vor den Kontrollen.',
    'Der Newsletter des Ministeriums erschien nur zweimal.',
    'Mit Informationen wie diesen kann niemand planen, sagte sie.',
    "Von der Idee bis zum Beschluss vergingen fast zehn Jahre.",
    "Von Anfang an war die Brücke umstritten.",
    "Von Bauern und Bürgern",
    "Von Berlin aus ist Warnstedt in zwei Stunden erreichbar.",
    "Von Hans Müller, dem Bürgermeister, kam keine Antwort.",
    "Zum Thema Rente sagte der Minister nichts.",
    "Mehr zu tun gibt es nicht.",
    "Mehr zum Thema Radverkehr finden Sie im Bericht der Stadt.",
    "Folge war ein Stau auf der A1.",
    "Anzeige gegen Unbekannt wurde erstattet.",
    "Teilen sich zwei Familien ein Auto, sparen beide Geld.",
    "Kommentare aus der Opposition blieben aus.",
    "Werbung für das Projekt machte vor allem der Oberbürgermeister.",
    "Drucken ließ die Stadt 5000 Flyer.",
    "Am 12. März 2024 stimmte der Stadtrat ab.",
    "Stand der Planung ist, dass die Brücke 2026 fertig wird.",
    "Heute legen 28 Prozent der Warnstedter ihre Wege mit dem Rad zurück.",
    "BERLIN (dpa) - Der Bundestag hat das Gesetz beschlossen.",
    "Foto um Foto dokumentierte die Initiative den Zustand der alten Brücke.",
    "Lesezeit und Aufwand stehen in keinem Verhältnis, sagt die Initiative.",
    "Zustimmen will die Opposition nur unter Bedingungen.",
    "Hintergrund der Entscheidung ist ein Förderprogramm des Bundes.",
    "Empfehlungen der Verkehrsplaner liegen seit 2019 vor.",
    "Jetzt abonnieren viele Pendler das Deutschlandticket.",
    "Redaktionsschluss war am Montagabend.",
    'Die ersten 3 Monate kostenlos fahren dürfen Schüler.',
    'Digitalabo-Preise steigen im Herbst.',
    'Schließen wollte die Stadt das Bad nie.',
    'Quelle der Zahlen ist das Statistische Landesamt.',
]


@pytest.mark.parametrize("line, rule", BOILERPLATE)
def test_boilerplate_line_is_removed_by_its_rule(line: str, rule: str) -> None:
    assert_removed_by("de", line, rule)


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_miss_is_spoken(line: str) -> None:
    assert_spoken("de", line)


def test_every_german_rule_has_a_case() -> None:
    own = {rule.name for rule in rules_for("de")} - {"site-tag"} - TEASER_RULES
    assert {rule for _, rule in BOILERPLATE} >= own
    assert len(BOILERPLATE) >= 60 and len(NEAR_MISSES) >= 25


@pytest.mark.parametrize(
    "line, author",
    [
        ("Von Jonas Hartmann", "Jonas Hartmann"),
        ("VON JONAS HARTMANN", "Jonas Hartmann"),
        ("Von Jonas Hartmann und Lea Vogt", "Jonas Hartmann und Lea Vogt"),
        ("Von Jonas Hartmann, Lea Vogt und Emil Kraus", "Jonas Hartmann, Lea Vogt und Emil Kraus"),
        ("Von Jonas Hartmann, Berlin", "Jonas Hartmann"),
        ("Ein Kommentar von Lea Vogt", "Lea Vogt"),
        ("Von Ursula von der Brelie", "Ursula von der Brelie"),
    ],
)
def test_byline_author_goes_to_metadata(line: str, author: str) -> None:
    assert assert_removed_by("de", line, "byline").author == author


@pytest.mark.parametrize(
    "text, iso",
    [
        ("12. März 2024, 10:45 Uhr", "2024-03-12"),
        ("12.03.2024", "2024-03-12"),
        ("1. Mai 2024", "2024-05-01"),
        ("3. Jänner 2024", "2024-01-03"),
        ("12. Okt. 2023", "2023-10-12"),
        ("Aktualisiert am 05.11.2023 um 08:15 Uhr", "2023-11-05"),
        ("vor 2 Stunden", None),
    ],
)
def test_dates_are_read_the_german_way(text: str, iso: str | None) -> None:
    assert parse_date(text, "de") == iso


def test_a_dateline_holds_nothing_but_a_date() -> None:
    assert is_dateline("Di 12.03.2024 10:45", "de")
    assert not is_dateline("Am 12. März 2024 stimmte der Bundestag ab.", "de")
    assert assert_removed_by("de", "12.03.2024, 10:45 Uhr", "date").date == "2024-03-12"
