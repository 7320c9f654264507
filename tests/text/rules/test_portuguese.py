"""Portuguese boilerplate rules (Brazil and Portugal), table-driven: lines that must go (with the rule
that takes them), near misses that must stay (sentences that start like boilerplate: "Por trás…"),
bylines, dates."""

from __future__ import annotations

import pytest

from narrate.text.rules import is_dateline, parse_date, rules_for
from tests.text.rules.cases import TEASER_RULES, assert_removed_by, assert_spoken

BOILERPLATE = [
    ('Artigo relacionado', 'related'),
    ('Gostou deste artigo? Junte-se à nossa comunidade de leitores e apoie o jornalismo independente.', 'paywall'),
    ('Exclusivo', 'paywall'),
    ('Assine o Expresso e tenha acesso ilimitado a todos os conteúdos.', 'paywall'),
    ('Assine UOL', 'paywall'),
    ('Pausar', 'player-stub'),
    ('Jornalista', 'byline'),
    ('O autor da mensagem, e não o UOL, é o responsável pelo comentário.', 'comments'),
    ('📲 Participe do canal do Portal Campinas no WhatsApp', 'follow'),
    ('Prédios no bairro de Arroios, em Lisboa Foto: José Fernandes', 'photo-credit'),
    ("Carregando o player...", "player-stub"),
    ("A carregar o leitor de áudio", "player-stub"),
    ("Ouvir este artigo", "player-stub"),
    ("Ouça esta notícia · 3 min", "player-stub"),
    ("Ouvir", "player-stub"),
    ("Áudio gerado por IA", "player-stub"),
    ("Seu navegador não suporta o elemento de áudio.", "player-stub"),
    ("Assista ao vídeo", "player-stub"),
    ("Getting your Trinity Audio player ready...", "player-stub"),
    ("Atualizado há 2 horas", "timestamp-labels"),
    ("Publicado em:", "timestamp-labels"),
    ("Por Mariana Costa", "byline"),
    ("Por Mariana Costa e Pedro Albuquerque, g1 Ribeirão Alto", "byline"),
    ("POR MARIANA COSTA", "byline"),
    ("Por Mariana Costa — São Paulo", "byline"),
    ("Texto: João Pedro dos Santos", "byline"),
    ("Por Agência Brasil", "byline"),
    ("Redação", "byline"),
    ("Da Redação", "byline"),
    ("Do g1", "byline"),
    ("Do UOL, em São Paulo", "byline"),
    ("Publicado em 12 de março de 2024", "date"),
    ("12.mar.2024 às 10h45", "date"),
    ("12/03/2024 10h45 Atualizado há 2 horas", "date"),
    ("terça-feira, 12 de março de 2024", "date"),
    ("Publicado 12 Março 2024, 10:45", "date"),
    ("Publicidade", "advertisement"),
    ("PUBLICIDADE", "advertisement"),
    ("Conteúdo patrocinado", "advertisement"),
    ("Pular para o conteúdo", "skip-link"),
    ("Continua após a publicidade", "continue-reading"),
    ("Continue lendo", "continue-reading"),
    ("Conteúdo exclusivo para assinantes", "paywall"),
    ("Esta reportagem é exclusiva para assinantes.", "paywall"),
    ("Já é assinante? Faça login", "paywall"),
    ("Assine para continuar lendo", "paywall"),
    ("Assine por R$ 1,90 no primeiro mês", "paywall"),
    ("Você atingiu o limite de reportagens gratuitas", "paywall"),
    ("Entrar", "paywall"),
    ("Inscreva-se na newsletter do Jornal do Vale", "newsletter"),
    ("Receba as principais notícias do dia no seu e-mail.", "newsletter"),
    ("Newsletter", "newsletter"),
    ("Siga o canal do g1 Ribeirão Alto no WhatsApp", "follow"),
    ("Siga-nos no Instagram", "follow"),
    ("Compartilhar", "share"),
    ("Compartilhe no WhatsApp", "share"),
    ("Partilhar", "share"),
    ("Copiar link", "share"),
    ("Link copiado", "share"),
    ("Salvar", "share"),
    ("Presentear este conteúdo", "share"),
    ("Facebook WhatsApp Twitter E-mail", "share"),
    ("12 comentários", "comments"),
    ("Comentários", "comments"),
    ("Deixe seu comentário", "comments"),
    ("Seja o primeiro a comentar", "comments"),
    ("Leia também: Prefeitura anuncia novas vagas em creches", "related"),
    ("LEIA MAIS", "related"),
    ("Veja também", "related"),
    ("Saiba mais", "related"),
    ("Notícias relacionadas", "related"),
    ("Mais lidas", "related"),
    ("Tópicos: educação, ciência", "tags"),
    ("Tempo de leitura: 3 min", "reading-time"),
    ("4 min de leitura", "reading-time"),
    ("Baixe o app do Jornal do Vale", "app-promo"),
    ("Encontrou algum erro? Entre em contato", "correction-link"),
    ("Utilizamos cookies essenciais e tecnologias semelhantes de acordo com a nossa Política de Privacidade.", "cookie-notice"),
    ("Aceitar cookies", "cookie-notice"),
    ("Prosseguir", "cookie-notice"),
    ("Ao continuar navegando, você concorda com estas condições.", "cookie-notice"),
    ("© 2024 Jornal do Vale. Todos os direitos reservados.", "copyright"),
    ("Todos os direitos reservados.", "copyright"),
    ("É proibida a reprodução deste conteúdo.", "copyright"),
    ("Foto: Ana Beatriz Reis/g1", "photo-credit"),
    ("Foto: Reprodução", "photo-credit"),
    ("Reprodução/Instagram", "photo-credit"),
    ("Estudantes apresentam projeto na feira — Foto: Ana Beatriz Reis/g1", "photo-credit"),
    ("O presidente em Brasília Pedro Ladeira - 12.mar.2024/Folhapress", "photo-credit"),
    ("___", "separator"),
    ("ESTUDANTES DE RIBEIRÃO ALTO VENCEM OLIMPÍADA NACIONAL DE MATEMÁTICA", "related-headline"),
    ('Diminuir fonte', 'controls'),
    ('Aumentar fonte', 'controls'),
    ('Fechar', 'controls'),
    ('Recurso exclusivo para assinantes', 'paywall'),
    ('assine ou faça login', 'paywall'),
    ('Subscrever', 'paywall'),
    ('Por g1 — Ribeirão Alto', 'byline'),
    ('Análise por Mariana Costa', 'byline'),
    ('VÍDEOS: mais assistidos do g1 SP', 'photo-credit'),
    ('A carregar...', 'player-stub'),
    ('Atualizado: 12.mar.2024 às 11h02', 'date'),
    ('Saiba mais sobre The Trust Project', 'licensing'),
]

NEAR_MISSES = [
    'Além de ter acesso a água potável, as famílias receberam cestas básicas.',
    'Exclusivo de uma empresa, o contrato foi anulado.',
    "Por trás de cada estande há meses de preparação.",
    "Por isso, a prefeitura ampliou o horário.",
    "Por Mariana, a escola faria tudo de novo.",
    "Por sua vez, a prefeitura promete um festival anual.",
    "Publicidade infantil é proibida no evento.",
    "Compartilhar experiências é o objetivo da feira.",
    "Comentários de professores elogiaram os projetos.",
    "Saiba mais sobre o filtro era o pedido dos visitantes.",
    "Siga em frente e vire à esquerda, orientam os monitores.",
    "Leia com atenção as regras, pediu a diretora.",
    "Entre os projetos, há um filtro de água feito com casca de coco.",
    "A feira começou em 12 de março de 2024 com 300 escolas.",
    "Do outro lado do pavilhão, alunos mostram robôs.",
    "Da Bahia ao Paraná, escolas de todo o país participam.",
    "Foto de família: os seis alunos posaram ao lado do filtro.",
    "Aceitar críticas faz parte do método científico.",
    "Assine embaixo, brincou o professor ao aprovar o projeto.",
    "Ouvir os alunos foi o primeiro passo, diz a professora.",
    "Salvar vidas com água limpa é a meta do grupo.",
    "Tópicos como clima e energia dominam os trabalhos.",
    "Mais lidas do que nunca, as revistas científicas chegaram às escolas.",
    "É assinante do jornal há 30 anos, disse o avô de um aluno.",
    "Em alta, a procura por cursos de ciência cresce.",
    "Cadastre-se, dizia o cartaz na entrada.",
    "Entendi tudo, disse um visitante de 8 anos.",
    'Subscrever o acordo foi um erro, disse o ministro.',
    'Fechar a feira mais cedo não está nos planos.',
]


@pytest.mark.parametrize("line, rule", BOILERPLATE)
def test_boilerplate_line_is_removed_by_its_rule(line: str, rule: str) -> None:
    assert_removed_by("pt", line, rule)


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_miss_is_spoken(line: str) -> None:
    assert_spoken("pt", line)


def test_every_portuguese_rule_has_a_case() -> None:
    own = {rule.name for rule in rules_for("pt")} - {"site-tag"} - TEASER_RULES
    assert {rule for _, rule in BOILERPLATE} >= own
    assert len(BOILERPLATE) >= 60 and len(NEAR_MISSES) >= 25


@pytest.mark.parametrize(
    "line, author",
    [
        ("Por Mariana Costa", "Mariana Costa"),
        ("POR MARIANA COSTA", "Mariana Costa"),
        ("Por Mariana Costa e Pedro Albuquerque, g1 Ribeirão Alto", "Mariana Costa e Pedro Albuquerque"),
        ("Por Mariana Costa, Pedro Albuquerque e Lia Souza", "Mariana Costa, Pedro Albuquerque e Lia Souza"),
        ("Texto: João Pedro dos Santos", "João Pedro dos Santos"),
    ],
)
def test_byline_author_goes_to_metadata(line: str, author: str) -> None:
    assert assert_removed_by("pt", line, "byline").author == author


@pytest.mark.parametrize(
    "text, iso",
    [
        ("12 de março de 2024", "2024-03-12"),
        ("12.mar.2024 às 10h45", "2024-03-12"),
        ("1º de outubro de 2024", "2024-10-01"),
        ("12/03/2024", "2024-03-12"),
        ("5 de dezembro de 2023", "2023-12-05"),
        ("há 2 horas", None),
    ],
)
def test_dates_are_read_the_portuguese_way(text: str, iso: str | None) -> None:
    assert parse_date(text, "pt") == iso


def test_a_dateline_holds_nothing_but_a_date() -> None:
    assert is_dateline("Atualizado em 12/03/2024 - 10:45", "pt")
    assert not is_dateline("A feira começou em 12 de março de 2024.", "pt")
    assert assert_removed_by("pt", "Publicado em 12 de março de 2024", "date").date == "2024-03-12"
