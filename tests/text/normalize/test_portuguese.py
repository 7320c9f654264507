"""Portuguese through :func:`~narrate.text.normalize.normalize_for_speech`: realistic fragments of news and
the words a newsreader says for them, one kind of token per group; "pt" (and "pt-BR") is Brazil,
"pt-PT" Portugal, which differ in a few words."""

from __future__ import annotations

import pytest

from narrate.text.normalize import normalize_for_speech

CASES = [
    # numbers: thousands with a period, decimals with a comma, "uma", "duas", "duzentas"
    (
        "Foram 21.000 casos e 3.500 pessoas internadas.",
        "Foram vinte e um mil casos e três mil e quinhentas pessoas internadas.",
    ),
    ("A cidade tem 12,3 milhões de habitantes.", "A cidade tem doze vírgula três milhões de habitantes."),
    ("Mais de 200 pessoas foram retiradas.", "Mais de duzentas pessoas foram retiradas."),
    ("Cerca de 2 mil pessoas protestaram.", "Cerca de duas mil pessoas protestaram."),
    ("Há 22 vagas e 200 vagas extras.", "Há vinte e duas vagas e duzentas vagas extras."),
    ("Tem 21 anos e 1 filha.", "Tem vinte e um anos e uma filha."),
    (
        "Foram 1.000.000 de visitantes e 2 milhões de pessoas.",
        "Foram um milhão de visitantes e dois milhões de pessoas.",
    ),
    ("São 16 estados e 17 municípios.", "São dezesseis estados e dezessete municípios."),
    ("A temperatura caiu para -3 graus.", "A temperatura caiu para menos três graus."),
    # percents
    ("A inflação ficou em 4,5% em fevereiro.", "A inflação ficou em quatro vírgula cinco por cento em fevereiro."),
    ("A taxa Selic está em 10,75%.", "A taxa Selic está em dez vírgula setenta e cinco por cento."),
    ("Uma alta de 10–20% é esperada.", "Uma alta de dez a vinte por cento é esperada."),
    ("O desemprego caiu 0,3 ponto percentual.", "O desemprego caiu zero vírgula três ponto percentual."),
    # money
    ("O ingresso custa R$ 10,90.", "O ingresso custa dez reais e noventa centavos."),
    (
        "O rombo é de R$ 2,5 bi e o lucro de R$ 300 mi.",
        "O rombo é de dois vírgula cinco bilhões de reais e o lucro de trezentos milhões de reais.",
    ),
    ("O petróleo vale US$ 82.", "O petróleo vale oitenta e dois dólares."),
    ("Custa 1,50 € e 5 mil reais.", "Custa um euro e cinquenta centavos e cinco mil reais."),
    # dates and years
    (
        "O governo anunciou em 12 de março de 2024 um pacote.",
        "O governo anunciou em doze de março de dois mil e vinte e quatro um pacote.",
    ),
    ("O 1º de maio é feriado.", "O primeiro de maio é feriado."),
    ("No dia 1 de janeiro entra em vigor.", "No dia primeiro de janeiro entra em vigor."),
    ("Em 12/03/2024 saiu o decreto.", "Em doze de março de dois mil e vinte e quatro saiu o decreto."),
    (
        "Nos anos 1990 o país mudou; em 1500 Cabral chegou.",
        "Nos anos mil novecentos e noventa o país mudou; em mil e quinhentos Cabral chegou.",
    ),
    # ordinals
    ("É a 1ª vez que isso acontece e o 2º lugar.", "É a primeira vez que isso acontece e o segundo lugar."),
    ("No 3º trimestre de 2023.", "No terceiro trimestre de dois mil e vinte e três."),
    ("Segundo o art. 5º da Constituição.", "Segundo o artigo quinto da Constituição."),
    # times
    ("A reunião começa às 14h30 e termina às 18h.", "A reunião começa às catorze e trinta e termina às dezoito horas."),
    ("O voo sai às 9h05.", "O voo sai às nove e cinco."),
    ("O jogo é às 21h; o último trem sai à 1h.", "O jogo é às vinte e uma horas; o último trem sai à uma hora."),
    ("Às 14:30 começa a sessão.", "Às catorze e trinta começa a sessão."),
    ("Completou a maratona em 2:01:09.", "Completou a maratona em duas horas, um minuto e nove segundos."),
    # Roman numerals: centuries and rulers
    ("No século XXI tudo muda; no séc. V também.", "No século vinte e um tudo muda; no século quinto também."),
    ("Dom Pedro II e João Paulo II.", "Dom Pedro segundo e João Paulo segundo."),
    ("A rainha Isabel II morreu.", "A rainha Isabel segunda morreu."),
    # ranges and scores
    ("Entre 2010-2015 o PIB cresceu.", "Entre dois mil e dez e dois mil e quinze o PIB cresceu."),
    ("No período 2008-2014 houve crise.", "No período dois mil e oito a dois mil e catorze houve crise."),
    ("O Flamengo venceu por 3 a 0; 2-1 no placar.", "O Flamengo venceu por três a zero; dois a um no placar."),
    # units
    ("Correu 42,195 km.", "Correu quarenta e dois vírgula cento e noventa e cinco quilômetros."),
    ("O vento soprou a 120 km/h.", "O vento soprou a cento e vinte quilômetros por hora."),
    (
        "Fez 38 °C no Rio e -3 °C em Curitiba.",
        "Fez trinta e oito graus Celsius no Rio e menos três graus Celsius em Curitiba.",
    ),
    (
        "O apartamento tem 80 m² e o terreno 2 ha.",
        "O apartamento tem oitenta metros quadrados e o terreno dois hectares.",
    ),
    # abbreviations
    ("O Sr. Silva e a Dra. Souza participaram.", "O senhor Silva e a doutora Souza participaram."),
    (
        "O Prof. Lima, p. ex., discordou, etc. Depois saiu.",
        "O professor Lima, por exemplo, discordou, etcétera. Depois saiu.",
    ),
    ("Mora no nº 5 da rua.", "Mora no número cinco da rua."),
    # phone numbers, web addresses, codes
    ("Ligue para (11) 91234-5678.", "Ligue para um um, nove um dois três quatro, cinco seis sete oito."),
    (
        "Ou para +55 11 91234 5678.",
        "Ou para mais cinquenta e cinco, um um, nove um dois três quatro, cinco seis sete oito.",
    ),
    (
        "Acesse www.exemplo.com.br ou escreva para contato@exemplo.com.br.",
        "Acesse exemplo ponto com ponto br ou escreva para contato arroba exemplo ponto com ponto br.",
    ),
    ("A COVID-19 matou milhares; o G20 se reuniu.", "A COVID-dezenove matou milhares; o G vinte se reuniu."),
    # whole sentences of news
    (
        "A empresa teve lucro de R$ 1,2 bilhão, alta de 3,5% sobre 2023.",
        "A empresa teve lucro de um vírgula dois bilhão de reais, alta de três vírgula cinco por cento sobre dois mil e vinte e três.",
    ),
    ("De 2 a 5 de março e até 31 de dezembro.", "De dois a cinco de março e até trinta e um de dezembro."),
    (
        "A partir de 1º de julho de 2024 a conta de luz sobe 0,8%.",
        "A partir de primeiro de julho de dois mil e vinte e quatro a conta de luz sobe zero vírgula oito por cento.",
    ),
    (
        "O Ibovespa fechou em 128.345 pontos.",
        "O Ibovespa fechou em cento e vinte e oito mil trezentos e quarenta e cinco pontos.",
    ),
    (
        "O salário mínimo é de R$ 1.412 e o dólar fechou a R$ 5,12.",
        "O salário mínimo é de mil quatrocentos e doze reais e o dólar fechou a cinco reais e doze centavos.",
    ),
    (
        "Foram 1,5 milhão de vacinas e 2,3 milhões de doses.",
        "Foram um vírgula cinco milhão de vacinas e dois vírgula três milhões de doses.",
    ),
    # more numbers and words
    (
        "O Brasil venceu a Argentina por 2 a 1 no dia 10 de setembro.",
        "O Brasil venceu a Argentina por dois a um no dia dez de setembro.",
    ),
    ("Nos anos 80 a inflação passou de 1.000% ao ano.", "Nos anos oitenta a inflação passou de mil por cento ao ano."),
    (
        "A Petrobras investiu US$ 102 bilhões entre 2024-2028.",
        "A Petrobras investiu cento e dois bilhões de dólares entre dois mil e vinte e quatro e dois mil e vinte e oito.",
    ),
    (
        "A vacina tem 95,6% de eficácia em 1 dose.",
        "A vacina tem noventa e cinco vírgula seis por cento de eficácia em uma dose.",
    ),
    (
        "O Prof. Souza nasceu em 15/08/1975.",
        "O professor Souza nasceu em quinze de agosto de mil novecentos e setenta e cinco.",
    ),
    (
        "O terremoto de magnitude 7,8 deixou 200 mortos.",
        "O terremoto de magnitude sete vírgula oito deixou duzentos mortos.",
    ),
    ("O ônibus saiu às 6h15 com 42 passageiros.", "O ônibus saiu às seis e quinze com quarenta e dois passageiros."),
    # fractions
    ("Os 2/3 dos votos e 1/4 das cadeiras.", "Os dois terços dos votos e um quarto das cadeiras."),
]
"""(fragment as written, as a Portuguese newsreader says it)."""


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_portuguese(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="pt") == expected


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40


PORTUGAL_CASES = [
    ("Custou 1,50 € e 16 pessoas.", "Custou um euro e cinquenta cêntimos e dezasseis pessoas."),
    ("O Estado gastou 1.000.000.000 de euros.", "O Estado gastou mil milhões de euros."),
    ("O 1.º de Dezembro é feriado; são 17 horas.", "O primeiro de Dezembro é feriado; são dezassete horas."),
    ("O Benfica ganhou às 20h30 por 2-1.", "O Benfica ganhou às vinte e trinta por dois a um."),
    (
        "A inflação ficou em 2,4% em 2024.",
        "A inflação ficou em dois vírgula quatro por cento em dois mil e vinte e quatro.",
    ),
]
"""Portugal's words where they differ: "cêntimos", "dezasseis", "mil milhões"."""


@pytest.mark.parametrize(("text", "expected"), PORTUGAL_CASES)
def test_portugal(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="pt-PT") == expected


@pytest.mark.parametrize("tag", ["pt", "pt-BR", "pt_br", "PT-br"])
def test_pt_alone_and_pt_br_are_brazil(tag: str) -> None:
    assert normalize_for_speech("São 16 pessoas e 1.000.000.000 de reais.", language=tag) == (
        "São dezesseis pessoas e um bilhão de reais."
    )


@pytest.mark.parametrize("tag", ["pt-PT", "pt-AO", "pt-MZ"])
def test_other_regions_write_as_portugal(tag: str) -> None:
    assert normalize_for_speech("São 16 pessoas.", language=tag) == "São dezasseis pessoas."
