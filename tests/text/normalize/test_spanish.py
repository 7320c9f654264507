"""Spanish through :func:`~narrate.text.normalize.normalize_for_speech` with ``language="es"``: realistic
fragments of news and the words a Spanish newsreader says for them, one kind of token per group."""

from __future__ import annotations

import pytest

from narrate.text.normalize import normalize_for_speech

CASES = [
    # numbers: thousands with periods or spaces, decimals with a comma, agreement with the noun
    (
        "El Gobierno aprobó una partida de 3.500 millones de euros.",
        "El Gobierno aprobó una partida de tres mil quinientos millones de euros.",
    ),
    (
        "Asistieron 12 000 personas y 3 500 voluntarios.",
        "Asistieron doce mil personas y tres mil quinientos voluntarios.",
    ),
    (
        "La población superó los 48 millones de habitantes.",
        "La población superó los cuarenta y ocho millones de habitantes.",
    ),
    ("Se registraron 21.000 casos nuevos.", "Se registraron veintiún mil casos nuevos."),
    (
        "Hubo 200.000 manifestantes, 1 millón según los organizadores.",
        "Hubo doscientos mil manifestantes, un millón según los organizadores.",
    ),
    ("La cumbre reunió a 1.000.000 de personas.", "La cumbre reunió a un millón de personas."),
    ("Más de 200 personas fueron evacuadas.", "Más de doscientas personas fueron evacuadas."),
    ("El incendio calcinó 1.200 hectáreas.", "El incendio calcinó mil doscientas hectáreas."),
    (
        "La empresa cuenta con 21 empleados y 21 tiendas.",
        "La empresa cuenta con veintiún empleados y veintiuna tiendas.",
    ),
    ("Hace 21 años que se fue; murió a los 101 años.", "Hace veintiún años que se fue; murió a los ciento un años."),
    (
        "Tiene 1 hija y 31 nietas; faltan 3 semanas y 1 día.",
        "Tiene una hija y treinta y una nietas; faltan tres semanas y un día.",
    ),
    ("Hay 1 de cada 3 y 200 mil personas.", "Hay uno de cada tres y doscientas mil personas."),
    (
        "El IPC subió 0,3 puntos y la deuda 4,5 billones.",
        "El IPC subió cero coma tres puntos y la deuda cuatro coma cinco billones.",
    ),
    ("Las temperaturas bajaron -3 grados.", "Las temperaturas bajaron menos tres grados."),
    # percents
    (
        "La inflación se situó en el 3,2 % en febrero.",
        "La inflación se situó en el tres coma dos por ciento en febrero.",
    ),
    ("El paro bajó un 4,5% interanual.", "El paro bajó un cuatro coma cinco por ciento interanual."),
    (
        "El 45 % de los votos y el 1 % restante.",
        "El cuarenta y cinco por ciento de los votos y el uno por ciento restante.",
    ),
    ("Un aumento del 10–20 % en el precio.", "Un aumento del diez al veinte por ciento en el precio."),
    # money
    ("El precio del billete es de 1,50 €.", "El precio del billete es de un euro con cincuenta céntimos."),
    (
        "La multa asciende a 600 euros y la fianza a 21 €.",
        "La multa asciende a seiscientos euros y la fianza a veintiún euros.",
    ),
    ("El barril cotiza a US$ 82,40.", "El barril cotiza a ochenta y dos dólares con cuarenta centavos."),
    (
        "Compró acciones por valor de 2,5 millones de dólares.",
        "Compró acciones por valor de dos coma cinco millones de dólares.",
    ),
    ("El presupuesto es de 3,5 M€.", "El presupuesto es de tres coma cinco millones de euros."),
    (
        "La libra cerró a 1,17 € y la entrada costó 20 £.",
        "La libra cerró a un euro con diecisiete céntimos y la entrada costó veinte libras.",
    ),
    (
        "Pagó 0,50 € por el café y 5.000 USD por el coche.",
        "Pagó cincuenta céntimos por el café y cinco mil dólares por el coche.",
    ),
    # dates and years
    (
        "El Gobierno aprobó el 12 de marzo de 2024 la reforma.",
        "El Gobierno aprobó el doce de marzo de dos mil veinticuatro la reforma.",
    ),
    ("El 1 de enero entra en vigor la ley.", "El uno de enero entra en vigor la ley."),
    ("La final será el 25 de mayo del 2025.", "La final será el veinticinco de mayo del dos mil veinticinco."),
    ("El 12/03/2024 se publicó el decreto.", "El doce de marzo de dos mil veinticuatro se publicó el decreto."),
    ("El documento está fechado el 2024-03-12.", "El documento está fechado el doce de marzo de dos mil veinticuatro."),
    ("Se firmó el 5 de sept. de 2023.", "Se firmó el cinco de septiembre de dos mil veintitrés."),
    ("La obra data del año 1492.", "La obra data del año mil cuatrocientos noventa y dos."),
    # ordinals
    ("El 1.º de mayo se celebra el Día del Trabajo.", "El primero de mayo se celebra el Día del Trabajo."),
    ("Es la 2.ª vez que ocurre y el 3.er intento.", "Es la segunda vez que ocurre y el tercer intento."),
    (
        "Quedó en 1.er lugar, por delante del 2.º clasificado.",
        "Quedó en primer lugar, por delante del segundo clasificado.",
    ),
    ("Vive en el 5º piso y trabaja en la 3ª planta.", "Vive en el quinto piso y trabaja en la tercera planta."),
    # times
    ("El tren sale a las 14:30 horas.", "El tren sale a las catorce treinta horas."),
    (
        "La reunión empezó a las 9:05 y terminó a las 21.00 h.",
        "La reunión empezó a las nueve y cinco y terminó a las veintiuna horas.",
    ),
    ("Abre de 10:00 a 14:00.", "Abre de diez a catorce."),
    ("Ganó la maratón en 2:01:09.", "Ganó la maratón en dos horas, un minuto y nueve segundos."),
    # Roman numerals: centuries and rulers
    ("En el s. XXI la tecnología manda.", "En el siglo veintiuno la tecnología manda."),
    ("Los siglos XIX y XX fueron convulsos.", "Los siglos diecinueve y veinte fueron convulsos."),
    ("El rey Felipe VI recibió a Juan Carlos I.", "El rey Felipe sexto recibió a Juan Carlos primero."),
    (
        "Isabel II reinó durante 70 años y el Papa León XIV visitó Roma.",
        "Isabel segunda reinó durante setenta años y el Papa León catorce visitó Roma.",
    ),
    ("La Generación X y la Fase II del plan.", "La Generación X y la Fase dos del plan."),
    # ranges and scores
    ("Entre 2010-2015 el PIB creció.", "Entre dos mil diez y dos mil quince el PIB creció."),
    ("Durante el periodo 2008-2014 hubo crisis.", "Durante el periodo dos mil ocho a dos mil catorce hubo crisis."),
    (
        "Ganó por 2-1 en el minuto 90 y el Madrid venció 3:0.",
        "Ganó por dos a uno en el minuto noventa y el Madrid venció tres a cero.",
    ),
    # units
    ("Recorrió 42,195 km en 2 h.", "Recorrió cuarenta y dos coma ciento noventa y cinco kilómetros en dos horas."),
    ("El viento sopló a 120 km/h.", "El viento sopló a ciento veinte kilómetros por hora."),
    (
        "Se alcanzaron 40 °C en Sevilla y -5 °C en Soria.",
        "Se alcanzaron cuarenta grados Celsius en Sevilla y menos cinco grados Celsius en Soria.",
    ),
    (
        "El piso mide 90 m² y cuesta 250.000 euros.",
        "El piso mide noventa metros cuadrados y cuesta doscientos cincuenta mil euros.",
    ),
    ("Pesa 2,5 t y mide 1 m.", "Pesa dos coma cinco toneladas y mide un metro."),
    (
        "El COVID-19 ha causado daños en 500 ha de bosque.",
        "El COVID-diecinueve ha causado daños en quinientas hectáreas de bosque.",
    ),
    # abbreviations
    ("El Sr. García y la Sra. Martínez asistieron.", "El señor García y la señora Martínez asistieron."),
    ("La Dra. López, p. ej., opina lo contrario.", "La doctora López, por ejemplo, opina lo contrario."),
    (
        "Viajaron a EE. UU. y a Francia, etc. Después volvieron.",
        "Viajaron a Estados Unidos y a Francia, etcétera. Después volvieron.",
    ),
    ("Según el art. 14 de la Constitución.", "Según el artículo catorce de la Constitución."),
    ("Vive en el n.º 5 de la calle Mayor.", "Vive en el número cinco de la calle Mayor."),
    # phone numbers, web addresses, codes
    (
        "Llame al 91 123 45 67 o al +34 600 123 456.",
        "Llame al noventa y uno, ciento veintitrés, cuarenta y cinco, sesenta y siete o al más treinta y cuatro, seiscientos, ciento veintitrés, cuatrocientos cincuenta y seis.",
    ),
    (
        "Visite www.ejemplo.es o escriba a info@ejemplo.es.",
        "Visite ejemplo punto es o escriba a info arroba ejemplo punto es.",
    ),
    (
        "La COVID-19 y el G20; la ley 7/2024.",
        "La COVID-diecinueve y el G veinte; la ley siete de dos mil veinticuatro.",
    ),
    ("La versión 3.11.2 salió ayer.", "La versión tres punto once punto dos salió ayer."),
    # whole sentences of news
    (
        "La compañía ganó 8.000 millones de dólares (7.300 millones de euros), un 12,5% más.",
        "La compañía ganó ocho mil millones de dólares (siete mil trescientos millones de euros), un doce coma cinco por ciento más.",
    ),
    (
        "El PIB creció un 0,8% en el tercer trimestre y la deuda alcanzó 1,6 billones.",
        "El PIB creció un cero coma ocho por ciento en el tercer trimestre y la deuda alcanzó uno coma seis billones.",
    ),
    (
        "Del 2 al 5 de marzo se celebrará la feria, y hasta el 31 de diciembre.",
        "Del dos al cinco de marzo se celebrará la feria, y hasta el treinta y uno de diciembre.",
    ),
    (
        "A partir del 1 de julio de 2024 subirá la luz un +2,3 %.",
        "A partir del uno de julio de dos mil veinticuatro subirá la luz un más dos coma tres por ciento.",
    ),
    (
        "Sobre las 10.00 horas llegaron los 18 primeros heridos.",
        "Sobre las diez horas llegaron los dieciocho primeros heridos.",
    ),
    (
        "En los años 80, en los '90 y en la década de 1990.",
        "En los años ochenta, en los noventa y en la década de mil novecientos noventa.",
    ),
    (
        "El Ibex 35 cerró en 11.234,5 puntos.",
        "El Ibex treinta y cinco cerró en once mil doscientos treinta y cuatro coma cinco puntos.",
    ),
    (
        "La subida es de 1,5 puntos porcentuales hasta el 4,25%.",
        "La subida es de uno coma cinco puntos porcentuales hasta el cuatro coma veinticinco por ciento.",
    ),
    ("El lunes 15 de abril, a las 19:00 h.", "El lunes quince de abril, a las diecinueve horas."),
    ("Tiene 3 hijos y vive en el 3.º B.", "Tiene tres hijos y vive en el tercero B."),
    (
        "El 20 % de la población tiene más de 65 años.",
        "El veinte por ciento de la población tiene más de sesenta y cinco años.",
    ),
    # fractions
    ("Los 2/3 de los votos y ¼ de los escaños.", "Los dos tercios de los votos y un cuarto de los escaños."),
]
"""(fragment as written, as a Spanish newsreader says it)."""


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_spanish(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="es") == expected


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("tag", "text", "expected"),
    [
        (
            "es-ES",
            "Costó 3.500 euros, un 3,5 % más.",
            "Costó tres mil quinientos euros, un tres coma cinco por ciento más.",
        ),
        # Mexico writes "3,500" and "3.5", says "punto", and "$" is pesos
        (
            "es-MX",
            "Costó 3,500 pesos, un 3.5 % más, y $20.",
            "Costó tres mil quinientos pesos, un tres punto cinco por ciento más, y veinte pesos.",
        ),
        ("es-AR", "Son 1.500 personas y 2,5 millones.", "Son mil quinientas personas y dos coma cinco millones."),
    ],
)
def test_regions_with_their_own_separators(tag: str, text: str, expected: str) -> None:
    assert normalize_for_speech(text, language=tag) == expected
