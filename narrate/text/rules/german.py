"""German boilerplate: player stubs ("Artikel anhören", "Audio-Player wird geladen"), bylines ("Von …"),
datelines ("12.03.2024, 10:45 Uhr", "Aktualisiert am …", "Stand: …"), "Mehr zum Thema", newsletters,
"Nur für Abonnenten", cookies, shares.

German capitalises every noun, so a label that could open a sentence ("Zum Thema Rente sagte er…")
only takes a linked headline after a separator, and a byline's names need two words each.
"""

from __future__ import annotations

import re
from functools import partial

from .base import (
    CREDIT,
    DURATION,
    LINK_TAIL,
    SEPARATED_TAIL,
    LineRule,
    byline,
    clean_names,
    names_beside,
    phrases,
    place_beside,
    staff,
)
from .dates import Calendar, date_rule
from .neutral import CAPTIONS, TEASERS

__all__ = ["CALENDAR", "CODE", "RULES"]

CODE = "de"

CALENDAR = Calendar(
    months=(
        ("januar", "jänner", "jan", "jän"), ("februar", "feber", "feb"), ("märz", "maerz", "mär", "mrz"),
        ("april", "apr"), ("mai",), ("juni", "jun"), ("juli", "jul"), ("august", "aug"),
        ("september", "sept", "sep"), ("oktober", "okt"), ("november", "nov"), ("dezember", "dez"),
    ),
    weekdays=(
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "mo", "di", "mi", "do", "fr", "sa", "so",
    ),
    labels=(
        "veröffentlicht", "aktualisiert", "zuletzt", "stand", "erstellt", "geändert", "aktualisierung", "am", "um",
        "uhr", "vor", "stunden?", "minuten?", "min", "tagen?", "gestern", "heute", "seit", "ab", "datum", "und",
        "lesezeit", "lesedauer",
    ),
)

_ROLES = re.compile(
    r"(?i)\b(?:korrespondent(?:in)?|redakteur(?:in)?|reporter(?:in)?|autor(?:in)?|journalist(?:in)?|kolumnist(?:in)?"
    r"|fotograf(?:in)?|chefredakteur(?:in)?|ressortleiter(?:in)?|leiter(?:in)? (?:des|der)|mitarbeiter(?:in)?)\b.*$"
)
_JOINERS = r"und"
_PARTICLES = r"von|van|der|den|de|zu|vom|zur|da|di|del|la|le"
"""Lower-case words inside a name ("de", "von")."""
_AUTHOR = partial(clean_names, conjunction="und", roles=_ROLES)
_SUBSCRIBERS = r"(?:abonnent(?:en|innen)?(?: und abonnenten)?|abonnentinnen und abonnenten|abonnierende|abo-?kunden|mitglieder|plus-?leser(?:innen)?)"

RULES: tuple[LineRule, ...] = (
    phrases(
        "player-stub",
        r"(?:audio-?player|player|audio) wird geladen", r"(?:diesen |den )?artikel (?:an)?h[öo]ren",
        r"artikel vorlesen(?: lassen)?", r"vorlesen(?: lassen)?", r"anh[öo]ren", r"zum anh[öo]ren",
        r"h[öo]ren sie (?:diesen|den) artikel", r"(?:audio|h[öo]r)version(?: (?:dieses|des) artikels)?",
        r"(?:dieser artikel|diese audioversion|dieser beitrag|dieser text|der text|der artikel) (?:wurde|wird|ist) "
        r"(?:mit|durch|von) (?:einer )?(?:ki|k[üu]nstliche[rn]? intelligenz|einer computerstimme|computerstimme"
        r"|synthetische[rn]? stimme).{0,60}",
        r"(?:eine )?(?:ki|computer)-?stimme liest (?:diesen|den) (?:artikel|text).{0,40}", r"pause(?:ren)?",
        r"(?:artikel|beitrag) (?:zum )?h[öo]ren", r"(?:audio|player) schlie[ßs]en", r"player schlie[ßs]en",
        r"(?:audio: )?beitrag (?:an)?h[öo]ren", r"audio herunterladen",
        r"(?:ihr|dein) browser unterst[üu]tzt (?:das |kein |keine )?(?:audio|video)(?:-element|s)?(?: nicht)?.{0,40}",
        r"video (?:abspielen|wird geladen|starten)", r"wiedergabe",
        tail=DURATION,
    ),
    phrases(
        "timestamp-labels",
        r"(?:(?:ver[öo]ffentlicht|aktualisiert|zuletzt aktualisiert|stand|erstellt|ge[äa]ndert)\s*(?:am)?\s*:?\s*[|/\-–—,]?\s*)+",
        r"(?:(?:ver[öo]ffentlicht|aktualisiert|stand)\s*:?\s*)?(?:am\s+)?(?:vor \d+ (?:sekunden|minuten|min\.?|stunden|std\.?|tagen|wochen|monaten|jahren)"
        r"|heute|gestern)(?:,? (?:um )?\d{1,2}[:.]\d{2}(?: uhr)?)?",
    ),
    byline(
        r"von|text(?: von)?|autor(?:in)?|autoren|ein (?:kommentar|gastbeitrag|beitrag|interview|essay|bericht|porträt) von"
        r"|eine (?:analyse|reportage|kolumne|glosse|recherche) von|aus [\w-]+ berichtet|recherche"
        r"|mit (?:informationen|material|beitr[äa]gen) (?:von|der|des)",
        joiners=_JOINERS,
        particles=_PARTICLES,
        convert=_AUTHOR,
    ),
    names_beside(_JOINERS, _PARTICLES, _AUTHOR),
    names_beside(_JOINERS, _PARTICLES, _AUTHOR, beside=("place",), tail=False),
    place_beside(_PARTICLES),
    phrases(
        "byline",
        r"(?:redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|autor(?:in)?|kolumnist(?:in)?|fotograf(?:in)?)"
        r"(?: (?:im|in|f[üu]r|der|des|bei) [^.!?]{1,40})?",
    ),
    staff(r"(?:von (?:der )?)?redaktion", r"\(?red\)?(?:\s*/\s*(?:dpa|afp|ap|reuters|kna|epd|apa))?", r"(?:dpa|afp|ap|reuters|kna|epd|apa)\s*/\s*red"),
    date_rule(CALENDAR),
    phrases(
        "advertisement",
        r"anzeige", r"werbung", r"gesponsert(?: von [^.!?]{1,40})?", r"sponsored", r"advertorial",
        r"bezahlte partnerschaft(?: mit [^.!?]{1,40})?", r"in kooperation mit [^.!?]{1,40}", r"(?:partner|werbe)inhalt",
        r"promotion",
    ),
    phrases(
        "skip-link",
        r"(?:direkt |springe )?zu(?:m|r)? (?:haupt)?(?:inhalt|navigation|suche|fußzeile|fusszeile)(?: springen| wechseln)?",
    ),
    phrases(
        "continue-reading",
        r"weiter ?lesen", r"lesen sie weiter", r"artikel weiterlesen", r"(?:mehr|alles) anzeigen",
        r"(?:der )?artikel (?:geht|wird) (?:unter|nach) (?:der|dieser) (?:anzeige|werbung) weiter(?:geführt)?",
        r"weiter nach der (?:anzeige|werbung)", r"fortsetzung nach der (?:anzeige|werbung)",
        r"(?:lesen sie|hier) (?:den )?(?:ganzen|vollst[äa]ndigen) artikel",
    ),
    phrases(
        "paywall",
        r"hat ihnen (?:dieser|der) artikel gefallen\s*\?.{0,200}",
        r"[\w-]{1,20}-?plus-artikel(?:\s*:.{0,120})?",
        r".{0,60}\b(?:alle artikel|artikel|weiter)?\s?(?:lesen|weiterlesen|testen) (?:f[üu]r|ab) (?:nur )?\d+(?:,\d\d)? ?(?:€|euro)\b.{0,80}",
        r"(?:monatlich |jederzeit )k[üu]ndbar",
        rf"(?:dieser )?(?:artikel|inhalt|beitrag|text) (?:ist )?(?:nur|exklusiv) f[üu]r {_SUBSCRIBERS}.{{0,60}}",
        rf"(?:nur|exklusiv) f[üu]r {_SUBSCRIBERS}", r"(?:\()?abopflichtiger inhalt(?:\))?",
        rf"(?:sie sind )?bereits (?:abonnent(?:in)?|{_SUBSCRIBERS})\s*\??.{{0,60}}",
        r"(?:sie haben|haben sie|du hast|hast du) (?:bereits|schon) (?:ein|einen) [\w+\- ]{0,30}(?:abo|abonnement|zugang|konto)\s*\??.{0,60}",
        r".{0,80}\b\d+ (?:tage|wochen|monate) (?:lang )?(?:kostenlos|gratis|f[üu]r (?:nur )?\d+(?:,\d\d)?\s*(?:€|euro))"
        r"(?: zur probe)? (?:testen|lesen|probelesen|weiterlesen|nutzen)\b.{0,160}",
        r"mehr perspektiven, mehr verstehen\.?", r"(?:freien?|vollen?|unbegrenzten?|unbegrenzter) zugang zu allen .{0,100}",
        r"(?:jetzt )?(?:ein )?abo (?:abschlie[ßs]en|w[äa]hlen|testen)(?: und .{0,80})?",
        r"jetzt (?:abonnieren|abo abschlie[ßs]en|testen|weiterlesen|freischalten|registrieren|anmelden)(?: (?:und|f[üu]r|ab|mit) .{0,80})?",
        r"(?:mit|als) [\w+\- ]{0,30}(?:plus|\+|abo) weiterlesen.{0,60}", r"weiterlesen mit [\w+\- ]{0,40}",
        r"(?:anmelden|einloggen|login|registrieren)(?: (?:und|um) .{0,60})?",
        r"zugang zu allen (?:artikeln|inhalten).{0,80}", r"\d+ (?:monate?|wochen?) f[üu]r (?:nur )?\d+(?:,\d\d)?\s*(?:€|euro).{0,60}",
        r"(?:digital-?|plus-?)?abo(?: abschlie[ßs]en| w[äa]hlen| bestellen)?", r"[\w-]{1,20}\+(?:\s*\(abopflichtiger inhalt\))?", r"plus-?artikel", r"[\w-]{1,20} ?plus",
        r"(?:digitales?|plus|digital)[- ]?abo(?:\s*:.{0,80}|\s+(?:abschlie[ßs]en|testen|bestellen|sichern|w[äa]hlen).{0,40})?",
        r"(?:jetzt )?\d+ (?:monate?|wochen?|tage) (?:gratis|kostenlos|f[üu]r (?:nur )?\d+(?:,\d\d)?\s*(?:€|euro))(?: (?:testen|lesen))?",
        r"(?:ihr|dein) (?:kostenloses |freies )?kontingent.{0,80}", r"unterst[üu]tzen sie (?:unabh[äa]ngigen )?journalismus.{0,100}",
    ),
    phrases(
        "newsletter",
        r"(?:abonnieren sie|melden sie sich|jetzt anmelden|hier anmelden|registrieren sie sich|erhalten sie|bestellen sie)"
        r"\s.{0,100}(?:newsletter|postfach|e-?mail|mail).{0,120}",
        r"(?:(?:unser(?:en)?|der|den|zum) )?newsletter(?:-anmeldung| abonnieren| bestellen|: [^.!?]{1,60})?",
        r"(?:jeden (?:morgen|abend|tag|freitag|sonntag)|einmal (?:pro|die) woche)\b.{0,120}(?:postfach|newsletter|e-?mail).{0,60}",
        r"(?:ihre )?e-?mail-?adresse(?: eingeben)?",
        r"(?:der |unser |zum )?newsletter\b[^.!?]{0,50}\s[–—-]\s.{0,200}",
        r"mit (?:der|ihrer) anmeldung (?:zum newsletter )?(?:akzeptieren|stimmen) sie.{0,200}",
        r"ihre daten werden .{0,40}verarbeitet.{0,160}",
    ),
    phrases(
        "follow",
        r"folge(?:n sie)? uns\b.{0,160}",
        r"folgen sie (?:\S+ ){1,3}(?:auf|bei) (?:facebook|twitter|x|instagram|whatsapp|telegram|tiktok|youtube|linkedin"
        r"|threads|bluesky|mastodon|google news)\b.{0,100}",
        r"(?:abonnieren sie|folgen sie) (?:unseren?|dem) (?:kanal|whatsapp-kanal|telegram-kanal).{0,100}",
        r"jetzt folgen", r"(?:mehr|nachrichten) (?:auf|bei) (?:whatsapp|telegram|instagram|tiktok|google news).{0,60}",
    ),
    phrases(
        "share",
        r"(?:artikel |beitrag )?teilen(?: (?:auf|per|via|bei)(?: [\w .+\-]{0,30})?)?", r"(?:auf|per|via) [\w .\-]{1,20} teilen",
        r"per (?:e-?mail|mail) (?:versenden|teilen|senden)", r"link kopieren", r"link kopiert",
        r"(?:artikel )?drucken", r"(?:artikel )?merken", r"(?:zur )?merkliste(?: hinzuf[üu]gen)?", r"artikel verschenken",
        r"(?:geschenkten? )?artikel (?:verschenken|schenken)", r"feedback", r"schriftgr[öo][ßs]e(?: [äa]ndern)?", r"sp[äa]ter lesen",
    ),
    phrases(
        "comments",
        r"\d+\s+(?:kommentare?|leserkommentare?|beitr[äa]ge)", r"(?:leser)?kommentare?(?:\s*\(?\d+\)?)?",
        r"(?:kommentare?|diskussion) (?:anzeigen|ausblenden|lesen|schreiben|verfassen|laden|schlie[ßs]en)",
        r"(?:zu den|alle) kommentaren?", r"kommentieren", r"diskutieren sie mit.{0,60}", r"diskussion", r"forum",
        r"(?:sie m[üu]ssen|bitte) (?:sich )?(?:anmelden|einloggen),? um (?:zu kommentieren|einen kommentar).{0,60}",
    ),
    phrases(
        "related",
        r"mehr (?:zum thema|zu|über) [^.!?]{1,40} lesen sie hier\.?",
        r"lesen sie (?:auch|mehr|hier|dazu|dazu auch|jetzt)(?: zum thema)?",
        r"(?:über )?dieses thema (?:berichtete|im programm).{0,150}", r"auch interessant", r"mehr zum thema",
        r"das k[öo]nnte sie (?:auch )?interessieren", r"auch lesenswert", r"unsere empfehlung(?:en)?",
        r"(?:verwandte|weitere|passende|neueste|empfohlene) (?:themen|artikel|beitr[äa]ge|nachrichten|meldungen)",
        r"meistgelesen(?:e)?(?: artikel)?", r"meistgeklickt", r"top-?themen", r"mehr nachrichten", r"mehr lesen",
        tail=LINK_TAIL,
        takes_next=3,
    ),
    phrases(
        "related",
        r"zum thema", r"mehr dazu", r"empfehlungen", r"passend zum thema",
        r"mehr (?:aus|zu|zum|zur) (?:dem |der )?(?-i:[A-ZÄÖÜ])[\w-]*(?: (?-i:[A-ZÄÖÜ])[\w-]*){0,2}",
        tail=SEPARATED_TAIL,
        takes_next=3,
    ),
    phrases(
        "controls",
        r"schlie[ßs]en", r"vergr[öo][ßs]ern", r"bildbeschreibung (?:einblenden|ausblenden)", r"zur startseite",
        r"(?:nach oben|zurück nach oben)", r"vollbild", r"(?:zur )?(?:bilder)?galerie(?: öffnen)?",
        r"men[üu]", r"suche", r"navigation", r"(?:auf einer seite lesen|seite \d+ ?/ ?\d+|n[äa]chste seite|vorherige seite)",
    ),
    phrases("tags", r"schlagw(?:o|ö)rte?", r"stichw(?:o|ö)rte?", r"themen", r"tags", tail=r"(?:\s*:\s*.{0,200})?"),
    phrases(
        "reading-time",
        r"(?:lesezeit|lesedauer)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:min(?:uten?)?|minute)\.?",
        r"\d+\s*(?:min(?:uten?)?\.?|minute) (?:lesezeit|lesedauer)",
    ),
    phrases(
        "app-promo",
        r"(?:laden sie|hol dir|holen sie sich) (?:jetzt )?(?:unsere|die) .{0,30}app.{0,60}", r"(?:jetzt )?(?:die )?app (?:herunterladen|laden|installieren)",
        r"in der app (?:öffnen|oeffnen|lesen)",
    ),
    phrases(
        "correction-link",
        r"fehler (?:gefunden|entdeckt)\s*\??.{0,60}", r"fehler melden", r"(?:einen )?fehler im (?:artikel|text)\s*\??.{0,60}",
    ),
    phrases(
        "cookie-notice",
        r"(?:wir (?:und unsere partner )?(?:verwenden|nutzen)|diese (?:web)?seite (?:verwendet|nutzt)) cookies.{0,300}",
        r"(?:alle )?(?:cookies )?(?:akzeptieren|ablehnen|zulassen)(?: und (?:weiter|schlie[ßs]en))?",
        r"(?:cookie|datenschutz|privatsph[äa]re)-?einstellungen(?: verwalten| anpassen)?", r"einstellungen (?:verwalten|anpassen)",
        r"zustimmen(?: und weiter)?", r"datenschutzerkl[äa]rung", r"cookie-?richtlinie",
        r"(?:wir ben[öo]tigen ihre zustimmung|mit ihrer zustimmung|durch (?:das )?klicken auf).{0,300}",
        r"aus datenschutzrechtlichen gr[üu]nden.{0,300}", r"(?:empfohlener )?externer inhalt",
        r"externe(?:n)? inhalte? (?:aktivieren|laden|anzeigen|zulassen|erlauben)",
        r"ich bin damit einverstanden, dass mir externe inhalte.{0,200}",
    ),
    phrases(
        "copyright",
        r"alle rechte vorbehalten.{0,80}", r"(?:nachdruck|vervielf[äa]ltigung|weiterverwendung) nur mit (?:schriftlicher )?genehmigung.{0,120}",
    ),
    phrases(
        "photo-credit",
        rf"(?:fotos?|bild(?:er)?|bildquelle|bildrechte|grafik|illustration|video|quelle|copyright)\s*:\s*{CREDIT}",
        r"\((?:foto|bild)\s*:?[^.!?()]{1,60}\)", r"bildunterschrift(?:\s*:.{0,200})?",
    ),
    *CAPTIONS,
    *TEASERS,
)
"""German rules in the order they are tried (after the vendors' stubs, before the neutral rules)."""
