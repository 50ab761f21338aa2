"""The Veldmark suite's conversations (an encyclopedia of the invented Veldmark region: the
engineer brothers Tomas and Anders Eke, the painter Marit Solberg, the novelist Elin Varg, the
towns of Harl and Ossby, the rivers Veld and Tarn, Lake Skarn, two gales, a dock strike, two
lake steamers, two viaducts and a bridge, two railways, two chars, an institute, a museum, a
novel and its film), read by ../conversations/build.py.

Build from the repository root with
``python3 benchmarks/eval/conversations/build.py benchmarks/eval/conversations-veldmark``
(``--check`` writes nothing). The layout of a conversation is described in build.py.
"""

from build import A, U

COLLECTION = "veldmark"

CONVERSATIONS = [
    # ---------------------------------------------------------------- subject named by the assistant
    dict(id="viaduct-engineer-born", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Tomas Eke",
         turns=[U("who built the harl viaduct?"),
                A("The first Harl Viaduct, opened in 1872, was designed by Tomas Eke, the chief engineer of the "
                  "Veld Valley Railway Company. It collapsed in a gale in 1879 and was replaced by a second "
                  "viaduct in 1884."),
                U("when was he born?")],
         target="Tomas Eke was born on 14 March 1841 in Ossby, the eldest of four children of the millwright "
                "Nils Eke and his wife Karin. He died on 2 February 1880.",
         evidence={"tomas-eke": ["Tomas Eke (14 March 1841 – 2 February 1880)",
                                 "Tomas Eke was born in Ossby, the eldest of four children of Nils Eke"]},
         traps=["anders-eke"]),
    dict(id="viaduct-brother-born", kind="operator follow-up: ellipsis", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Anders",
         turns=[U("who built the harl viaduct?"),
                A("The first Harl Viaduct, opened in 1872, was designed by Tomas Eke, the chief engineer of the "
                  "Veld Valley Railway Company. It collapsed in a gale in 1879 and was replaced by a second "
                  "viaduct in 1884, designed by his younger brother."),
                U("when was he born?"),
                A("Tomas Eke was born on 14 March 1841 in Ossby, the son of a millwright. He died young, on "
                  "2 February 1880."),
                U("and his brother?")],
         target="His younger brother Anders Eke, who designed the second viaduct, was born on 9 August 1846, also "
                "in Ossby, and died in Harl on 17 May 1922.",
         evidence={"anders-eke": ["Anders Eke (9 August 1846 – 17 May 1922)",
                                  "Anders Eke was born in Ossby, the third child of the millwright Nils Eke."]},
         traps=["tomas-eke"]),
    dict(id="viaduct-collapse-why", kind="operator follow-up: why", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Explanation"], subject="Harl Viaduct",
         turns=[U("which bridge fell down in the storm of 1879?"),
                A("The first Harl Viaduct, which carried the Veld Valley Railway over the Veld gorge. Its central "
                  "girders fell into the gorge on the night of 23 November 1879 while a train was crossing."),
                U("why did it collapse?")],
         target="The inquiry of 1880 found that Tomas Eke's design had allowed for a wind pressure far below the "
                "one the gale produced and that the cross-bracing of the piers was too weak. It also blamed the "
                "railway company for running trains in the storm (the driver had been ordered to run despite the "
                "wind).",
         evidence={"tomas-eke": ["found that the design had allowed for a wind pressure far below the one the gale "
                                 "produced and that the cross-bracing of the piers was too weak"]},
         traps=["ossel-bridge", "candlemas-gale-1911"]),
    dict(id="painter-married", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Solberg",
         turns=[U("Was there a painter who painted the 1907 dock strike?"),
                A("Yes: Marit Solberg sketched at the quays during the strike and painted \"Strikers at Harl "
                  "Quay\" (1908), her largest canvas. The provincial council refused to buy it as too political."),
                U("Who was she married to?")],
         target="She married the engineer Anders Eke in 1889; she had met him at the opening of the second Harl "
                "Viaduct in 1884. Their only child, Sigrid, was born in 1891.",
         evidence={"marit-solberg": ["In 1889 she married Anders Eke, the engineer, whom she had met at the opening "
                                     "of the second Harl Viaduct in 1884."]},
         traps=["elin-varg"]),
    dict(id="novelist-married", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Varg",
         turns=[U("who wrote the salt winter"),
                A("The Salt Winter (1934) is a novel by Elin Varg. It tells the story of the 1907 Harl dock strike "
                  "through the eyes of a docker's daughter, Lisa Nyberg."),
                U("was she married")],
         target="Yes: in 1921 Elin Varg married Nils Hed, a journalist on the Harl Courier. They had no children, "
                "and Hed died in 1960.",
         evidence={"elin-varg": ["In 1921 Varg married Nils Hed, a journalist on the Harl Courier."]},
         traps=["marit-solberg"]),
    dict(id="tributary-source", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Tarn",
         turns=[U("whats the biggest tributary of the veld"),
                A("The River Tarn, 74 kilometres long, which joins the Veld at Ossby. Its basin covers 1,120 "
                  "square kilometres."),
                U("where does it start")],
         target="The Tarn flows out of Lake Skarn at Skarnholm, at an elevation of 312 metres, over a rock sill "
                "called the Skarn Step.",
         evidence={"river-tarn": ["The Tarn leaves Lake Skarn at Skarnholm, at an elevation of 312 metres, over a "
                                  "rock sill known as the Skarn Step."]},
         traps=["river-veld"]),
    dict(id="char-lake-spawn", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Skarn char",
         turns=[U("is there a fish that only lives in lake skarn?"),
                A("Yes, the Skarn char (Salvelinus skarnensis), a char of the salmon family found nowhere else. It "
                  "lives in the lake's open water at depths of 20 to 100 metres."),
                U("when does it spawn?")],
         target="The Skarn char spawns in December, over stony ground at depths of 60 to 90 metres, just before "
                "the lake freezes.",
         evidence={"skarn-char": ["It spawns in December over stony ground at depths of 60 to 90 metres, just "
                                  "before the lake freezes."]},
         traps=["tarn-char"]),
    dict(id="char-river-size", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Tarn char",
         turns=[U("any rare fish in the river tarn?"),
                A("The Tarn char (Salvelinus tarnensis) lives only in the upper Tarn, between Skarnholm and "
                  "Tarnholt. It is listed as endangered."),
                U("how big does it get")],
         target="The Tarn char reaches about 31 centimetres and 350 grams, smaller than its relative the Skarn "
                "char.",
         evidence={"tarn-char": ["The Tarn char is smaller than its relative, reaching 31 centimetres and about "
                                 "350 grams."]},
         traps=["skarn-char"]),
    dict(id="steamer-captain", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Ingrid",
         turns=[U("what was the worst disaster on lake skarn?"),
                A("The sinking of the steamer Ingrid on 14 August 1898: she struck the Kolle reef in fog and sank "
                  "within twelve minutes, and 63 of the 212 people on board died."),
                U("who was the captain?")],
         target="Captain Olof Brandt, a nephew of the founder of the Brandt & Sons shipyard. He held his course at "
                "full speed in the fog and was among those lost.",
         evidence={"ingrid-steamer": ["Captain Olof Brandt, a nephew of the shipyard's founder, held his course at "
                                      "full speed",
                                      "The captain was among those lost."]},
         traps=["hedda-steamer"]),
    dict(id="steamer-last-fate", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Hedda",
         turns=[U("which steamer lasted longest on the lake?"),
                A("The Hedda, the sister ship of the Ingrid. She was launched in 1889 and served on Lake Skarn for "
                  "47 years, making her last sailing on 30 September 1936."),
                U("what happened to her after that")],
         target="She was sold for scrap and broken up on the slipway at Skarnholm in 1937. Her bell and steering "
                "wheel are in the Ossby Museum, and a model made by her last captain, Gunnar Vik, is in the Harl "
                "Maritime Centre.",
         evidence={"hedda-steamer": ["The ship was sold for scrap and broken up on the slipway at Skarnholm in 1937.",
                                     "Her bell and her steering wheel are kept in the Ossby Museum"]},
         traps=["ingrid-steamer"]),
    dict(id="gale-gust-deaths", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Candlemas",
         turns=[U("What's the strongest wind ever recorded in Veldmark?"),
                A("A gust of 171 kilometres per hour, measured by the Harl Observatory at 18:20 on 1 February 1911, "
                  "during the Candlemas Gale."),
                U("How many people died in it?")],
         target="The Candlemas Gale of 1911 killed 17 people: eleven in the lower town of Harl, four at Ossby and "
                "two on a fishing boat off Veldmouth. About 2,200 people were made homeless.",
         evidence={"candlemas-gale-1911": ["Seventeen people died: eleven in the lower town of Harl, four at Ossby "
                                           "and two on a fishing boat off Veldmouth."]},
         traps=["martinmas-gale-1879"]),
    dict(id="gale-viaduct-total", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Martinmas",
         turns=[U("which storm brought down the harl viaduct"),
                A("The Martinmas Gale of 22–23 November 1879. The viaduct's central girders fell while the mixed "
                  "train from Ossby was crossing, and all 31 people on board were killed."),
                U("and how many died altogether, not just on the train?")],
         target="54 people died in the region in all: the 31 on the train, 19 men on the nine fishing boats lost "
                "at sea, and four killed by falling chimneys and trees.",
         evidence={"martinmas-gale-1879": ["it killed 54 people in the region in all",
                                           "Nine fishing boats of the Harl fleet were lost at sea with 19 men.",
                                           "four people died from falling chimneys and trees"]},
         traps=["candlemas-gale-1911"]),
    dict(id="light-railway-gauge", kind="operator follow-up: why", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Explanation"], subject="Skarn Light Railway",
         turns=[U("apart from the viaduct, did anders eke build any railways?"),
                A("Yes: he was chief engineer of the Skarn Light Railway, a narrow-gauge line of 44 kilometres from "
                  "Ossby to Skarnholm on Lake Skarn, opened on 12 July 1899."),
                U("why narrow gauge?")],
         target="Anders Eke chose a gauge of 750 millimetres to keep down the cost of the many curves along the "
                "Tarn valley.",
         evidence={"skarn-light-railway": ["who chose a gauge of 750 millimetres to keep down the cost of the many "
                                           "curves along the Tarn valley"]},
         traps=["veld-valley-railway"]),
    dict(id="institute-successor", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Almgren",
         turns=[U("who took over the harl technical institute after anders eke retired?"),
                A("Ruth Almgren, a chemist, who was director from 1916 to 1934."),
                U("what is she known for?")],
         target="Ruth Almgren was the first woman to lead a college in Veldmark. She opened a department of "
                "electrical engineering in 1921 and started the institute's evening courses for workers.",
         evidence={"harl-technical-institute": ["His successor, the chemist Ruth Almgren, was the first woman to "
                                                "lead a college in Veldmark; she opened a department of electrical "
                                                "engineering in 1921"]},
         traps=["anders-eke", "tarn-char"]),
    dict(id="museum-founder", kind="subject named by the assistant: two turns on", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Ossby Museum",
         turns=[U("i love marit solberg's lake paintings. where can i see the most of her work?"),
                A("The Ossby Museum holds the largest collection: she left it 140 paintings and about 600 drawings "
                  "in 1931, and a Solberg wing was opened in 1958."),
                U("is it free?"),
                A("Yes, entry has been free since 2001. It is open from Tuesday to Sunday."),
                U("who founded it")],
         target="The Ossby town council founded it in 1903, with a gift of 40,000 daler from the timber merchant "
                "Johan Aske; it opened on 20 May 1905 in the old Corn Exchange.",
         evidence={"ossby-museum": ["The museum was founded by the Ossby town council with a gift of 40,000 daler "
                                    "from Johan Aske"]},
         traps=["harl-technical-institute"]),
    dict(id="birthplace-population-1880", kind="subject named by the assistant: year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Ossby",
         turns=[U("where were the eke brothers born?"),
                A("Both were born in Ossby, the market town where the Tarn joins the Veld; their father Nils Eke was "
                  "a millwright there."),
                U("how many people lived there in 1880?")],
         target="Ossby had 4,100 inhabitants in 1880 (7,800 in 1910 and 19,600 in 2020).",
         evidence={"ossby": ["| 1880 | 4,100 |"]},
         traps=["harl"]),
    dict(id="strike-leader-later", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Nyholm",
         turns=[U("who led the dockers in 1907?"),
                A("Karl Nyholm, a crane driver and chairman of the Harl Dockers' Union. He organised the soup "
                  "kitchens in the old fish market, which fed up to 5,000 people a day."),
                U("what became of him afterwards?")],
         target="Karl Nyholm was elected to the Harl town council in 1910 and was mayor of Harl from 1925 to 1931. "
                "He also read the manuscript of Elin Varg's The Salt Winter, whose Jon Nyberg is partly based on "
                "him.",
         evidence={"harl-dock-strike-1907": ["Nyholm was elected to the town council in 1910 and was mayor of Harl "
                                             "from 1925 to 1931."]},
         traps=["the-salt-winter-novel"]),
    dict(id="ossel-span", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Ossel",
         turns=[U("anders eke designed a bridge in ossby as well, didn't he?"),
                A("Yes, the Ossel Bridge, a road bridge over the River Tarn, opened on 5 September 1891. It "
                  "replaced a rope ferry."),
                U("how long is its span?")],
         target="It is a steel bowstring arch with a single span of 96 metres, carrying a roadway 7 metres wide and "
                "two footways.",
         evidence={"ossel-bridge": ["The bridge is a steel bowstring arch with a single span of 96 metres"]},
         traps=["harl-viaduct"]),
    dict(id="aske-founded-else", kind="subject named by the assistant: two documents", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid", "Composite"], subject="Aske",
         turns=[U("who started the veld valley railway?"),
                A("The Veld Valley Railway Company was founded in 1865 by a group of Harl merchants led by Johan "
                  "Aske, a timber trader, to carry timber and iron ore to the port."),
                U("did he pay for anything else in the region?")],
         target="Yes: Johan Aske's gift of 40,000 daler founded the Ossby Museum (opened 1905 with his collection of "
                "local antiquities), and he paid for Marit Solberg to study at the Kessel Academy of Art from 1876 to "
                "1880.",
         evidence={"ossby-museum": ["with a gift of 40,000 daler from Johan Aske"],
                   "marit-solberg": ["Johan Aske, paid for her to study at the Kessel Academy of Art from 1876 to "
                                     "1880"]},
         traps=[]),
    dict(id="lake-size", kind="subject named by the assistant: two turns on", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Lake Skarn",
         turns=[U("where did solberg paint her winter pictures"),
                A("Mostly at Lake Skarn, around the village of Skarnholm at its southern end: \"Lake Skarn in "
                  "Winter\" (1912) and \"Ice at Skarnholm\" (1919) are among her best-known late works."),
                U("did she live there?"),
                A("No: she worked at Skarnholm in several summers, but she lived in Harl with her husband until 1922 "
                  "and then in Ossby."),
                U("how big is the lake")],
         target="Lake Skarn covers 58 square kilometres; it is 21 kilometres long, at most 3.8 kilometres wide and "
                "142 metres deep at its deepest, off the Kolle reef. It is the largest lake in Veldmark.",
         evidence={"lake-skarn": ["It covers 58 square kilometres and is the source of the River Tarn.",
                                  "is 21 kilometres long and at most 3.8 kilometres wide"]},
         traps=["river-tarn"]),
    # ---------------------------------------------------------------- subject named by the user
    dict(id="ingrid-why-many-died", kind="operator follow-up: why", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Explanation"], subject="Ingrid",
         turns=[U("Tell me about the sinking of the Ingrid."),
                A("The Ingrid, a Lake Skarn passenger steamer built in 1887, struck the Kolle reef in thick fog at "
                  "18:32 on 14 August 1898, on her return trip from Nordvik. 63 of the 212 people on board died; "
                  "fishing boats from Kolleby rescued 149."),
                U("why did so many die?")],
         target="She sank within twelve minutes in deep water, and the inquiry found she carried lifeboats for only "
                "90 people; she had also been 600 metres west of her usual course, running at full speed in the "
                "fog. The disaster led to the law of 1899 requiring lifeboats for everyone on board.",
         evidence={"ingrid-steamer": ["sank within twelve minutes in deep water",
                                      "she carried lifeboats for only 90 people"]},
         traps=["hedda-steamer"]),
    dict(id="viaducts-compare", kind="operator follow-up: compare", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Comparative"], subject="viaduct",
         turns=[U("I'm walking out to the Harl Viaduct next weekend with my kids. Is it the original one from the "
                  "1870s?"),
                A("No. The viaduct you'll see opened in 1884 and was designed by Anders Eke; the first one, by his "
                  "brother Tomas, collapsed in the Martinmas Gale of 1879. The stumps of the old piers are still "
                  "there beside it."),
                U("compare the two for me")],
         target="The first viaduct (Tomas Eke, opened 1872) was a wrought-iron lattice girder 412 m long on 11 "
                "stone piers, with the rails 38 m above the river, and cost 740,000 daler. The second (Anders Eke, "
                "opened 1884) is a steel girder 418 m long on 14 piers, with the rails 40 m up, designed for more "
                "than three times the wind pressure, and cost 1.35 million daler.",
         evidence={"harl-viaduct": ["| Length | 412 m | 418 m |", "| Piers | 11 | 14 |",
                                    "| Material | wrought iron | steel |"]},
         traps=["ossel-bridge"]),
    dict(id="strike-settlement", kind="subject named by the user: two turns on", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="strike",
         turns=[U("I'm reading The Salt Winter for my book club and want some background. What was the real 1907 "
                  "strike in Harl about?"),
                A("The Harl Dockers' Union demanded a ten-hour day and a day wage of 3.00 daler instead of 2.40. "
                  "Dockers were hired by the half day and worked shifts of up to 14 hours, and wages had not risen "
                  "since 1899."),
                U("how long did it go on?"),
                A("77 days, from 4 May to 19 July 1907, with about 3,400 men out."),
                U("and how did it end")],
         target="After mediation by the provincial governor, Axel Lind, both sides agreed on 19 July to a ten-hour "
                "day and a day wage of 2.70 daler, and the union was recognised. The strikebreakers were sent home, "
                "but about 200 strikers were not taken back.",
         evidence={"harl-dock-strike-1907": ["the two sides agreed on 19 July to a ten-hour day and a day wage of "
                                             "2.70 daler",
                                             "about 200 strikers were not taken back by their employers"]},
         traps=["the-salt-winter-novel"]),
    dict(id="veld-highest-flow", kind="subject named by the user: figure", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Veld",
         turns=[U("how long is the river veld?"),
                A("The Veld flows 212 kilometres from the Grå Fells to the Veld Firth at Harl, with a basin of 4,380 "
                  "square kilometres."),
                U("What's the highest flow ever measured on it?")],
         target="1,240 cubic metres per second, recorded at Harl on 3 February 1911 after the Candlemas Gale (the "
                "mean discharge at Harl is 96).",
         evidence={"river-veld": ["the highest flow ever measured, 1,240 cubic metres per second, was recorded at "
                                  "Harl on 3 February 1911"]},
         traps=["river-tarn"]),
    dict(id="towns-1910", kind="operator follow-up: ellipsis with a year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Comparative"], subject=None,
         turns=[U("is harl much bigger than ossby?"),
                A("Yes. In 2020 Harl had 48,300 inhabitants and Ossby 19,600, so Harl is about two and a half times "
                  "the size."),
                U("and in 1910?")],
         target="In 1910 Harl had 26,900 inhabitants and Ossby 7,800, so Harl was more than three times as big.",
         evidence={"harl": ["| 1910 | 26,900 |"], "ossby": ["| 1910 | 7,800 |"]},
         traps=[]),
    dict(id="veld-tributaries-list", kind="operator follow-up: list", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Listing"], subject="Veld",
         turns=[U("does the veld have many tributaries"),
                A("Its largest tributary is the River Tarn, which joins it at Ossby. The Veld's basin covers about "
                  "two thirds of the region."),
                U("list them with their lengths pls")],
         target="The tributaries the article lists: the Tarn (74 km, joins at Ossby), the Osk (38 km, at Lillfors) "
                "and the Lill (22 km, at Brenna).",
         evidence={"river-veld": ["| Tarn | 74 km | Ossby |", "| Osk | 38 km | Lillfors |",
                                  "| Lill | 22 km | Brenna |"]},
         traps=[]),
    dict(id="film-ending", kind="subject named by the user: sibling work", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Comparative"], subject="film",
         turns=[U("we read the salt winter at school years ago. how does it end? i forgot"),
                A("In the last chapter Lisa Nyberg sails alone for America: her father, injured in the clash at the "
                  "Eastern Quay, is not taken back after the strike and the family is ruined."),
                U("is it the same in the film?")],
         target="No. In Per Lund's 1958 film Lisa does not emigrate: she stays in Harl and marries Anton, a young "
                "crane driver who is not in the book. Elin Varg refused a screen credit because of the changed "
                "ending.",
         evidence={"the-salt-winter-film": ["In its ending Lisa does not emigrate: she stays in Harl and marries a "
                                            "young crane driver, Anton"]},
         traps=["the-salt-winter-novel"]),
    dict(id="prize-partial", kind="partly answerable", answerability="PARTIAL",
         multi_turn="Follow-up", question_type=["Factoid"], subject="novel",
         turns=[U("who played lisa in the salt winter film?"),
                A("Anna Rask, who was 19. She won the award for best actress at the Kessel Film Festival in 1958."),
                U("did the novel win anything too? and how much money came with the prize?")],
         target="The novel won the Veldmark Prize for literature in 1935 (and Elin Varg won it again in 1962 for her "
                "life's work). The documents do not say how much money the prize carried.",
         evidence={"the-salt-winter-novel": ["won the Veldmark Prize for literature in 1935"]},
         traps=["the-salt-winter-film"]),
    # ---------------------------------------------------------------- clarifications
    dict(id="clar-light-railway-opened", kind="clarification: wrong sibling", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="Skarn",
         turns=[U("when did the railway open?"),
                A("The Veld Valley Railway, from Harl to Ossby, opened on 1 October 1872. It is the oldest railway "
                  "in the region."),
                U("no, i meant the little narrow gauge one up to skarnholm")],
         target="The Skarn Light Railway, from Ossby to Skarnholm, opened on 12 July 1899. It closed in 1958 and "
                "part of it has run as a heritage railway since 1984.",
         evidence={"skarn-light-railway": ["It opened on 12 July 1899, closed in 1958"]},
         traps=["veld-valley-railway"]),
    dict(id="clar-char-described", kind="clarification: wrong sibling", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="lake",
         turns=[U("When was the char first described by scientists?"),
                A("The Tarn char was first described in 1902 by Erland Almgren, as a variety of the Skarn char, and "
                  "recognised as a separate species in 1968."),
                U("That's the river one. I'm asking about the one in the lake.")],
         target="The Skarn char was described in 1894 by the naturalist Hedvig Lund of the Harl Technical "
                "Institute, from specimens taken by Skarnholm fishermen.",
         evidence={"skarn-char": ["The species was described in 1894 by the naturalist Hedvig Lund of the Harl "
                                  "Technical Institute"]},
         traps=["tarn-char"]),
    dict(id="clar-husband-died", kind="clarification: wrong sibling", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="Anders",
         turns=[U("marit solberg's husband was one of the eke engineers right? when did he die?"),
                A("Tomas Eke died of pneumonia at his home in Harl on 2 February 1880, aged 38, before the inquiry "
                  "into the viaduct collapse reported."),
                U("no, she married the younger brother")],
         target="Her husband was Anders Eke, the younger brother, who died in Harl on 17 May 1922, aged 75. He was "
                "buried beside his brother at Ossby.",
         evidence={"anders-eke": ["Anders Eke died in Harl on 17 May 1922, aged 75"]},
         traps=["tomas-eke"]),
    dict(id="clar-gale-1911", kind="clarification: wrong year", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="1911",
         turns=[U("how many people were killed in the big storm?"),
                A("The Martinmas Gale of November 1879 killed 54 people in the region, 31 of them in the collapse "
                  "of the Harl Viaduct."),
                U("no not that one, the 1911 one that flooded harl")],
         target="The Candlemas Gale of 1–2 February 1911 killed 17 people: eleven in the lower town of Harl, four at "
                "Ossby and two on a fishing boat off Veldmouth.",
         evidence={"candlemas-gale-1911": ["It caused the worst flooding recorded in Harl and Ossby and killed 17 "
                                           "people."]},
         traps=["martinmas-gale-1879"]),
    # ---------------------------------------------------------------- first turns and standalone questions
    dict(id="first-ingrid-wreck", kind="first turn: long message", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="Ingrid",
         turns=[U("Hello! My great-grandmother was one of the people pulled out of the water when the Ingrid went "
                  "down on Lake Skarn - the family story is that fishermen rescued her. I'd love to visit the spot. "
                  "How deep is the wreck, and would it be possible to dive down to it?")],
         target="The wreck of the Ingrid lies in Lake Skarn, near the Kolle reef on which she struck, at a depth of 96 metres; it was "
                "located in 1986. It is a protected site, and diving on it is forbidden without a permit from the "
                "provincial council. (The survivors, 149 people, were indeed rescued by fishing boats from "
                "Kolleby.)",
         evidence={"ingrid-steamer": ["The wreck lies at a depth of 96 metres",
                                      "diving on it is forbidden without a permit from the provincial council"]},
         traps=["hedda-steamer"]),
    dict(id="first-institute-women", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="Harl Technical Institute",
         turns=[U("When were women first admitted to the Harl Technical Institute?")],
         target="Women were admitted to the Harl Technical Institute from 1892.",
         evidence={"harl-technical-institute": ["Women were admitted from 1892."]},
         traps=[]),
    dict(id="standalone-film-director", kind="new question after a long conversation",
         answerability="ANSWERABLE", multi_turn="N/A", question_type=["Factoid"], subject="film",
         turns=[U("how deep is lake skarn?"),
                A("Lake Skarn is 142 metres deep at its deepest point, off the Kolle reef. It is 21 kilometres long "
                  "and covers 58 square kilometres."),
                U("does it freeze in winter"),
                A("Yes, it usually freezes over from January to March, and Skarnholm is a centre for skating on the "
                  "ice."),
                U("can you fish there"),
                A("Yes: the commercial char fishery closed in 1981, but anglers may keep two Skarn char a day from "
                  "June to September. Motorboats over 10 horsepower are banned."),
                U("different question - who directed the film of the salt winter?")],
         target="The 1958 film of The Salt Winter was directed by Per Lund, who also wrote the screenplay with Arne "
                "Falk.",
         evidence={"the-salt-winter-film": ["The Salt Winter is a 1958 Veldmark drama film directed by Per Lund"]},
         traps=[]),
    # ---------------------------------------------------------------- unanswerable
    dict(id="no-doc-brenna-bridge", kind="subject with no document", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Brenna",
         turns=[U("who designed the ossel bridge?"),
                A("Anders Eke. His steel bowstring design was chosen in a competition in 1888, and the bridge opened "
                  "on 5 September 1891."),
                U("and the bridge at brenna?")],
         target="The documents do not describe a bridge at Brenna (Brenna appears only as a station on the Veld "
                "Valley Railway and the place where the Lill joins the Veld), so I can't say who designed it.",
         evidence={}, traps=[]),
    dict(id="no-doc-veld-char", kind="subject with no document", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Veld char",
         turns=[U("how many species of char are there in veldmark?"),
                A("The articles describe two, both found nowhere else: the Skarn char of Lake Skarn and the Tarn "
                  "char of the upper River Tarn. They descend from Arctic char trapped in the lake after the last "
                  "ice age."),
                U("what about the veld char, is that endangered too?")],
         target="There is no article on a Veld char; the documents mention only the Skarn char and the Tarn char "
                "(the River Veld's fish named are salmon and sea trout), so I can't say.",
         evidence={}, traps=[]),
    dict(id="year-harl-1850", kind="year not covered", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Harl",
         turns=[U("how big is harl"),
                A("Harl had 48,300 inhabitants in 2020, the largest town in Veldmark and its administrative centre."),
                U("and back in 1850?")],
         target="The article gives Harl's population for 1880 (14,200), 1910, 1950 and 2020, but not for 1850.",
         evidence={}, traps=[]),
    dict(id="year-museum-1990", kind="year not covered", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="museum",
         turns=[U("how many people visit the ossby museum?"),
                A("About 61,000 in 2019, up from 24,000 in 1960 and 3,200 in 1910."),
                U("what was it in 1990")],
         target="The article gives visitor numbers for 1910, 1960 and 2019 only; it does not give a figure for "
                "1990.",
         evidence={}, traps=[]),
    dict(id="near-miss-ingrid-cost", kind="near miss", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Ingrid",
         turns=[U("which company ran the steamers on lake skarn"),
                A("The Skarn Steamship Company, founded in 1860. It ordered the Ingrid (1887) and the Hedda (1889) "
                  "from Brandt & Sons of Harl and was wound up in 1936."),
                U("how much did the ingrid cost to build?")],
         target="The article on the Ingrid gives her builder, length, engine and passenger licence, but not what "
                "she cost.",
         evidence={}, traps=[]),
    dict(id="near-miss-train-speed", kind="near miss", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="train",
         turns=[U("what train was on the viaduct when it fell?"),
                A("The mixed train from Ossby: a locomotive with three carriages and six goods wagons. It was on the "
                  "central span at 23:15 on 23 November 1879, and all 31 people on board were killed."),
                U("how fast was it going?")],
         target="The documents do not give the train's speed; they say only that the driver, Per Holm, had been "
                "ordered to run despite the wind.",
         evidence={}, traps=[]),
    dict(id="near-miss-anton-actor", kind="near miss", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Anton",
         turns=[U("so in the film lisa marries someone?"),
                A("Yes: in the 1958 film she stays in Harl and marries a young crane driver, Anton, a character who "
                  "is not in Elin Varg's novel."),
                U("who played him")],
         target="The film's article lists Anna Rask, Olof Strand, Maj Lindberg and Henrik Sjö, but not who played "
                "Anton.",
         evidence={}, traps=[]),
    dict(id="long-conv-airport", kind="new question after a long conversation: no document",
         answerability="UNANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="airport",
         turns=[U("where was marit solberg from"),
                A("She was born in Harl on 3 June 1858, the daughter of a harbour pilot, Lars Solberg, and a "
                  "seamstress, Elna Solberg."),
                U("where did she train"),
                A("At the Kessel Academy of Art, from 1876 to 1880, paid for by the merchant Johan Aske. She was one "
                  "of the first six women admitted to its painting school."),
                U("what's her most famous painting"),
                A("Her largest is \"Strikers at Harl Quay\" (1908), 2.4 by 3.6 metres; her winter views of Lake "
                  "Skarn, like \"Lake Skarn in Winter\" (1912), are among her best known."),
                U("where can i see them"),
                A("At the Ossby Museum, which holds 140 of her paintings and about 600 drawings, with a Solberg wing "
                  "opened in 1958. Entry is free."),
                U("ok planning a trip. is there an airport near harl i can fly into?")],
         target="The documents say nothing about an airport near Harl or flights to the region.",
         evidence={}, traps=[]),
    # ---------------------------------------------------------------- underspecified
    dict(id="ambig-eke-born", kind="ambiguous: two brothers", answerability="UNDERSPECIFIED",
         multi_turn="N/A", question_type=["Factoid"], subject=None,
         turns=[U("When was Eke born?")],
         target="Which Eke? The engineer Tomas Eke was born on 14 March 1841 and his younger brother Anders Eke on "
                "9 August 1846, both in Ossby.",
         evidence={"tomas-eke": ["Tomas Eke (14 March 1841 – 2 February 1880)"],
                   "anders-eke": ["Anders Eke (9 August 1846 – 17 May 1922)"]},
         traps=[]),
    dict(id="ambig-char-size", kind="ambiguous: two species", answerability="UNDERSPECIFIED",
         multi_turn="N/A", question_type=["Factoid"], subject=None,
         turns=[U("how big do the char get")],
         target="It depends on the species: the Skarn char of Lake Skarn grows to 38 cm and about 600 g, the Tarn "
                "char of the River Tarn to 31 cm and about 350 g.",
         evidence={"skarn-char": ["The Skarn char grows to a length of 38 centimetres and a weight of about 600 "
                                  "grams"],
                   "tarn-char": ["The Tarn char is smaller than its relative, reaching 31 centimetres and about 350 "
                                 "grams."]},
         traps=[]),
    dict(id="ambig-storm-deaths", kind="ambiguous: the assistant named two", answerability="UNDERSPECIFIED",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("what big storms have hit harl?"),
                A("The two best documented are the Martinmas Gale of November 1879, which brought down the first "
                  "Harl Viaduct, and the Candlemas Gale of February 1911, which flooded the lower town."),
                U("how many people died?")],
         target="Which storm? The Martinmas Gale of 1879 killed 54 people in the region (31 of them on the "
                "viaduct); the Candlemas Gale of 1911 killed 17.",
         evidence={"martinmas-gale-1879": ["it killed 54 people in the region in all"],
                   "candlemas-gale-1911": ["It caused the worst flooding recorded in Harl and Ossby and killed 17 "
                                           "people."]},
         traps=[]),
    dict(id="ambig-steamer-passengers", kind="ambiguous: the assistant named two", answerability="UNDERSPECIFIED",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("were there steamboats on lake skarn?"),
                A("Yes, from 1861 to 1936. The best known were the Ingrid, launched in 1887, and her sister ship the "
                  "Hedda, launched in 1889, both built by Brandt & Sons of Harl."),
                U("how many passengers could she carry?")],
         target="Which one? The Ingrid was licensed to carry 310 passengers, the Hedda, lengthened to 48 metres, "
                "340.",
         evidence={"ingrid-steamer": ["was licensed to carry 310 passengers"],
                   "hedda-steamer": ["licensed to carry 340 passengers"]},
         traps=[]),
]
