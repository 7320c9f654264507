"""Spanish boilerplate (Spain and Latin America): player stubs, bylines ("Por …"), datelines
("lunes, 12 de marzo de 2024 - 10:45 CET"), "Lee también", newsletters, paywalls, cookies, shares."""

from __future__ import annotations

import re
from functools import partial

from .base import DURATION, LINK_TAIL, LineRule, byline, clean_names, names_beside, phrases, place_beside, staff
from .dates import Calendar, date_rule
from .neutral import CAPTIONS, TEASERS

__all__ = ["CALENDAR", "CODE", "RULES"]

CODE = "es"

CALENDAR = Calendar(
    months=(
        ("enero", "ene"), ("febrero", "feb"), ("marzo", "mar"), ("abril", "abr"), ("mayo", "may"),
        ("junio", "jun"), ("julio", "jul"), ("agosto", "ago"), ("septiembre", "setiembre", "sept", "sep", "set"),
        ("octubre", "oct"), ("noviembre", "nov"), ("diciembre", "dic"),
    ),
    weekdays=(
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
        "lun", "mar", "mié", "mie", "jue", "vie", "sáb", "sab", "dom",
    ),
    labels=(
        "publicado", "publicada", "actualizado", "actualizada", "actualización", "actualizacion", "última",
        "ultima", "modificado", "modificada", "fecha", "creado", "el", "a", "las", "la", "de", "del", "en", "y",
        "hace", "horas?", "minutos?", "lectura", "min", "días?", "segundos?", "ayer", "hoy", "h", "hs", "hrs", "m", "hora", "al",
    ),
    links=("de", "del"),
)

_ROLES = re.compile(
    r"(?i)\b(?:corresponsal|enviad[oa] especial|redactor(?:a)?|periodista|editor(?:a)?|columnista|colaborador(?:a)?"
    r"|fot[óo]grafo|fot[óo]grafa|reporter[oa]|cronista|analista|jef[ae] de|subdirector(?:a)?|director(?:a)?)\b.*$"
)
_JOINERS = r"y|e"
_PARTICLES = r"de|del|la|las|los|da|di|van|von|der|dos|do"
"""Lower-case words inside a name ("de", "von")."""
_AUTHOR = partial(clean_names, conjunction="y", roles=_ROLES)
_SUBSCRIBERS = r"(?:suscriptor(?:es|as|a)?|socios?|socias?|abonad[oa]s?|miembros|premium)"

RULES: tuple[LineRule, ...] = (
    phrases(
        "player-stub",
        r"paus(?:ar|a)|reanudar",
        r"cargando (?:el )?(?:reproductor|audio|player)(?: de audio)?",
        r"escuch(?:ar|a|e|en)(?: (?:este|esta|el|la))? (?:art[íi]culo|noticia|nota|audio|contenido|texto)(?: complet[oa])?",
        r"escuchar(?: ahora)?",
        r"reproducir(?: (?:audio|noticia|art[íi]culo|v[íi]deo))?",
        r"(?:audio|voz|locuci[óo]n) (?:generad[oa]|narrad[oa]|creada?) (?:con|por) (?:ia|inteligencia artificial).{0,40}",
        r"(?:este|esta) (?:art[íi]culo|noticia) (?:est[áa] )?disponible en (?:versi[óo]n )?audio.{0,40}",
        r"versi[óo]n (?:en )?audio",
        r"tu navegador no (?:soporta|admite|es compatible con|puede reproducir) (?:el elemento de |la etiqueta de )?(?:audio|v[íi]deo).{0,40}",
        r"(?:cargando|ver|reproducir) (?:el )?v[íi]deo",
        tail=DURATION,
    ),
    phrases(
        "timestamp-labels",
        r"(?:(?:publicado|publicada|actualizado|actualizada|[úu]ltima actualizaci[óo]n|fecha)\s*:?\s*[|/\-–—]?\s*)+",
        r"(?:(?:publicad[oa]|actualizad[oa])\s*:?\s*)?(?:hace \d+ (?:segundos?|minutos?|min|horas?|h|d[íi]as?|semanas?|meses|a[ñn]os?)"
        r"|hoy|ayer)(?:,? (?:a las )?\d{1,2}[:.h]\d{2}(?: ?h| ?hs| horas)?)?",
    ),
    byline(
        r"por|escrito por|texto(?: de)?|autor(?:a|es)?|reportaje de|cr[óo]nica de|an[áa]lisis de|opini[óo]n de"
        r"|entrevista de",
        joiners=_JOINERS,
        particles=_PARTICLES,
        convert=_AUTHOR,
    ),
    names_beside(_JOINERS, _PARTICLES, _AUTHOR),
    names_beside(_JOINERS, _PARTICLES, _AUTHOR, beside=("place",), tail=False),
    place_beside(_PARTICLES),
    staff(r"(?:(?:por|texto)\s*:?\s*)?(?:la\s+)?redacci[óo]n", r"(?:por\s+)?agencias"),
    phrases(
        "byline", r"sobre (?:la firma|el autor|la autora|los autores)",
        r"(?:periodista|redactor(?:a)?|reporter[oa]|editor(?:a)?|corresponsal|columnista|colaborador(?:a)?|fot[óo]graf[oa])"
        r"(?: (?:en|de|del|de la) [^.!?]{1,40})?",
        r"(?:periodista|redactor(?:a)?|reporter[oa]|editor(?:a)?|corresponsal) (?:de|en) la (?:secci[óo]n|redacci[óo]n)"
        r" [^!?]{1,200}",
    ),
    date_rule(CALENDAR),
    phrases(
        "advertisement",
        r"publicidad", r"anuncio", r"contenido patrocinado", r"patrocinado(?: por [^.!?]{1,40})?",
        r"espacio publicitario", r"art[íi]culo patrocinado", r"publirreportaje", r"contenido de marca",
        r"branded content", r"saltar publicidad",
    ),
    phrases(
        "skip-link",
        r"(?:saltar|ir|pasar) (?:al?|directamente al?) (?:contenido(?: principal)?|men[úu]|navegaci[óo]n|pie de p[áa]gina|buscador)",
    ),
    phrases(
        "continue-reading",
        r"(?:sigue|seguir|contin[úu]a|continuar|siga) leyendo(?: (?:la noticia|el art[íi]culo|m[áa]s abajo|abajo"
        r"|(?:despu[ée]s de|tras) (?:la publicidad|el anuncio)))?",
        r"(?:la )?(?:noticia|informaci[óo]n|art[íi]culo) contin[úu]a (?:abajo|debajo|(?:despu[ée]s de|tras) (?:la publicidad|el anuncio))",
        r"contin[úu]a (?:despu[ée]s de|tras) (?:la publicidad|el anuncio)",
        r"ver noticia completa", r"leer (?:la )?(?:noticia|art[íi]culo) complet[oa]", r"segu[íi] leyendo",
        r"contin(?:uar|[úu]a) leyendo aqu[íi]",
    ),
    phrases(
        "paywall",
        r"(?:este|el|nuestro) periodismo (?:(?:solo|s[óo]lo) es posible|necesita|depende de|existe gracias a) .{0,120}",
        r"(?:¿\s*)?te ha gustado (?:este|esta) (?:art[íi]culo|noticia|contenido)\s*\?.{0,200}",
        r"apoya (?:el|nuestro|este) periodismo.{0,100}",
        rf"(?:este )?(?:contenido|art[íi]culo|noticia|reportaje) (?:es )?(?:exclusivo|reservado|s[óo]lo|solo|disponible s[óo]lo|disponible solo) (?:para|a) {_SUBSCRIBERS}.{{0,60}}",
        rf"(?:s[óo]lo|solo|exclusivo) para {_SUBSCRIBERS}",
        rf"(?:contenido|art[íi]culo) (?:exclusivo|premium)(?: para {_SUBSCRIBERS})?",
        r"suscr[íi]bete (?:para|y) (?:seguir|continuar|poder) (?:leyendo|leer).{0,80}",
        rf"(?:¿\s*)?ya eres {_SUBSCRIBERS}\s*\??.{{0,60}}",
        r"(?:inicia|iniciar) sesi[óo]n(?: (?:para|y) (?:seguir|continuar|leer|acceder).{0,60})?",
        r"(?:reg[íi]strate|accede|acceder)(?: gratis)? (?:para|y) (?:seguir|continuar|leer|acceder).{0,60}",
        r"hazte (?:suscriptor|suscriptora|socio|socia|premium|miembro).{0,80}",
        r"(?:has alcanzado|alcanzaste|llegaste) (?:el|al) l[íi]mite de .{0,80}",
        r"te quedan? \d+ (?:art[íi]culos|noticias|contenidos) (?:gratis|gratuitos).{0,60}",
        r"lee sin l[íi]mites.{0,80}",
        r"suscr[íi]bete(?: ahora| ya| aqu[íi])?(?: (?:desde|por) [^.!?]{0,60})?",
        r"ya tengo (?:una )?(?:suscripci[óo]n|cuenta)", r"tu suscripci[óo]n (?:se )?est[áa] (?:siendo )?usa(?:da|ndo).{0,80}",
        r"(?:¿\s*)?quieres a[ñn]adir otro usuario.{0,60}", r"a[ñn]adir usuario",
        r"si contin[úu]as leyendo en este dispositivo.{0,100}",
        rf"esta funcionalidad es s[óo]lo para (?:{_SUBSCRIBERS}|registrad[oa]s|usuarios registrados).{{0,40}}",
        r"(?:primer mes|[úu]ltimos d[íi]as|oferta)[^.!?]{0,40}\d+\s*(?:€|euros?|\$|d[óo]lares)[^.!?]{0,40}",
    ),
    phrases(
        "newsletter",
        r"(?:rec[íi]b[ií]|suscrib[íi]te|anot[áa]te|registr[áa]te)\s.{0,100}(?:newsletter|bolet[íi]n|correo|e-?mail|mail|buz[óo]n).{0,120}",
        r"(?:rec[íi]be|rec[íi]b[íi])(?:la|las|lo)? .{0,120}\ben tu (?:correo|buz[óo]n|e-?mail|mail|bandeja|celular|m[óo]vil|whatsapp).{0,60}",
        r"(?:tus|sus) datos (?:personales )?(?:ser[áa]n|son) tratados.{0,200}",
        r"(?:suscr[íi]bete|ap[úu]ntate|reg[íi]strate|inscr[íi]bete|rec[íi]be(?:la|las|lo)?)\s.{0,100}"
        r"(?:newsletter|bolet[íi]n|boletines|correo|e-?mail|buz[óo]n|bandeja de entrada).{0,120}",
        r"(?:nuestra |la |nuestras |las )?newsletters?(?: de [^.!?]{1,40})?",
        r"bolet[íi]n(?:es)?(?: de [^.!?]{1,40})?",
        r"(?:introduce|escribe) tu (?:correo|e-?mail|direcci[óo]n de correo).{0,60}",
        r".{0,120}\b(?:cada|todas las|todos los) (?:semana|ma[ñn]ana|d[íi]a|noche|viernes|domingo)s? en (?:su|tu) "
        r"(?:buz[óo]n|correo|e-?mail|bandeja de entrada)",
    ),
    phrases(
        "follow",
        r"s[íi]guenos\b.{0,160}",
        r"sigue (?:a \S+(?: \S+){0,4} en|toda la (?:informaci[óo]n|actualidad)|(?:el|nuestro) canal|las noticias"
        r"|la informaci[óo]n|la [úu]ltima hora).{0,160}",
        r"[úu]nete a (?:nuestro|nuestra|el|la) (?:canal|comunidad|grupo).{0,100}",
        r"(?:recibe|recibir) (?:las )?(?:noticias|alertas|la [úu]ltima hora) (?:en|por) (?:tu )?(?:whatsapp|telegram|m[óo]vil|celular).{0,80}",
    ),
    phrases(
        "share",
        r"compartir(?: (?:en|por|v[íi]a|esta noticia|este art[íi]culo|la noticia|el art[íi]culo)(?: [\w .+]{0,30})?)?",
        r"comparte(?: (?:esta noticia|este art[íi]culo|en [\w .+]{0,30}))?",
        r"copiar (?:el )?(?:enlace|link|url)", r"enlace copiado(?: al portapapeles)?",
        r"enviar por (?:correo(?: electr[óo]nico)?|e-?mail|whatsapp)",
        r"imprimir(?: (?:noticia|art[íi]culo|esta p[áa]gina))?",
        r"guardar(?: (?:noticia|art[íi]culo|en favoritos|para (?:despu[ée]s|m[áa]s tarde)))?",
        r"(?:a[ñn]adir|agregar) a (?:favoritos|mi lista|google)", r"regalar (?:este|esta) (?:art[íi]culo|noticia)",
        r"tama[ñn]o (?:del )?texto", r"(?:compartir|comparte) en (?:redes|las redes sociales)",
    ),
    phrases(
        "comments",
        r"(?:ver|leer|mostrar) (?:los )?\d+ comentarios?",
        r"(?:los comentarios (?:no representan|son responsabilidad)|el autor del comentario es).{0,200}",
        r"\d+\s+comentarios?", r"comentarios?(?:\s*\(?\d+\)?)?", r"rellen[ea] su nombre.{0,60}para comentar",
        r"(?:ver|leer|mostrar|ocultar|deja|dejar|a[ñn]ade|a[ñn]adir|escribe|escribir|publica|publicar|cargar)"
        r" (?:un |los |tu |el |todos los |m[áa]s )?comentarios?(?: \(\d+\))?",
        r"comentar", r"cargando comentarios", r"normas de (?:participaci[óo]n|la comunidad|uso)",
        r"s[ée] el primero en comentar", r"no hay comentarios", r"[úu]nete a la conversaci[óo]n",
    ),
    phrases(
        "related",
        r"(?:lee|lea|leer|le[ée]|leelo) (?:tambi[ée]n|adem[áa]s|m[áa]s)",
        r"(?:tambi[ée]n )?(?:te|le|les|os) (?:puede|pueden|podr[íi]a|podr[íi]an) interesar",
        r"puede(?:s)? interesarte", r"m[áa]s informaci[óo]n", r"m[áa]s noticias", r"otras noticias",
        r"(?:noticias?|art[íi]culos?|contenidos?|temas?|historias?) relacionad[oa]s?", r"relacionad[oa]s?",
        r"mir[áa] (?:tambi[ée]n|m[áa]s)", r"recomendaciones(?: (?-i:[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ ]{1,30}))?",
        r"ver (?:tambi[ée]n|m[áa]s)", r"lo m[áa]s (?:le[íi]do|visto|compartido|reciente|comentado)",
        r"m[áa]s (?:le[íi]d[oa]s|vist[oa]s|comentad[oa]s)", r"[úu]ltimas noticias", r"lo [úu]ltimo",
        r"te recomendamos", r"recomendad[oa]s(?: para ti)?", r"no te pierdas", r"tendencias",
        r"(?:en|sobre) (?:el|este) tema", r"contenido relacionado", r"m[áa]s sobre (?:este|el) tema",
        r"te puede gustar", r"descubre m[áa]s",
        tail=LINK_TAIL,
        takes_next=3,
    ),
    phrases(
        "controls",
        r"buscar|buscador|b[úu]squeda|men[úu]",
        r"cerrar", r"mostrar m[áa]s", r"ampliar(?: imagen| foto)?", r"(?:aumentar|disminuir|reducir) (?:el )?(?:tama[ñn]o|letra|fuente|texto)(?: de (?:la )?(?:letra|fuente|texto))?",
        r"(?:volver|ir) (?:arriba|al inicio)", r"ver (?:galer[íi]a|fotos)", r"pantalla completa",
    ),
    phrases("tags", r"archivado en", r"etiquetas", r"temas", r"tags", r"palabras clave", tail=r"(?:\s*:\s*.{0,200})?"),
    phrases(
        "reading-time",
        r"(?:tiempo de )?lectura\s*:?\s*\d+\s*(?:min(?:utos?)?|')\.?(?:\s*[|·•-]\s*.{0,40})?",
        r"(?:tiempo de )?lectura\s*:?\s*\d+\s*(?:min(?:utos?)?|')\.?", r"\d+\s*(?:min(?:utos?)?|')\.? de lectura",
    ),
    phrases(
        "app-promo",
        r"descarga(?:r|te)? (?:la|nuestra) (?:app|aplicaci[óo]n).{0,60}", r"(?:abrir|leer|ver) en (?:la )?app",
        r"disponible en (?:app store|google play).{0,40}",
    ),
    phrases(
        "correction-link",
        r"(?:¿\s*)?(?:has visto|viste|encontraste|encuentras) (?:un|alg[úu]n) error\s*\??.{0,60}",
        r"(?:comunicar|reportar|notificar|informar de|avisar de) (?:un )?error",
    ),
    phrases(
        "cookie-notice",
        r"(?:utilizamos|usamos|este (?:sitio|portal|sitio web|web) (?:utiliza|usa)) (?:cookies|galletas).{0,300}",
        r"(?:aceptar|rechazar|configurar|gestionar|personalizar)(?: todas?)?(?: las)? cookies.{0,40}",
        r"pol[íi]tica de (?:cookies|privacidad)", r"configuraci[óo]n de (?:cookies|privacidad)",
        r"aceptar y (?:cerrar|continuar|seguir)", r"aceptar(?: todo| todas| todos)?", r"rechazar(?: todo| todas| todos)?",
        r"(?:al |si )contin[úu]as? navegando.{0,300}", r"valoramos tu privacidad.{0,200}",
    ),
    phrases(
        "copyright",
        r"(?:©\s*)?todos los derechos reservados.{0,80}", r"(?:queda )?prohibida (?:su|la) reproducci[óo]n.{0,200}",
    ),
    phrases(
        "photo-credit",
        r"(?:foto(?:graf[íi]a)?s?|im[áa]gen(?:es)?|ilustraci[óo]n|infograf[íi]a|v[íi]deo|cr[ée]ditos?|fuente)"
        r"(?: de| por)?\s*:\s*[^.!?]{1,80}",
        r"\(?foto(?:graf[íi]a)?(?: de)? archivo[^.!?]{0,40}\)?",
        r"(?:fotos?|fotograf[íi]as?|im[áa]genes|v[íi]deo) (?:de|por) (?-i:[A-Z])[^.!?]{0,60}",
        r"\((?:foto|imagen|fotograf[íi]a)\s*:?[^.!?()]{1,60}\)",
    ),
    *CAPTIONS,
    *TEASERS,
)
"""Spanish rules in the order they are tried (after the vendors' stubs, before the neutral rules)."""
