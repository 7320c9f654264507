"""French boilerplate rules, table-driven: lines that must go (with the rule that takes them), near
misses that must stay (sentences that start like boilerplate: "Par ailleurs…"), bylines, dates."""

from __future__ import annotations

import pytest

from narrate.text.rules import is_dateline, parse_date, rules_for
from tests.text.rules.cases import TEASER_RULES, assert_removed_by, assert_spoken

BOILERPLATE = [
    ('Article rédigé par franceinfo avec AFP', 'byline'),
    ('Cet article vous a plu ? Soutenez-nous.', 'paywall'),
    ('Pour les abonnés', 'paywall'),
    ('Lecture en 3 min', 'reading-time'),
    ('Libération soutient le pluralisme. Abonnez-vous pour 1 € le premier mois.', 'paywall'),
    ('Recevez chaque vendredi notre sélection de sorties culturelles.', 'newsletter'),
    ('Notre dossier sur le vélo', 'related'),
    ('Vos données personnelles sont traitées conformément à notre politique de confidentialité.', 'newsletter'),
    ('Journaliste au service Planète', 'byline'),
    ('Le boulevard en travaux, le 18 mars 2024. — A. Brélivet / 20 Minutes', 'photo-credit'),
    ("Chargement du lecteur audio…", "player-stub"),
    ("Chargement du lecteur", "player-stub"),
    ("Écouter cet article", "player-stub"),
    ("Écouter l'article · 4 min", "player-stub"),
    ("Écouter", "player-stub"),
    ("Cet article est disponible en version audio.", "player-stub"),
    ("Votre navigateur ne prend pas en charge l'élément audio.", "player-stub"),
    ("Powered by BeyondWords", "player-stub"),
    ("Publié le :", "timestamp-labels"),
    ("Publié aujourd'hui à 10h45", "timestamp-labels"),
    ("Il y a 3 heures", "timestamp-labels"),
    ("Par Camille Rousseau", "byline"),
    ("Par Camille Rousseau et Hugo Lambert", "byline"),
    ("PAR CAMILLE ROUSSEAU", "byline"),
    ("Par Camille Rousseau (envoyée spéciale à Kiev)", "byline"),
    ("Par Jean-Pierre de La Tour, correspondant à Bruxelles", "byline"),
    ("Propos recueillis par Hugo Lambert", "byline"),
    ("Par AFP", "byline"),
    ("La rédaction", "byline"),
    ("Le Monde avec AFP", "byline"),
    ("12 mars 2024 à 10h45", "date"),
    ("Publié le 12 mars 2024 à 10h45, mis à jour le 12 mars 2024 à 11h02", "date"),
    ("Mis à jour le 12/03/2024", "date"),
    ("mardi 12 mars 2024", "date"),
    ("Le 1er mars 2024 à 08:00", "date"),
    ("Publicité", "advertisement"),
    ("PUBLICITÉ", "advertisement"),
    ("Contenu sponsorisé", "advertisement"),
    ("Aller au contenu principal", "skip-link"),
    ("Lire la suite", "continue-reading"),
    ("La suite après cette publicité", "continue-reading"),
    ("Article réservé aux abonnés", "paywall"),
    ("Cet article est réservé aux abonnés.", "paywall"),
    ("Réservé aux abonnés", "paywall"),
    ("Il vous reste 75 % de cet article à lire. La suite est réservée aux abonnés.", "paywall"),
    ("Déjà abonné ? Se connecter", "paywall"),
    ("Abonnez-vous pour lire la suite", "paywall"),
    ("Offre spéciale : 1 € le premier mois", "paywall"),
    ("Se connecter", "paywall"),
    ("Inscrivez-vous à notre newsletter", "newsletter"),
    ("Recevez chaque matin l'essentiel de l'actualité dans votre boîte mail.", "newsletter"),
    ("Newsletter Politique", "newsletter"),
    ("Suivez-nous sur Facebook et Instagram", "follow"),
    ("Retrouvez-nous sur notre chaîne WhatsApp", "follow"),
    ("Partager", "share"),
    ("Partager sur Facebook", "share"),
    ("Copier le lien", "share"),
    ("Lien copié", "share"),
    ("Envoyer par e-mail", "share"),
    ("Imprimer", "share"),
    ("Offrir cet article", "share"),
    ("Facebook | X | LinkedIn | E-mail", "share"),
    ("12 commentaires", "comments"),
    ("Commentaires", "comments"),
    ("Réagir", "comments"),
    ("Voir les commentaires", "comments"),
    ("Lire aussi : Le budget 2024 adopté dans la douleur", "related"),
    ("LIRE AUSSI", "related"),
    ("À lire aussi", "related"),
    ("Sur le même sujet", "related"),
    ("Les plus lus", "related"),
    ("Ces articles peuvent vous intéresser", "related"),
    ("Mots-clés : piscine, Lorvenne, sport", "tags"),
    ("Temps de lecture : 3 min.", "reading-time"),
    ("Lecture 4 min", "reading-time"),
    ("Téléchargez l'application Le Courrier", "app-promo"),
    ("Signaler une erreur", "correction-link"),
    ("Nous utilisons des cookies pour améliorer votre expérience.", "cookie-notice"),
    ("Accepter et fermer", "cookie-notice"),
    ("Continuer sans accepter", "cookie-notice"),
    ("Tout accepter", "cookie-notice"),
    ("Paramétrer les cookies", "cookie-notice"),
    ("© Le Courrier de Lorvenne 2024 - Tous droits réservés", "copyright"),
    ("Tous droits réservés.", "copyright"),
    ("Reproduction interdite", "copyright"),
    ("Photo : AFP", "photo-credit"),
    ("Crédit photo : Lucas Moreau", "photo-credit"),
    ("Photo d'illustration", "photo-credit"),
    ("La nouvelle piscine, le 9 mars 2024. PHOTO LUCAS MOREAU / AFP", "photo-credit"),
    ("LUCAS MOREAU / AFP", "photo-credit"),
    ("* * *", "separator"),
    ("LA PISCINE DE LORVENNE ROUVRE ENFIN SES PORTES AU PUBLIC", "related-headline"),
    ("Lire aussi l'analyse | La piscine, un gouffre financier ?", 'related'),
    ('Lire aussi le décryptage : Pourquoi les piscines ferment', 'related'),
    ('La rédaction vous conseille', 'related'),
    ('Il vous reste 83.38% de cet article à lire. La suite est réservée aux abonnés.', 'paywall'),
    ('Offrir', 'share'),
    ('Article rédigé par Camille Rousseau - franceinfo', 'byline'),
    ('Commentaires 12', 'comments'),
    ("Ne manquez rien de l'actualité de Lorvenne : recevez nos alertes.", 'newsletter'),
    ('Publié le 12/03/2024 10:45 Mis à jour le 12/03/2024 11:02', 'date'),
    ('Fermer', 'controls'),
    ('Agrandir la photo', 'controls'),
    ('Ce contenu est bloqué car vous n’avez pas accepté les cookies.', 'cookie-notice'),
    ('Conforme aux critères de The Trust Project', 'licensing'),
]

NEAR_MISSES = [
    'Notre dossier de candidature a été refusé deux fois, explique-t-il.',
    'Pour les abonnés de la ligne, le prix ne changera pas.',
    "Par ailleurs, la ville a installé des panneaux solaires.",
    "Par rapport à l'ancien bâtiment, le changement est spectaculaire.",
    "Par Jean Dupont, le maire entend répondre aux critiques.",
    "Par exemple",
    "Publicité mensongère : l'enseigne condamnée à 5 000 euros.",
    "Partager les coûts reste la priorité de la région.",
    "Commentaires et critiques se sont multipliés après le vote.",
    "Lire la presse locale reste une habitude à Lorvenne.",
    "Réservé aux habitants, le parking est gratuit le dimanche.",
    "Suivez le guide, lance le maire en souriant.",
    "Nous utilisons les bassins depuis vingt ans, disent les nageurs.",
    "Le 12 mars 2024, le conseil municipal a voté le budget.",
    "PARIS (AFP) - Le Sénat a adopté le texte mardi.",
    "Photo de famille pour les élus réunis devant la piscine.",
    "Sans engagement clair, rien ne bougera.",
    "Sur le même sujet, la région a annoncé une enquête.",
    "En savoir plus sur le chantier n'a pas été simple.",
    "Écouter les usagers, c'est la priorité du maire.",
    "Abonnez-vous, disait la publicité des années 1990.",
    "Lecture et écriture sont au programme des ateliers.",
    "Mis à jour chaque semaine, le planning est affiché à l'entrée.",
    "Imprimer les tickets n'est plus nécessaire.",
    "Tout accepter serait une erreur, estime l'opposition.",
    "Offre d'emploi : la ville recrute trois maîtres-nageurs.",
    "M. Lefèvre a coupé le ruban samedi.",
    'Ne manquez rien de ce spectacle, conseille le directeur.',
    "Fermer la piscine l'hiver coûterait moins cher.",
    'Lire aussi les rapports de la Cour des comptes serait utile.',
]


@pytest.mark.parametrize("line, rule", BOILERPLATE)
def test_boilerplate_line_is_removed_by_its_rule(line: str, rule: str) -> None:
    assert_removed_by("fr", line, rule)


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_miss_is_spoken(line: str) -> None:
    assert_spoken("fr", line)


def test_every_french_rule_has_a_case() -> None:
    own = {rule.name for rule in rules_for("fr")} - {"site-tag"} - TEASER_RULES
    assert {rule for _, rule in BOILERPLATE} >= own
    assert len(BOILERPLATE) >= 60 and len(NEAR_MISSES) >= 25


@pytest.mark.parametrize(
    "line, author",
    [
        ("Par Camille Rousseau", "Camille Rousseau"),
        ("PAR CAMILLE ROUSSEAU", "Camille Rousseau"),
        ("Par Camille Rousseau et Hugo Lambert", "Camille Rousseau et Hugo Lambert"),
        ("Par Camille Rousseau, Hugo Lambert et Inès Martin", "Camille Rousseau, Hugo Lambert et Inès Martin"),
        ("Par Camille Rousseau (envoyée spéciale à Kiev)", "Camille Rousseau"),
        ("Propos recueillis par Hugo Lambert", "Hugo Lambert"),
    ],
)
def test_byline_author_goes_to_metadata(line: str, author: str) -> None:
    assert assert_removed_by("fr", line, "byline").author == author


@pytest.mark.parametrize(
    "text, iso",
    [
        ("12 mars 2024 à 10h45", "2024-03-12"),
        ("Mis à jour le 12/03/2024", "2024-03-12"),
        ("1er mars 2024", "2024-03-01"),
        ("12 févr. 2024", "2024-02-12"),
        ("3 août 2024", "2024-08-03"),
        ("décembre 2023", "2023-12-01"),
        ("Publié aujourd'hui à 10h45", None),
    ],
)
def test_dates_are_read_the_french_way(text: str, iso: str | None) -> None:
    assert parse_date(text, "fr") == iso


def test_a_dateline_holds_nothing_but_a_date() -> None:
    assert is_dateline("Publié le 12 mars 2024 à 10h45, modifié le 12 mars 2024 à 11h02", "fr")
    assert not is_dateline("Le 12 mars 2024, le Sénat a voté.", "fr")
    assert assert_removed_by("fr", "Mis à jour le 12/03/2024", "date").date == "2024-03-12"
