"""A review set for Spanish, Portuguese and Italian, written apart from the code: sentences in the
forms real news in Spain and Latin America, Brazil and Portugal and Italy write their numbers, dates,
percents and amounts, each with what a native newsreader says for it. One table per language.

Where a reading has more than one native form, the one a newsreader is most likely to say is
written; a comment "unsure" marks cases where another form is as good.
"""

from __future__ import annotations

import re

import pytest

from narrate.text.normalize import normalize_for_speech

SPANISH = [
    # economy
    ("El PIB creció un 2,3% en el segundo trimestre.", "El PIB creció un dos coma tres por ciento en el segundo trimestre."),
    (
        "Los precios subieron un 3,5% interanual en marzo.",
        "Los precios subieron un tres coma cinco por ciento interanual en marzo.",
    ),
    ("El IPC se moderó hasta el 2,8 % en abril.", "El IPC se moderó hasta el dos coma ocho por ciento en abril."),
    (
        "La tasa de paro bajó al 11,7%, la más baja desde 2008.",
        "La tasa de paro bajó al once coma siete por ciento, la más baja desde dos mil ocho.",
    ),
    (
        "El Gobierno destinará 2.500 millones de euros a vivienda.",
        "El Gobierno destinará dos mil quinientos millones de euros a vivienda.",
    ),
    # unsure: "un millón doscientos mil euros" is as good
    ("La compañía facturó 1,2 millones de euros.", "La compañía facturó uno coma dos millones de euros."),
    (
        "La startup captó US$ 20 millones en su última ronda.",
        "La startup captó veinte millones de dólares en su última ronda.",
    ),
    ("El alquiler medio es de €1.200 al mes.", "El alquiler medio es de mil doscientos euros al mes."),
    (
        "El salario mínimo sube a 1.134 € en 14 pagas.",
        "El salario mínimo sube a mil ciento treinta y cuatro euros en catorce pagas.",
    ),
    ("La multa asciende a 20 mil euros.", "La multa asciende a veinte mil euros."),
    ("El municipio tiene 10.000 habitantes.", "El municipio tiene diez mil habitantes."),
    (
        "La deuda pública alcanzó 1,6 billones de euros.",
        "La deuda pública alcanzó uno coma seis billones de euros.",
    ),
    (
        "El Ibex 35 cerró en 11.234,5 puntos.",
        "El Ibex treinta y cinco cerró en once mil doscientos treinta y cuatro coma cinco puntos.",
    ),
    (
        "La prima de riesgo se situó en 85 puntos básicos.",
        "La prima de riesgo se situó en ochenta y cinco puntos básicos.",
    ),
    ("El Euríbor bajó 0,5 puntos.", "El Euríbor bajó cero coma cinco puntos."),
    (
        "El BCE subió los tipos 0,25 puntos, hasta el 4,5%.",
        "El BCE subió los tipos cero coma veinticinco puntos, hasta el cuatro coma cinco por ciento.",
    ),
    ("Los productos tienen un IVA del 21%.", "Los productos tienen un IVA del veintiuno por ciento."),
    ("La inversión superará los mil millones de euros.", "La inversión superará los mil millones de euros."),
    (
        "México recibió US$ 36.000 millones en inversión extranjera.",
        "México recibió treinta y seis mil millones de dólares en inversión extranjera.",
    ),
    (
        "La inflación en Argentina fue del 211,4% en 2023.",
        "La inflación en Argentina fue del doscientos once coma cuatro por ciento en dos mil veintitrés.",
    ),
    (
        "El crecimiento será del 1,9% en 2024 y del 2,1% en 2025.",
        "El crecimiento será del uno coma nueve por ciento en dos mil veinticuatro y del dos coma uno por ciento"
        " en dos mil veinticinco.",
    ),
    ("Un litro de gasolina cuesta 1,65 €.", "Un litro de gasolina cuesta un euro con sesenta y cinco céntimos."),
    # unsure: "ochenta y cinco coma cincuenta euros" is heard too
    ("La factura subió a 85,50 euros.", "La factura subió a ochenta y cinco euros con cincuenta céntimos."),
    ("El Euríbor subió ½ punto.", "El Euríbor subió medio punto."),
    ("La promoción 3x2 llega a los supermercados.", "La promoción tres por dos llega a los supermercados."),
    (
        "El PP subió 2,5 p.p. respecto a 2019.",
        "El PP subió dos coma cinco puntos porcentuales respecto a dos mil diecinueve.",
    ),
    (
        "El beneficio del 1.er trimestre fue récord.",
        "El beneficio del primer trimestre fue récord.",
    ),
    ("En el 2º trimestre la economía creció.", "En el segundo trimestre la economía creció."),
    # politics and courts
    (
        "El candidato obtuvo el 50,1% de los votos.",
        "El candidato obtuvo el cincuenta coma uno por ciento de los votos.",
    ),
    (
        "El Congreso aprobó la ley con 178 votos a favor.",
        "El Congreso aprobó la ley con ciento setenta y ocho votos a favor.",
    ),
    (
        "El Gobierno aplicó el Art. 155 de la Constitución.",
        "El Gobierno aplicó el artículo ciento cincuenta y cinco de la Constitución.",
    ),
    ("La Ley 7/2024 entra en vigor mañana.", "La Ley siete de dos mil veinticuatro entra en vigor mañana."),
    # unsure: "RD" could be left to the engine; a newsreader says it in full
    ("El RD 1/2023 regula las ayudas.", "El Real Decreto uno de dos mil veintitrés regula las ayudas."),
    (
        "El tribunal le condenó a 12 años de prisión y a pagar 30.000 euros.",
        "El tribunal le condenó a doce años de prisión y a pagar treinta mil euros.",
    ),
    ("El juicio se celebrará el próximo 15 de octubre.", "El juicio se celebrará el próximo quince de octubre."),
    ("La sentencia se dictó el 12/03/2024.", "La sentencia se dictó el doce de marzo de dos mil veinticuatro."),
    ("El BOE publicó la norma el 2024-03-12.", "El BOE publicó la norma el doce de marzo de dos mil veinticuatro."),
    ("Un hombre de 45 años fue detenido.", "Un hombre de cuarenta y cinco años fue detenido."),
    ("Hubo 21 heridos y 31 víctimas.", "Hubo veintiún heridos y treinta y una víctimas."),
    ("Unas 300 familias fueron desalojadas.", "Unas trescientas familias fueron desalojadas."),
    ("El rey Juan Carlos I abdicó en 2014.", "El rey Juan Carlos primero abdicó en dos mil catorce."),
    ("Felipe VI presidió el acto.", "Felipe sexto presidió el acto."),
    ("El papa León XIV recibió al presidente.", "El papa León catorce recibió al presidente."),
    ("Es el gran reto del siglo XXI.", "Es el gran reto del siglo veintiuno."),
    ("En la 2.ª vuelta, el candidato obtuvo el 54%.", "En la segunda vuelta, el candidato obtuvo el cincuenta y cuatro por ciento."),
    ("La medida entra en vigor el 1 de enero.", "La medida entra en vigor el uno de enero."),
    # Latin America writes the first of the month as an ordinal
    ("El desfile será el 1° de mayo.", "El desfile será el primero de mayo."),
    ("El festival se celebra del 3 al 5 de mayo.", "El festival se celebra del tres al cinco de mayo."),
    (
        "La cumbre se celebra del 10 al 12 de julio de 2025.",
        "La cumbre se celebra del diez al doce de julio de dos mil veinticinco.",
    ),
    ("Nació el 12 de marzo de 1985.", "Nació el doce de marzo de mil novecientos ochenta y cinco."),
    ("La carrera tuvo lugar el domingo 7 de abril.", "La carrera tuvo lugar el domingo siete de abril."),
    ("La inversión creció entre 2020 y 2023.", "La inversión creció entre dos mil veinte y dos mil veintitrés."),
    # unsure: "del dos mil veinte al dos mil veintitrés" is as good
    (
        "El plan estratégico 2020-2023 se cumplió.",
        "El plan estratégico dos mil veinte a dos mil veintitrés se cumplió.",
    ),
    ("Fue un éxito en los años 80.", "Fue un éxito en los años ochenta."),
    ("La música de los 90 vuelve.", "La música de los noventa vuelve."),
    # times
    ("El pleno comenzará a las 19.30 horas.", "El pleno comenzará a las diecinueve treinta horas."),
    ("El partido empieza a las 21.00 horas.", "El partido empieza a las veintiuna horas."),
    ("Las oficinas abren de 9:00 a 14:00.", "Las oficinas abren de nueve a catorce."),
    # unsure: "de nueve a catorce" is as good
    ("Horario de atención: 9:00-14:00.", "Horario de atención: nueve a catorce."),
    ("El tren recorre los 621 km en 2 horas y 30 minutos.", "El tren recorre los seiscientos veintiún kilómetros en dos horas y treinta minutos."),
    # weather
    ("Los termómetros marcaron -3,2 grados en Burgos.", "Los termómetros marcaron menos tres coma dos grados en Burgos."),
    ("Se esperan máximas de 35 ºC en Córdoba.", "Se esperan máximas de treinta y cinco grados Celsius en Córdoba."),
    ("El termómetro subió 1,5 grados.", "El termómetro subió uno coma cinco grados."),
    ("Las temperaturas oscilarán entre 10 y 15 grados.", "Las temperaturas oscilarán entre diez y quince grados."),
    ("La ola de calor dejó 38,5 grados en Sevilla.", "La ola de calor dejó treinta y ocho coma cinco grados en Sevilla."),
    (
        "Las rachas de viento superaron los 120 km/h.",
        "Las rachas de viento superaron los ciento veinte kilómetros por hora.",
    ),
    ("Se acumularon 40 l/m² en Valencia.", "Se acumularon cuarenta litros por metro cuadrado en Valencia."),
    ("El sismo de magnitud 7,4 sacudió Chile.", "El sismo de magnitud siete coma cuatro sacudió Chile."),
    # health, society, units
    (
        "La tasa es de 250 casos por cada 100.000 habitantes.",
        "La tasa es de doscientos cincuenta casos por cada cien mil habitantes.",
    ),
    (
        "Se registraron 1.500 nuevos casos en 24 horas.",
        "Se registraron mil quinientos nuevos casos en veinticuatro horas.",
    ),
    ("La pandemia de Covid-19 cambió todo.", "La pandemia de Covid-diecinueve cambió todo."),
    ("La vacuna tiene una eficacia del 95 %.", "La vacuna tiene una eficacia del noventa y cinco por ciento."),
    ("El 80% de los encuestados apoya la medida.", "El ochenta por ciento de los encuestados apoya la medida."),
    (
        "Más de 4,5 millones de personas viven en la región.",
        "Más de cuatro coma cinco millones de personas viven en la región.",
    ),
    (
        "La receta lleva 500 g de harina y 2 kg de tomates.",
        "La receta lleva quinientos gramos de harina y dos kilogramos de tomates.",
    ),
    ("El jugador mide 1,80 m.", "El jugador mide un metro ochenta."),
    (
        "Un piso de 50 m² cuesta 300.000 euros.",
        "Un piso de cincuenta metros cuadrados cuesta trescientos mil euros.",
    ),
    (
        "El incendio afectó a 2.000 km² de superficie.",
        "El incendio afectó a dos mil kilómetros cuadrados de superficie.",
    ),
    ("El fuego arrasó 1.500 ha de pinar.", "El fuego arrasó mil quinientas hectáreas de pinar."),
    ("Vive en el portal n.º 5 de la calle Mayor.", "Vive en el portal número cinco de la calle Mayor."),
    (
        "Para más información llame al +34 600 123 456.",
        "Para más información llame al más treinta y cuatro, seiscientos, ciento veintitrés, cuatrocientos"
        " cincuenta y seis.",
    ),
    # sport
    ("El Real Madrid ganó 3-1 al Barcelona.", "El Real Madrid ganó tres a uno al Barcelona."),
    ("El Atlético venció por 1-0 en el último minuto.", "El Atlético venció por uno a cero en el último minuto."),
    ("El Madrid ganó 7-3 en el global.", "El Madrid ganó siete a tres en el global."),
    ("El equipo terminó en 5.º puesto.", "El equipo terminó en quinto puesto."),
    ("Es la 3ª edición del certamen.", "Es la tercera edición del certamen."),
    ("Lleva el dorsal nº 10.", "Lleva el dorsal número diez."),
    ("El equipo suma 45 puntos tras 20 jornadas.", "El equipo suma cuarenta y cinco puntos tras veinte jornadas."),
    ("Los 3 primeros clasificados suben.", "Los tres primeros clasificados suben."),
    # tech and defence
    ("El nuevo iPhone 15 cuesta 959 euros.", "El nuevo iPhone quince cuesta novecientos cincuenta y nueve euros."),
    ("La red 5G llegará al 90% de la población.", "La red cinco G llegará al noventa por ciento de la población."),
    ("El chip de 3 nm consume un 30% menos.", "El chip de tres nanómetros consume un treinta por ciento menos."),
    ("La cumbre del G-20 se celebra en Brasil.", "La cumbre del G-veinte se celebra en Brasil."),
    ("El Ejército compró 12 cazas F-16.", "El Ejército compró doce cazas F-dieciséis."),
    # unsure: "veinticuatro horas, siete días" is heard too
    ("El servicio funciona 24/7.", "El servicio funciona veinticuatro siete."),
]

SPANISH_REGIONS = [
    ("es-AR", "El dólar blue cerró a $ 1.200.", "El dólar blue cerró a mil doscientos pesos."),
    ("es-MX", "La inflación fue de 4.5% en marzo.", "La inflación fue de cuatro punto cinco por ciento en marzo."),
    ("es-CO", "El pasaje cuesta $ 2.950.", "El pasaje cuesta dos mil novecientos cincuenta pesos."),
]

PORTUGUESE = [
    # economy
    ("O PIB cresceu 2,9% em 2023.", "O PIB cresceu dois vírgula nove por cento em dois mil e vinte e três."),
    (
        "A inflação acumulada em 12 meses ficou em 4,5%.",
        "A inflação acumulada em doze meses ficou em quatro vírgula cinco por cento.",
    ),
    # unsure: "dez e meio por cento" is heard too
    ("O Copom manteve a Selic em 10,50% ao ano.", "O Copom manteve a Selic em dez vírgula cinquenta por cento ao ano."),
    ("A Petrobras lucrou R$ 1,5 bilhão no trimestre.", "A Petrobras lucrou um vírgula cinco bilhão de reais no trimestre."),
    ("O governo liberou R$ 20 milhões para a saúde.", "O governo liberou vinte milhões de reais para a saúde."),
    ("A empresa captou US$ 20 milhões.", "A empresa captou vinte milhões de dólares."),
    ("O salário mínimo passou para R$ 1.412.", "O salário mínimo passou para mil quatrocentos e doze reais."),
    ("A gasolina custa R$ 5,89 o litro.", "A gasolina custa cinco reais e oitenta e nove centavos o litro."),
    ("O rombo chega a R$ 3 bilhões.", "O rombo chega a três bilhões de reais."),
    ("A dívida pública chegou a R$ 8 trilhões.", "A dívida pública chegou a oito trilhões de reais."),
    ("O dólar fechou a R$ 4,97.", "O dólar fechou a quatro reais e noventa e sete centavos."),
    ("O ingresso custa R$ 250.", "O ingresso custa duzentos e cinquenta reais."),
    ("A Mega-Sena pode pagar R$ 45 milhões.", "A Mega-Sena pode pagar quarenta e cinco milhões de reais."),
    ("O lucro foi de R$ 5,2 bi no ano.", "O lucro foi de cinco vírgula dois bilhões de reais no ano."),
    ("O agronegócio movimentou bilhões de reais.", "O agronegócio movimentou bilhões de reais."),
    ("O Ibovespa fechou em 128.500 pontos.", "O Ibovespa fechou em cento e vinte e oito mil e quinhentos pontos."),
    ("A taxa caiu 0,5 ponto percentual.", "A taxa caiu zero vírgula cinco ponto percentual."),
    ("O desemprego caiu 1,2 p.p. no ano.", "O desemprego caiu um vírgula dois ponto percentual no ano."),
    ("A conta de luz terá alta de 5,6%.", "A conta de luz terá alta de cinco vírgula seis por cento."),
    ("A queda foi de 0,3% em relação a setembro.", "A queda foi de zero vírgula três por cento em relação a setembro."),
    ("No 2º trimestre, a economia cresceu.", "No segundo trimestre, a economia cresceu."),
    ("O Brasil exportou 100 mil toneladas.", "O Brasil exportou cem mil toneladas."),
    # politics and courts
    ("No 1º turno, ele teve 48% dos votos.", "No primeiro turno, ele teve quarenta e oito por cento dos votos."),
    (
        "O candidato teve 50,1% dos votos válidos.",
        "O candidato teve cinquenta vírgula um por cento dos votos válidos.",
    ),
    ("O art. 5º da Constituição garante direitos.", "O artigo quinto da Constituição garante direitos."),
    # unsure: "barra" is heard too
    (
        "A Lei 14.133/2021 trata de licitações.",
        "A Lei catorze mil cento e trinta e três de dois mil e vinte e um trata de licitações.",
    ),
    ("A PEC 45/2019 reformou os tributos.", "A PEC quarenta e cinco de dois mil e dezenove reformou os tributos."),
    ("O réu foi condenado a 12 anos de prisão.", "O réu foi condenado a doze anos de prisão."),
    ("O STF julgou 1.200 processos em 2023.", "O STF julgou mil e duzentos processos em dois mil e vinte e três."),
    ("Um homem de 45 anos foi preso.", "Um homem de quarenta e cinco anos foi preso."),
    ("Ele morreu há 14 anos.", "Ele morreu há catorze anos."),
    ("Foram registradas 21 mortes.", "Foram registradas vinte e uma mortes."),
    ("Mais de 200 mil pessoas foram afetadas.", "Mais de duzentas mil pessoas foram afetadas."),
    ("Cerca de 2 mil pessoas protestaram.", "Cerca de duas mil pessoas protestaram."),
    ("O Brasil tem 203 milhões de habitantes.", "O Brasil tem duzentos e três milhões de habitantes."),
    ("A cidade tem 10.000 habitantes.", "A cidade tem dez mil habitantes."),
    ("O evento reuniu 1,5 milhão de pessoas.", "O evento reuniu um vírgula cinco milhão de pessoas."),
    ("A frota tem 1 milhão de carros.", "A frota tem um milhão de carros."),
    ("Dom Pedro II governou o Brasil.", "Dom Pedro segundo governou o Brasil."),
    ("O papa Leão XIV visitou a cidade.", "O papa Leão catorze visitou a cidade."),
    ("O grande desafio do século XXI.", "O grande desafio do século vinte e um."),
    # dates
    ("A lei entra em vigor em 1º de janeiro.", "A lei entra em vigor em primeiro de janeiro."),
    ("Ele nasceu em 1º de abril de 1960.", "Ele nasceu em primeiro de abril de mil novecentos e sessenta."),
    (
        "A eleição será em 6 de outubro de 2024.",
        "A eleição será em seis de outubro de dois mil e vinte e quatro.",
    ),
    (
        "O decreto foi publicado em 10 de março de 2024.",
        "O decreto foi publicado em dez de março de dois mil e vinte e quatro.",
    ),
    ("O evento acontece de 3 a 5 de maio.", "O evento acontece de três a cinco de maio."),
    (
        "A audiência foi marcada para 12/03/2024.",
        "A audiência foi marcada para doze de março de dois mil e vinte e quatro.",
    ),
    (
        "O desmatamento caiu entre 2020 e 2023.",
        "O desmatamento caiu entre dois mil e vinte e dois mil e vinte e três.",
    ),
    # unsure: "de dois mil e vinte e três a dois mil e vinte e seis"
    ("O mandato 2023-2026 começou.", "O mandato dois mil e vinte e três a dois mil e vinte e seis começou."),
    ("Fez sucesso nos anos 80.", "Fez sucesso nos anos oitenta."),
    (
        "A década de 1990 foi marcada pela inflação.",
        "A década de mil novecentos e noventa foi marcada pela inflação.",
    ),
    ("Faltam 22 dias para as eleições.", "Faltam vinte e dois dias para as eleições."),
    # times
    ("A sessão começa às 14h30.", "A sessão começa às catorze e trinta."),
    ("O jogo será às 16h.", "O jogo será às dezesseis horas."),
    # unsure: "das dez horas às dezesseis horas" is as good
    ("As agências abrem das 10h às 16h.", "As agências abrem das dez às dezesseis horas."),
    ("A reunião será no dia 15 às 9h.", "A reunião será no dia quinze às nove horas."),
    ("Foram 48h de buscas.", "Foram quarenta e oito horas de buscas."),
    ("O atendimento funciona 24 horas.", "O atendimento funciona vinte e quatro horas."),
    ("O voo atrasou 1 hora.", "O voo atrasou uma hora."),
    # weather
    (
        "A temperatura chegou a -3,2 graus em Curitiba.",
        "A temperatura chegou a menos três vírgula dois graus em Curitiba.",
    ),
    ("Os termômetros marcaram 35ºC no Rio.", "Os termômetros marcaram trinta e cinco graus Celsius no Rio."),
    ("A temperatura vai variar entre 10 e 15 graus.", "A temperatura vai variar entre dez e quinze graus."),
    ("Choveu 120 mm em 24 horas.", "Choveu cento e vinte milímetros em vinte e quatro horas."),
    ("O terremoto de magnitude 7,4 atingiu o Chile.", "O terremoto de magnitude sete vírgula quatro atingiu o Chile."),
    # units, health, society
    ("O limite na rodovia é de 120 km/h.", "O limite na rodovia é de cento e vinte quilômetros por hora."),
    ("Um apartamento de 50 m² em São Paulo.", "Um apartamento de cinquenta metros quadrados em São Paulo."),
    ("O fogo consumiu 2.000 km² do Pantanal.", "O fogo consumiu dois mil quilômetros quadrados do Pantanal."),
    (
        "A receita leva 500 g de farinha e 2 kg de batata.",
        "A receita leva quinhentos gramas de farinha e dois quilogramas de batata.",
    ),
    ("O pacote tem 200 gramas.", "O pacote tem duzentos gramas."),
    ("O atacante tem 1,80 m.", "O atacante tem um metro e oitenta."),
    ("A vacina tem 95% de eficácia.", "A vacina tem noventa e cinco por cento de eficácia."),
    ("A pandemia de Covid-19 matou milhares.", "A pandemia de Covid-dezenove matou milhares."),
    ("Ele mora no nº 5 da rua Augusta.", "Ele mora no número cinco da rua Augusta."),
    ("O acidente foi na BR-116.", "O acidente foi na BR-cento e dezesseis."),
    # sport
    ("O Flamengo venceu o Vasco por 3 a 1.", "O Flamengo venceu o Vasco por três a um."),
    ("O Palmeiras ganhou de 3x1.", "O Palmeiras ganhou de três a um."),
    ("O jogo terminou 1-0 para o Grêmio.", "O jogo terminou um a zero para o Grêmio."),
    ("O Brasil perdeu de 7 a 1 para a Alemanha.", "O Brasil perdeu de sete a um para a Alemanha."),
    ("O Brasil terminou em 5º lugar.", "O Brasil terminou em quinto lugar."),
    ("É a 3ª edição do festival.", "É a terceira edição do festival."),
    ("O camisa 10 marcou dois gols.", "O camisa dez marcou dois gols."),
    # tech
    ("O 5G já chega a 500 cidades.", "O cinco G já chega a quinhentas cidades."),
    ("O novo iPhone 15 custa R$ 7.299.", "O novo iPhone quinze custa sete mil duzentos e noventa e nove reais."),
    ("A cúpula do G20 será no Rio.", "A cúpula do G vinte será no Rio."),
]

PORTUGAL = [
    ("O Governo vai investir 3,5 mil milhões de euros.", "O Governo vai investir três vírgula cinco mil milhões de euros."),
    ("O salário mínimo sobe para 820 €.", "O salário mínimo sobe para oitocentos e vinte euros."),
    ("O jogo começa às 20h15.", "O jogo começa às vinte e quinze."),
    ("A jovem tem 16 anos.", "A jovem tem dezasseis anos."),
    ("O bilhete custa 2,50 €.", "O bilhete custa dois euros e cinquenta cêntimos."),
    ("A dívida é de 1,5 milhões de euros.", "A dívida é de um vírgula cinco milhões de euros."),
    ("As temperaturas descem aos -2 ºC.", "As temperaturas descem aos menos dois graus Celsius."),
    ("A autoestrada tem 300 km.", "A autoestrada tem trezentos quilómetros."),
    ("O Benfica venceu por 2-0.", "O Benfica venceu por dois a zero."),
    ("A inflação fixou-se em 2,3%.", "A inflação fixou-se em dois vírgula três por cento."),
    ("O Orçamento prevê 17 mil milhões.", "O Orçamento prevê dezassete mil milhões."),
    ("O 25 de Abril de 1974 mudou o país.", "O vinte e cinco de Abril de mil novecentos e setenta e quatro mudou o país."),
    ("O Sporting terminou em 2.º lugar.", "O Sporting terminou em segundo lugar."),
    ("O desemprego subiu 0,4 p.p.", "O desemprego subiu zero vírgula quatro pontos percentuais."),
]

ITALIAN = [
    # economy
    ("Il Pil è cresciuto dello 0,7% nel 2023.", "Il Pil è cresciuto dello zero virgola sette per cento nel duemilaventitré."),
    ("L'inflazione è scesa al 2,3% su base annua.", "L'inflazione è scesa al due virgola tre per cento su base annua."),
    (
        "La disoccupazione al 7,8%, in calo di 0,2 punti.",
        "La disoccupazione al sette virgola otto per cento, in calo di zero virgola due punti.",
    ),
    ("La manovra vale 24 miliardi di euro.", "La manovra vale ventiquattro miliardi di euro."),
    ("Il debito pubblico ha superato i 2.800 miliardi.", "Il debito pubblico ha superato i duemilaottocento miliardi."),
    ("L'azienda ha fatturato 1,2 milioni di euro.", "L'azienda ha fatturato uno virgola due milioni di euro."),
    ("Stanziati 5 mln di euro per le scuole.", "Stanziati cinque milioni di euro per le scuole."),
    ("Il piano vale 3,5 mld.", "Il piano vale tre virgola cinque miliardi."),
    ("Un bonus da 1.200 euro.", "Un bonus da milleduecento euro."),
    ("Il biglietto costa € 2,50.", "Il biglietto costa due euro e cinquanta centesimi."),
    ("Lo stipendio medio è di 1.500 € al mese.", "Lo stipendio medio è di millecinquecento euro al mese."),
    ("Il Ftse Mib ha guadagnato l'1,2%.", "Il Ftse Mib ha guadagnato l'uno virgola due per cento."),
    ("La Borsa di Milano chiude a 34.250 punti.", "La Borsa di Milano chiude a trentaquattromiladuecentocinquanta punti."),
    ("Lo spread Btp-Bund a 150 punti base.", "Lo spread Btp-Bund a centocinquanta punti base."),
    ("Lo spread è salito di 0,5 punti.", "Lo spread è salito di zero virgola cinque punti."),
    ("L'IVA al 22% resta invariata.", "L'IVA al ventidue per cento resta invariata."),
    ("L'indice è sceso dello 0,3% su base mensile.", "L'indice è sceso dello zero virgola tre per cento su base mensile."),
    ("Nel 2° trimestre il Pil è salito.", "Nel secondo trimestre il Pil è salito."),
    (
        "Il film ha incassato 2,3 milioni di euro nel primo weekend.",
        "Il film ha incassato due virgola tre milioni di euro nel primo weekend.",
    ),
    ("Un prestito da 1 miliardo.", "Un prestito da un miliardo."),
    ("Un aumento di 1 milione di utenti.", "Un aumento di un milione di utenti."),
    ("Il prezzo è salito del +5%.", "Il prezzo è salito del più cinque per cento."),
    # politics, courts, society
    ("Il sì ha ottenuto il 50,1% dei voti.", "Il sì ha ottenuto il cinquanta virgola uno per cento dei voti."),
    ("Hanno partecipato 20 mila persone.", "Hanno partecipato ventimila persone."),
    ("Il comune conta 10.000 abitanti.", "Il comune conta diecimila abitanti."),
    ("Un uomo di 45 anni è stato arrestato.", "Un uomo di quarantacinque anni è stato arrestato."),
    ("Un 14enne è stato fermato dalla polizia.", "Un quattordicenne è stato fermato dalla polizia."),
    ("La vittima, una 35enne, lavorava in banca.", "La vittima, una trentacinquenne, lavorava in banca."),
    ("Sono stati denunciati tre 18enni.", "Sono stati denunciati tre diciottenni."),
    ("L'art. 18 dello Statuto dei lavoratori.", "L'articolo diciotto dello Statuto dei lavoratori."),
    ("La legge 104/1992 tutela i disabili.", "La legge centoquattro del millenovecentonovantadue tutela i disabili."),
    (
        "Condannato a 8 anni e 6 mesi di reclusione.",
        "Condannato a otto anni e sei mesi di reclusione.",
    ),
    ("Risarcimento di 50.000 euro alla famiglia.", "Risarcimento di cinquantamila euro alla famiglia."),
    ("Sono 21 i morti e 300 i feriti.", "Sono ventuno i morti e trecento i feriti."),
    ("Su 100 intervistati, 62 sono favorevoli.", "Su cento intervistati, sessantadue sono favorevoli."),
    ("Il 70% degli italiani usa lo smartphone.", "Il settanta per cento degli italiani usa lo smartphone."),
    ("Ha compiuto 100 anni.", "Ha compiuto cento anni."),
    ("Il volo ha avuto 1 ora di ritardo.", "Il volo ha avuto un'ora di ritardo."),
    ("Papa Francesco ha incontrato Carlo III.", "Papa Francesco ha incontrato Carlo terzo."),
    ("Papa Leone XIV ha celebrato la messa.", "Papa Leone quattordicesimo ha celebrato la messa."),
    (
        "Giovanni Paolo II fu eletto nel 1978.",
        "Giovanni Paolo secondo fu eletto nel millenovecentosettantotto.",
    ),
    ("La sfida del XXI secolo.", "La sfida del ventunesimo secolo."),
    # dates and times
    ("La norma entra in vigore il 1° gennaio.", "La norma entra in vigore il primo gennaio."),
    ("La fiera si tiene dal 3 al 5 maggio.", "La fiera si tiene dal tre al cinque maggio."),
    ("I consumi sono calati tra il 2020 e il 2023.", "I consumi sono calati tra il duemilaventi e il duemilaventitré."),
    ("Era una moda degli anni '90.", "Era una moda degli anni novanta."),
    ("Negli anni 80 l'Italia cresceva.", "Negli anni ottanta l'Italia cresceva."),
    ("Il decreto è stato firmato il 12/03/2024.", "Il decreto è stato firmato il dodici marzo duemilaventiquattro."),
    ("L'8 marzo è la festa della donna.", "L'otto marzo è la festa della donna."),
    ("L'attentato dell'11 settembre 2001.", "L'attentato dell'undici settembre duemilauno."),
    ("Il 25 aprile si festeggia la Liberazione.", "Il venticinque aprile si festeggia la Liberazione."),
    ("Nato a Milano il 3 luglio 1965.", "Nato a Milano il tre luglio millenovecentosessantacinque."),
    ("Il vertice si terrà il 2024-06-13.", "Il vertice si terrà il tredici giugno duemilaventiquattro."),
    # unsure: "duemilaventitré-duemilaventiquattro" is heard too
    ("Nella stagione 2023/24 il Napoli ha deluso.", "Nella stagione duemilaventitré-ventiquattro il Napoli ha deluso."),
    ("La partita inizia alle 18:30.", "La partita inizia alle diciotto e trenta."),
    ("Il consiglio si riunisce alle 20.45.", "Il consiglio si riunisce alle venti e quarantacinque."),
    ("Il museo è aperto dalle 9 alle 19.", "Il museo è aperto dalle nove alle diciannove."),
    # weather
    ("Minime fino a -3,2 gradi in Val Padana.", "Minime fino a meno tre virgola due gradi in Val Padana."),
    ("A Palermo si sono toccati i 40 °C.", "A Palermo si sono toccati i quaranta gradi Celsius."),
    ("La temperatura è aumentata di 1,5 gradi.", "La temperatura è aumentata di uno virgola cinque gradi."),
    (
        "Le temperature saranno comprese tra 10 e 15 gradi.",
        "Le temperature saranno comprese tra dieci e quindici gradi.",
    ),
    ("Il terremoto di magnitudo 4,2 ha colpito le Marche.", "Il terremoto di magnitudo quattro virgola due ha colpito le Marche."),
    # units
    ("Limite di velocità a 130 km/h in autostrada.", "Limite di velocità a centotrenta chilometri orari in autostrada."),
    ("Un appartamento di 80 mq in centro.", "Un appartamento di ottanta metri quadrati in centro."),
    ("L'incendio ha distrutto 2.000 ettari.", "L'incendio ha distrutto duemila ettari."),
    ("Il parco si estende su 50 km².", "Il parco si estende su cinquanta chilometri quadrati."),
    ("Servono 500 g di farina e 2 kg di patate.", "Servono cinquecento grammi di farina e due chilogrammi di patate."),
    ("Il ragazzo, alto 1,80 m, è scomparso.", "Il ragazzo, alto un metro e ottanta, è scomparso."),
    ("Abita al civico n. 5 di via Roma.", "Abita al civico numero cinque di via Roma."),
    # sport
    ("L'Inter ha battuto il Milan 3-1.", "L'Inter ha battuto il Milan tre a uno."),
    ("La Juve ha vinto 1-0 a Torino.", "La Juve ha vinto uno a zero a Torino."),
    ("Il Napoli ha vinto 4-2 in rimonta.", "Il Napoli ha vinto quattro a due in rimonta."),
    ("La Ferrari ha chiuso al 5° posto.", "La Ferrari ha chiuso al quinto posto."),
    ("È la 3ª edizione del festival.", "È la terza edizione del festival."),
    ("La Roma è a -3 dalla zona Champions.", "La Roma è a meno tre dalla zona Champions."),
    ("L'Italia ha vinto Euro 2020.", "L'Italia ha vinto Euro duemilaventi."),
    # health, tech, defence
    ("I contagi di Covid-19 sono in aumento.", "I contagi di Covid-diciannove sono in aumento."),
    ("La rete 5G copre il 90% del Paese.", "La rete cinque G copre il novanta per cento del Paese."),
    ("Il treno viaggia a 300 km/h.", "Il treno viaggia a trecento chilometri orari."),
    ("Il vertice del G20 si terrà a Roma.", "Il vertice del G venti si terrà a Roma."),
    ("L'Italia acquisterà altri F-35.", "L'Italia acquisterà altri F-trentacinque."),
    # unsure: numbers in groups ("trecentotrentatré") are heard too
    (
        "Per informazioni chiamare il +39 333 123 4567.",
        "Per informazioni chiamare il più trentanove, tre tre tre, uno due tre, quattro cinque sei sette.",
    ),
]


FOUND_WHILE_FIXING = [
    # Found by probing more news sentences after the first fixes; not part of the review set's counts.
    ("es", "Los resultados del 1T 2024 fueron buenos.", "Los resultados del primer trimestre de dos mil veinticuatro fueron buenos."),
    ("es", "Hasta el 31/12 se puede solicitar.", "Hasta el treinta y uno de diciembre se puede solicitar."),
    ("es", "El 1/3 de los votantes.", "El un tercio de los votantes."),  # a fraction, not the first of March
    ("es", "En 2021 Juan ganó y en 2021 llega la ley.", "En dos mil veintiuno Juan ganó y en dos mil veintiuno llega la ley."),
    ("es", "Más de 1500 personas y desde 2000 € al mes.", "Más de mil quinientas personas y desde dos mil euros al mes."),
    ("es", "La selección sub-21 ganó.", "La selección sub-veintiuno ganó."),
    ("es", "La luz costó 0,15 €/kWh en enero.", "La luz costó quince céntimos por kilovatio hora en enero."),
    ("es", "La gasolina cuesta 1,589 €/litro.", "La gasolina cuesta uno coma quinientos ochenta y nueve euros por litro."),
    ("es", "Corrió los 100 m en 9,58 s.", "Corrió los cien metros en nueve coma cincuenta y ocho segundos."),
    ("es", "Alerta: 1 de cada 4 personas.", "Alerta: una de cada cuatro personas."),
    ("es", "Se esperan 38º y el 2º y el 3º clasificado.", "Se esperan treinta y ocho grados y el segundo y el tercer clasificado."),
    ("es", "Fue en el km 23 de la A-6.", "Fue en el kilómetro veintitrés de la A-seis."),
    ("es", "La red 4G/5G llega a 20 mil km.", "La red cuatro G y cinco G llega a veinte mil kilómetros."),
    ("es", "Sale a las 8:30 a. m. y llega a las 10 p.m.", "Sale a las ocho treinta de la mañana y llega a las diez de la noche."),
    ("es", "El 1ro de mayo, la 1ra vez, el 2do lugar.", "El primero de mayo, la primera vez, el segundo lugar."),
    ("es", "Tomó ½ taza y 1/2 hora.", "Tomó media taza y media hora."),
    ("es", "Subió +3 puntos.", "Subió más tres puntos."),
    ("es-MX", "Será a las 7:00 p. m.; costó $3,500.", "Será a las siete de la tarde; costó tres mil quinientos pesos."),
    ("es", "El AVE tarda 2 h 30 min.", "El AVE tarda dos horas y treinta minutos."),
    ("es", "Llame al 900 100 200.", "Llame al novecientos, cien, doscientos."),
    ("pt-BR", "Em 2021 Lula venceu; em 2022 chega a lei.", "Em dois mil e vinte e um Lula venceu; em dois mil e vinte e dois chega a lei."),
    ("pt-BR", "Das 8h às 12h.", "Das oito às doze horas."),
    ("pt-BR", "Uma tração 4x4 e uma mesa de 2x1 metros.", "Uma tração quatro por quatro e uma mesa de dois por um metros."),
    ("pt-BR", "O aluguel é de R$ 45 por m².", "O aluguel é de quarenta e cinco reais por metro quadrado."),
    ("pt-BR", "Foram 2 mil km e 200 mil t.", "Foram dois mil quilômetros e duzentas mil toneladas."),
    ("pt-BR", "O pão custa 5,50 reais.", "O pão custa cinco reais e cinquenta centavos."),
    ("pt-BR", "O 1/3 dos eleitores; em 12/3, o governo agiu.", "O um terço dos eleitores; em doze de março, o governo agiu."),
    ("pt-PT", "Entre o km 20 e o km 25.", "Entre o quilómetro vinte e o quilómetro vinte e cinco."),
    ("it", "Il '68 fu un anno di lotta.", "Il sessantotto fu un anno di lotta."),
    ("it", "Un 23enne, una 10enne e un 100enne.", "Un ventitreenne, una decenne e un centenne."),
    ("it", "Il d.l. 18/2020 e il d.lgs. 81/2008.", "Il decreto legge diciotto del duemilaventi e il decreto legislativo ottantuno del duemilaotto."),
    ("it", "Entro il 31/12 bisogna pagare.", "Entro il trentuno dicembre bisogna pagare."),
    ("it", "Il gasolio a 1,75 €/l e la luce a 0,12 €/kWh.", "Il gasolio a un euro e settantacinque centesimi al litro e la luce a dodici centesimi al chilowattora."),
    ("it", "Il prezzo è di 3.500 euro al mq.", "Il prezzo è di tremilacinquecento euro al metro quadrato."),
    ("it", "Sinner ha vinto il suo 2° Slam.", "Sinner ha vinto il suo secondo Slam."),
    ("it", "La Lazio ha vinto 2-1 all'Olimpico.", "La Lazio ha vinto due a uno all'Olimpico."),
    ("it", "Al km 345 dell'A1.", "Al chilometro trecentoquarantacinque dell'A uno."),
    ("it", "Raccolte 10 t di rifiuti.", "Raccolte dieci tonnellate di rifiuti."),
]


@pytest.mark.parametrize(("tag", "text", "expected"), FOUND_WHILE_FIXING)
def test_found_while_fixing(tag: str, text: str, expected: str) -> None:
    assert normalize_for_speech(text, language=tag) == expected


@pytest.mark.parametrize(("text", "expected"), SPANISH)
def test_spanish(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="es") == expected


@pytest.mark.parametrize(("tag", "text", "expected"), SPANISH_REGIONS)
def test_spanish_regions(tag: str, text: str, expected: str) -> None:
    assert normalize_for_speech(text, language=tag) == expected


@pytest.mark.parametrize(("text", "expected"), PORTUGUESE)
def test_portuguese_brazil(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="pt-BR") == expected


@pytest.mark.parametrize(("text", "expected"), PORTUGAL)
def test_portuguese_portugal(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="pt-PT") == expected


@pytest.mark.parametrize(("text", "expected"), ITALIAN)
def test_italian(text: str, expected: str) -> None:
    assert normalize_for_speech(text, language="it") == expected


_ENGLISH = re.compile(
    r"\b(?:point|percent|dollars?|and|minus|o'clock|hundred|thousand|million|billion|degrees|plus|times|"
    r"number|equals|at|dot|slash|first|second|third)\b",
    re.IGNORECASE,
)
_ALL = [(text, "es") for text, _ in SPANISH] + [(text, "pt-BR") for text, _ in PORTUGUESE]
_ALL += [(text, "pt-PT") for text, _ in PORTUGAL] + [(text, "it") for text, _ in ITALIAN]
_ALL += [
    (text, tag)
    for tag in ("es", "pt", "pt-PT", "it")
    for text in (
        "Sube 3 + 2 = 5, ±1 % y 10 × 20; 5‰; 40°; 3,5 %; #1; 3.11.2; $5; 12:30; 7/2024; @ana; A & B; 5 °F.",
        "Son 2 mph, 3 GB, 4 kWh, 5 MW, 6 GHz, 7 ml y 8 t; ¼; 2/3; +1; -2; 1.5; 3.000.000; 3 mil; 10h; 24/7.",
    )
]


@pytest.mark.parametrize(("text", "tag"), _ALL)
def test_no_english(text: str, tag: str) -> None:
    """Nothing English leaks into these languages: no "point", "percent", "dollars", "and" …"""
    spoken = normalize_for_speech(text, language=tag)
    assert not _ENGLISH.search(spoken), spoken


def test_there_are_enough_cases() -> None:
    assert len(SPANISH) >= 80 and len(PORTUGUESE) >= 80 and len(ITALIAN) >= 80
