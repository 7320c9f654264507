"""French boilerplate: player stubs ("Écouter cet article"), bylines ("Par …"), datelines ("Publié le
12 mars 2024 à 10h45, mis à jour le …"), "Lire aussi", newsletters, "Réservé aux abonnés", cookies, shares."""

from __future__ import annotations

import re
from functools import partial

from .base import DURATION, LINK_TAIL, LineRule, byline, clean_names, names_beside, phrases, place_beside, staff
from .dates import Calendar, date_rule
from .neutral import CAPTIONS, TEASERS

__all__ = ["CALENDAR", "CODE", "RULES"]

CODE = "fr"

CALENDAR = Calendar(
    months=(
        ("janvier", "janv", "jan"), ("février", "fevrier", "févr", "fevr", "fév", "fev"), ("mars", "mar"),
        ("avril", "avr"), ("mai",), ("juin",), ("juillet", "juil"), ("août", "aout"),
        ("septembre", "sept", "sep"), ("octobre", "oct"), ("novembre", "nov"), ("décembre", "decembre", "déc", "dec"),
    ),
    weekdays=(
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lun", "mar", "mer", "jeu", "ven", "sam", "dim",
    ),
    labels=(
        "publié", "publiée", "publie", "mis", "mise", "à", "a", "jour", "modifié", "modifiée", "actualisé",
        "actualisée", "le", "la", "les", "du", "de", "l'", "et", "en", "h", "heures?", "minutes?", "min", "mn",
        "jours?", "il", "y", "lecture", "hier", "aujourd'hui", "aujourd’hui", "dernière", "derniere", "date", "créé", "édité",
    ),
)

_ROLES = re.compile(
    r"(?i)\b(?:envoy[ée]e? sp[ée]ciale?|correspondante?|journaliste|r[ée]dacteur|r[ée]dactrice|chroniqueur|chroniqueuse"
    r"|[ée]ditorialiste|reporter|photographe|grand reporter|rédaction|chef du service|directeur|directrice)\b.*$"
)
_JOINERS = r"et"
_PARTICLES = r"de|du|des|la|le|van|von|der|di|da|dos"
"""Lower-case words inside a name ("de", "von")."""
_AUTHOR = partial(clean_names, conjunction="et", roles=_ROLES)
_SUBSCRIBERS = r"(?:abonn[ée]e?s?|membres|premium)"

RULES: tuple[LineRule, ...] = (
    phrases(
        "player-stub",
        r"(?:mettre en )?pause|reprendre la lecture",
        r"chargement (?:du|de la) (?:lecteur|player|lecture)(?: audio)?(?: en cours)?",
        r"[ée]cout(?:er|ez) (?:cet|l['’]|cette|l['’]int[ée]gralit[ée] de l['’])\s?(?:article|info|information|[ée]mission|podcast)",
        r"[ée]couter(?: l['’]article)?", r"lecture audio(?: de l['’]article)?",
        r"(?:cet|l['’])\s?article (?:est )?(?:disponible|propos[ée]) en (?:version )?audio.{0,40}",
        r"version audio(?: de (?:cet|l['’])\s?article)?",
        r"(?:voix|lecture|narration) (?:g[ée]n[ée]r[ée]e|de synth[èe]se|synth[ée]tique).{0,60}",
        r"article lu par (?:une voix de synth[èe]se|.{0,40}(?:ia|intelligence artificielle)).{0,40}",
        r"chargement(?: en cours)?", r"votre navigateur ne (?:prend pas en charge|supporte pas|permet pas de lire) (?:l['’][ée]l[ée]ment |les? )?(?:audio|vid[ée]o)s?.{0,40}",
        r"(?:chargement de la|voir la|lire la) vid[ée]o", r"lecture en cours",
        tail=DURATION,
    ),
    phrases(
        "timestamp-labels",
        r"(?:(?:publi[ée]e?|mis(?:e)? à jour|modifi[ée]e?|actualis[ée]e?)\s*(?:le)?\s*:?\s*[|/\-–—,]?\s*)+",
        r"(?:(?:publi[ée]e?|mis(?:e)? à jour|modifi[ée]e?)\s*:?\s*)?(?:il y a \d+ (?:secondes?|minutes?|min|heures?|h|jours?|semaines?|mois|ans?)"
        r"|aujourd['’]hui|hier)(?:,? (?:à|a) \d{1,2}\s*[h:]\s*\d{2})?",
    ),
    byline(
        r"par|texte(?: de)?|auteur|autrice|propos recueillis par|(?:article )?r[ée]dig[ée] par|[ée]crit par|un (?:article|reportage|entretien|[ée]ditorial) de"
        r"|une (?:analyse|enqu[êe]te|chronique|tribune) de|de notre (?:envoy[ée]e? sp[ée]ciale?|correspondante?)(?: [àa] [^,]{1,30})?",
        joiners=_JOINERS,
        particles=_PARTICLES,
        convert=_AUTHOR,
    ),
    names_beside(_JOINERS, _PARTICLES, _AUTHOR),
    names_beside(_JOINERS, _PARTICLES, _AUTHOR, beside=("place",), tail=False),
    place_beside(_PARTICLES),
    phrases(
        "byline",
        r"(?:un )?article r[ée]dig[ée] par [^.!?]{1,80}",
        r"(?:journaliste|r[ée]dacteur|r[ée]dactrice|correspondante?|chroniqueu(?:r|se)|reporter|photographe)"
        r"(?: (?:au|à la|aux|du|de la|en|à) [^.!?]{1,40})?",
    ),
    staff(r"(?:par\s+)?(?:la\s+)?r[ée]daction", r"(?:par\s+)?(?:le\s+monde\s+)?avec\s+(?:AFP|AP|Reuters)"),
    date_rule(CALENDAR),
    phrases(
        "advertisement",
        r"publicit[ée]", r"annonce", r"contenu (?:sponsoris[ée]|partenaire|propos[ée] par [^.!?]{1,40})",
        r"(?:article|contenu) sponsoris[ée]", r"sponsoris[ée](?: par [^.!?]{1,40})?", r"partenariat",
        r"publi-?r[ée]dactionnel", r"en partenariat avec [^.!?]{1,40}",
    ),
    phrases(
        "skip-link",
        r"(?:aller|passer|acc[ée]der|sauter) (?:directement )?(?:au|à la|aux) (?:contenu(?: principal)?|navigation|menu|pied de page|recherche)",
    ),
    phrases(
        "continue-reading",
        r"lire la suite(?: de l['’]article)?", r"la suite (?:de l['’]article )?(?:apr[èe]s|sous) (?:cette|la) (?:publicit[ée]|annonce)",
        r"(?:l['’]article|la suite) (?:continue|se poursuit) (?:ci-)?dessous", r"suite de l['’]article (?:ci-)?dessous",
        r"continuer (?:la lecture|à lire)", r"poursuivre la lecture",
    ),
    phrases(
        "paywall",
        r"cet article vous a plu\s*\?.{0,200}",
        r"(?:article |contenu )?(?:pour les|r[ée]serv[ée]e? aux) abonn[ée]s",
        r".{0,120}[.!]\s+abonnez-vous (?:pour|d[èe]s|[àa] partir de|sans) .{0,100}",
        r"(?:le |la )?\w+ soutient .{0,60}\. abonnez-vous.{0,100}",
        rf"(?:cet |l['’])?(?:article|contenu|[ée]dition) (?:est )?(?:r[ée]serv[ée]e?|exclusif|accessible) (?:aux|à nos|pour les) {_SUBSCRIBERS}.{{0,60}}",
        rf"r[ée]serv[ée]e? (?:aux|à nos) {_SUBSCRIBERS}",
        rf"(?:article|contenu) {_SUBSCRIBERS}", rf"exclusivit[ée] {_SUBSCRIBERS}",
        r"il vous reste \d+(?:[.,]\d+)?\s*%.{0,80}", r"la suite est r[ée]serv[ée]e .{0,60}",
        rf"(?:d[ée]j[àa] |vous [êe]tes (?:d[ée]j[àa] )?){_SUBSCRIBERS}\s*\??.{{0,60}}",
        r"(?:se connecter|connectez-vous|identifiez-vous|je me connecte)(?: pour .{0,60})?",
        r"abonnez-vous(?: (?:pour|et|à partir de|d[èe]s|sans) .{0,80})?", r"je m['’]abonne.{0,60}",
        r"(?:pour )?lire la suite,? (?:abonnez-vous|connectez-vous|inscrivez-vous).{0,60}",
        r"offre (?:sp[ée]ciale|d[ée]couverte|exceptionnelle|num[ée]rique|d['’]abonnement)[^.!?]{0,60}(?:€|euros?|/\s*mois|par mois).{0,60}",
        r"vous avez atteint (?:la limite|le nombre).{0,80}", r"(?:s['’]abonner|abonnement)(?: [àa] partir de .{0,40})?",
        r"soutenez (?:le )?journalisme.{0,100}",
    ),
    phrases(
        "newsletter",
        r"recevez (?:chaque|tous les|toutes les|gratuitement|par e-?mail|directement|notre|nos)\b.{0,150}",
        r"(?:vos|les) donn[ée]es (?:personnelles )?(?:sont|seront) trait[ée]es.{0,200}",
        r"(?:inscrivez-vous|abonnez-vous|recevez|inscription|je m['’]inscris|s['’]inscrire)\s.{0,100}"
        r"(?:newsletter|lettre d['’]information|infolettre|bo[îi]te (?:mail|e-mail|aux lettres|de r[ée]ception)|e-?mail|courriel).{0,120}",
        r"(?:notre |la |nos |les )?(?:newsletters?|infolettres?|lettres? d['’]information)(?: [^.!?]{1,40})?",
        r"(?:votre|saisissez votre|entrez votre) (?:adresse )?(?:e-?mail|courriel).{0,60}",
        r"ne (?:manquez|ratez) (?:rien de l['’]actualit[ée]|aucune (?:info|actualit[ée])).{0,120}",
    ),
    phrases(
        "follow",
        r"suivez(?:-nous)?\b.{0,160}(?:facebook|twitter|\bx\b|instagram|whatsapp|telegram|tiktok|youtube|linkedin"
        r"|google (?:news|actualit[ée]s)|r[ée]seaux sociaux|cha[îi]ne|newsletter|fil).{0,100}",
        r"retrouvez(?:-nous)?\b.{0,100}(?:facebook|twitter|\bx\b|instagram|whatsapp|telegram|tiktok|youtube|linkedin"
        r"|r[ée]seaux sociaux|cha[îi]ne|application).{0,100}",
        r"rejoignez(?:-nous)?\b.{0,100}(?:cha[îi]ne|communaut[ée]|groupe|whatsapp|telegram).{0,100}",
    ),
    phrases(
        "share",
        r"partager(?: (?:sur|par|via|cet article|l['’]article)(?: [\w .+'’]{0,30})?)?", r"partagez(?: cet article)?",
        r"copier (?:le )?lien", r"lien copi[ée](?: dans le presse-papier)?",
        r"envoyer (?:par|cet article par) (?:e-?mail|courriel|sms)", r"imprimer(?: (?:l['’]article|cet article|la page))?",
        r"(?:sauvegarder|enregistrer|ajouter)(?: (?:cet article|l['’]article|à (?:mes|vos) (?:favoris|articles|s[ée]lections)))?",
        r"offrir(?: (?:cet|l['’])\s?article)?", r"lire plus tard", r"taille (?:du )?texte",
    ),
    phrases(
        "comments",
        r"\d+\s+(?:commentaires?|r[ée]actions?|contributions?)", r"(?:commentaires?|r[ée]actions?|contributions?)(?:\s*\(?\d+\)?)?",
        r"(?:voir|lire|afficher|masquer|ajouter|laisser|[ée]crire|publier|charger)"
        r" (?:un |les |des |votre |tous les )?(?:commentaires?|r[ée]actions?|contributions?)(?: \(\d+\))?",
        r"r[ée]agir(?: [àa] (?:cet|l['’])\s?article)?", r"commenter", r"chargement des commentaires",
        r"soyez le premier à (?:commenter|r[ée]agir)", r"rejoindre la (?:discussion|conversation)", r"contribuer",
    ),
    phrases(
        "related",
        r"(?:notre|nos) dossiers?(?: (?:sur|consacr[ée]s? [àa]u?x?|sp[ée]cial) [^.!?]{1,60})?",
        r"(?:[àa] |a )?lire (?:aussi|[ée]galement|plus)", r"lire aussi", r"voir aussi", r"[àa] voir (?:aussi|[ée]galement)",
        r"sur le m[êe]me (?:sujet|th[èe]me)", r"dans la m[êe]me rubrique", r"pour aller plus loin", r"en savoir plus",
        r"les plus (?:lus|partag[ée]s|comment[ée]s|consult[ée]s|r[ée]cents)", r"(?:articles|contenus) (?:li[ée]s|associ[ée]s|recommand[ée]s)",
        r"[àa] d[ée]couvrir(?: aussi| [ée]galement)?", r"d[ée]couvrez aussi", r"vous (?:aimerez|pourriez aimer) aussi",
        r"ces articles (?:peuvent|pourraient) vous int[ée]resser", r"recommand[ée] pour vous", r"nos articles sur le sujet",
        r"notre s[ée]lection", r"la r[ée]daction vous (?:conseille|recommande)", r"nos lecteurs ont (?:aussi|[ée]galement) lu", r"(?:les )?derni[èe]res (?:actualit[ée]s|infos|informations)", r"l['’]essentiel", r"en continu",
        r"plus d['’](?:actualit[ée]s|infos|articles)", r"dans l['’]actualit[ée]", r"[àa] la une",
        tail=LINK_TAIL,
        takes_next=3,
    ),
    phrases(
        "related",
        r"(?:[àa] )?lire aussi (?:l['’]\s?|le |la |les |notre |nos |un |une )[\w'’ -]{2,30}?",
        tail=r"\s*[:|»>→\-–—]\s*.{0,200}",
    ),
    phrases(
        "controls",
        r"menu|rechercher|recherche",
        r"fermer", r"afficher (?:plus|la suite|moins)", r"agrandir(?: l['’]image| la photo)?", r"retour en haut(?: de (?:la )?page)?",
        r"voir (?:la galerie|les photos|le diaporama)", r"plein [ée]cran",
    ),
    phrases("tags", r"mots[- ]cl[ée]s", r"th[èe]mes?", r"tags", r"sujets?(?: associ[ée]s)?", tail=r"(?:\s*:\s*.{0,200})?"),
    phrases(
        "reading-time",
        r"lecture(?: en)? \d+\s*(?:min(?:utes?)?|mn)\.?",
        r"(?:temps de )?lecture\s*:?\s*\d+\s*(?:min(?:utes?)?|mn)\.?", r"\d+\s*(?:min(?:utes?)?|mn)\.? de lecture",
    ),
    phrases(
        "app-promo",
        r"t[ée]l[ée]charge(?:z|r) (?:l['’]|notre )appli(?:cation)?.{0,60}", r"(?:ouvrir|lire) dans l['’]appli(?:cation)?",
        r"disponible sur (?:l['’]app store|google play).{0,40}",
    ),
    phrases(
        "correction-link",
        r"signaler (?:une erreur|un contenu|un abus|une coquille)", r"(?:vous avez )?(?:rep[ée]r[ée]|trouv[ée]) une (?:erreur|coquille)\s*\??.{0,60}",
    ),
    phrases(
        "cookie-notice",
        r"(?:nous (?:utilisons|et nos partenaires utilisons)|ce site (?:web )?utilise|ce site internet utilise) (?:des )?(?:cookies|traceurs).{0,300}",
        r"(?:accepter|refuser|param[ée]trer|g[ée]rer|personnaliser)(?: tous)?(?: les| mes)? (?:cookies|traceurs).{0,40}",
        r"politique (?:de )?(?:cookies|confidentialit[ée])", r"(?:param[èe]tres|pr[ée]f[ée]rences) (?:des )?cookies",
        r"accepter et (?:fermer|continuer)", r"(?:tout )?accepter", r"(?:tout )?refuser", r"continuer sans accepter",
        r"gestion des cookies", r"ce contenu est bloqu[ée].{0,200}", r"contenu externe(?: bloqu[ée])?", r"vos choix (?:en mati[èe]re de|concernant les) cookies.{0,100}",
        r"(?:en poursuivant|en continuant) (?:votre navigation|la navigation).{0,300}",
    ),
    phrases(
        "copyright",
        r"(?:©\s*)?tous droits r[ée]serv[ée]s.{0,80}", r"reproduction (?:interdite|strictement interdite|r[ée]serv[ée]e).{0,120}",
    ),
    phrases(
        "photo-credit",
        r"(?:photos?|images?|illustrations?|infographie|vid[ée]o|cr[ée]dits?(?: photo)?|source)(?: de| par)?\s*:\s*[^.!?]{1,80}",
        r"\(?photo d['’](?:illustration|archives?)[^.!?]{0,60}\)?", r"\((?:photo|image|illustration)\s*:?[^.!?()]{1,60}\)",
        r"(?:photos?|images?|vid[ée]o) (?:de|par) (?-i:[A-Z])[^.!?]{0,60}", r"photo\s+(?-i:[A-Z]{2,})[^.!?]{0,60}",
    ),
    *CAPTIONS,
    *TEASERS,
)
"""French rules in the order they are tried (after the vendors' stubs, before the neutral rules)."""
