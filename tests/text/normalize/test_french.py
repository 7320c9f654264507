"""French through :func:`~narrate.text.normalize.normalize_for_speech` with ``language="fr"``: realistic
fragments of news and the words a French newsreader says for them, one kind of token per group."""

from __future__ import annotations

import pytest

from narrate.text.normalize import normalize_for_speech

CASES = [
    # numbers: thousands with a space (also U+00A0 and U+202F), decimals with a comma, "une"
    (
        "Le gouvernement a débloqué 3 500 millions d'euros.",
        "Le gouvernement a débloqué trois mille cinq cents millions d'euros.",
    ),
    ("On compte 21 000 cas et 12 000 victimes.", "On compte vingt et un mille cas et douze mille victimes."),
    ("La population atteint 68 millions d'habitants.", "La population atteint soixante-huit millions d'habitants."),
    ("Plus de 200 personnes ont été évacuées.", "Plus de deux cents personnes ont été évacuées."),
    ("Il y a 21 voitures et 1 heure d'attente.", "Il y a vingt et une voitures et une heure d'attente."),
    ("La France compte 101 départements.", "La France compte cent un départements."),
    ("Elle a 80 ans et lui 71 ans ; il a 1 an.", "Elle a quatre-vingts ans et lui soixante et onze ans; il a un an."),
    ("Le taux est passé de 0,5 à 1,2.", "Le taux est passé de zéro virgule cinq à un virgule deux."),
    ("La dette atteint 3.000 milliards d'euros.", "La dette atteint trois mille milliards d'euros."),
    (
        "La ville compte 3\u202f500 habitants et 12\xa0% de chômeurs.",
        "La ville compte trois mille cinq cents habitants et douze pour cent de chômeurs.",
    ),
    ("Le thermomètre affiche -3 degrés.", "Le thermomètre affiche moins trois degrés."),
    # percents
    ("Le chômage a reculé de 4,5 % sur un an.", "Le chômage a reculé de quatre virgule cinq pour cent sur un an."),
    ("L'inflation atteint 2,3 % en février.", "L'inflation atteint deux virgule trois pour cent en février."),
    ("Une hausse de 10–20 % est attendue.", "Une hausse de dix à vingt pour cent est attendue."),
    ("Les prix ont augmenté de 1 %.", "Les prix ont augmenté d'un pour cent."),
    # money
    ("Le billet coûte 1,50 €.", "Le billet coûte un euro cinquante."),
    (
        "Un plein coûte 80 euros, soit 1,90 € le litre.",
        "Un plein coûte quatre-vingts euros, soit un euro quatre-vingt-dix le litre.",
    ),
    (
        "Le budget atteint 3,5 M€ et 2 Md€.",
        "Le budget atteint trois virgule cinq millions d'euros et deux milliards d'euros.",
    ),
    (
        "Le baril vaut 82 $ et l'action 12 CHF.",
        "Le baril vaut quatre-vingt-deux dollars et l'action douze francs suisses.",
    ),
    ("Il touche 1 500 € par mois.", "Il touche mille cinq cents euros par mois."),
    # dates and years
    (
        "Le 1er janvier 2025, la réforme entre en vigueur.",
        "Le premier janvier deux mille vingt-cinq, la réforme entre en vigueur.",
    ),
    ("Le 12 mars 2024, le texte a été adopté.", "Le douze mars deux mille vingt-quatre, le texte a été adopté."),
    ("Le 14 juillet 1789.", "Le quatorze juillet mille sept cent quatre-vingt-neuf."),
    ("Les 1er et 2 juin.", "Les premier et deux juin."),
    ("Le 12/03/2024, le décret a été publié.", "Le douze mars deux mille vingt-quatre, le décret a été publié."),
    (
        "Les années 1990 ont été marquées par la crise.",
        "Les années mille neuf cent quatre-vingt-dix ont été marquées par la crise.",
    ),
    # ordinals
    ("Elle est arrivée 1re et lui 2e.", "Elle est arrivée première et lui deuxième."),
    ("C'est la 3e fois cette saison, la 10ème victoire.", "C'est la troisième fois cette saison, la dixième victoire."),
    ("Au 3e trimestre 2023, il était 2nd.", "Au troisième trimestre deux mille vingt-trois, il était second."),
    ("Les 1ers arrivés seront servis.", "Les premiers arrivés seront servis."),
    # times
    ("Le train part à 14h30 et arrive à 18 h.", "Le train part à quatorze heures trente et arrive à dix-huit heures."),
    ("Rendez-vous à 9h05 ou à 21h.", "Rendez-vous à neuf heures cinq ou à vingt et une heures."),
    ("La séance commence à 20:45.", "La séance commence à vingt heures quarante-cinq."),
    ("Le match se joue à 1h du matin.", "Le match se joue à une heure du matin."),
    # Roman numerals: centuries and rulers
    ("Au XXIe siècle, tout change.", "Au vingt et unième siècle, tout change."),
    (
        "Au XIXe siècle, Paris comptait 1 million d'habitants.",
        "Au dix-neuvième siècle, Paris comptait un million d'habitants.",
    ),
    ("Louis XIV et Napoléon III ; François Ier.", "Louis quatorze et Napoléon trois; François premier."),
    ("Sous la Ve République.", "Sous la cinquième République."),
    # ranges and scores
    ("Entre 2010-2015, le PIB a stagné.", "Entre deux mille dix et deux mille quinze, le PIB a stagné."),
    (
        "Sur la période 2008-2014, la dette a explosé.",
        "Sur la période deux mille huit à deux mille quatorze, la dette a explosé.",
    ),
    ("Le PSG a gagné 3-0, score final 2 à 1.", "Le PSG a gagné trois à zéro, score final deux à un."),
    ("Une victoire 21-15 en finale.", "Une victoire vingt et un à quinze en finale."),
    # units
    (
        "Il a parcouru 42,195 km en 2 h 05.",
        "Il a parcouru quarante-deux virgule cent quatre-vingt-quinze kilomètres en deux heures cinq.",
    ),
    ("Le vent souffle à 120 km/h.", "Le vent souffle à cent vingt kilomètres par heure."),
    (
        "Il fait 35 °C à Marseille et -3 °C à Lille.",
        "Il fait trente-cinq degrés Celsius à Marseille et moins trois degrés Celsius à Lille.",
    ),
    (
        "L'appartement fait 45 m² et la tour mesure 330 m.",
        "L'appartement fait quarante-cinq mètres carrés et la tour mesure trois cent trente mètres.",
    ),
    ("Il a perdu 5 kg et la forêt couvre 12 ha.", "Il a perdu cinq kilogrammes et la forêt couvre douze hectares."),
    # abbreviations
    ("M. Macron et Mme Borne se sont parlé.", "Monsieur Macron et madame Borne se sont parlé."),
    ("Me Dupond-Moretti a plaidé devant le Dr Martin.", "Maître Dupond-Moretti a plaidé devant le docteur Martin."),
    (
        "Il a cité des exemples, p. ex. la Grèce, etc. Puis il est parti.",
        "Il a cité des exemples, par exemple la Grèce, et cetera. Puis il est parti.",
    ),
    (
        "Le n° 5 de la rue et l'art. 49 de la Constitution.",
        "Le numéro cinq de la rue et l'article quarante-neuf de la Constitution.",
    ),
    # phone numbers, web addresses, codes
    ("Appelez le 01 23 45 67 89.", "Appelez le zéro un, vingt-trois, quarante-cinq, soixante-sept, quatre-vingt-neuf."),
    (
        "Composez le +33 6 12 34 56 78.",
        "Composez le plus trente-trois, six, douze, trente-quatre, cinquante-six, soixante-dix-huit.",
    ),
    (
        "Consultez www.exemple.fr ou écrivez à contact@exemple.fr.",
        "Consultez exemple point fr ou écrivez à contact arobase exemple point fr.",
    ),
    (
        "La Covid-19 a fait des ravages ; le G7 s'est réuni.",
        "La Covid-dix-neuf a fait des ravages; le G sept s'est réuni.",
    ),
    ("Ouvert 24/7.", "Ouvert vingt-quatre sur sept."),
    # whole sentences of news
    (
        "Le groupe a réalisé 1,2 milliard d'euros de chiffre d'affaires au 1er trimestre.",
        "Le groupe a réalisé un virgule deux milliard d'euros de chiffre d'affaires au premier trimestre.",
    ),
    (
        "Le rendez-vous est fixé à 20 h, puis à 8 h 30 et à 20h00.",
        "Le rendez-vous est fixé à vingt heures, puis à huit heures trente et à vingt heures.",
    ),
    ("Dans les années 1980, le chômage explose.", "Dans les années mille neuf cent quatre-vingts, le chômage explose."),
    (
        "Le salaire médian atteint 2 100 € net, soit +3,5 %.",
        "Le salaire médian atteint deux mille cent euros net, soit plus trois virgule cinq pour cent.",
    ),
    (
        "Le gouvernement a utilisé le 49.3 pour la 20e fois.",
        "Le gouvernement a utilisé le quarante-neuf trois pour la vingtième fois.",
    ),
    ("Le n°1 mondial a gagné 6-4, 6-3.", "Le numéro un mondial a gagné six à quatre, six à trois."),
    (
        "Le CAC 40 a clôturé à 7 512,34 points.",
        "Le CAC quarante a clôturé à sept mille cinq cent douze virgule trente-quatre points.",
    ),
    (
        "À partir du 1er juillet 2024, le prix augmentera de 0,5 %.",
        "À partir du premier juillet deux mille vingt-quatre, le prix augmentera de zéro virgule cinq pour cent.",
    ),
    (
        "Il a 1 chance sur 3 ; le budget passe à 1,5 M€.",
        "Il a une chance sur trois; le budget passe à un virgule cinq million d'euros.",
    ),
    ("Le Smic passe à 1 766,92 € brut.", "Le Smic passe à mille sept cent soixante-six euros quatre-vingt-douze brut."),
    # fractions
    ("Les 2/3 des sièges et 1/4 des voix.", "Les deux tiers des sièges et un quart des voix."),
]
"""(fragment as written, as a French newsreader says it)."""


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_french(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="fr") == expected


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40
