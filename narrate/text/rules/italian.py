"""Italian boilerplate: player stubs ("Ascolta l'articolo", "Caricamento del lettore audio"), bylines
("di …", "dal nostro inviato …"), datelines ("Pubblicato il 12 marzo 2024 alle 10:45", "(modifica il …)"),
"Leggi anche", newsletters, "Contenuto riservato agli abbonati", cookies, shares, "© RIPRODUZIONE RISERVATA"."""

from __future__ import annotations

import re
from functools import partial

from .base import DURATION, LINK_TAIL, LineRule, byline, clean_names, names_beside, phrases, place_beside, staff
from .dates import Calendar, date_rule
from .neutral import CAPTIONS, TEASERS

__all__ = ["CALENDAR", "CODE", "RULES"]

CODE = "it"

CALENDAR = Calendar(
    months=(
        ("gennaio", "gen"), ("febbraio", "feb"), ("marzo", "mar"), ("aprile", "apr"), ("maggio", "mag"),
        ("giugno", "giu"), ("luglio", "lug"), ("agosto", "ago"), ("settembre", "sett", "set"), ("ottobre", "ott"),
        ("novembre", "nov"), ("dicembre", "dic"),
    ),
    weekdays=(
        "lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi", "venerdì",
        "venerdi", "sabato", "domenica", "lun", "mar", "mer", "gio", "ven", "sab", "dom",
    ),
    labels=(
        "pubblicato", "pubblicata", "aggiornato", "aggiornata", "aggiornamento", "ultimo", "ultima", "modifica",
        "modificato", "il", "alle", "ore", "del", "dell'", "dell’", "fa", "ora", "minuti?", "min", "giorni?", "ieri",
        "oggi", "h", "e", "data", "creato", "di", "lettura",
    ),
    links=("del",),
)

_ROLES = re.compile(
    r"(?i)\b(?:inviat[oa](?: speciale)?|corrispondente|giornalista|redattore|redattrice|editorialista|cronista"
    r"|fotografo|fotografa|direttore|direttrice|caporedattore|collaboratore|collaboratrice)\b.*$"
)
_JOINERS = r"e"
_PARTICLES = r"de|di|del|della|dello|dei|degli|da|dal|la|lo|van|von|der"
"""Lower-case words inside a name ("de", "von")."""
_AUTHOR = partial(clean_names, conjunction="e", roles=_ROLES)
_SUBSCRIBERS = r"(?:abbonati|abbonate|abbonat[oa]|iscritti|premium|sostenitori)"

RULES: tuple[LineRule, ...] = (
    phrases(
        "player-stub",
        r"ascolta(?:re)? (?:questo articolo|l['’]\s?articolo|la notizia) (?:ora|adesso)",
        r"pausa|riprendi",
        r"caricamento (?:del |in corso del )?(?:lettore|player|riproduttore)(?: audio)?", r"caricamento in corso",
        r"ascolta(?:re)? (?:l['’]\s?articolo|questo articolo|la notizia|l['’]audio|il podcast|la versione audio)(?: dell['’]\s?articolo)?",
        r"ascolta(?: ora)?", r"riproduci(?: audio| video)?", r"versione audio(?: dell['’]\s?articolo)?",
        r"(?:audio|voce|lettura) (?:generat[oa]|creat[oa]|realizzat[oa]) (?:con|dall['’]|tramite) (?:l['’])?\s?(?:ia|intelligenza artificiale).{0,40}",
        r"(?:questo articolo|l['’]articolo) [èe] (?:disponibile )?(?:anche )?in versione audio.{0,40}",
        r"il (?:tuo )?browser non supporta (?:l['’]elemento |il tag )?(?:audio|video).{0,40}",
        r"(?:guarda|carica(?:mento)?) (?:il )?video",
        tail=DURATION,
    ),
    phrases(
        "timestamp-labels",
        r"(?:(?:pubblicat[oa]|aggiornat[oa]|ultimo aggiornamento|ultima modifica|modifica)\s*(?:il)?\s*:?\s*[|/\-–—]?\s*)+",
        r"(?:pubblicat[oa]|aggiornat[oa])(?: il [\d/.]+)? alle (?:ore )?\d{1,2}[:.]\d{2}(?:\s+\d+\s*(?:minuti|min|')\s+di lettura)?",
        r"(?:(?:pubblicat[oa]|aggiornat[oa])\s*:?\s*)?(?:\d+ (?:secondi|minuti|min|ore|h|giorni|settimane|mesi|anni) fa"
        r"|oggi|ieri)(?:,? (?:alle )?(?:ore )?\d{1,2}[:.]\d{2})?",
    ),
    byline(
        r"di|testo di|articolo di|a cura di|autore|autrice|dal(?:la)? nostr[oa] (?:inviat[oa]|corrispondente)(?: a [^,]{1,30})?"
        r"|intervista di|analisi di|commento di",
        joiners=_JOINERS,
        particles=_PARTICLES,
        convert=_AUTHOR,
    ),
    names_beside(_JOINERS, _PARTICLES, _AUTHOR),
    names_beside(_JOINERS, _PARTICLES, _AUTHOR, beside=("place",), tail=False),
    place_beside(_PARTICLES),
    phrases(
        "byline",
        r"(?:giornalista|redattore|redattrice|inviat[oa]|corrispondente|editorialista|fotografo|fotografa)"
        r"(?: (?:a|di|del|della|per) [^.!?]{1,40})?",
    ),
    staff(r"(?:(?:di|a cura (?:di|della))\s+)?(?:la\s+)?redazione(?: online| web)?"),
    date_rule(CALENDAR),
    phrases(
        "advertisement",
        r"pubblicit[àa]", r"annuncio", r"contenuto (?:sponsorizzato|promozionale|offerto da [^.!?]{1,40})",
        r"sponsorizzato(?: da [^.!?]{1,40})?", r"pubbliredazionale", r"informazione pubblicitaria", r"in collaborazione con [^.!?]{1,40}",
        r"brand ?connect", r"partner ?content",
    ),
    phrases("skip-link", r"(?:vai|salta|passa) (?:al|ai|alla) (?:contenuto(?: principale)?|menu|navigazione|footer|piè di pagina)"),
    phrases(
        "continue-reading",
        r"continua(?: a leggere)?(?: l['’]articolo| dopo la pubblicit[àa]| sotto)?", r"leggi tutto(?: l['’]articolo)?",
        r"prosegui (?:la lettura|a leggere)", r"(?:l['’])?articolo continua (?:sotto|dopo la pubblicit[àa])",
        r"leggi l['’]articolo (?:completo|integrale)",
    ),
    phrases(
        "paywall",
        r"ti [èe] piaciuto (?:questo|l['’])\s?articolo\s*\?.{0,200}",
        r"sostieni (?:il |la |l['’]\s?)?[\w ]{1,30}",
        r"se (?:apprezzi|ti piace) (?:il nostro lavoro|quello che facciamo).{0,200}",
        rf"(?:questo )?(?:contenuto|articolo) (?:[èe] )?(?:riservato|dedicato|esclusivo|disponibile solo) (?:agli|ai|per gli|per i|per) {_SUBSCRIBERS}.{{0,60}}",
        rf"(?:riservato|solo|esclusivo) (?:agli|ai|per gli|per) {_SUBSCRIBERS}",
        r"(?:sei |sei gi[àa] |gi[àa] )(?:abbonat[oa]|iscritt[oa]|registrat[oa])\s*\??.{0,60}",
        r"abbonati(?: ora| subito| a [\w ]{1,30})?(?: (?:per|a|da|e) [^.!?]{0,80})?",
        r"(?:accedi|registrati|effettua il login)(?: (?:per|e) (?:continuare|leggere|proseguire).{0,60})?",
        r"hai (?:raggiunto|esaurito) (?:il limite|gli articoli).{0,80}", r"leggi senza limiti.{0,80}",
        r"sostieni (?:il (?:nostro )?giornalismo|l['’]informazione).{0,100}",
        r"(?:offerta|promo)[^.!?]{0,40}(?:€|euro)[^.!?]{0,40}",
    ),
    phrases(
        "newsletter",
        r"(?:iscriviti|ricevi|registrati|abbonati)\s.{0,100}(?:newsletter|e-?mail|casella di posta|posta elettronica).{0,120}",
        r"(?:le |la |nostra |nostre )?newsletters?(?: d[ie] [^.!?]{1,40})?", r"(?:inserisci|scrivi) (?:la )?tua (?:e-?mail|mail).{0,40}",
        r"iscriviti",
    ),
    phrases(
        "follow",
        r".{0,60}\b[èe] (?:anche )?su (?:whatsapp|telegram|instagram|google news|threads)\b.{0,200}",
        r"seguici\b.{0,160}",
        r"segui (?:\S+ ){1,4}su (?:facebook|twitter|x|instagram|whatsapp|telegram|tiktok|youtube|linkedin|threads|google news)\b.{0,100}",
        r"(?:iscriviti|entra|unisciti) (?:al|nel) (?:nostro )?canale.{0,120}",
    ),
    phrases(
        "share",
        r"condividi(?: (?:su|via|tramite|questo articolo|l['’]articolo)(?: [\w .+]{0,30})?)?", r"copia (?:il )?link",
        r"link copiato(?: negli appunti)?", r"invia (?:per|tramite|via) (?:e-?mail|mail)", r"stampa(?: (?:l['’]articolo|articolo|pagina))?",
        r"salva(?: (?:l['’]articolo|articolo|per dopo|nei preferiti))?", r"regala (?:l['’]|questo )\s?articolo",
        r"dimensione (?:del )?testo", r"leggi (?:dopo|pi[ùu] tardi)",
    ),
    phrases(
        "comments",
        r"\d+\s+commenti?", r"comment[oi](?:\s*\(\d+\))?",
        r"(?:leggi|mostra|nascondi|lascia|aggiungi|scrivi|pubblica|carica|vedi) (?:un |i |il |tutti i |il tuo )?comment[oi](?: \(\d+\))?",
        r"commenta", r"partecipa alla discussione", r"sii il primo a commentare", r"caricamento (?:dei )?commenti",
    ),
    phrases(
        "related",
        r"leggi (?:anche|di pi[ùu]|pure)", r"(?:ti )?potrebbe(?:ro)? (?:interessarti|interessare|piacerti)(?: anche)?",
        r"(?:articoli|notizie|contenuti) correlat[ie]", r"correlat[ie]", r"(?:i |le )?pi[ùu] (?:lett[ie]|vist[ie]|condivis[ie])",
        r"(?:le )?notizie pi[ùu] lette", r"approfondisci", r"approfondimenti", r"(?:vedi|guarda) anche", r"altre notizie",
        r"scopri di pi[ùu]", r"ultime notizie", r"in evidenza", r"da non perdere", r"ti consigliamo", r"consigliati(?: per te)?",
        r"sullo stesso (?:tema|argomento)", r"dello stesso autore",
        tail=LINK_TAIL,
        takes_next=3,
    ),
    phrases(
        "controls",
        r"cerca|ricerca|menu",
        r"chiudi", r"mostra (?:di pi[ùu]|altro|tutto)", r"ingrandisci(?: (?:l['’]immagine|la foto))?", r"torna su",
        r"(?:apri la |vai alla )?(?:foto)?gallery", r"schermo intero",
    ),
    phrases("tags", r"argomenti", r"tags?", r"temi", r"parole chiave", tail=r"(?:\s*:\s*.{0,200})?"),
    phrases(
        "reading-time",
        r"(?:tempo di )?lettura\s*:?\s*\d+\s*(?:min(?:uti|uto)?|')\.?", r"\d+\s*(?:min(?:uti|uto)?|')\.? di lettura",
    ),
    phrases(
        "app-promo",
        r"scarica (?:l['’]|la nostra |la )\s?app.{0,60}", r"(?:apri|leggi) nell['’]\s?app", r"disponibile su (?:app store|google play).{0,40}",
    ),
    phrases("correction-link", r"segnala (?:un errore|un refuso)", r"hai (?:trovato|notato) un errore\s*\??.{0,60}"),
    phrases(
        "cookie-notice",
        r"(?:utilizziamo|usiamo|noi e (?:i nostri|terze parti selezionate) \w+ (?:utilizziamo|usiamo)|questo sito (?:web )?(?:utilizza|usa)) (?:i )?cookie.{0,300}",
        r"(?:accetta|rifiuta|gestisci|personalizza)(?: tutti)?(?: i)? cookie.{0,40}", r"(?:informativa|politica) (?:sui|dei) cookie",
        r"cookie policy", r"privacy policy", r"gestisci (?:le )?(?:preferenze|opzioni)", r"accetta e (?:chiudi|continua)",
        r"accetta(?: tutti| tutto)?", r"rifiuta(?: tutti| tutto)?", r"continua senza accettare", r"personalizza",
    ),
    phrases(
        "copyright",
        r"riproduzione riservata\s*(?:©.{0,60})?", r"tutti i diritti (?:sono )?riservati.{0,80}", r".{0,120}\bp\.\s?iva\s*:?\s*(?:it)?\s*\d{11}.{0,120}",
    ),
    phrases(
        "photo-credit",
        r"(?:foto|immagin[ei]|video|credits?|crediti|fonte|illustrazione)\s*:\s*[^.!?]{1,80}",
        r"\(?foto\s+(?:(?-i:[A-Z]{2,})|d['’]archivio|di (?-i:[A-Z]))[^.!?]{0,60}\)?", r"\((?:foto|immagine)\s*:?[^.!?()]{1,60}\)",
    ),
    *CAPTIONS,
    *TEASERS,
)
"""Italian rules in the order they are tried (after the vendors' stubs, before the neutral rules)."""
