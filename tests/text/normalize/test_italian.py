"""Italian through :func:`~narrate.text.normalize.normalize_for_speech` with ``language="it"``: realistic
fragments of news and the words an Italian newsreader says for them, one kind of token per group."""

from __future__ import annotations

import pytest

from narrate.text.normalize import normalize_for_speech

CASES = [
    # numbers: thousands with a period, decimals with a comma, "un", "uno", "una", "un'"
    ("Il debito vale 2.800 miliardi di euro.", "Il debito vale duemilaottocento miliardi di euro."),
    ("Si contano 21.000 casi e 3 500 guariti.", "Si contano ventunomila casi e tremilacinquecento guariti."),
    ("La città ha 2,8 milioni di abitanti.", "La città ha due virgola otto milioni di abitanti."),
    ("Più di 200 persone sono state evacuate.", "Più di duecento persone sono state evacuate."),
    ("Ha 1 anno, 1 figlia e 1 figlio.", "Ha un anno, una figlia e un figlio."),
    ("Ha 1 ora di tempo e 1 studente.", "Ha un'ora di tempo e uno studente."),
    ("Era uno studente di 21 anni.", "Era uno studente di ventuno anni."),
    ("La temperatura è scesa a -3 gradi.", "La temperatura è scesa a meno tre gradi."),
    # percents
    ("L'inflazione è salita al 2,3% a febbraio.", "L'inflazione è salita al due virgola tre per cento a febbraio."),
    ("La disoccupazione è scesa del 4,5 per cento.", "La disoccupazione è scesa del quattro virgola cinque per cento."),
    ("Un aumento del 10–20% è previsto.", "Un aumento del dieci al venti per cento è previsto."),
    (
        "Il tasso è dello 0,5% e l'1% più ricco.",
        "Il tasso è dello zero virgola cinque per cento e l'uno per cento più ricco.",
    ),
    # money
    ("Il biglietto costa 1,50 €.", "Il biglietto costa un euro e cinquanta centesimi."),
    ("Un pieno costa 80 euro.", "Un pieno costa ottanta euro."),
    (
        "Un investimento da 3,5 mln € e 2 mld di euro.",
        "Un investimento da tre virgola cinque milioni di euro e due miliardi di euro.",
    ),
    ("Il petrolio costa 82 $ al barile.", "Il petrolio costa ottantadue dollari al barile."),
    # dates and years
    (
        "Il 12 marzo 2024 il governo ha varato il decreto.",
        "Il dodici marzo duemilaventiquattro il governo ha varato il decreto.",
    ),
    ("Il 1° maggio si festeggia il lavoro.", "Il primo maggio si festeggia il lavoro."),
    (
        "Il 1 gennaio 2025 entra in vigore la riforma.",
        "Il primo gennaio duemilaventicinque entra in vigore la riforma.",
    ),
    ("L'8 marzo è la festa della donna.", "L'otto marzo è la festa della donna."),
    ("L'11 settembre 2001 cambiò il mondo.", "L'undici settembre duemilauno cambiò il mondo."),
    (
        "Il 12/03/2024 è stato pubblicato il decreto.",
        "Il dodici marzo duemilaventiquattro è stato pubblicato il decreto.",
    ),
    (
        "Gli anni 1990 furono difficili; nel 2023 tutto cambiò.",
        "Gli anni millenovecentonovanta furono difficili; nel duemilaventitré tutto cambiò.",
    ),
    # ordinals
    ("Si è piazzato al 3° posto.", "Si è piazzato al terzo posto."),
    ("È la 2ª volta che succede.", "È la seconda volta che succede."),
    ("Nel 3° trimestre 2023.", "Nel terzo trimestre duemilaventitré."),
    ("Fa 40° all'ombra.", "Fa quaranta gradi all'ombra."),
    # times
    (
        "Il treno parte alle 14.30 e arriva alle 18:45.",
        "Il treno parte alle quattordici e trenta e arriva alle diciotto e quarantacinque.",
    ),
    ("L'incontro è alle 9:05.", "L'incontro è alle nove e cinque."),
    ("Il Consiglio si riunisce alle ore 10.", "Il Consiglio si riunisce alle ore dieci."),
    ("Ha vinto la maratona in 2:01:09.", "Ha vinto la maratona in due ore, un minuto e nove secondi."),
    # Roman numerals: centuries and rulers
    ("Nel XXI secolo tutto cambia.", "Nel ventunesimo secolo tutto cambia."),
    ("Nel sec. XX ci furono due guerre.", "Nel secolo ventesimo ci furono due guerre."),
    ("Re Carlo III ed Elisabetta II.", "Re Carlo terzo ed Elisabetta seconda."),
    ("Papa Leone XIV ha parlato.", "Papa Leone quattordicesimo ha parlato."),
    # ranges and scores
    ("Tra 2010-2015 il PIL è cresciuto.", "Tra duemiladieci e duemilaquindici il PIL è cresciuto."),
    (
        "Dal 2010 al 2015 e nel periodo 2008-2014.",
        "Dal duemiladieci al duemilaquindici e nel periodo duemilaotto a duemilaquattordici.",
    ),
    ("La Juventus ha vinto 3-0.", "La Juventus ha vinto tre a zero."),
    # units
    ("Ha corso 42,195 km.", "Ha corso quarantadue virgola centonovantacinque chilometri."),
    ("Il vento soffia a 120 km/h.", "Il vento soffia a centoventi chilometri orari."),
    ("A Roma 38 °C e a Bolzano -3 °C.", "A Roma trentotto gradi Celsius e a Bolzano meno tre gradi Celsius."),
    ("L'appartamento misura 80 m².", "L'appartamento misura ottanta metri quadrati."),
    ("Il COVID-19 ha colpito tutti.", "Il COVID-diciannove ha colpito tutti."),
    # abbreviations
    ("La Sig.ra Rossi e il Dott. Bianchi.", "La signora Rossi e il dottor Bianchi."),
    (
        "Il Prof. Verdi, ad es., non era d'accordo, ecc. Poi se ne andò.",
        "Il professor Verdi, ad esempio, non era d'accordo, eccetera. Poi se ne andò.",
    ),
    ("Secondo l'art. 14 della legge.", "Secondo l'articolo quattordici della legge."),
    ("Abita al n. 5 di via Roma.", "Abita al numero cinque di via Roma."),
    ("La S.p.A. ha chiuso.", "La società per azioni ha chiuso."),
    # phone numbers, web addresses, codes
    ("Chiamate lo 06 1234 5678.", "Chiamate lo zero sei, uno due tre quattro, cinque sei sette otto."),
    ("Oppure il +39 333 123 4567.", "Oppure il più trentanove, tre tre tre, uno due tre, quattro cinque sei sette."),
    (
        "Visitate www.esempio.it o scrivete a info@esempio.it.",
        "Visitate esempio punto it o scrivete a info chiocciola esempio punto it.",
    ),
    ("Il G7 si è riunito; la legge 7/2024.", "Il G sette si è riunito; la legge sette del duemilaventiquattro."),
    # whole sentences of news
    (
        "Il gruppo ha registrato ricavi per 1,2 miliardi di euro, +3,5% rispetto al 2023.",
        "Il gruppo ha registrato ricavi per uno virgola due miliardi di euro, più tre virgola cinque per cento rispetto al duemilaventitré.",
    ),
    ("Dal 2 al 5 marzo e fino al 31 dicembre.", "Dal due al cinque marzo e fino al trentuno dicembre."),
    (
        "A partire dal 1° luglio 2024 le bollette aumenteranno dello 0,8%.",
        "A partire dal primo luglio duemilaventiquattro le bollette aumenteranno dello zero virgola otto per cento.",
    ),
    (
        "Il Ftse Mib ha chiuso a 34.123,45 punti.",
        "Il Ftse Mib ha chiuso a trentaquattromilacentoventitré virgola quarantacinque punti.",
    ),
    (
        "Negli anni '80 circa 15mila persone hanno manifestato.",
        "Negli anni ottanta circa quindicimila persone hanno manifestato.",
    ),
    ("Lo stipendio medio è di 1.500 euro netti.", "Lo stipendio medio è di millecinquecento euro netti."),
    ("Il 2 giugno 1946 nacque la Repubblica.", "Il due giugno millenovecentoquarantasei nacque la Repubblica."),
    ("Ha vinto 1 medaglia d'oro e 2 d'argento.", "Ha vinto una medaglia d'oro e due d'argento."),
    # fractions
    ("I 2/3 dei seggi e ¼ dei voti.", "I due terzi dei seggi e un quarto dei voti."),
]
"""(fragment as written, as a Italian newsreader says it)."""


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_italian(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="it") == expected


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40
