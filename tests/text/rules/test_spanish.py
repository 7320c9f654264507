"""Spanish boilerplate rules, table-driven: lines that must go (with the rule that takes them), near
misses that must stay (sentences that start like boilerplate: "Por la mañana…"), bylines, dates."""

from __future__ import annotations

import pytest

from narrate.text.rules import is_dateline, parse_date, rules_for
from tests.text.rules.cases import TEASER_RULES, assert_removed_by, assert_spoken

BOILERPLATE = [
    ('Este periodismo necesita tu apoyo. Hazte socio, hazte socia.', 'paywall'),
    ('¿Te ha gustado este artículo? Apóyanos con una suscripción.', 'paywall'),
    ('Ver 12 comentarios', 'comments'),
    ('Recibí en tu email las novedades sobre bienestar y prevención.', 'newsletter'),
    ('Periodista', 'byline'),
    ('Periodista de la sección Sociedad. Cubre salud pública desde 2015.', 'byline'),
    ('Buscar', 'controls'),
    ('Pausar', 'player-stub'),
    ('📲 Sigue toda la información en nuestro canal de WhatsApp', 'follow'),
    ('Las grúas del puerto, en una imagen de archivo. EL CORREO', 'photo-credit'),
    ("Cargando el reproductor de audio...", "player-stub"),
    ("Cargando reproductor", "player-stub"),
    ("Escuchar este artículo", "player-stub"),
    ("Escucha esta noticia · 3 min", "player-stub"),
    ("Escuchar", "player-stub"),
    ("Tu navegador no soporta el elemento de audio.", "player-stub"),
    ("Audio generado con IA", "player-stub"),
    ("Getting your Trinity Audio player ready...", "player-stub"),
    ("Voiced by Amazon Polly", "player-stub"),
    ("Publicado: | Actualizado:", "timestamp-labels"),
    ("Hace 2 horas", "timestamp-labels"),
    ("Por Ana García", "byline"),
    ("Por: Ana García y Luis Pérez", "byline"),
    ("POR ANA GARCÍA", "byline"),
    ("Por Ana García | Corresponsal en Bruselas", "byline"),
    ("Por Ana García, enviada especial a Kiev", "byline"),
    ("Texto: Juan Carlos de la Fuente", "byline"),
    ("Por EFE", "byline"),
    ("Redacción", "byline"),
    ("12 de marzo de 2024", "date"),
    ("lunes, 12 de marzo de 2024 - 10:45", "date"),
    ("Madrid - 12 mar 2024 - 10:45 CET", "date"),
    ("Actualizado el 12/03/2024 a las 10:45 h", "date"),
    ("12.03.2024 | 10:45 hs", "date"),
    ("Publicidad", "advertisement"),
    ("PUBLICIDAD", "advertisement"),
    ("Contenido patrocinado", "advertisement"),
    ("Saltar al contenido", "skip-link"),
    ("Ir al contenido principal", "skip-link"),
    ("Sigue leyendo", "continue-reading"),
    ("La noticia continúa tras la publicidad", "continue-reading"),
    ("Este contenido es exclusivo para suscriptores", "paywall"),
    ("Solo para suscriptores", "paywall"),
    ("¿Ya eres suscriptor? Inicia sesión", "paywall"),
    ("Suscríbete para seguir leyendo", "paywall"),
    ("Has alcanzado el límite de artículos gratuitos de este mes", "paywall"),
    ("Suscríbete por 1 € al mes", "paywall"),
    ("Hazte suscriptor", "paywall"),
    ("Suscríbete a nuestra newsletter", "newsletter"),
    ("Recibe cada mañana las noticias más importantes en tu correo.", "newsletter"),
    ("Newsletter", "newsletter"),
    ("Síguenos en Facebook, X e Instagram", "follow"),
    ("Únete a nuestro canal de WhatsApp", "follow"),
    ("Sigue toda la información de Internacional en Facebook y X, o en nuestra newsletter semanal.", "follow"),
    ("Compartir", "share"),
    ("Compartir en WhatsApp", "share"),
    ("Copiar enlace", "share"),
    ("Enlace copiado", "share"),
    ("Enviar por correo electrónico", "share"),
    ("Imprimir", "share"),
    ("Facebook Twitter WhatsApp Telegram", "share"),
    ("3 comentarios", "comments"),
    ("Comentarios", "comments"),
    ("Ver comentarios", "comments"),
    ("Deja tu comentario", "comments"),
    ("Normas de participación", "comments"),
    ("Lee también: El Gobierno aprueba la reforma", "related"),
    ("LEA TAMBIÉN", "related"),
    ("Te puede interesar", "related"),
    ("Noticias relacionadas", "related"),
    ("Más información", "related"),
    ("Lo más leído", "related"),
    ("Archivado En", "tags"),
    ("Temas: Movilidad, Transporte, Valdemora", "tags"),
    ("Tiempo de lectura: 3 min", "reading-time"),
    ("4 min de lectura", "reading-time"),
    ("Descarga la app de El Faro", "app-promo"),
    ("¿Has visto un error? Escríbenos", "correction-link"),
    ("Utilizamos cookies propias y de terceros para mejorar tu experiencia.", "cookie-notice"),
    ("Aceptar todas las cookies", "cookie-notice"),
    ("Política de cookies", "cookie-notice"),
    ("Aceptar y cerrar", "cookie-notice"),
    ("© 2024 Ediciones El Faro, S.L.", "copyright"),
    ("Todos los derechos reservados.", "copyright"),
    ("Prohibida su reproducción total o parcial.", "copyright"),
    ("Foto: EFE/Juan Pérez", "photo-credit"),
    ("Fotografía: Marta Gil", "photo-credit"),
    ("(Getty Images)", "photo-credit"),
    ("EFE/Juan Pérez", "photo-credit"),
    ("Foto de archivo", "photo-credit"),
    ("El alcalde, durante el pleno. EFE/Juan Pérez", "photo-credit"),
    ("---", "separator"),
    ("LOS VECINOS DE CAMPOSOL RECLAMAN UNA PARADA DEL TRANVÍA YA", "related-headline"),
    ('Ya tengo una suscripción', 'paywall'),
    ('Tu suscripción se está usando en otro dispositivo', 'paywall'),
    ('¿Quieres añadir otro usuario a tu suscripción?', 'paywall'),
    ('Si continúas leyendo en este dispositivo, no se podrá leer en el otro.', 'paywall'),
    ('Esta funcionalidad es sólo para suscriptores', 'paywall'),
    ('Continuar leyendo aquí', 'continue-reading'),
    ('Seguí leyendo', 'continue-reading'),
    ('Sobre la firma', 'byline'),
    ('Se adhiere a los criterios de The Trust Project', 'licensing'),
    ('Rellene su nombre y apellido para comentar', 'comments'),
    ('Comentarios 12', 'comments'),
    ('El análisis de la actualidad y las mejores historias, cada semana en su buzón', 'newsletter'),
    ('Actualizado al 12 de marzo de 2024 10:45', 'date'),
    ('Actualizado Martes, 12 marzo 2024 - 10:45', 'date'),
    ('Mirá también', 'related'),
    ('Noticia relacionada', 'related'),
    ('Recomendaciones EL FARO', 'related'),
    ('Cerrar', 'controls'),
    ('Mostrar más', 'controls'),
    ('Aumentar tamaño de letra', 'controls'),
    ('00:00/04:12', 'player-stub'),
    ('Loading...', 'player-stub'),
]

NEAR_MISSES = [
    'Recibe cada año cientos de quejas, según el Ayuntamiento.',
    'Periodista de formación, el ministro conoce bien los medios.',
    'El Gobierno aprobó ayer el decreto. EFE',
    'Buscar agua se ha convertido en una rutina diaria en el pueblo.',
    "Por la mañana, el tranvía circula lleno.",
    "Por Camposol pasan cada día miles de coches.",
    "Por Ana García, la ministra no dijo nada.",
    "Por Valencia y Alicante pasará el nuevo corredor.",
    "Por último, el alcalde agradeció la paciencia de los vecinos.",
    "Por qué importa el tranvía",
    "Publicidad engañosa: la multa llega a 3.000 euros.",
    "Compartir coche es cada vez más habitual en Valdemora.",
    "Comentarios de los vecinos llegaron al pleno.",
    "Más información llegará la próxima semana, dijo el alcalde.",
    "Más de 3.000 personas se manifestaron.",
    "Sigue en prisión el principal acusado.",
    "Sigue a la espera de juicio desde marzo.",
    "Recibe cada año cientos de quejas, según el Ayuntamiento.",
    "Utilizamos el tranvía a diario, dice una vecina.",
    "El 12 de marzo de 2024 fue un día histórico para la ciudad.",
    "Madrid, 12 mar (EFE).- El Gobierno aprobó ayer la reforma.",
    "Foto a foto, la exposición recorre la historia del puerto.",
    "Temas como la vivienda dominaron el debate.",
    "Lectura obligatoria para los concejales, según la oposición.",
    "Hoy, en cambio, varios locales han ampliado su horario.",
    "Te puede interesar saber que el abono es gratuito para los jubilados.",
    "Aceptar la propuesta supondría un coste de 86 millones.",
    "Relacionado con el caso, el juez citó a tres testigos.",
    "Escuchar a los vecinos es la prioridad, dijo la concejala.",
    "Imprimir billetes ya no es necesario en el tranvía.",
    "Redacción y edición corrieron a cargo del equipo municipal.",
    "Ver más allá del centro es el reto del tranvía.",
    "Lo último que quieren los comerciantes es otra obra.",
    "Suscríbete, pidió el presentador al final del programa.",
    'Los vecinos reciben cada semana en su buzón un folleto del Ayuntamiento.',
    'Cerrar la calle fue un error, admitió el alcalde.',
    'Mostrar más autobuses en hora punta es el objetivo.',
    'Recomendaciones de la OMS para el verano',
]


@pytest.mark.parametrize("line, rule", BOILERPLATE)
def test_boilerplate_line_is_removed_by_its_rule(line: str, rule: str) -> None:
    assert_removed_by("es", line, rule)


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_miss_is_spoken(line: str) -> None:
    assert_spoken("es", line)


def test_every_spanish_rule_has_a_case() -> None:
    own = {rule.name for rule in rules_for("es")} - {"site-tag"} - TEASER_RULES
    assert {rule for _, rule in BOILERPLATE} >= own
    assert len(BOILERPLATE) >= 60 and len(NEAR_MISSES) >= 25


@pytest.mark.parametrize(
    "line, author",
    [
        ("Por Ana García", "Ana García"),
        ("POR ANA GARCÍA", "Ana García"),
        ("Por: Ana García y Luis Pérez", "Ana García y Luis Pérez"),
        ("Por Ana García, Luis Pérez y Marta Ruiz", "Ana García, Luis Pérez y Marta Ruiz"),
        ("Por Ana García | Corresponsal en Bruselas", "Ana García"),
        ("POR JUAN CARLOS DE LA FUENTE", "Juan Carlos de la Fuente"),
    ],
)
def test_byline_author_goes_to_metadata(line: str, author: str) -> None:
    assert assert_removed_by("es", line, "byline").author == author


@pytest.mark.parametrize(
    "text, iso",
    [
        ("12 de marzo de 2024", "2024-03-12"),
        ("lunes, 12 de marzo de 2024 - 10:45", "2024-03-12"),
        ("1º de mayo de 2024", "2024-05-01"),
        ("12 de septiembre del 2024", "2024-09-12"),
        ("12 mar 2024", "2024-03-12"),
        ("marzo 12, 2024", "2024-03-12"),
        ("12/03/2024", "2024-03-12"),
        ("Actualizado: 03/12/2024 10:45", "2024-12-03"),
        ("Hace 2 horas", None),
    ],
)
def test_dates_are_read_the_spanish_way(text: str, iso: str | None) -> None:
    assert parse_date(text, "es") == iso


def test_a_dateline_holds_nothing_but_a_date() -> None:
    assert is_dateline("Publicado el 12/03/2024 a las 10:45 h | Actualizado a las 12:00 h", "es")
    assert not is_dateline("El 12 de marzo de 2024 fue un día histórico.", "es")
    assert assert_removed_by("es", "lunes, 12 de marzo de 2024 - 10:45", "date").date == "2024-03-12"
