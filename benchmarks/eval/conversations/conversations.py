"""The Larkfield suite's conversations (kitchen appliances), read by build.py.

Build from the repository root with ``python3 benchmarks/eval/conversations/build.py`` (``--check``
writes nothing). The layout of a conversation is described in build.py.
"""

from build import A, U

COLLECTION = "larkfield"

# Each conversation: id, kind (what it probes: "category: detail"), answerability, multi_turn, question_type,
# subject (None: no single thing), turns (the last a user turn), target, evidence
# ({file stem: [verbatim quotes]}), traps (file stems a lost subject answers from).
CONVERSATIONS = [
    # ---------------------------------------------------------------- subject named by the assistant
    dict(id="kettle-keep-warm-k2", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Brisa K2",
         turns=[U("Which of your kettles can keep water warm after it boils?"),
                A("The Brisa K2 Kettle has a keep-warm mode: hold the preset button for two seconds until the "
                  "ring around it turns white, and it holds the water at the temperature you chose."),
                U("How long does it keep it warm?")],
         target="The Brisa K2 holds the water at the chosen temperature for 30 minutes, then switches off and "
                "beeps twice; the keep-warm time cannot be changed.",
         evidence={"brisa-k2-kettle": ["the kettle holds it there for 30 minutes, then switches off and beeps twice",
                                       "The keep-warm time cannot be changed."]},
         traps=["brisa-k3-smart-kettle", "brisa-k1-kettle"]),
    dict(id="kettle-keep-warm-k3", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Brisa K3",
         turns=[U("I'd like a kettle I can start from my phone. Do you make one?"),
                A("Yes: the Brisa K3 Smart Kettle connects to the Larkfield Home app over 2.4 GHz Wi-Fi, and you can "
                  "start it remotely as long as it has water in it and is on its base."),
                U("Nice. And how long will it keep the water hot once it's done?")],
         target="The Brisa K3 keeps the water at its temperature for 40 minutes when new; the time can be set from "
                "10 to 60 minutes in 10-minute steps (or off).",
         evidence={"brisa-k3-smart-kettle": ["adjustable from 10 to 60 minutes in 10-minute steps; 40 minutes when new"]},
         traps=["brisa-k2-kettle", "brisa-k1-kettle"]),
    dict(id="grinder-hopper-g60", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Molina G60",
         turns=[U("I need a grinder for my espresso machine, it takes 58 mm portafilters. What would you suggest?"),
                A("The Molina G60 Burr Grinder is made for espresso machines with 58 mm portafilters such as the "
                  "Aurel E2; it has 60 mm flat burrs and doses by weight with a built-in scale."),
                U("How many grams of beans does its hopper hold?")],
         target="The Molina G60's bean hopper holds 400 g.",
         evidence={"molina-g60-grinder": ["| Bean hopper | 400 g |"]},
         traps=["molina-g40-grinder"]),
    dict(id="grinder-cut-out-g40", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Troubleshooting"], subject="Molina G40",
         turns=[U("What's the cheapest coffee grinder you sell?"),
                A("The Molina G40 Burr Grinder, at €139 in 2024 (€129 in 2023). It has 40 mm conical burrs and 30 "
                  "grind settings."),
                U("I bought one and it stopped halfway through grinding a big batch. Is it broken?")],
         target="Probably not: the G40's thermal cut-out stops the motor after 60 seconds of continuous grinding; let "
                "it cool for 10 minutes.",
         evidence={"molina-g40-grinder": ["The thermal cut-out stops the motor after 60 seconds of continuous grinding. "
                                          "Let it cool for 10 minutes."]},
         traps=["molina-g60-grinder"]),
    dict(id="blender-ice-b7", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["How-To"], subject="Vortan B7",
         turns=[U("My old blender can't crush ice. Which of yours handles it?"),
                A("The Vortan B7 Blender crushes ice with its Ice Crush programme, which pulses for 40 seconds; it "
                  "also makes frozen desserts."),
                U("How much liquid should I add for that?")],
         target="At least 100 ml of water or juice per 6 ice cubes, with the Ice Crush programme.",
         evidence={"vortan-b7-blender": ["Use Ice Crush with at least 100 ml of water or juice per 6 cubes."]},
         traps=["vortan-b5-blender", "vortan-b9-pro-blender"]),
    dict(id="blender-hot-max-b9", kind="subject named by the assistant: model year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Vortan B9 Pro",
         turns=[U("Is there a blender that can make hot soup?"),
                A("Yes: the Vortan B9 Pro Blender heats and blends in its glass jar; on the 2024 model a smooth soup "
                  "goes from cold to 95 °C in about 18 minutes."),
                U("What's the most I can put in the jar for a soup on that model?")],
         target="Up to the HOT MAX line: 1.6 litres on the 2024 model (1.4 litres on the 2023 model).",
         evidence={"vortan-b9-pro-blender": ["no higher than the HOT MAX line (1.4 litres on the 2023 model, "
                                             "1.6 litres on the 2024 model)"]},
         traps=["vortan-b7-blender", "vortan-b5-blender"]),
    dict(id="rice-keep-warm-r5", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Riso R5",
         turns=[U("We're a family of six. Which rice cooker is big enough?"),
                A("The Riso R5 Rice Cooker takes 5.5 cups of uncooked rice, which makes 2 to 10 servings, and heats "
                  "the whole pot by induction."),
                U("How long can it keep the rice warm?")],
         target="Up to 24 hours; Extended Keep Warm holds it at about 60 °C instead of 72 °C so it dries out less.",
         evidence={"riso-r5-rice-cooker": ["After cooking, the R5 keeps the rice warm for up to 24 hours."]},
         traps=["riso-r3-rice-cooker"]),
    dict(id="toaster-slots-t4", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Crema T4",
         turns=[U("Which of your toasters toasts bagels properly?"),
                A("The Crema T4 Toaster has a Bagel function on each pair of slots: it toasts the cut side on the "
                  "inner elements only and warms the outside."),
                U("How wide are the slots?")],
         target="Each of the Crema T4's four slots is 38 mm wide.",
         evidence={"crema-t4-toaster": ["| Slots | 4, each 38 mm wide, in two independent pairs |"]},
         traps=["crema-t2-toaster"]),
    dict(id="mixer-motor-warranty-m8", kind="subject named by the assistant: purchase year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Forma M8",
         turns=[U("I bake bread for the whole street on Saturdays, so I need a mixer that kneads two kilos of flour."),
                A("The 2024 model of the Forma M8 Stand Mixer kneads up to 2.0 kg of flour in its 6.7-litre bowl; "
                  "the 2023 model takes up to 1.8 kg."),
                U("If I buy one now, how long is the motor guaranteed?")],
         target="Ten years: the Forma M8's motor is covered for ten years for mixers bought on or after 1 January "
                "2024 (five years before that date).",
         evidence={"forma-m8-stand-mixer": ["The motor is covered for ten years for mixers bought on or after "
                                            "1 January 2024"],
                   "warranty-policy": ["motor 10 years if bought on or after 1 January 2024"]},
         traps=["forma-m6-stand-mixer"]),
    dict(id="espresso-pre-infusion-e2", kind="subject named by the assistant: firmware version", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Aurel E2",
         turns=[U("Which of your espresso machines has a PID?"),
                A("The Aurel E2 Dual Boiler: its PID controller holds the brew temperature between 86 and 96 °C in "
                  "0.5 °C steps."),
                U("Can I change the pre-infusion time on it?")],
         target="With firmware 1.6, yes: pre-infusion is adjustable from 0 to 10 seconds at 3 bar (0 switches it "
                "off). Version 1.4 had a fixed 4 seconds that could not be changed.",
         evidence={"aurel-e2-firmware-notes": ["Pre-infusion is adjustable from 0 to 10 seconds in 1-second steps, "
                                               "at 3 bar"]},
         traps=["brisa-k3-firmware-notes", "aurel-e1-espresso-machine"]),
    dict(id="espresso-brew-temp-e1", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["How-To"], subject="Aurel E1",
         turns=[U("I want an espresso machine that's ready in under a minute."),
                A("The Aurel E1 Espresso Machine heats up in about 45 seconds thanks to its 1350 W thermoblock."),
                U("Can I adjust the brewing temperature?")],
         target="Yes, to three settings: Low 90 °C, Medium 93 °C and High 96 °C; hold the single-cup and "
                "double-cup buttons together for three seconds to change it.",
         evidence={"aurel-e1-espresso-machine": ["three settings: Low 90 °C, Medium 93 °C, High 96 °C",
                                                 "Hold the single-cup and double-cup buttons together for three seconds."]},
         traps=["aurel-e2-dual-boiler", "aurel-e2-firmware-notes"]),
    dict(id="air-fryer-dehydrate-a6", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Calda A6",
         turns=[U("I want to cook chicken and fries at the same time and have them ready together."),
                A("The Calda A6 Dual Air Fryer has two independent 3-litre baskets, and its Sync Finish function "
                  "delays the shorter one so that both finish at the same moment."),
                U("Can it also dry fruit?")],
         target="Yes: its Dehydrate preset runs from 40 to 80 °C for up to 12 hours; fruit sliced 5 mm thick takes "
                "6–8 hours at 55–60 °C.",
         evidence={"calda-a6-dual-air-fryer": ["The Dehydrate preset runs from 40 to 80 °C for up to 12 hours."]},
         traps=["calda-a4-air-fryer"]),
    dict(id="casserole-bread-f28", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Ferro 28",
         turns=[U("Which casserole would suit a family of eight?"),
                A("The Ferro 28 Casserole: 28 cm across and 6.7 litres, for six to eight people, big enough for a "
                  "whole chicken."),
                U("Can I bake bread in it at 250 degrees with the lid on?")],
         target="Yes: with its stainless-steel knob the whole Ferro 28, lid included, goes into an oven at up to "
                "260 °C.",
         evidence={"ferro-28-casserole": ["the whole casserole, lid included, goes into an oven at up to 260 °C"]},
         traps=["ferro-24-casserole"]),
    dict(id="juicer-dishwasher-j1", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Pressa J1",
         turns=[U("Do you sell a juicer that doesn't heat the juice?"),
                A("The Pressa J1 Slow Juicer turns its auger at 60 revolutions per minute, which keeps juice cooler "
                  "and foams less than a centrifugal juicer."),
                U("Can its parts go in the dishwasher?")],
         target="No: the Pressa J1's parts are not dishwasher safe, because heat deforms the strainer; rinse them "
                "straight after use and clean the strainer with the brush.",
         evidence={"pressa-j1-slow-juicer": ["The parts are not dishwasher safe: heat deforms the strainer."]},
         traps=["vortan-b7-blender", "forma-m6-stand-mixer", "calda-a4-air-fryer"]),
    dict(id="service-centre-monday-riverside", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Riverside",
         turns=[U("Where can I take my espresso machine, the dual boiler one, for a full service?"),
                A("The Riverside service centre at 3 Quay Lane repairs every Larkfield appliance, including the "
                  "Aurel E2, and offers a full espresso machine service that takes a day."),
                U("Is it open on Mondays?")],
         target="No: the Riverside service centre is open Tuesday to Saturday, 8:30–18:00, and closed on Sundays and "
                "Mondays.",
         evidence={"service-centre-riverside": ["| Sunday and Monday | closed |"]},
         traps=["service-centre-northgate"]),
    dict(id="service-centre-parking-northgate", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Northgate",
         turns=[U("My kettle is leaking. Can someone look at it today without an appointment?"),
                A("Yes: the Northgate service centre at 14 Tanner Street does walk-in diagnosis during opening hours, "
                  "usually within 20 minutes, and the diagnosis is free."),
                U("Is there anywhere to park?")],
         target="Northgate has two customer parking spaces in the courtyard, for up to 20 minutes while you drop off "
                "or collect an appliance (tram 3 stops at Tanner Street).",
         evidence={"service-centre-northgate": ["Two customer parking spaces in the courtyard, for up to 20 minutes"]},
         traps=["service-centre-riverside"]),
    dict(id="recall-b5-jar", kind="subject named by the assistant: sibling excluded", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Vortan B7 jar",
         turns=[U("I heard there's a problem with some blender jars. What's going on?"),
                A("Larkfield is replacing, free of charge, some Vortan B7 jars made between March and August 2022, "
                  "whose blade assembly can loosen; jars with the production codes 2203 to 2208 are affected."),
                U("The jar of my B5 says 2205. Do I need to replace it?")],
         target="No: Vortan B5 jars are not affected, whatever their code; only Vortan B7 jars with the codes "
                "2203–2208 are.",
         evidence={"vortan-b7-jar-recall-2022": ["Vortan B5 and Vortan B9 Pro jars, whatever their code."]},
         traps=["vortan-b5-blender"]),
    dict(id="kettle-firmware-latest-k3", kind="subject named by the assistant: version", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Summarization"], subject="Brisa K3",
         turns=[U("Do any of your kettles get software updates?"),
                A("The Brisa K3 Smart Kettle gets firmware updates from the Larkfield Home app; the kettle must be on "
                  "its base and empty, and an update takes about three minutes."),
                U("What did the latest one change?")],
         target="Version 2.3 (20 February 2024): keep-warm can be set to off from the dial, a boil counter for "
                "descale reminders, reconnection after a router restart in about 30 seconds, and a fix for the "
                "kettle forgetting a saved 40 °C after a power cut.",
         evidence={"brisa-k3-firmware-notes": ["Version 2.3 (released 20 February 2024)",
                                               "Boil counter: the app shows how many times the kettle has boiled"]},
         traps=["aurel-e2-firmware-notes"]),
    dict(id="espresso-standby-history-e2", kind="subject named by the assistant: version", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Aurel E2",
         turns=[U("I have one of your espresso machines, the one that connects to the app. Does it switch itself "
                  "off when I forget it?"),
                A("On the Aurel E2 Dual Boiler, eco mode puts the machine into standby after 30 minutes without use; "
                  "you can set it from 15 to 120 minutes or switch it off."),
                U("Has it always done that?")],
         target="No: eco mode came with firmware 1.5 (10 October 2023); before 1.5 the machine never went into "
                "standby by itself.",
         evidence={"aurel-e2-firmware-notes": ["Before 1.5 the machine never went into standby by itself."]},
         traps=["brisa-k3-firmware-notes"]),
    dict(id="blender-spare-jar-b9-2024", kind="subject named by the assistant: model year, three turns",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="Vortan B9 Pro",
         turns=[U("What's your quietest blender?"),
                A("The 2024 model of the Vortan B9 Pro Blender is the quietest with a published figure: 78 dB at full "
                  "speed, against 85 dB for the 2023 model."),
                U("Does it have a programme for nut milk?"),
                A("Yes: the 2024 model adds Nut Milk, which soaks, blends and warms to 40 °C, and Baby Food."),
                U("How much is a spare jar for it?")],
         target="A glass jar for the 2024 model of the Vortan B9 Pro costs €69.00 (2024 price list); jars of the "
                "two models do not fit each other's base.",
         evidence={"spare-parts-prices": ["| Vortan B9 Pro glass jar, 2024 model | not sold | €69.00 |"]},
         traps=["vortan-b7-blender"]),
    dict(id="air-fryer-fries-a4", kind="subject named by the assistant: three turns", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Calda A4",
         turns=[U("Which air fryer is best for a couple?"),
                A("The Calda A4 Air Fryer's 4-litre basket is enough for two to three people."),
                U("What temperatures does it go up to?"),
                A("From 80 to 200 °C, in 5 °C steps, with a timer of 1 to 60 minutes."),
                U("How long for a bag of frozen fries?")],
         target="500 g of frozen fries take 18–20 minutes at 200 °C; shake the basket halfway.",
         evidence={"calda-a4-air-fryer": ["| Frozen fries, 500 g | 200 °C | 18–20 minutes |"]},
         traps=["calda-a6-dual-air-fryer"]),
    dict(id="blender-hot-soup-b5", kind="subject named by the assistant: sibling trap", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Vortan B5",
         turns=[U("Which of your blenders is the most basic?"),
                A("The Vortan B5 Blender: three speeds and a pulse button, no programmes, with a 1.5-litre jar."),
                U("Can it blend hot soup?")],
         target="Only a little, and not straight off the stove: never more than 0.75 litres of hot liquid, and let "
                "hot soup cool for five minutes before blending. (It does not cook soup.)",
         evidence={"vortan-b5-blender": ["never above 0.75 litres with hot liquid; let hot soups cool for five minutes "
                                         "before blending"]},
         traps=["vortan-b9-pro-blender", "vortan-b7-blender"]),
    dict(id="kettle-cleaning-k2", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["How-To"], subject="Brisa K2",
         turns=[U("I want a kettle for green tea at 80 degrees, but I don't need Wi-Fi."),
                A("The Brisa K2 Kettle has an 80 °C preset for green tea, among five presets from 70 to 100 °C, and "
                  "no app."),
                U("How do I clean the inside of it?")],
         target="Clean the glass inside with a soft brush, rinse the nylon filter under the tap, and descale every "
                "four weeks in hard-water areas; never put the base in water.",
         evidence={"brisa-k2-kettle": ["Clean the glass inside with a soft brush"]},
         traps=["brisa-k1-kettle", "brisa-k3-smart-kettle"]),

    dict(id="careplus-price-band", kind="subject named by the assistant: price year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="CarePlus",
         turns=[U("Is there a way to get more than two years of cover on an appliance?"),
                A("Yes: Larkfield CarePlus extends the cover to five years from the date of purchase for every part, "
                  "and adds one claim for accidental damage."),
                U("How much would that be for a €239 espresso machine bought in 2024?")],
         target="€32: the 2024 price of CarePlus for appliances costing €100.01 to €300 (it was €29 in 2023).",
         evidence={"careplus-extended-cover": ["| €100.01 to €300 | €29 | €32 |"]},
         traps=["warranty-policy"]),

    # ---------------------------------------------------------------- operator follow-ups
    dict(id="summarise-care-k2-e2", kind="operator follow-up: summarise", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Summarization"], subject="Brisa K2",
         turns=[U("My kettle's display says E2. What do I do?"),
                A("On the Brisa K2 Kettle, E2 means a temperature sensor fault: unplug the kettle for one minute, and "
                  "if E2 comes back, contact Larkfield support."),
                U("OK. Can you summarise what the manual says about looking after it?")],
         target="Brisa K2 care: clean the glass inside with a soft brush and the outside with a damp cloth, rinse the "
                "clip-in nylon filter, keep the base (the electronics) dry and never put it in water, and descale "
                "every four weeks in hard-water areas.",
         evidence={"brisa-k2-kettle": ["The base holds the electronics: keep it dry and never put it in water.",
                                       "Descale every four weeks in hard-water areas"]},
         traps=["aurel-e2-dual-boiler", "brisa-k1-kettle", "brisa-k3-smart-kettle"]),
    dict(id="compare-grinders", kind="operator follow-up: compare the two", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Comparative"], subject=None,
         turns=[U("What coffee grinders do you sell?"),
                A("Two: the Molina G40 Burr Grinder, with 40 mm conical burrs and 30 settings, and the Molina G60 Burr "
                  "Grinder, with 60 mm flat burrs, stepless adjustment and a built-in scale."),
                U("Compare the two for me.")],
         target="G40: 40 mm conical burrs, 30 stepped settings, 150 W, 250 g hopper, doses by time, €139 (2024). "
                "G60: 60 mm flat burrs, stepless with 55 marks, 250 W, 400 g hopper, doses by weight with a scale, "
                "five-year motor cover, €289 (2024).",
         evidence={"molina-g40-grinder": ["| Bean hopper | 250 g |"],
                   "molina-g60-grinder": ["| Bean hopper | 400 g |"]},
         traps=[]),
    dict(id="why-dishwasher-b9", kind="operator follow-up: why", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Explanation"], subject="Vortan B9 Pro",
         turns=[U("Which blender should I get for soups?"),
                A("The Vortan B9 Pro Blender cooks soups and sauces in its glass jar and finishes with a blend."),
                U("Can its jar go in the dishwasher?"),
                A("No, the glass jar of the Vortan B9 Pro is not dishwasher safe; clean it with the Clean programme "
                  "and 500 ml of warm water."),
                U("Why not?")],
         target="Because the heating element is in the jar's base.",
         evidence={"vortan-b9-pro-blender": ["The glass jar is not dishwasher safe because of the heating element in "
                                             "its base."]},
         traps=["vortan-b7-blender", "vortan-b5-blender"]),
    dict(id="why-safety-gear-m8", kind="operator follow-up: why", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Explanation"], subject="Forma M8",
         turns=[U("My stand mixer's motor runs but the beater doesn't turn."),
                A("On the 2023 model of the Forma M8 Stand Mixer, that means the nylon safety gear broke; a service "
                  "centre replaces it in about 30 minutes."),
                U("Why would a mixer have a plastic gear in it?")],
         target="On purpose: if the dough is far too stiff, the nylon gear breaks before the motor is damaged. The "
                "2024 model has an all-metal gearbox and stops the motor electronically instead.",
         evidence={"forma-m8-stand-mixer": ["if the dough is far too stiff, this gear breaks before the motor is "
                                            "damaged"]},
         traps=["forma-m6-stand-mixer"]),
    dict(id="compare-toasters", kind="operator follow-up: compare, three turns", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Comparative"], subject=None,
         turns=[U("Which toasters do you have?"),
                A("Two: the Crema T2 Toaster, with two 36 mm slots and 900 W, and the Crema T4 Toaster, with four "
                  "38 mm slots in two independent pairs and 1800 W."),
                U("Which one is cheaper?"),
                A("The Crema T2: €37 in 2024, against €69 for the Crema T4."),
                U("What does the bigger one do that the small one doesn't?")],
         target="The Crema T4 has four slots in two independent pairs (each with its own lever and dial), a Bagel "
                "function, high-lift levers, wider 38 mm slots and two front crumb trays; the T2 has two 36 mm slots, "
                "Defrost, Reheat and Cancel, and no Bagel function.",
         evidence={"crema-t4-toaster": ["Bagel toasts the cut side of a bagel on the inner elements only"],
                   "crema-t2-toaster": ["for bagels, the Crema T4 has a Bagel function"]},
         traps=[]),
    dict(id="summarise-returns", kind="operator follow-up: summarise", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Summarization"], subject="Returns and Refunds",
         turns=[U("I changed my mind about a blender I ordered last week. Can I send it back?"),
                A("Yes. According to the Returns and Refunds page, anything bought on larkfield.example can be "
                  "returned within 30 days of delivery, for any reason, if it is complete with its accessories and "
                  "manuals."),
                U("Summarise the rest of that page for me.")],
         target="Returns of purchases made 15 November–31 December run to 31 January; used appliances may lose up to "
                "20 %; opened hygiene items cannot be returned; return shipping is free for faulty or wrong items, "
                "otherwise €6.95; large items are collected for €19.00; refunds within 10 working days to the "
                "payment method; no direct exchanges.",
         evidence={"returns-and-refunds": ["within 10 working days of the return arriving at our warehouse",
                                           "Otherwise €6.95 is deducted from the refund."]},
         traps=["warranty-policy"]),
    dict(id="compare-models-b9", kind="operator follow-up: compare two model years", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Comparative"], subject="Vortan B9 Pro",
         turns=[U("Has your soup blender changed recently?"),
                A("Yes: the Vortan B9 Pro Blender has a 2024 model (LK-B9-24), sold from February 2024, beside the "
                  "original 2023 model (LK-B9-23)."),
                U("What are the differences between the two?")],
         target="The 2024 model has a 2.0-litre jar (1.8), a 2000 W motor (1800 W), a 900 W heating element (800 W), "
                "10 programmes adding Nut Milk and Baby Food (8), soup in about 18 minutes (20), 78 dB (85 dB), and "
                "weighs 6.0 kg (6.3 kg); the jars do not fit the other model's base.",
         evidence={"vortan-b9-pro-blender": ["| Noise at full speed | 85 dB | 78 dB |",
                                             "Jars of the two models do not fit the other model's base."]},
         traps=["vortan-b7-blender"]),

    # ---------------------------------------------------------------- clarifications
    dict(id="clarify-keep-warm-k3", kind="clarification: wrong sibling's answer disputed", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="Brisa K3",
         turns=[U("Which kettle lets me set the temperature to the exact degree?"),
                A("The Brisa K3 Smart Kettle heats to any temperature between 40 and 100 °C in one-degree steps, set "
                  "with the dial or from the Larkfield Home app."),
                U("And how long does it keep the water warm?"),
                A("It keeps the water warm for 30 minutes, then switches off and beeps twice."),
                U("Are you sure? I thought that one could be adjusted.")],
         target="Right: the Brisa K3's keep-warm time is adjustable from 10 to 60 minutes in 10-minute steps (40 "
                "minutes when new); hold the dial for three seconds and turn it. The fixed 30 minutes is the Brisa "
                "K2's.",
         evidence={"brisa-k3-smart-kettle": ["To change the time, hold the dial for three seconds and turn it"]},
         traps=["brisa-k2-kettle", "brisa-k1-kettle"]),
    dict(id="clarify-delay-timer-r5", kind="clarification", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="Riso R5",
         turns=[U("Which rice cooker has a timer, so the rice is ready when I get home?"),
                A("The Riso R5 Rice Cooker has a delay timer that can be set up to 15 hours ahead."),
                U("Wait, is the time I set when it starts cooking, or when it's done?")],
         target="When it is done: you set the time at which you want the rice to be ready, not the time to start.",
         evidence={"riso-r5-rice-cooker": ["set the time at which you want the rice to be ready (not the time to start)"]},
         traps=["riso-r3-rice-cooker"]),
    dict(id="clarify-burrs-g60", kind="clarification: user corrects what was meant", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="Molina G60",
         turns=[U("Is anything on the flat-burr grinder covered for longer than two years?"),
                A("Yes: the Molina G60 Burr Grinder has two years from the date of purchase, and five years on the "
                  "motor."),
                U("I meant the burrs themselves, not the motor. Are they covered too?")],
         target="No: the burrs are wear parts and are not covered by the warranty.",
         evidence={"molina-g60-grinder": ["The burrs are wear parts and are not covered."],
                   "warranty-policy": ["Wear parts: grinder burrs, blender seal rings, filters, gaskets."]},
         traps=[]),
    dict(id="clarify-gasket-e1", kind="clarification: wrong sibling's answer disputed", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="Aurel E1",
         turns=[U("Water leaks around the portafilter of my espresso machine, the small one with the thermoblock."),
                A("On the Aurel E1, water leaking around the portafilter means the group gasket is worn or the rim of "
                  "the basket has grounds on it."),
                U("How much is a new gasket?"),
                A("The Aurel E2 group gasket and shower screen cost €9.50 in 2024."),
                U("That's not my machine though.")],
         target="For the Aurel E1, a group gasket costs €7.50 in 2024 (€7.00 in 2023).",
         evidence={"spare-parts-prices": ["| Aurel E1 group gasket | €7.00 | €7.50 |"]},
         traps=["aurel-e2-dual-boiler"]),

    # ---------------------------------------------------------------- a new question after a long conversation
    dict(id="new-question-toaster-after-k2", kind="new question after a long conversation",
         answerability="ANSWERABLE", multi_turn="N/A", question_type=["Factoid"], subject="toasters",
         turns=[U("Which of your kettles is made of glass?"),
                A("The Brisa K2 Kettle: a borosilicate glass jug on a stainless-steel base, with five temperature "
                  "presets."),
                U("How fast does it boil?"),
                A("The Brisa K2 boils one litre in about 2 minutes 30 seconds, with 3000 W."),
                U("And the light inside, what does it do?"),
                A("The light inside the jug changes colour with the preset: blue at 70 °C, through green and amber, "
                  "to red at 100 °C."),
                U("Which of your toasters has a function for bagels?")],
         target="The Crema T4 Toaster has a Bagel function on each pair of slots (the Crema T2 has none).",
         evidence={"crema-t4-toaster": ["Bagel toasts the cut side of a bagel on the inner elements only"],
                   "crema-t2-toaster": ["for bagels, the Crema T4 has a Bagel function"]},
         traps=["brisa-k2-kettle"]),
    dict(id="new-question-claim-after-g60", kind="new question after a long conversation",
         answerability="ANSWERABLE", multi_turn="N/A", question_type=["How-To"], subject="warranty claim",
         turns=[U("What's the biggest grinder you make?"),
                A("The Molina G60 Burr Grinder, with 60 mm flat burrs, a 400 g hopper and a 250 W motor."),
                U("How do I clean the burrs?"),
                A("Lift out the hopper, remove the three screws of the front plate and take out the front burr "
                  "carrier, then brush both burrs and the grinding chamber; never use water on the burrs."),
                U("How often?"),
                A("Every four weeks, more often with dark roasts."),
                U("How do I make a warranty claim for an appliance?")],
         target="Register the product (larkfield.example/register or the Larkfield Home app), open a claim on the "
                "Support page with the model code and a description of the fault; support answers within two "
                "working days and sends a part, books a courier collection or sends you to a service centre. Keep "
                "the receipt unless the product was bought from 2024 and registered within 30 days.",
         evidence={"warranty-policy": ["Open a claim on the Support page with the model code"]},
         traps=["molina-g60-grinder"]),
    dict(id="new-question-express-after-a6", kind="new question after a long conversation",
         answerability="ANSWERABLE", multi_turn="N/A", question_type=["Factoid"], subject="express delivery",
         turns=[U("Which air fryer works with your app?"),
                A("The Calda A6 Dual Air Fryer connects to the Larkfield Home app over 2.4 GHz Wi-Fi."),
                U("What can I do from the app?"),
                A("Start either basket, follow the time left and get a notification when food needs shaking; "
                  "starting from the app only works when a basket was put in within the last 10 minutes."),
                U("It keeps showing Err in the app."),
                A("\"Err\" in the app means the fryer is offline; pair it again as the Larkfield Home app page "
                  "describes."),
                U("How much does express delivery cost?")],
         target="€11.50 in 2024 (€9.95 in 2023), next working day if ordered by 14:00, only in Belgium, France, "
                "Germany, Luxembourg and the Netherlands.",
         evidence={"delivery-and-shipping": ["| Express | next working day if ordered by 14:00 | €9.95 | €11.50 |"]},
         traps=["calda-a6-dual-air-fryer", "home-app"]),
    dict(id="new-question-languages-after-e1", kind="new question after a long conversation",
         answerability="ANSWERABLE", multi_turn="N/A", question_type=["Factoid"], subject="customer support",
         turns=[U("How often should I descale my espresso machine? It's the Aurel E1."),
                A("In hard water, every 2 months or when the descale light comes on; every 3 months in medium water "
                  "and every 4 months in soft water."),
                U("What do I use?"),
                A("Larkfield Descaler or plain citric acid; not vinegar, which attacks the seals and leaves a taste."),
                U("And how do I start the descale programme?"),
                A("Dissolve one sachet in 1 litre of water in the tank, then hold the single-cup and steam buttons "
                  "together for five seconds until the descale light flashes."),
                U("Which languages does your customer support speak?")],
         target="English, Dutch, French and German.",
         evidence={"customer-support": ["in English, Dutch, French and German"]},
         traps=["descaling-guide", "aurel-e1-espresso-machine"]),

    # ---------------------------------------------------------------- a year or version the documents do not cover
    dict(id="price-2021-k1", kind="year or version not covered: year", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Brisa K1",
         turns=[U("What's the simplest kettle you make?"),
                A("The Brisa K1 Kettle: a plain brushed-steel jug that boils and switches itself off, with no "
                  "temperature settings or keep-warm."),
                U("What did it cost back in 2021?")],
         target="The documents give the Brisa K1's price for 2023 (€39) and 2024 (€42) only, not for 2021.",
         evidence={}, traps=["brisa-k1-kettle"]),
    dict(id="burr-price-2019-g40", kind="year or version not covered: year", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Molina G40",
         turns=[U("My grinder's grind has become uneven. It's the small conical one."),
                A("On the Molina G40, an uneven grind usually means worn burrs: Larkfield suggests a new burr set after "
                  "about 500 kg of coffee."),
                U("What did a burr set cost in 2019?")],
         target="The price list gives 2023 (€29.00) and 2024 (€32.00) only; earlier price lists are not kept.",
         evidence={}, traps=["spare-parts-prices"]),
    dict(id="firmware-1-7-e2", kind="year or version not covered: firmware version", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Summarization"], subject="Aurel E2",
         turns=[U("Which espresso machine gets firmware updates?"),
                A("The Aurel E2 Dual Boiler; firmware is installed from the Larkfield Home app or from a USB stick in "
                  "the service port behind the drip tray."),
                U("What did version 1.7 add?")],
         target="The release notes go up to version 1.6 (14 May 2024); they say nothing about a version 1.7.",
         evidence={}, traps=["aurel-e2-firmware-notes", "brisa-k3-firmware-notes"]),
    dict(id="delivery-2025", kind="year or version not covered: year", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="standard delivery",
         turns=[U("How much is standard delivery?"),
                A("Standard delivery takes 3–5 working days and costs €5.50 in 2024, free on orders over €60."),
                U("Will it be the same in 2025?")],
         target="The documents give the fees for 2023 and 2024 only; they say nothing about 2025.",
         evidence={}, traps=["delivery-and-shipping"]),
    dict(id="model-2022-m8", kind="year or version not covered: model year", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Forma M8",
         turns=[U("I need a big bowl-lift mixer."),
                A("The Forma M8 Stand Mixer has a 6.7-litre bowl and a 1500 W DC motor; there is a 2023 model and a "
                  "2024 model with an all-metal gearbox and a timer."),
                U("How heavy was the 2022 model?")],
         target="The documents describe only the 2023 model (11.2 kg) and the 2024 model (12.4 kg), nothing of a "
                "2022 model.",
         evidence={}, traps=["forma-m8-stand-mixer"]),
    dict(id="why-milk-porridge-r5", kind="why the documents do not say", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Explanation"], subject="Riso R5",
         turns=[U("What could make porridge for me in the morning?"),
                A("The Riso R5 Rice Cooker has a Porridge programme and a delay timer of up to 15 hours, but the "
                  "manual says not to use the delay timer with the Porridge programme if the porridge contains milk."),
                U("Why not with milk?")],
         target="The manual gives the rule but not the reason.",
         evidence={}, traps=["riso-r5-rice-cooker"]),

    # ---------------------------------------------------------------- partly answerable
    dict(id="partial-jug-k2", kind="partly answerable", answerability="PARTIAL",
         multi_turn="Follow-up", question_type=["Composite"], subject="Brisa K2",
         turns=[U("Which of your kettles has a glass jug?"),
                A("The Brisa K2 Kettle has a borosilicate glass jug on a stainless-steel base."),
                U("How much is a replacement jug, and does it come in blue glass?")],
         target="A Brisa K2 glass jug (without base) costs €26.50 in 2024 (€24.00 in 2023); the documents do not "
                "mention coloured glass.",
         evidence={"spare-parts-prices": ["| Brisa K2 glass jug (without base) | €24.00 | €26.50 |"]},
         traps=["brisa-k1-kettle", "brisa-k3-smart-kettle"]),
    dict(id="partial-mixer-riverside", kind="partly answerable", answerability="PARTIAL",
         multi_turn="Follow-up", question_type=["Composite"], subject="Riverside",
         turns=[U("Can I get my stand mixer repaired at Northgate?"),
                A("No: Northgate does not repair stand mixers or the Aurel E2; it can take them in and send them to "
                  "Riverside, which adds three working days."),
                U("How long does Riverside take for a mixer, and do they lend you one in the meantime?")],
         target="Riverside takes up to 10 working days for stand mixers; the documents say nothing about a loan "
                "mixer.",
         evidence={"service-centre-riverside": ["stand mixers and the Aurel E2 up to 10 working days"]},
         traps=["service-centre-northgate"]),

    # ---------------------------------------------------------------- a subject with no document
    dict(id="no-document-microwave", kind="subject with no document", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="microwave",
         turns=[U("Do you sell dishwashers?"),
                A("I could not find a dishwasher in the documents: they cover Larkfield's kettles, grinders, blenders, "
                  "rice cookers, toasters, stand mixers, espresso machines, air fryers, casseroles and a juicer."),
                U("What about a microwave? What wattage is yours?")],
         target="The documents describe no Larkfield microwave.",
         evidence={}, traps=[]),
    dict(id="no-document-brisa-k4", kind="subject with no document: sibling names", answerability="UNANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="Brisa K4",
         turns=[U("What's the capacity of the Brisa K4 kettle?")],
         target="The documents describe the Brisa K1, K2 and K3 kettles, not a Brisa K4.",
         evidence={}, traps=["brisa-k1-kettle", "brisa-k2-kettle", "brisa-k3-smart-kettle"]),
    dict(id="no-document-calda-a8", kind="subject with no document: after a sibling", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Calda A8",
         turns=[U("What's the basket size of your single-basket air fryer?"),
                A("The Calda A4 Air Fryer has a 4.0-litre non-stick basket with a removable crisping plate."),
                U("Is there a Calda A8 with a bigger basket? How big is it?")],
         target="The documents describe no Calda A8; the Larkfield air fryers are the Calda A4 (4 litres) and the "
                "Calda A6 (two 3-litre baskets).",
         evidence={}, traps=["calda-a4-air-fryer", "calda-a6-dual-air-fryer"]),

    # ---------------------------------------------------------------- truly ambiguous
    dict(id="ambiguous-burr-set-price", kind="ambiguous", answerability="UNDERSPECIFIED",
         multi_turn="N/A", question_type=["Factoid"], subject=None,
         turns=[U("How much does a Molina burr set cost?")],
         target="Which grinder is it for? A Molina G40 burr set costs €32.00 in 2024, a Molina G60 burr set €64.00.",
         evidence={"spare-parts-prices": ["| Molina G40 burr set | €29.00 | €32.00 |",
                                          "| Molina G60 burr set | €59.00 | €64.00 |"]},
         traps=[]),
    dict(id="ambiguous-keep-warm-k2-k3", kind="ambiguous: the assistant named two", answerability="UNDERSPECIFIED",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("Which of your kettles have temperature control?"),
                A("Two: the Brisa K2 Kettle has five presets from 70 to 100 °C, and the Brisa K3 Smart Kettle heats to "
                  "any temperature from 40 to 100 °C in one-degree steps."),
                U("How long does it keep the water warm?")],
         target="Which one do you mean? The Brisa K2 keeps it warm for a fixed 30 minutes; the Brisa K3 for 10 to 60 "
                "minutes (40 when new).",
         evidence={"brisa-k2-kettle": ["the kettle holds it there for 30 minutes"],
                   "brisa-k3-smart-kettle": ["adjustable from 10 to 60 minutes in 10-minute steps"]},
         traps=[]),
    dict(id="ambiguous-ferro-capacity", kind="ambiguous", answerability="UNDERSPECIFIED",
         multi_turn="N/A", question_type=["Factoid"], subject=None,
         turns=[U("What's the capacity of the Ferro casserole?")],
         target="Which size? The Ferro 24 holds 3.8 litres, the Ferro 28 6.7 litres.",
         evidence={"ferro-24-casserole": ["| Capacity | 3.8 litres |"], "ferro-28-casserole": ["| Capacity | 6.7 litres |"]},
         traps=[]),
    dict(id="ambiguous-service-hours", kind="ambiguous: the assistant named two", answerability="UNDERSPECIFIED",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("Where are your service centres?"),
                A("There are two: Northgate, at 14 Tanner Street, and Riverside, at 3 Quay Lane."),
                U("What are the opening hours?")],
         target="Which one? Northgate: Monday to Friday 9:00–17:30 and Saturday 10:00–14:00. Riverside: Tuesday to "
                "Saturday 8:30–18:00.",
         evidence={"service-centre-northgate": ["| Monday to Friday | 9:00–17:30 |"],
                   "service-centre-riverside": ["| Tuesday to Saturday | 8:30–18:00 |"]},
         traps=[]),
    dict(id="ambiguous-aurel-heat-up", kind="ambiguous", answerability="UNDERSPECIFIED",
         multi_turn="N/A", question_type=["Factoid"], subject=None,
         turns=[U("How long does the Aurel take to heat up?")],
         target="Which machine? The Aurel E1 heats up in about 45 seconds, the Aurel E2 Dual Boiler in about 12 "
                "minutes.",
         evidence={"aurel-e1-espresso-machine": ["| Heat-up time | about 45 seconds |"],
                   "aurel-e2-dual-boiler": ["| Heat-up time | about 12 minutes from cold to brewing and steaming |"]},
         traps=[]),

    # ---------------------------------------------------------------- first turns
    dict(id="first-turn-app-appliances", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="Larkfield Home app",
         turns=[U("Which Larkfield appliances can be controlled from the Larkfield Home app?")],
         target="The Brisa K3 Smart Kettle, the Aurel E2 Dual Boiler and the Calda A6 Dual Air Fryer; other "
                "appliances can be added only to register the warranty and keep the manual.",
         evidence={"home-app": ["Other Larkfield appliances can be added to the app to register their warranty"]},
         traps=[]),
    dict(id="first-turn-december-returns", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="returned",
         turns=[U("If I order a present on your website in mid-December, until when can it be returned?")],
         target="Until 31 January of the following year (products bought between 15 November and 31 December).",
         evidence={"returns-and-refunds": ["Products bought between 15 November and 31 December can be returned "
                                           "until 31 January of the following year."]},
         traps=[]),
    dict(id="first-turn-frozen-dessert-b7", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="Vortan B7",
         turns=[U("What does the Vortan B7's Frozen Dessert programme do?")],
         target="It runs for 50 seconds at low to medium speed and needs the tamper.",
         evidence={"vortan-b7-blender": ["Frozen Dessert runs for 50 seconds at low to medium speed and needs the "
                                         "tamper"]},
         traps=[]),
    dict(id="first-turn-descale-e1-hard", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="Aurel E1",
         turns=[U("How often should an Aurel E1 be descaled in a hard-water area?")],
         target="Every 2 months, or when the descale light comes on (after about 200 shots).",
         evidence={"descaling-guide": ["every 2 months, or when the descale light comes on"]},
         traps=[]),
]
