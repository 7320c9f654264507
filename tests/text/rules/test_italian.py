"""Italian boilerplate rules, table-driven: lines that must go (with the rule that takes them), near
misses that must stay (sentences that start like boilerplate: "Di fronte…", "Di Stefano…"), bylines,
dates."""

from __future__ import annotations

import pytest

from narrate.text.rules import is_dateline, parse_date, rules_for
from tests.text.rules.cases import TEASER_RULES, assert_removed_by, assert_spoken

BOILERPLATE = [
    ('Ascolta questo articolo ora...', 'player-stub'),
    ('Ti è piaciuto questo articolo? Sostienici.', 'paywall'),
    ('Cerca', 'controls'),
    ('Sostieni il Post', 'paywall'),
    ('Se apprezzi il nostro lavoro abbonati: avrai accesso a tutti i contenuti e alle newsletter.', 'paywall'),
    ('Corriere del Nord è anche su Whatsapp. È sufficiente cliccare qui per iscriversi al canale.', 'follow'),
    ('13 Marzo 2024 Aggiornato alle 19:10 2 minuti di lettura', 'date'),
    ('Giornalista', 'byline'),
    ('Una classe della primaria di via Bottelli (fotogramma)', 'photo-credit'),
    ("Caricamento del lettore audio...", "player-stub"),
    ("Caricamento player", "player-stub"),
    ("Ascolta l'articolo", "player-stub"),
    ("Ascolta l'articolo · 4 min", "player-stub"),
    ("Ascolta questo articolo", "player-stub"),
    ("Ascolta", "player-stub"),
    ("Il tuo browser non supporta l'elemento audio.", "player-stub"),
    ("Audio generato con l'intelligenza artificiale", "player-stub"),
    ("Voiced by Amazon Polly", "player-stub"),
    ("Aggiornato 2 ore fa", "timestamp-labels"),
    ("Pubblicato il:", "timestamp-labels"),
    ("di Giulia Moretti", "byline"),
    ("Di Giulia Moretti", "byline"),
    ("DI GIULIA MORETTI", "byline"),
    ("di Giulia Moretti e Paolo Rinaldi", "byline"),
    ("A cura di Giulia Moretti", "byline"),
    ("dal nostro inviato Paolo Rinaldi", "byline"),
    ("di Luigi Di Maio", "byline"),
    ("Redazione", "byline"),
    ("di Redazione online", "byline"),
    ("Pubblicato il 12 marzo 2024 alle 10:45", "date"),
    ("Aggiornato il 12/03/2024 ore 10:45", "date"),
    ("12 marzo 2024 (modifica il 12 marzo 2024 | 11:02)", "date"),
    ("Ultimo aggiornamento: 12 marzo 2024, 10:45", "date"),
    ("martedì 12 marzo 2024", "date"),
    ("Pubblicità", "advertisement"),
    ("PUBBLICITÀ", "advertisement"),
    ("Contenuto sponsorizzato", "advertisement"),
    ("Vai al contenuto principale", "skip-link"),
    ("Continua a leggere", "continue-reading"),
    ("Leggi tutto", "continue-reading"),
    ("L'articolo continua sotto", "continue-reading"),
    ("Contenuto riservato agli abbonati", "paywall"),
    ("Questo articolo è riservato agli abbonati.", "paywall"),
    ("Sei già abbonato? Accedi", "paywall"),
    ("Abbonati per continuare a leggere", "paywall"),
    ("Hai raggiunto il limite di articoli gratuiti", "paywall"),
    ("Offerta speciale: 1 euro al mese per 3 mesi", "paywall"),
    ("Accedi", "paywall"),
    ("Iscriviti alla newsletter di Montevalle Oggi", "newsletter"),
    ("Ricevi ogni mattina le notizie della tua città nella tua casella di posta.", "newsletter"),
    ("Iscriviti", "newsletter"),
    ("Seguici su Facebook e Instagram", "follow"),
    ("Iscriviti al nostro canale WhatsApp", "follow"),
    ("Condividi", "share"),
    ("Condividi su Facebook", "share"),
    ("Copia link", "share"),
    ("Link copiato", "share"),
    ("Invia per email", "share"),
    ("Stampa", "share"),
    ("Salva", "share"),
    ("Facebook Twitter WhatsApp Email", "share"),
    ("12 commenti", "comments"),
    ("Commenti", "comments"),
    ("Lascia un commento", "comments"),
    ("Leggi i commenti", "comments"),
    ("Leggi anche: Montevalle, approvato il bilancio", "related"),
    ("LEGGI ANCHE", "related"),
    ("Potrebbe interessarti anche", "related"),
    ("Articoli correlati", "related"),
    ("I più letti", "related"),
    ("Approfondisci", "related"),
    ("Argomenti: teatro, cultura, Montevalle", "tags"),
    ("Tempo di lettura: 3 minuti", "reading-time"),
    ("3 min di lettura", "reading-time"),
    ("Scarica l'app di Montevalle Oggi", "app-promo"),
    ("Segnala un errore", "correction-link"),
    ("Questo sito utilizza cookie tecnici e di profilazione.", "cookie-notice"),
    ("Accetta tutti", "cookie-notice"),
    ("Rifiuta", "cookie-notice"),
    ("Gestisci le preferenze", "cookie-notice"),
    ("Informativa sui cookie", "cookie-notice"),
    ("© RIPRODUZIONE RISERVATA", "copyright"),
    ("Riproduzione riservata ©", "copyright"),
    ("Tutti i diritti riservati.", "copyright"),
    ("Montevalle Oggi S.r.l. - P.IVA 01234567890", "copyright"),
    ("Foto: ANSA", "photo-credit"),
    ("Foto di Paolo Rinaldi", "photo-credit"),
    ("(Foto Ansa)", "photo-credit"),
    ("ANSA/PAOLO RINALDI", "photo-credit"),
    ("Il teatro Verdi di Montevalle dopo il restauro (foto Ansa)", "photo-credit"),
    ("Foto d'archivio", "photo-credit"),
    ("===", "separator"),
    ("RIAPRE IL TEATRO VERDI DI MONTEVALLE DOPO DUE ANNI DI LAVORI", "related-headline"),
    ('Aggiornato alle 10:45 3 minuti di lettura', 'timestamp-labels'),
    ('Redazione ANSA', 'byline'),
    ('Riproduzione riservata © Copyright ANSA', 'copyright'),
    ("Ascolta la versione audio dell'articolo", 'player-stub'),
    ("3' di lettura", 'reading-time'),
    ('Loading...', 'player-stub'),
    ('Chiudi', 'controls'),
    ('Torna su', 'controls'),
    ('Aderisce ai criteri di The Trust Project', 'licensing'),
]

NEAR_MISSES = [
    'Sostieni che la legge sia sbagliata, ma non hai prove.',
    'Cerca lavoro da due anni senza risultati, racconta la madre.',
    "Di fronte all'ingresso restaurato, il sindaco ha parlato di una giornata storica.",
    "Di Stefano, il custode, lavora al Verdi da trent'anni.",
    "Di solito il teatro apre alle 20.",
    "Di Maio e Conte",
    "di nuovo in scena dopo due anni",
    "Pubblicità ingannevole: multa da 5.000 euro per un'agenzia.",
    "Condividi la tua esperienza, chiede il Comune ai cittadini.",
    "Commenti positivi sono arrivati da tutta la regione.",
    "Leggi anche le note del programma, consiglia il direttore.",
    "Seguire i lavori non è stato semplice.",
    "Accetta la sfida chi ha pazienza, dice il restauratore.",
    "Stampa e televisioni erano presenti all'inaugurazione.",
    "Salva il teatro era lo slogan del comitato.",
    "Il 12 marzo 2024 il teatro ha riaperto al pubblico.",
    "ROMA (ANSA) - Il ministro ha visitato il cantiere.",
    "Foto e video dell'inaugurazione hanno fatto il giro dei social.",
    "Argomenti come il restauro e i costi hanno diviso il consiglio.",
    "Continua la polemica sui ritardi del cantiere.",
    "Abbonati e spettatori occasionali avranno posti diversi.",
    "Iscriviti ai corsi di teatro entro il 30 aprile, dice il bando.",
    "Ha detto di no. Poi è uscito dalla sala.",
    "Approfondisci i dettagli, suggerisce il sindaco ai cronisti.",
    "Redazione e tipografia del giornale locale sono state invitate.",
    "Tempo di lettura dei documenti: tre settimane, lamenta l'opposizione.",
    "L'arch. Paola Ferri ha diretto i lavori.",
    'Chiudi gli occhi, disse il regista.',
    "Torna sul palco dopo vent'anni la compagnia di Montevalle.",
]


@pytest.mark.parametrize("line, rule", BOILERPLATE)
def test_boilerplate_line_is_removed_by_its_rule(line: str, rule: str) -> None:
    assert_removed_by("it", line, rule)


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_miss_is_spoken(line: str) -> None:
    assert_spoken("it", line)


def test_every_italian_rule_has_a_case() -> None:
    own = {rule.name for rule in rules_for("it")} - {"site-tag"} - TEASER_RULES
    assert {rule for _, rule in BOILERPLATE} >= own
    assert len(BOILERPLATE) >= 60 and len(NEAR_MISSES) >= 25


@pytest.mark.parametrize(
    "line, author",
    [
        ("di Giulia Moretti", "Giulia Moretti"),
        ("DI GIULIA MORETTI", "Giulia Moretti"),
        ("di Giulia Moretti e Paolo Rinaldi", "Giulia Moretti e Paolo Rinaldi"),
        ("di Giulia Moretti, Paolo Rinaldi e Anna Conti", "Giulia Moretti, Paolo Rinaldi e Anna Conti"),
        ("dal nostro inviato Paolo Rinaldi", "Paolo Rinaldi"),
        ("di Luigi Di Maio", "Luigi Di Maio"),
    ],
)
def test_byline_author_goes_to_metadata(line: str, author: str) -> None:
    assert assert_removed_by("it", line, "byline").author == author


@pytest.mark.parametrize(
    "text, iso",
    [
        ("12 marzo 2024", "2024-03-12"),
        ("Pubblicato il 12 marzo 2024 alle 10:45", "2024-03-12"),
        ("1 giugno 2024", "2024-06-01"),
        ("12/03/2024", "2024-03-12"),
        ("3 ott 2023", "2023-10-03"),
        ("2 ore fa", None),
    ],
)
def test_dates_are_read_the_italian_way(text: str, iso: str | None) -> None:
    assert parse_date(text, "it") == iso


def test_a_dateline_holds_nothing_but_a_date() -> None:
    assert is_dateline("12/03/2024 - 10:45", "it")
    assert not is_dateline("Il 12 marzo 2024 il teatro ha riaperto.", "it")
    assert assert_removed_by("it", "Pubblicato il 12 marzo 2024 alle 10:45", "date").date == "2024-03-12"
