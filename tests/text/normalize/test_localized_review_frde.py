"""A review set for French and German, written apart from the code: sentences in the styles of real
news (economy, sport, politics, weather, health, courts, tech) in France, Belgium, Switzerland,
Canada, Germany, Austria and Switzerland, with the numbers written the way papers write them, and
what a native newsreader says for each. Cases marked "unsure" have another acceptable reading."""

from __future__ import annotations

import pytest

from narrate.text.normalize import normalize_for_speech

NNBSP, NBSP = "\u202f", "\xa0"

FRENCH = [
    # economy
    (
        "L'inflation a atteint 2,3 % sur un an en mars, selon l'Insee.",
        "L'inflation a atteint deux virgule trois pour cent sur un an en mars, selon l'Insee.",
    ),
    (
        "Le taux de chômage s'établit à 7,3% au 4e trimestre.",
        "Le taux de chômage s'établit à sept virgule trois pour cent au quatrième trimestre.",
    ),
    (
        "Le projet coûtera 2,5 milliards d'euros à l'État.",
        "Le projet coûtera deux virgule cinq milliards d'euros à l'État.",
    ),
    (
        "La France compte 1,2 million de chômeurs de longue durée.",
        "La France compte un virgule deux million de chômeurs de longue durée.",
    ),
    ("Le loyer moyen atteint 1 200 € par mois.", "Le loyer moyen atteint mille deux cents euros par mois."),
    ("Une amende de 20 000 euros a été requise.", "Une amende de vingt mille euros a été requise."),
    (
        "Au 2e trimestre, le PIB a progressé de 0,2 %.",
        "Au deuxième trimestre, le PIB a progressé de zéro virgule deux pour cent.",
    ),
    ("Le taux directeur a été relevé de 0,5 point.", "Le taux directeur a été relevé de zéro virgule cinq point."),
    ("La TVA à 20 % s'applique à ces produits.", "La TVA à vingt pour cent s'applique à ces produits."),
    (
        "Le paquet de 500 g coûte désormais 3,49 €.",
        "Le paquet de cinq cents grammes coûte désormais trois euros quarante-neuf.",
    ),
    (
        "Le CAC 40 a cédé 1,5 % à 7 450,12 points.",
        "Le CAC quarante a cédé un virgule cinq pour cent à sept mille quatre cent cinquante virgule douze points.",
    ),
    ("Le Smic horaire brut passe à 11,65 €.", "Le Smic horaire brut passe à onze euros soixante-cinq."),
    (
        "Le groupe a annoncé 1 200 suppressions de postes.",
        "Le groupe a annoncé mille deux cents suppressions de postes.",
    ),
    ("Le chantier a coûté 15 M€.", "Le chantier a coûté quinze millions d'euros."),
    ("L'amende s'élève à 1 500 000 euros.", "L'amende s'élève à un million cinq cent mille euros."),
    (
        "Le Smic net s'élève à 1 398,69 euros.",
        "Le Smic net s'élève à mille trois cent quatre-vingt-dix-huit euros soixante-neuf.",
    ),
    ("Le gazole atteint 1,85 euro le litre.", "Le gazole atteint un euro quatre-vingt-cinq le litre."),
    (
        "La dette publique atteint 110,6 % du PIB.",
        "La dette publique atteint cent dix virgule six pour cent du PIB.",
    ),
    ("Un investissement de 500 000 € est prévu.", "Un investissement de cinq cent mille euros est prévu."),
    ("Sa fortune est estimée à 1 milliard d'euros.", "Sa fortune est estimée à un milliard d'euros."),
    # unsure: "de un" is also heard, but a newsreader elides
    ("Les prix ont augmenté de 1 % en mai.", "Les prix ont augmenté d'un pour cent en mai."),
    ("Le salaire médian a progressé de +3,5 %.", "Le salaire médian a progressé de plus trois virgule cinq pour cent."),
    ("Le budget prévoit 3,2 Md€ d'économies.", "Le budget prévoit trois virgule deux milliards d'euros d'économies."),
    ("La Bourse a ouvert en baisse de 0,8 %.", "La Bourse a ouvert en baisse de zéro virgule huit pour cent."),
    # thousands with U+202F and U+00A0
    (
        f"Près de 12{NNBSP}000 personnes ont manifesté à Nantes.",
        "Près de douze mille personnes ont manifesté à Nantes.",
    ),
    (f"La commune de 2{NBSP}500 habitants a voté.", "La commune de deux mille cinq cents habitants a voté."),
    (f"Le loyer passe à 1{NNBSP}200{NNBSP}€.", "Le loyer passe à mille deux cents euros."),
    (f"Le taux atteint 4,5{NBSP}%.", "Le taux atteint quatre virgule cinq pour cent."),
    ("La ville compte 12 000 habitants.", "La ville compte douze mille habitants."),
    # dates
    ("La réforme entre en vigueur le 1er janvier.", "La réforme entre en vigueur le premier janvier."),
    ("Le festival se tiendra du 3 au 5 mai à Cannes.", "Le festival se tiendra du trois au cinq mai à Cannes."),
    (
        "Entre 2020 et 2023, les prix de l'énergie ont doublé.",
        "Entre deux mille vingt et deux mille vingt-trois, les prix de l'énergie ont doublé.",
    ),
    (
        "Dans les années 1980, la sidérurgie lorraine s'effondre.",
        "Dans les années mille neuf cent quatre-vingts, la sidérurgie lorraine s'effondre.",
    ),
    ("Le décret a été publié le 12/03/2024.", "Le décret a été publié le douze mars deux mille vingt-quatre."),
    (
        "Le Conseil constitutionnel rendra sa décision le 25 janvier 2024.",
        "Le Conseil constitutionnel rendra sa décision le vingt-cinq janvier deux mille vingt-quatre.",
    ),
    (
        "Né le 1er mai 1950, il a fait toute sa carrière à Lille.",
        "Né le premier mai mille neuf cent cinquante, il a fait toute sa carrière à Lille.",
    ),
    ("Le scrutin aura lieu les 9 et 10 juin.", "Le scrutin aura lieu les neuf et dix juin."),
    (
        "Le 8 mai 1945 marque la fin de la guerre en Europe.",
        "Le huit mai mille neuf cent quarante-cinq marque la fin de la guerre en Europe.",
    ),
    (
        "La loi du 29 juillet 1881 protège la presse.",
        "La loi du vingt-neuf juillet mille huit cent quatre-vingt-un protège la presse.",
    ),
    ("Le passage à l'an 2000 a inquiété.", "Le passage à l'an deux mille a inquiété."),
    (
        "En 2023, 12,5 % des ménages étaient concernés.",
        "En deux mille vingt-trois, douze virgule cinq pour cent des ménages étaient concernés.",
    ),
    # times
    ("Le conseil des ministres se réunira à 19 h 30.", "Le conseil des ministres se réunira à dix-neuf heures trente."),
    ("Coup d'envoi à 21h, reprise à 19h30.", "Coup d'envoi à vingt et une heures, reprise à dix-neuf heures trente."),
    ("Le bureau est ouvert de 9 h à 18 h.", "Le bureau est ouvert de neuf heures à dix-huit heures."),
    (
        "Les urgences restent ouvertes 24h/24 et 7j/7.",
        "Les urgences restent ouvertes vingt-quatre heures sur vingt-quatre et sept jours sur sept.",
    ),
    ("La Première ministre s'est exprimée à 20 heures.", "La Première ministre s'est exprimée à vingt heures."),
    ("Il reste 2 h 30 de route.", "Il reste deux heures trente de route."),
    # weather
    (
        "Le thermomètre est descendu à -3,2 °C à Strasbourg.",
        "Le thermomètre est descendu à moins trois virgule deux degrés Celsius à Strasbourg.",
    ),
    ("Il a fait 35°C à l'ombre à Nîmes.", "Il a fait trente-cinq degrés Celsius à l'ombre à Nîmes."),
    (
        "Météo : jusqu'à 40 °C attendus dans le Sud.",
        "Météo: jusqu'à quarante degrés Celsius attendus dans le Sud.",
    ),
    (
        "Les températures oscilleront entre 10 et 15 degrés.",
        "Les températures oscilleront entre dix et quinze degrés.",
    ),
    (
        "Des rafales de 100 à 120 km/h sont attendues.",
        "Des rafales de cent à cent vingt kilomètres par heure sont attendues.",
    ),
    ("Il est tombé 30 mm de pluie en une heure.", "Il est tombé trente millimètres de pluie en une heure."),
    ("La température ressentie était de -10°.", "La température ressentie était de moins dix degrés."),
    # units, sizes
    (
        "La vitesse est limitée à 110 km/h sur ce tronçon.",
        "La vitesse est limitée à cent dix kilomètres par heure sur ce tronçon.",
    ),
    (
        "Un appartement de 50 m² à Paris se loue 1 500 euros.",
        "Un appartement de cinquante mètres carrés à Paris se loue mille cinq cents euros.",
    ),
    ("Le suspect mesure 1,80 m.", "Le suspect mesure un mètre quatre-vingts."),
    ("La batterie offre une autonomie de 500 km.", "La batterie offre une autonomie de cinq cents kilomètres."),
    ("Le centre de données consommera 100 MW.", "Le centre de données consommera cent mégawatts."),
    (
        "Il a couru le 100 m en 9,58 s.",
        "Il a couru le cent mètres en neuf virgule cinquante-huit secondes.",
    ),
    # sport
    ("Le Français termine à la 5e place.", "Le Français termine à la cinquième place."),
    (
        "La 3e édition du salon a attiré 40 000 visiteurs.",
        "La troisième édition du salon a attiré quarante mille visiteurs.",
    ),
    ("Le PSG s'est imposé 3-1 face à Lyon.", "Le PSG s'est imposé trois à un face à Lyon."),
    ("Lens mène 1-0 à la pause.", "Lens mène un à zéro à la pause."),
    ("Kylian Mbappé a inscrit son 250e but.", "Kylian Mbappé a inscrit son deux cent cinquantième but."),
    ("La Ligue 1 reprend le 16 août.", "La Ligue un reprend le seize août."),
    (
        "L'OM est 3e du classement avec 45 points.",
        "L'OM est troisième du classement avec quarante-cinq points.",
    ),
    (
        "Le Tour de France 2024 s'élancera de Florence.",
        "Le Tour de France deux mille vingt-quatre s'élancera de Florence.",
    ),
    ("Il a été élu avec 50,2 % des voix.", "Il a été élu avec cinquante virgule deux pour cent des voix."),
    # history, politics, courts
    ("Le XXIe siècle sera celui du climat.", "Le vingt et unième siècle sera celui du climat."),
    ("Le château a été construit sous Louis XIV.", "Le château a été construit sous Louis quatorze."),
    (
        "Sous la IVe République, les gouvernements tombaient vite.",
        "Sous la quatrième République, les gouvernements tombaient vite.",
    ),
    ("Le pape a reçu Charles III au Vatican.", "Le pape a reçu Charles trois au Vatican."),
    ("Jean-Paul II a été canonisé en 2014.", "Jean-Paul deux a été canonisé en deux mille quatorze."),
    (
        "Benoît XVI est mort le 31 décembre 2022.",
        "Benoît seize est mort le trente et un décembre deux mille vingt-deux.",
    ),
    (
        "Le gouvernement a engagé sa responsabilité avec l'art. 49.3.",
        "Le gouvernement a engagé sa responsabilité avec l'article quarante-neuf trois.",
    ),
    (
        "La Première ministre a de nouveau dégainé le 49.3.",
        "La Première ministre a de nouveau dégainé le quarante-neuf trois.",
    ),
    ("Un homme âgé de 45 ans a été interpellé.", "Un homme âgé de quarante-cinq ans a été interpellé."),
    (
        "Il a été condamné à 5 ans de prison dont 2 avec sursis.",
        "Il a été condamné à cinq ans de prison dont deux avec sursis.",
    ),
    ("La cour a alourdi la peine à 18 mois ferme.", "La cour a alourdi la peine à dix-huit mois ferme."),
    ("Le suspect habitait au n° 5 de la rue Victor-Hugo.", "Le suspect habitait au numéro cinq de la rue Victor-Hugo."),
    ("Le n°2 du gouvernement a démissionné.", "Le numéro deux du gouvernement a démissionné."),
    ("Environ 3 000 policiers seront mobilisés.", "Environ trois mille policiers seront mobilisés."),
    # unsure: "les dix-huit - vingt-cinq ans" is heard too
    ("Les 18-25 ans sont les plus touchés.", "Les dix-huit à vingt-cinq ans sont les plus touchés."),
    ("1 Français sur 4 renonce à se soigner.", "Un Français sur quatre renonce à se soigner."),
    ("Les 2/3 des sondés sont contre.", "Les deux tiers des sondés sont contre."),
    # health, tech
    (
        "L'épidémie de Covid-19 a fait plus de 150 000 morts en France.",
        "L'épidémie de Covid-dix-neuf a fait plus de cent cinquante mille morts en France.",
    ),
    ("Le sommet du G20 s'ouvre à New Delhi.", "Le sommet du G vingt s'ouvre à New Delhi."),
    ("Le vaccin est efficace à 95 %.", "Le vaccin est efficace à quatre-vingt-quinze pour cent."),
    (
        "Le taux d'incidence dépasse 250 cas pour 100 000 habitants.",
        "Le taux d'incidence dépasse deux cent cinquante cas pour cent mille habitants.",
    ),
    (
        "L'iPhone 15 sera vendu à partir de 969 euros.",
        "L'iPhone quinze sera vendu à partir de neuf cent soixante-neuf euros.",
    ),
    (
        "La 5G couvre désormais 90 % du territoire.",
        "La cinq G couvre désormais quatre-vingt-dix pour cent du territoire.",
    ),
    (
        "Renseignements au +33 6 12 34 56 78.",
        "Renseignements au plus trente-trois, six, douze, trente-quatre, cinquante-six, soixante-dix-huit.",
    ),
    (
        "Le groupe emploie 21 000 salariés dans 30 pays.",
        "Le groupe emploie vingt et un mille salariés dans trente pays.",
    ),
    # Belgium, Switzerland, Canada (with the tag "fr")
    ("La Belgique compte 11,7 millions d'habitants.", "La Belgique compte onze virgule sept millions d'habitants."),
    (
        "Le salaire médian atteint 6'788 francs par mois.",
        "Le salaire médian atteint six mille sept cent quatre-vingt-huit francs par mois.",
    ),
    ("Le loyer s'élève à CHF 2 500 par mois.", "Le loyer s'élève à deux mille cinq cents francs suisses par mois."),
    ("Le billet coûte 25 $.", "Le billet coûte vingt-cinq dollars."),
    # more forms seen in papers
    ("Nuit glaciale : –5 °C à Colmar.", "Nuit glaciale: moins cinq degrés Celsius à Colmar."),
    ("La hausse atteint 1,2 % sur un an.", "La hausse atteint un virgule deux pour cent sur un an."),
    ("Au 1er tour, il a obtenu 28 % des voix.", "Au premier tour, il a obtenu vingt-huit pour cent des voix."),
    ("Les années 70 ont vu naître le punk.", "Les années soixante-dix ont vu naître le punk."),
    ("Le bitcoin a dépassé 100 000 dollars.", "Le bitcoin a dépassé cent mille dollars."),
    (
        "Le bilan : 3 morts et 21 blessés, dont 81 femmes.",
        "Le bilan: trois morts et vingt et un blessés, dont quatre-vingt-une femmes.",
    ),
    ("Il s'est installé à 1 500 m d'altitude.", "Il s'est installé à mille cinq cents mètres d'altitude."),
    # unsure: "deux mille vingt-quatre - deux mille vingt-cinq" is heard too
    (
        "La Ligue des champions 2024/2025 démarre.",
        "La Ligue des champions deux mille vingt-quatre à deux mille vingt-cinq démarre.",
    ),
    ("Le train est arrivé avec 1 h 30 de retard.", "Le train est arrivé avec une heure trente de retard."),
    (
        "Le projet, chiffré à 4,5 Mds€, est gelé.",
        "Le projet, chiffré à quatre virgule cinq milliards d'euros, est gelé.",
    ),
    ("Le 2e tour aura lieu le dimanche 7 juillet.", "Le deuxième tour aura lieu le dimanche sept juillet."),
    ("Il gagne 3 000 € brut par mois.", "Il gagne trois mille euros brut par mois."),
    ("Le taux est tombé à 1,5 % en 1 an.", "Le taux est tombé à un virgule cinq pour cent en un an."),
    # found while fixing (not in the first count)
    ("Il a obtenu 1,5 million de voix au 2d tour.", "Il a obtenu un virgule cinq million de voix au second tour."),
    ("Le marathon de Paris : 2 h 05 min 30 s.", "Le marathon de Paris: deux heures cinq minutes trente secondes."),
    ("Il a fini 2e, à 1 min 12 s du vainqueur.", "Il a fini deuxième, à une minute douze secondes du vainqueur."),
    ("Au km 12, il a abandonné.", "Au kilomètre douze, il a abandonné."),
    ("Le n° vert est gratuit.", "Le numéro vert est gratuit."),
    ("Le record du monde est de 8,95 m.", "Le record du monde est de huit mètres quatre-vingt-quinze."),
    ("Le joueur de 1,92 m a marqué.", "Le joueur d'un mètre quatre-vingt-douze a marqué."),
    ("Les 1/8e de finale débutent samedi.", "Les un huitième de finale débutent samedi."),
    ("Le magasin est ouvert de 9h-18h.", "Le magasin est ouvert de neuf heures à dix-huit heures."),
    ("Deux séances, 2 x par semaine.", "Deux séances, deux fois par semaine."),
    ("Le salaire annuel atteint 50 k€.", "Le salaire annuel atteint cinquante mille euros."),
    # a second batch, held out and counted after the first fixes (23/25 right)
    (
        "Le déficit public a atteint 5,5 % du PIB en 2023.",
        "Le déficit public a atteint cinq virgule cinq pour cent du PIB en deux mille vingt-trois.",
    ),
    (
        "Quelque 80 000 manifestants ont défilé samedi à Paris.",
        "Quelque quatre-vingt mille manifestants ont défilé samedi à Paris.",
    ),
    (
        "Le prix du gaz augmentera de 11,7 % au 1er juillet.",
        "Le prix du gaz augmentera de onze virgule sept pour cent au premier juillet.",
    ),
    ("Le Stade toulousain l'a emporté 29-21.", "Le Stade toulousain l'a emporté vingt-neuf à vingt et un."),
    ("Rendez-vous le samedi 14 septembre à 15 h.", "Rendez-vous le samedi quatorze septembre à quinze heures."),
    ("La facture s'élève à 2,3 millions d'euros.", "La facture s'élève à deux virgule trois millions d'euros."),
    ("Il fera jusqu'à 38 °C à Toulouse.", "Il fera jusqu'à trente-huit degrés Celsius à Toulouse."),
    (
        "Le prévenu, âgé de 23 ans, a été condamné à 6 mois de prison.",
        "Le prévenu, âgé de vingt-trois ans, a été condamné à six mois de prison.",
    ),
    ("La rame circulera à 320 km/h.", "La rame circulera à trois cent vingt kilomètres par heure."),
    (
        "La France a remporté 64 médailles, dont 16 en or.",
        "La France a remporté soixante-quatre médailles, dont seize en or.",
    ),
    # still wrong: the noun is left out after "contre"; the number does not agree with "voix"
    pytest.param(
        "L'Assemblée a adopté le texte par 289 voix contre 251.",
        "L'Assemblée a adopté le texte par deux cent quatre-vingt-neuf voix contre deux cent cinquante et une.",
        marks=pytest.mark.xfail(strict=True),
    ),
    ("Au XVIIe siècle, la ville comptait 20 000 âmes.", "Au dix-septième siècle, la ville comptait vingt mille âmes."),
    ("Le ticket de métro passe à 2,15 €.", "Le ticket de métro passe à deux euros quinze."),
    (
        "Le nombre de chômeurs a baissé de 0,4 % au 3e trimestre.",
        "Le nombre de chômeurs a baissé de zéro virgule quatre pour cent au troisième trimestre.",
    ),
    (
        "Près de 40 % des 18-24 ans ne votent pas.",
        "Près de quarante pour cent des dix-huit à vingt-quatre ans ne votent pas.",
    ),
    (
        "Le séisme, d'une magnitude de 6,8, a fait 2 900 morts.",
        "Le séisme, d'une magnitude de six virgule huit, a fait deux mille neuf cents morts.",
    ),
    (
        "La Coupe du monde 2026 se jouera dans 16 villes.",
        "La Coupe du monde deux mille vingt-six se jouera dans seize villes.",
    ),
    ("Napoléon Ier est mort en 1821.", "Napoléon premier est mort en mille huit cent vingt et un."),
    (
        "Une hausse de 4,6 % des salaires est prévue en 2025.",
        "Une hausse de quatre virgule six pour cent des salaires est prévue en deux mille vingt-cinq.",
    ),
    ("Le bâtiment de 12 étages abrite 150 logements.", "Le bâtiment de douze étages abrite cent cinquante logements."),
    (
        "Le 31 mai, à 23 h 59, la plateforme fermera.",
        "Le trente et un mai, à vingt-trois heures cinquante-neuf, la plateforme fermera.",
    ),
    ("La sonde a parcouru 6,5 milliards de km.", "La sonde a parcouru six virgule cinq milliards de kilomètres."),
    ("Le patron touchera 4,2 M€ par an.", "Le patron touchera quatre virgule deux millions d'euros par an."),
    ("Il reste 3 jours avant le scrutin du 30 juin.", "Il reste trois jours avant le scrutin du trente juin."),
    (
        "Il a été élu en 2017 avec 66,1 % des voix.",
        "Il a été élu en deux mille dix-sept avec soixante-six virgule un pour cent des voix.",
    ),
    # a third batch, held out and counted after the second fixes (25/25 right)
    (
        "Le prix moyen du litre d'essence a atteint 1,92 euro cette semaine.",
        "Le prix moyen du litre d'essence a atteint un euro quatre-vingt-douze cette semaine.",
    ),
    (
        "Selon Météo-France, les températures chuteront à -8 °C dans la nuit de mardi à mercredi.",
        "Selon Météo-France, les températures chuteront à moins huit degrés Celsius dans la nuit de mardi à mercredi.",
    ),
    (
        "La start-up a levé 25 millions d'euros auprès de 3 fonds.",
        "La start-up a levé vingt-cinq millions d'euros auprès de trois fonds.",
    ),
    (
        "Le taux de pauvreté s'élève à 14,5 % de la population.",
        "Le taux de pauvreté s'élève à quatorze virgule cinq pour cent de la population.",
    ),
    (
        "Les Bleues se sont inclinées 2-3 en quart de finale.",
        "Les Bleues se sont inclinées deux à trois en quart de finale.",
    ),
    (
        "Le procès s'ouvrira le lundi 2 décembre à 9 h 30.",
        "Le procès s'ouvrira le lundi deux décembre à neuf heures trente.",
    ),
    (
        "L'immeuble de 8 étages date des années 1960.",
        "L'immeuble de huit étages date des années mille neuf cent soixante.",
    ),
    (
        "La population de Lyon dépasse 520 000 habitants.",
        "La population de Lyon dépasse cinq cent vingt mille habitants.",
    ),
    (
        "Il encourt jusqu'à 10 ans de prison et 150 000 € d'amende.",
        "Il encourt jusqu'à dix ans de prison et cent cinquante mille euros d'amende.",
    ),
    ("Le pape Léon XIV a célébré sa première messe.", "Le pape Léon quatorze a célébré sa première messe."),
    ("Au IIIe siècle avant notre ère, la cité prospère.", "Au troisième siècle avant notre ère, la cité prospère."),
    ("Le Smic augmentera de 2 % le 1er novembre.", "Le Smic augmentera de deux pour cent le premier novembre."),
    (
        "Quelque 1 500 pompiers luttent contre les flammes sur 3 000 hectares.",
        "Quelque mille cinq cents pompiers luttent contre les flammes sur trois mille hectares.",
    ),
    ("Le Parlement européen compte 720 députés.", "Le Parlement européen compte sept cent vingt députés."),
    (
        "Le cyclone a généré des vents de 250 km/h.",
        "Le cyclone a généré des vents de deux cent cinquante kilomètres par heure.",
    ),
    (
        "Entre 2019 et 2022, les ventes ont chuté de 30 %.",
        "Entre deux mille dix-neuf et deux mille vingt-deux, les ventes ont chuté de trente pour cent.",
    ),
    (
        "Il a signé un contrat de 4 ans pour 60 M€.",
        "Il a signé un contrat de quatre ans pour soixante millions d'euros.",
    ),
    (
        "La 77e édition du Festival de Cannes s'ouvre mardi.",
        "La soixante-dix-septième édition du Festival de Cannes s'ouvre mardi.",
    ),
    (
        "Le tremblement de terre a eu lieu à 3 h 17 heure locale.",
        "Le tremblement de terre a eu lieu à trois heures dix-sept heure locale.",
    ),
    (
        "Sur les 577 sièges, la majorité absolue est à 289.",
        "Sur les cinq cent soixante-dix-sept sièges, la majorité absolue est à deux cent quatre-vingt-neuf.",
    ),
    (
        "La dette des ménages atteint 1 400 milliards d'euros.",
        "La dette des ménages atteint mille quatre cents milliards d'euros.",
    ),
    (
        "Le record de 1976 a été battu avec 42,6 °C.",
        "Le record de mille neuf cent soixante-seize a été battu avec quarante-deux virgule six degrés Celsius.",
    ),
    (
        "L'écart n'est que de 0,8 point entre les deux candidats.",
        "L'écart n'est que de zéro virgule huit point entre les deux candidats.",
    ),
    (
        "Les 15-24 ans représentent 12 % des électeurs.",
        "Les quinze à vingt-quatre ans représentent douze pour cent des électeurs.",
    ),
    (
        "Le musée a accueilli 8,7 millions de visiteurs en 2023.",
        "Le musée a accueilli huit virgule sept millions de visiteurs en deux mille vingt-trois.",
    ),
]
"""(as written in a French-language paper, as a French-speaking newsreader says it)."""

FRENCH_REGIONS = [
    ("fr-BE", "Il a 75 ans et 92 petits-enfants.", "Il a septante-cinq ans et nonante-deux petits-enfants."),
    ("fr-BE", "La Belgique a 71 ans de plus.", "La Belgique a septante et un ans de plus."),
    ("fr-CH", "Le canton compte 97 communes.", "Le canton compte nonante-sept communes."),
    ("fr-CA", "Le billet coûte 25 $.", "Le billet coûte vingt-cinq dollars."),
]

GERMAN = [
    # economy
    (
        "Die Inflationsrate lag im März bei 2,3 Prozent.",
        "Die Inflationsrate lag im März bei zwei Komma drei Prozent.",
    ),
    ("Die Arbeitslosenquote stieg auf 6,1 %.", "Die Arbeitslosenquote stieg auf sechs Komma eins Prozent."),
    ("Berlin hat rund 3,8 Millionen Einwohner.", "Berlin hat rund drei Komma acht Millionen Einwohner."),
    ("Der Bund plant Ausgaben von 2,5 Mrd. Euro.", "Der Bund plant Ausgaben von zwei Komma fünf Milliarden Euro."),
    ("Das Unternehmen machte 3,5 Mio. Verlust.", "Das Unternehmen machte drei Komma fünf Millionen Verlust."),
    ("Die Gemeinde hat 12.000 Einwohner.", "Die Gemeinde hat zwölftausend Einwohner."),
    ("Die Miete beträgt 1.200 Euro im Monat.", "Die Miete beträgt tausendzweihundert Euro im Monat."),
    ("Die Strafe beträgt 20.000 €.", "Die Strafe beträgt zwanzigtausend Euro."),
    (
        "Die EZB senkte den Leitzins um 0,25 Prozentpunkte.",
        "Die EZB senkte den Leitzins um null Komma zwei fünf Prozentpunkte.",
    ),
    ("Die Partei verlor 0,5 Prozentpunkte.", "Die Partei verlor null Komma fünf Prozentpunkte."),
    (
        "Auf Lebensmittel werden 7 Prozent, sonst 19 Prozent Mehrwertsteuer fällig.",
        "Auf Lebensmittel werden sieben Prozent, sonst neunzehn Prozent Mehrwertsteuer fällig.",
    ),
    (
        "Eine Packung mit 500 g kostet 2,99 Euro.",
        "Eine Packung mit fünfhundert Gramm kostet zwei Euro neunundneunzig.",
    ),
    ("Ein Liter Super kostet 1,79 Euro.", "Ein Liter Super kostet ein Euro neunundsiebzig."),
    (
        "Der DAX schloss bei 18.234,56 Punkten.",
        "Der DAX schloss bei achtzehntausendzweihundertvierunddreißig Komma fünf sechs Punkten.",
    ),
    (
        "Der Konzern beschäftigt rund 300.000 Mitarbeiter.",
        "Der Konzern beschäftigt rund dreihunderttausend Mitarbeiter.",
    ),
    ("Der Konzern hat 1 Mrd. Euro investiert.", "Der Konzern hat eine Milliarde Euro investiert."),
    ("Das Paket umfasst 100 Mrd. Euro.", "Das Paket umfasst hundert Milliarden Euro."),
    (
        "Der Umsatz stieg von 4,1 Mrd. auf 4,5 Mrd.",
        "Der Umsatz stieg von vier Komma eins Milliarden auf vier Komma fünf Milliarden.",
    ),
    (
        "Die Miete stieg um 5 % auf 12,50 Euro pro Quadratmeter.",
        "Die Miete stieg um fünf Prozent auf zwölf Euro fünfzig pro Quadratmeter.",
    ),
    ("Der Dow Jones verlor 1,2 %.", "Der Dow Jones verlor eins Komma zwei Prozent."),
    ("Das 49-Euro-Ticket kommt.", "Das Neunundvierzig-Euro-Ticket kommt."),
    ("Die Kosten stiegen auf das 10-Fache.", "Die Kosten stiegen auf das Zehnfache."),
    ("Es kamen ca. 300 Menschen.", "Es kamen circa dreihundert Menschen."),
    # Austria and Switzerland, with the tag "de"
    ("Ein Ticket kostet CHF 1'000.", "Ein Ticket kostet tausend Franken."),
    ("Der Eintritt kostet Fr. 20.–.", "Der Eintritt kostet zwanzig Franken."),
    ("Im Angebot für € 9,99.", "Im Angebot für neun Euro neunundneunzig."),
    (
        "Am 1. Jänner 2024 stiegen die Pensionen um 9,7 Prozent.",
        "Am ersten Jänner zweitausendvierundzwanzig stiegen die Pensionen um neun Komma sieben Prozent.",
    ),
    ("Die Schweiz zählt 8'900'000 Einwohner.", "Die Schweiz zählt acht Millionen neunhunderttausend Einwohner."),
    # dates
    ("Am 1. Januar tritt das Gesetz in Kraft.", "Am ersten Januar tritt das Gesetz in Kraft."),
    ("Die Messe findet vom 3. bis 5. Mai statt.", "Die Messe findet vom dritten bis fünften Mai statt."),
    (
        "Zwischen 2020 und 2023 stiegen die Preise stark.",
        "Zwischen zweitausendzwanzig und zweitausenddreiundzwanzig stiegen die Preise stark.",
    ),
    ("Der Antrag ging am 12.03.2024 ein.", "Der Antrag ging am zwölften März zweitausendvierundzwanzig ein."),
    (
        "Das Urteil vom 2024-03-12 ist rechtskräftig.",
        "Das Urteil vom zwölften März zweitausendvierundzwanzig ist rechtskräftig.",
    ),
    ("Der 3. Oktober ist ein Feiertag.", "Der dritte Oktober ist ein Feiertag."),
    (
        "Die Mauer fiel am 9. November 1989.",
        "Die Mauer fiel am neunten November neunzehnhundertneunundachtzig.",
    ),
    ("Er wurde 1945 in Dresden geboren.", "Er wurde neunzehnhundertfünfundvierzig in Dresden geboren."),
    ("Seit 2015 ist sie im Amt.", "Seit zweitausendfünfzehn ist sie im Amt."),
    ("Im Jahr 1848 begann die Revolution.", "Im Jahr achtzehnhundertachtundvierzig begann die Revolution."),
    ("Ab dem 1. Juli gilt die Regel.", "Ab dem ersten Juli gilt die Regel."),
    # decades
    ("Die 1980er-Jahre waren bunt.", "Die neunzehnhundertachtziger-Jahre waren bunt."),
    # unsure: "Achtzigern" written as a noun; said the same
    ("In den 80ern war das anders.", "In den Achtzigern war das anders."),
    ("Mitte der 90er-Jahre kam das Internet.", "Mitte der neunziger-Jahre kam das Internet."),
    # times
    ("Die Sitzung beginnt um 19.30 Uhr.", "Die Sitzung beginnt um neunzehn Uhr dreißig."),
    ("Anstoß ist um 18:30 Uhr.", "Anstoß ist um achtzehn Uhr dreißig."),
    ("Die Geschäfte sind von 9–14 Uhr geöffnet.", "Die Geschäfte sind von neun bis vierzehn Uhr geöffnet."),
    ("Geöffnet ist von 9 bis 17 Uhr.", "Geöffnet ist von neun bis siebzehn Uhr."),
    ("Die Tagesschau beginnt um 20 Uhr.", "Die Tagesschau beginnt um zwanzig Uhr."),
    ("Der Flug dauert 2 Stunden und 30 Minuten.", "Der Flug dauert zwei Stunden und dreißig Minuten."),
    ("Der Notruf ist rund um die Uhr erreichbar.", "Der Notruf ist rund um die Uhr erreichbar."),
    # weather, units
    (
        "In der Nacht sanken die Temperaturen auf -3,2 Grad.",
        "In der Nacht sanken die Temperaturen auf minus drei Komma zwei Grad.",
    ),
    (
        "Am Wochenende werden bis zu 35 °C erwartet.",
        "Am Wochenende werden bis zu fünfunddreißig Grad Celsius erwartet.",
    ),
    ("Es werden 10 bis 15 Grad erwartet.", "Es werden zehn bis fünfzehn Grad erwartet."),
    ("Die Temperaturen liegen zwischen 10 und 15 Grad.", "Die Temperaturen liegen zwischen zehn und fünfzehn Grad."),
    ("Auf der Strecke gilt Tempo 130 km/h.", "Auf der Strecke gilt Tempo hundertdreißig Kilometer pro Stunde."),
    ("Die Wohnung ist 50 m² groß.", "Die Wohnung ist fünfzig Quadratmeter groß."),
    ("Der Täter ist etwa 1,80 m groß.", "Der Täter ist etwa ein Meter achtzig groß."),
    ("Das Erdbeben hatte eine Stärke von 7,8.", "Das Erdbeben hatte eine Stärke von sieben Komma acht."),
    ("Er lief die 100 m in 9,58 Sekunden.", "Er lief die hundert Meter in neun Komma fünf acht Sekunden."),
    # sport
    ("Die Deutsche landete auf Platz 5.", "Die Deutsche landete auf Platz fünf."),
    ("Bayern gewann mit 3:1.", "Bayern gewann mit drei zu eins."),
    ("Leverkusen führt zur Pause 1:0.", "Leverkusen führt zur Pause eins zu null."),
    ("In der 90. Minute fiel das 2:1.", "In der neunzigsten Minute fiel das zwei zu eins."),
    (
        "Der 1. FC Köln verlor am 12. Spieltag.",
        "Der erste FC Köln verlor am zwölften Spieltag.",
    ),
    ("Die 2. Bundesliga startet im August.", "Die zweite Bundesliga startet im August."),
    ("Das Fest fand in der 3. Auflage statt.", "Das Fest fand in der dritten Auflage statt."),
    ("Sie gewann bei den Spielen 2 Goldmedaillen.", "Sie gewann bei den Spielen zwei Goldmedaillen."),
    ("Er wurde bereits 5-mal Meister.", "Er wurde bereits fünfmal Meister."),
    ("Die Wahlbeteiligung lag bei 76,6 %.", "Die Wahlbeteiligung lag bei sechsundsiebzig Komma sechs Prozent."),
    # history, politics, courts
    ("Im 21. Jahrhundert ist vieles anders.", "Im einundzwanzigsten Jahrhundert ist vieles anders."),
    ("Das Schloss ließ Ludwig XIV. errichten.", "Das Schloss ließ Ludwig der Vierzehnte errichten."),
    (
        "Papst Benedikt XVI. starb am 31. Dezember 2022.",
        "Papst Benedikt der Sechzehnte starb am einunddreißigsten Dezember zweitausendzweiundzwanzig.",
    ),
    # unsure: "Artikel drei des Grundgesetzes" is heard too
    ("Das verstößt gegen Art. 3 GG.", "Das verstößt gegen Artikel drei Grundgesetz."),
    ("Der Streit um § 218 geht weiter.", "Der Streit um Paragraf zweihundertachtzehn geht weiter."),
    ("Paragraf 218 regelt den Abbruch.", "Paragraf zweihundertachtzehn regelt den Abbruch."),
    ("Nach Abs. 2 ist das verboten.", "Nach Absatz zwei ist das verboten."),
    ("Der Mann wohnte in der Hauptstraße Nr. 5.", "Der Mann wohnte in der Hauptstraße Nummer fünf."),
    ("Viele Städte, z. B. Köln, planen das.", "Viele Städte, zum Beispiel Köln, planen das."),
    ("Betroffen sind u. a. Bayern und Hessen.", "Betroffen sind unter anderem Bayern und Hessen."),
    ("Der Film ist ab 18 Jahren freigegeben.", "Der Film ist ab achtzehn Jahren freigegeben."),
    ("Der 45-Jährige wurde festgenommen.", "Der Fünfundvierzigjährige wurde festgenommen."),
    ("Eine 23-jährige Frau wurde verletzt.", "Eine dreiundzwanzigjährige Frau wurde verletzt."),
    ("Die Familie lebt in einer 3-Zimmer-Wohnung.", "Die Familie lebt in einer Drei-Zimmer-Wohnung."),
    ("Die Zahl der Toten stieg auf 1.234.", "Die Zahl der Toten stieg auf tausendzweihundertvierunddreißig."),
    ("Kinder unter 6 Jahren fahren gratis.", "Kinder unter sechs Jahren fahren gratis."),
    # health, tech
    ("Die Covid-19-Pandemie hat alles verändert.", "Die Covid-neunzehn-Pandemie hat alles verändert."),
    ("Der G20-Gipfel findet in Rio statt.", "Der G-zwanzig-Gipfel findet in Rio statt."),
    (
        "Die Hotline ist unter +49 30 1234567 erreichbar.",
        "Die Hotline ist unter plus neunundvierzig, drei null, eins zwei drei vier fünf sechs sieben erreichbar.",
    ),
    ("Der Airbus A380 landete in Frankfurt.", "Der Airbus A dreihundertachtzig landete in Frankfurt."),
    (
        "Im 2. Quartal wuchs die Wirtschaft um 0,3 Prozent.",
        "Im zweiten Quartal wuchs die Wirtschaft um null Komma drei Prozent.",
    ),
    ("Die Impfquote stieg um 1 Prozent.", "Die Impfquote stieg um ein Prozent."),
    # more forms seen in papers
    ("Nachts bis –8 Grad.", "Nachts bis minus acht Grad."),
    ("Für Müller war es sein 50. Tor.", "Für Müller war es sein fünfzigstes Tor."),
    ("Er feiert seinen 80. Geburtstag.", "Er feiert seinen achtzigsten Geburtstag."),
    ("Die Messe läuft vom 1.–3. Mai.", "Die Messe läuft vom ersten bis dritten Mai."),
    ("Die Partei scheiterte an der 5-Prozent-Hürde.", "Die Partei scheiterte an der Fünf-Prozent-Hürde."),
    ("Am 24.12. bleiben die Läden zu.", "Am vierundzwanzigsten Dezember bleiben die Läden zu."),
    ("Das 1,5-Grad-Ziel rückt in weite Ferne.", "Das Eins-Komma-fünf-Grad-Ziel rückt in weite Ferne."),
    ("Die 17-Jährige wurde schwer verletzt.", "Die Siebzehnjährige wurde schwer verletzt."),
    ("Laut § 3 Abs. 1 Satz 2 gilt das.", "Laut Paragraf drei Absatz eins Satz zwei gilt das."),
    ("Tabellenführer ist Platz 1 Bayern.", "Tabellenführer ist Platz eins Bayern."),
    ("Zwischen 18 und 22 Uhr bleibt es trocken.", "Zwischen achtzehn und zweiundzwanzig Uhr bleibt es trocken."),
    ("Der Preis liegt bei 9,99 €.", "Der Preis liegt bei neun Euro neunundneunzig."),
    ("Das sind 2 Mio. € mehr.", "Das sind zwei Millionen Euro mehr."),
    ("Der Bus fährt alle 15 Min.", "Der Bus fährt alle fünfzehn Minuten."),
    ("Die Gewerkschaft fordert 8,5 Prozent mehr Lohn.", "Die Gewerkschaft fordert acht Komma fünf Prozent mehr Lohn."),
    # found while fixing (not in the first count)
    ("Die 68er-Bewegung prägte das Land.", "Die achtundsechziger-Bewegung prägte das Land."),
    ("Die Frist endet am 31.12.", "Die Frist endet am einunddreißigsten Dezember."),
    ("Das kostet 20 Fr.", "Das kostet zwanzig Franken."),
    ("Die A1-Autobahn ist gesperrt.", "Die A-eins-Autobahn ist gesperrt."),
    ("Er hat einen 1-Euro-Job.", "Er hat einen Ein-Euro-Job."),
    ("Die 3-fache Mutter klagt.", "Die dreifache Mutter klagt."),
    ("Ihr 3. Titel war der wichtigste.", "Ihr dritter Titel war der wichtigste."),
    ("Geöffnet ist von 9.00–18.00 Uhr.", "Geöffnet ist von neun Uhr bis achtzehn Uhr."),
    ("Das Training findet 2 x pro Woche statt.", "Das Training findet zweimal pro Woche statt."),
    ("Die 18- bis 24-jährigen Wähler blieben fern.", "Die achtzehn- bis vierundzwanzigjährigen Wähler blieben fern."),
    # a second batch, held out and counted after the first fixes (24/25 right)
    (
        "Das Bruttoinlandsprodukt schrumpfte 2023 um 0,3 Prozent.",
        "Das Bruttoinlandsprodukt schrumpfte zweitausenddreiundzwanzig um null Komma drei Prozent.",
    ),
    (
        "Rund 100.000 Menschen demonstrierten am Samstag in München.",
        "Rund hunderttausend Menschen demonstrierten am Samstag in München.",
    ),
    ("Der Strompreis steigt zum 1. Januar um 12 %.", "Der Strompreis steigt zum ersten Januar um zwölf Prozent."),
    ("Dortmund verlor das Spiel mit 0:2.", "Dortmund verlor das Spiel mit null zu zwei."),
    ("Die Sitzung beginnt am Dienstag um 10 Uhr.", "Die Sitzung beginnt am Dienstag um zehn Uhr."),
    ("Die Kosten liegen bei 2,3 Milliarden Euro.", "Die Kosten liegen bei zwei Komma drei Milliarden Euro."),
    ("Am Oberrhein werden bis zu 38 Grad erwartet.", "Am Oberrhein werden bis zu achtunddreißig Grad erwartet."),
    (
        "Der 23-Jährige wurde zu 6 Monaten Haft verurteilt.",
        "Der Dreiundzwanzigjährige wurde zu sechs Monaten Haft verurteilt.",
    ),
    ("Der ICE erreicht 300 km/h.", "Der ICE erreicht dreihundert Kilometer pro Stunde."),
    ("Deutschland gewann 12 Goldmedaillen.", "Deutschland gewann zwölf Goldmedaillen."),
    (
        "Der Bundestag stimmte mit 394 zu 207 Stimmen zu.",
        "Der Bundestag stimmte mit dreihundertvierundneunzig zu zweihundertsieben Stimmen zu.",
    ),
    (
        "Im 17. Jahrhundert lebten hier 20.000 Menschen.",
        "Im siebzehnten Jahrhundert lebten hier zwanzigtausend Menschen.",
    ),
    ("Das Deutschlandticket kostet künftig 58 Euro.", "Das Deutschlandticket kostet künftig achtundfünfzig Euro."),
    (
        "Die Arbeitslosigkeit sank im 3. Quartal um 0,4 %.",
        "Die Arbeitslosigkeit sank im dritten Quartal um null Komma vier Prozent.",
    ),
    (
        "Fast 40 % der 18- bis 24-Jährigen wählten nicht.",
        "Fast vierzig Prozent der Achtzehn- bis Vierundzwanzigjährigen wählten nicht.",
    ),
    (
        "Das Beben der Stärke 6,8 forderte 2.900 Tote.",
        "Das Beben der Stärke sechs Komma acht forderte zweitausendneunhundert Tote.",
    ),
    ("Die WM 2026 findet in 16 Städten statt.", "Die WM zweitausendsechsundzwanzig findet in sechzehn Städten statt."),
    ("Friedrich II. starb 1786.", "Friedrich der Zweite starb siebzehnhundertsechsundachtzig."),
    (
        "Die Löhne sollen 2025 um 4,6 Prozent steigen.",
        "Die Löhne sollen zweitausendfünfundzwanzig um vier Komma sechs Prozent steigen.",
    ),
    (
        "Das Gebäude hat 12 Stockwerke und 150 Wohnungen.",
        "Das Gebäude hat zwölf Stockwerke und hundertfünfzig Wohnungen.",
    ),
    (
        "Am 31. Mai um 23:59 Uhr endet die Frist.",
        "Am einunddreißigsten Mai um dreiundzwanzig Uhr neunundfünfzig endet die Frist.",
    ),
    ("Die Sonde legte 6,5 Mrd. km zurück.", "Die Sonde legte sechs Komma fünf Milliarden Kilometer zurück."),
    ("Der Chef erhält 4,2 Mio. € im Jahr.", "Der Chef erhält vier Komma zwei Millionen Euro im Jahr."),
    (
        "Bis zur Wahl am 23. Februar sind es noch 3 Wochen.",
        "Bis zur Wahl am dreiundzwanzigsten Februar sind es noch drei Wochen.",
    ),
    (
        "Sie wurde 2021 mit 25,7 % gewählt.",
        "Sie wurde zweitausendeinundzwanzig mit fünfundzwanzig Komma sieben Prozent gewählt.",
    ),
    # a third batch, held out and counted after the second fixes (24/25 right)
    ("Der Benzinpreis stieg auf 1,89 Euro je Liter.", "Der Benzinpreis stieg auf ein Euro neunundachtzig je Liter."),
    (
        "Der Deutsche Wetterdienst erwartet in der Nacht bis zu -12 Grad.",
        "Der Deutsche Wetterdienst erwartet in der Nacht bis zu minus zwölf Grad.",
    ),
    (
        "Das Start-up sammelte 25 Millionen Euro bei 3 Investoren ein.",
        "Das Start-up sammelte fünfundzwanzig Millionen Euro bei drei Investoren ein.",
    ),
    ("Die Armutsquote liegt bei 14,4 Prozent.", "Die Armutsquote liegt bei vierzehn Komma vier Prozent."),
    ("Die DFB-Frauen verloren im Viertelfinale mit 2:3.", "Die DFB-Frauen verloren im Viertelfinale mit zwei zu drei."),
    (
        "Der Prozess beginnt am Montag, dem 2. Dezember, um 9.30 Uhr.",
        "Der Prozess beginnt am Montag, dem zweiten Dezember, um neun Uhr dreißig.",
    ),
    (
        "Das Hochhaus mit 8 Stockwerken stammt aus den 1960er-Jahren.",
        "Das Hochhaus mit acht Stockwerken stammt aus den neunzehnhundertsechziger-Jahren.",
    ),
    (
        "Leipzig hat inzwischen mehr als 620.000 Einwohner.",
        "Leipzig hat inzwischen mehr als sechshundertzwanzigtausend Einwohner.",
    ),
    (
        "Ihm drohen bis zu 10 Jahre Haft und 150.000 € Geldstrafe.",
        "Ihm drohen bis zu zehn Jahre Haft und hundertfünfzigtausend Euro Geldstrafe.",
    ),
    ("Papst Leo XIV. feierte seine erste Messe.", "Papst Leo der Vierzehnte feierte seine erste Messe."),
    ("Im 3. Jahrhundert v. Chr. blühte die Stadt.", "Im dritten Jahrhundert vor Christus blühte die Stadt."),
    (
        "Der Mindestlohn steigt zum 1. Januar auf 12,82 Euro.",
        "Der Mindestlohn steigt zum ersten Januar auf zwölf Euro zweiundachtzig.",
    ),
    (
        "Rund 1.500 Feuerwehrleute kämpfen auf 3.000 Hektar gegen die Flammen.",
        "Rund tausendfünfhundert Feuerwehrleute kämpfen auf dreitausend Hektar gegen die Flammen.",
    ),
    ("Dem Bundestag gehören 630 Abgeordnete an.", "Dem Bundestag gehören sechshundertdreißig Abgeordnete an."),
    (
        "Der Orkan erreichte Spitzen von 150 km/h.",
        "Der Orkan erreichte Spitzen von hundertfünfzig Kilometer pro Stunde.",
    ),
    (
        "Zwischen 2019 und 2022 brach der Absatz um 30 % ein.",
        "Zwischen zweitausendneunzehn und zweitausendzweiundzwanzig brach der Absatz um dreißig Prozent ein.",
    ),
    (
        "Er unterschrieb einen Vertrag über 4 Jahre für 60 Mio. Euro.",
        "Er unterschrieb einen Vertrag über vier Jahre für sechzig Millionen Euro.",
    ),
    ("Die 74. Berlinale beginnt am Donnerstag.", "Die vierundsiebzigste Berlinale beginnt am Donnerstag."),
    ("Das Beben ereignete sich um 3:17 Uhr Ortszeit.", "Das Beben ereignete sich um drei Uhr siebzehn Ortszeit."),
    (
        "Für die Kanzlermehrheit sind 316 Stimmen nötig.",
        "Für die Kanzlermehrheit sind dreihundertsechzehn Stimmen nötig.",
    ),
    (
        "Die Staatsschulden belaufen sich auf 2,4 Billionen Euro.",
        "Die Staatsschulden belaufen sich auf zwei Komma vier Billionen Euro.",
    ),
    (
        "Der Rekord von 1983 fiel mit 41,2 Grad.",
        "Der Rekord von neunzehnhundertdreiundachtzig fiel mit einundvierzig Komma zwei Grad.",
    ),
    ("Der Abstand beträgt nur 0,8 Prozentpunkte.", "Der Abstand beträgt nur null Komma acht Prozentpunkte."),
    (
        "Die 15- bis 24-Jährigen machen 12 % der Wähler aus.",
        "Die Fünfzehn- bis Vierundzwanzigjährigen machen zwölf Prozent der Wähler aus.",
    ),
    (
        "Das Museum zählte 2023 rund 1,2 Mio. Besucher.",
        "Das Museum zählte zweitausenddreiundzwanzig rund eins Komma zwei Millionen Besucher.",
    ),
]
"""(as written in a German-language paper, as a German-speaking newsreader says it)."""


@pytest.mark.parametrize(("text", "expected"), FRENCH)
def test_french_review(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="fr") == expected


@pytest.mark.parametrize(("tag", "text", "expected"), FRENCH_REGIONS)
def test_french_regions_review(tag: str, text: str, expected: str) -> None:
    assert normalize_for_speech(text, language=tag) == expected


@pytest.mark.parametrize(("text", "expected"), GERMAN)
def test_german_review(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="de") == expected


def test_there_are_enough_cases() -> None:
    assert len(FRENCH) >= 80 and len(GERMAN) >= 80
