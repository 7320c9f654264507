"""Portuguese boilerplate (Brazil and Portugal): player stubs ("Ouvir este artigo", "Carregando o
player"), bylines ("Por …", "Do g1"), datelines ("Publicado em 12 de março de 2024", "12.mar.2024 às
10h45"), "Leia também", newsletters, "Conteúdo exclusivo para assinantes", cookies, shares, captions
ending in "— Foto: …"."""

from __future__ import annotations

import re
from functools import partial

from .base import DURATION, LINK_TAIL, LineRule, byline, clean_names, names_beside, phrases, place_beside, rule, staff
from .dates import Calendar, date_rule
from .neutral import CAPTIONS, TEASERS

__all__ = ["CALENDAR", "CODE", "RULES"]

CODE = "pt"

CALENDAR = Calendar(
    months=(
        ("janeiro", "jan"), ("fevereiro", "fev"), ("março", "marco", "mar"), ("abril", "abr"), ("maio", "mai"),
        ("junho", "jun"), ("julho", "jul"), ("agosto", "ago"), ("setembro", "set"), ("outubro", "out"),
        ("novembro", "nov"), ("dezembro", "dez"),
    ),
    weekdays=(
        "segunda-feira", "terça-feira", "terca-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado",
        "sabado", "domingo", "segunda", "terça", "terca", "quarta", "quinta", "sexta",
        "seg", "ter", "qua", "qui", "sex", "sáb", "sab", "dom",
    ),
    labels=(
        "publicado", "publicada", "atualizado", "atualizada", "actualizado", "actualizada", "atualização",
        "atualizacao", "actualização", "última", "ultima", "modificado", "em", "às", "as", "a", "de", "do", "da",
        "e", "o", "há", "ha", "leitura", "horas?", "minutos?", "min", "dias?", "h", "hoje", "ontem", "horário de brasília",
    ),
    links=("de", "do"),
)

_ROLES = re.compile(
    r"(?i)\b(?:rep[óo]rter|correspondente|enviad[oa] especial|colunista|editor(?:a)?|jornalista|colabora[çc][ãa]o"
    r"|especial para|fot[óo]grafo|fot[óo]grafa|redator(?:a)?|analista)\b.*$"
)
_JOINERS = r"e"
_PARTICLES = r"de|da|das|do|dos|la|van|von|der|di|del"
"""Lower-case words inside a name ("de", "von")."""
_AUTHOR = partial(clean_names, conjunction="e", roles=_ROLES)
_SUBSCRIBERS = r"(?:assinantes|subscritores|membros|premium)"
_MEDIA = r"foto|fotos|imagem|imagens|v[íi]deos?|ilustra[çc][ãa]o|arte|infogr[áa]fico|reprodu[çc][ãa]o"

RULES: tuple[LineRule, ...] = (
    phrases(
        "player-stub",
        r"pausar|pausa|retomar",
        r"(?:carregando|a carregar) (?:o )?(?:player|leitor|[áa]udio|reprodutor)(?: de [áa]udio)?", r"carregando", r"a carregar",
        r"(?:ouvir|ou[çc]a|escute|escutar)(?: (?:este|esta|o|a|essa|esse))? (?:artigo|not[íi]cia|mat[ée]ria|conte[úu]do|texto|reportagem|[áa]udio)",
        r"ouvir(?: agora)?", r"reproduzir(?: [áa]udio| v[íi]deo)?", r"vers[ãa]o (?:em )?[áa]udio",
        r"[áa]udio (?:gerado|narrado|criado) (?:por|com) (?:ia|intelig[êe]ncia artificial).{0,40}",
        r"(?:este|esta) (?:artigo|not[íi]cia|mat[ée]ria) (?:est[áa] )?dispon[íi]vel em [áa]udio.{0,40}",
        r"(?:o )?seu navegador n[ãa]o (?:suporta|[ée] compat[íi]vel com|consegue reproduzir) (?:o elemento de )?(?:[áa]udio|v[íi]deo).{0,40}",
        r"(?:assista|veja|assistir|ver|carregando)(?: ao| o| a)? v[íi]deos?(?: abaixo| acima| a seguir)?",
        tail=DURATION,
    ),
    phrases(
        "timestamp-labels",
        r"(?:(?:publicad[oa]|atualizad[oa]|actualizad[oa]|[úu]ltima atualiza[çc][ãa]o)\s*(?:em)?\s*:?\s*[|/\-–—]?\s*)+",
        r"(?:(?:publicad[oa]|atualizad[oa]|actualizad[oa])\s*(?:em)?\s*:?\s*)?(?:h[áa] \d+ (?:segundos?|minutos?|min|horas?|h|dias?|semanas?|meses|anos?)"
        r"|hoje|ontem)(?:,? (?:[àa]s )?\d{1,2}[h:]\d{2})?",
    ),
    byline(
        r"por|escrito por|texto(?: de)?|autor(?:a|es)?|reportagem(?: de)?|(?:an[áa]lise|opini[ãa]o|coluna|entrevista) (?:de|por)",
        joiners=_JOINERS,
        particles=_PARTICLES,
        convert=_AUTHOR,
    ),
    names_beside(_JOINERS, _PARTICLES, _AUTHOR),
    names_beside(_JOINERS, _PARTICLES, _AUTHOR, beside=("place",), tail=False),
    place_beside(_PARTICLES),
    phrases(
        "byline",
        r"(?:jornalista|rep[óo]rter|colunista|editor(?:a)?|correspondente|redator(?:a)?|fot[óo]grafo|fot[óo]grafa)"
        r"(?: (?:d[oa]|em|no|na) [^.!?]{1,40})?",
    ),
    staff(
        r"(?:(?:por|texto)\s*:?\s*)?(?:da\s+)?reda[çc][ãa]o",
        r"(?:da|do) (?:(?-i:[A-Z][\w]*)|g1|uol|estad[ãa]o|ag[êe]ncia [\w ]{2,20})(?:,? (?:em|no|na|de) (?-i:[A-Z])[\w ]{1,30})?",
        r"colabora[çc][ãa]o para (?:o |a )?[\w ]{2,30}",
        r"por (?:g1|ge|uol|gshow|valor|o globo|extra|cnn brasil|bbc news brasil|folha|estad[ãa]o|ag[êe]ncia [\w ]{2,20})"
        r"(?:\s*[—–\-,]\s*[^.!?]{1,40})?",
    ),
    date_rule(CALENDAR),
    phrases(
        "advertisement",
        r"publicidade", r"an[úu]ncio", r"conte[úu]do (?:patrocinado|de marca|publicit[áa]rio)", r"patrocinado(?: por [^.!?]{1,40})?",
        r"publieditorial", r"oferecido por [^.!?]{1,40}", r"informe publicit[áa]rio", r"(?:conte[úu]do )?pago",
    ),
    phrases(
        "skip-link",
        r"(?:pular|ir|saltar|avan[çc]ar) (?:direto )?para o (?:conte[úu]do(?: principal)?|menu|rodap[ée]|in[íi]cio|navega[çc][ãa]o)",
    ),
    phrases(
        "continue-reading",
        r"(?:continua|continue|a reportagem continua|a mat[ée]ria continua) (?:ap[óo]s|depois d[ao]) (?:a )?(?:publicidade|an[úu]ncio)",
        r"contin(?:ue|uar) (?:lendo|a ler)(?: a (?:mat[ée]ria|not[íi]cia))?", r"continuar a ler",
        r"leia a (?:mat[ée]ria|not[íi]cia|reportagem) (?:completa|na [íi]ntegra)", r"ver (?:mat[ée]ria|not[íi]cia) completa",
    ),
    phrases(
        "paywall",
        r"gostou (?:deste|desta) (?:artigo|not[íi]cia|mat[ée]ria|conte[úu]do|reportagem)\s*\?.{0,200}",
        r"[^.!?]{0,120}[.!?]\s+apoie o jornalismo.{0,100}",
        r"exclusivo(?: para assinantes)?",
        r"assine (?:o |a |j[áa] |agora )?[\w ]{0,30}\b(?:e (?:tenha|ganhe|aproveite|leia)|para (?:ter|ler|continuar)).{0,160}",
        r"assine (?-i:[A-Z][\w]*)(?: (?-i:[A-Z][\w]*))?",
        r".{0,60}vantagens de ser (?:assinante|subscritor).{0,120}",
        r"al[ée]m de ter acesso a (?:reportagens|conte[úu]dos|not[íi]cias|colunas|mat[ée]rias).{0,200}",
        rf"(?:este |esta )?(?:conte[úu]do|mat[ée]ria|artigo|reportagem|not[íi]cia|recurso|fun[çc][ãa]o) (?:[ée] )?(?:exclusiv[oa]|restrit[oa]|reservad[oa]|dispon[íi]vel apenas) (?:para|a|aos) {_SUBSCRIBERS}.{{0,60}}",
        rf"(?:exclusivo|apenas|s[óo]) (?:para )?{_SUBSCRIBERS}",
        r"j[áa] [ée] (?:assinante|subscritor|membro)\s*\??.{0,60}",
        r"assine ou fa[çc]a (?:o )?login.{0,40}", r"subscrever(?: [^.!?]{0,40})?", r"subscreva(?: j[áa]| agora)?",
        r"assine (?:para|e) (?:continuar|seguir|poder) (?:lendo|a ler|ler).{0,80}",
        r"assine(?: j[áa]| agora| o [\w ]{1,20})?(?: (?:por|a partir de|e ganhe) [^.!?]{0,60})?",
        r"(?:fa[çc]a (?:o )?login|entre|entrar|acesse|inicie sess[ãa]o)(?: (?:para|e) (?:continuar|ler|seguir|acessar).{0,60})?",
        r"cadastre-se (?:gratuitamente |gr[áa]tis )?(?:para|e) (?:continuar|ler|seguir).{0,60}",
        r"voc[êe] (?:atingiu|chegou ao) (?:o )?limite .{0,80}", r"leia (?:sem limites|ilimitado).{0,80}",
        r"torne-se (?:assinante|subscritor|membro).{0,60}", r"apoie o (?:jornalismo|nosso trabalho).{0,100}",
        r"(?:primeiro m[êe]s|oferta|promo[çc][ãa]o)[^.!?]{0,40}(?:r\$|€|reais|euros)[^.!?]{0,40}",
    ),
    phrases(
        "newsletter",
        r"(?:os )?(?:seus|teus) dados (?:pessoais )?(?:ser[ãa]o|s[ãa]o) tratados.{0,200}",
        r"(?:inscreva-se|assine|receba|cadastre(?:-se| seu e-?mail)|subscreva|registe-se|registre-se)\s.{0,100}"
        r"(?:newsletter|boletim|e-?mail|caixa de (?:entrada|correio)).{0,120}",
        r"(?:a |as |nossa |nossas )?newsletters?(?: d[oa] [^.!?]{1,40})?",
        r"(?:digite|insira|informe) (?:o )?seu e-?mail.{0,40}", r"inscreva-se", r"cadastre-se",
    ),
    phrases(
        "follow",
        r"siga(?:-nos)?\b.{0,160}(?:facebook|twitter|\bx\b|instagram|whatsapp|telegram|tiktok|youtube|linkedin|threads"
        r"|google (?:news|not[íi]cias)|redes sociais|canal)\b.{0,100}",
        r"(?:entre|participe) (?:no|do) (?:nosso )?canal.{0,120}",
        r"receba (?:as )?(?:not[íi]cias|alertas) (?:no|pelo) (?:seu )?(?:whatsapp|telegram|celular|telem[óo]vel).{0,80}",
    ),
    phrases(
        "share",
        r"(?:compartilhar|compartilhe|partilhar|partilhe)(?: (?:no|na|por|via|esta not[íi]cia|este artigo|esta mat[ée]ria)(?: [\w .+]{0,30})?)?",
        r"copiar (?:o )?link", r"link copiado(?: para a [áa]rea de transfer[êe]ncia)?",
        r"enviar por (?:e-?mail|whatsapp)", r"imprimir(?: (?:not[íi]cia|artigo|mat[ée]ria|p[áa]gina))?",
        r"(?:salvar|guardar)(?: (?:artigo|not[íi]cia|mat[ée]ria|para ler depois|nos favoritos))?",
        r"presentear(?: (?:este|esta) (?:conte[úu]do|mat[ée]ria|artigo|not[íi]cia))?", r"tamanho (?:do )?texto", r"ler depois",
    ),
    phrases(
        "comments",
        r"o autor da mensagem.{0,200}",
        r"os coment[áa]rios n[ãa]o representam.{0,200}",
        r"\d+\s+coment[áa]rios?", r"coment[áa]rios?(?:\s*\(\d+\))?",
        r"(?:ver|ler|mostrar|ocultar|deixe|deixar|adicionar|escrever|publicar|carregar|carregando)"
        r" (?:um |os |o |seu |o seu |todos os |mais )?coment[áa]rios?(?: \(\d+\))?",
        r"comentar", r"comente", r"seja o primeiro a comentar", r"participe da (?:conversa|discuss[ãa]o)",
        r"regras de (?:uso|participa[çc][ãa]o) (?:dos coment[áa]rios|da comunidade)",
    ),
    phrases(
        "related",
        r"(?:leia|veja|ler|ver) (?:tamb[ée]m|mais|ainda|a seguir)", r"saiba mais", r"confira (?:tamb[ée]m|mais)",
        r"(?:not[íi]cias?|artigos?|mat[ée]rias?|conte[úu]dos?) relacionad[oa]s?", r"relacionad[oa]s?",
        r"mais (?:lidas?|vistas?|not[íi]cias|populares|recentes|comentadas?)", r"[úu]ltimas(?: not[íi]cias)?",
        r"voc[êe] (?:pode|poder[áa]) (?:gostar|se interessar)", r"recomendad[oa]s?(?: para voc[êe])?",
        r"(?:tamb[ée]m )?pode (?:lhe )?interessar", r"n[ãa]o perca", r"em alta", r"destaques",
        r"veja mais sobre", r"mais sobre (?:o|este) (?:assunto|tema)",
        tail=LINK_TAIL,
        takes_next=3,
    ),
    phrases(
        "controls",
        r"buscar|pesquisar|busca|menu",
        r"fechar", r"(?:mostrar|ver) mais", r"ampliar(?: imagem| foto)?", r"(?:aumentar|diminuir) (?:a )?(?:fonte|letra|texto)",
        r"voltar ao (?:topo|in[íi]cio)", r"tela cheia", r"ecr[ãa] inteiro", r"ver galeria",
    ),
    phrases("tags", r"t[óo]picos", r"tags", r"temas", r"assuntos", r"palavras-chave", tail=r"(?:\s*:\s*.{0,200})?"),
    phrases(
        "reading-time",
        r"(?:tempo de )?leitura\s*:?\s*\d+\s*(?:min(?:utos?)?)\.?", r"\d+\s*min(?:utos?)?\.? de leitura",
    ),
    phrases(
        "app-promo",
        r"(?:baixe|descarregue|instale) (?:o|a|nosso|nossa) (?:app|aplicativo|aplica[çc][ãa]o).{0,60}",
        r"(?:abrir|ler|ver) no (?:app|aplicativo)", r"dispon[íi]vel na (?:app store|google play).{0,40}",
    ),
    phrases(
        "correction-link",
        r"(?:encontrou|viu|achou) (?:algum|um) erro\s*\??.{0,80}", r"(?:comunicar|reportar|informar|notificar) (?:um )?erro",
        r"errata",
    ),
    phrases(
        "cookie-notice",
        r"(?:utilizamos|usamos|este (?:site|portal|s[íi]tio) (?:utiliza|usa)) cookies.{0,300}",
        r"(?:aceitar|rejeitar|recusar|gerir|gerenciar|configurar|personalizar)(?: todos)?(?: os)? cookies.{0,40}",
        r"pol[íi]tica de (?:cookies|privacidade)", r"configura[çc](?:[õo]es|[ãa]o) de (?:cookies|privacidade)",
        r"aceitar e (?:fechar|continuar)", r"aceitar(?: todos)?", r"aceito", r"rejeitar(?: todos)?", r"entendi", r"prosseguir",
        r"ao (?:continuar|navegar|utilizar|usar)\b.{0,150}(?:concorda|aceita|cookies|pol[íi]tica de privacidade|termos de uso).{0,200}",
    ),
    phrases(
        "copyright",
        r"(?:©\s*)?todos os direitos reservados.{0,80}", r"(?:[ée] )?proibida a reprodu[çc][ãa]o.{0,200}",
    ),
    phrases(
        "photo-credit",
        rf"(?:{_MEDIA}|cr[ée]ditos?|fonte|legenda)(?: de| por)?\s*:\s*[^.!?]{{1,80}}",
        rf"\((?:{_MEDIA})\s*:?[^.!?()]{{1,60}}\)", r"reprodu[çc][ãa]o\s*/\s*[^.!?]{1,60}",
        r"(?:fotos?|imagens?|v[íi]deo) (?:de|por) (?-i:[A-Z])[^.!?]{0,60}",
    ),
    rule("photo-credit", rf".{{3,250}}?\s[-–—]\s*(?:{_MEDIA})\s*:\s*[^.!?]{{1,80}}"),
    *CAPTIONS,
    *TEASERS,
)
"""Portuguese rules in the order they are tried (after the vendors' stubs, before the neutral rules)."""
