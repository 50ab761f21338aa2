"""The Harbourline suite's conversations (city ferries, bike share and passes), read by
../conversations/build.py.

Build from the repository root with
``python3 benchmarks/eval/conversations/build.py benchmarks/eval/conversations-harbourline``
(``--check`` writes nothing). The layout of a conversation is described in build.py.
"""

from build import A, U

COLLECTION = "harbourline"

CONVERSATIONS = [
    # ---------------------------------------------------------------- subject named by the assistant
    dict(id="route-sunday-last-f1", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="F1",
         turns=[U("I cycle to work across the harbour from the city centre. Is there a ferry I can take my bike on?"),
                A("Yes: route F1 crosses from Old Quay Terminal to Saltmarsh Steps in 8 minutes, and bikes travel "
                  "free, up to the vessel's bike racks."),
                U("what time's the last one on a sunday")],
         target="On Sundays and public holidays the last F1 sailing is at 22:00 (sailings every 20 minutes from "
                "08:00).",
         evidence={"ferry-route-f1": ["| Sundays and public holidays | 08:00 | 22:00 | every 20 minutes |"]},
         traps=["ferry-route-f3", "ferry-route-f2"]),
    dict(id="route-single-fare-f3", kind="subject named by the assistant: price year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="F3",
         turns=[U("I've just moved to Westbank and I need to get to the train station every morning. Is there a boat?"),
                A("Route F3 crosses from Westbank Jetty to Pennick Point Terminal, right beside the railway station, "
                  "in 12 minutes; on weekdays it runs every 15 minutes from 06:00."),
                U("How much is a single these days?")],
         target="An adult single on F3 costs £2.80 in 2025 (£2.60 in 2024); a child single £1.40.",
         evidence={"ferry-route-f3": ["| Adult single | £2.60 | £2.80 |"]},
         traps=["ferry-route-f1", "ferry-route-f4"]),
    dict(id="route-last-back-f2", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="F2",
         turns=[U("We fancy a day trip to one of the islands. Can we get to any by ferry?"),
                A("Route F2 runs from Old Quay Terminal to Gullhaven Island, calling at Fort Ness on the way; the "
                  "whole journey takes 35 minutes."),
                U("What's the latest we could come back on a Saturday?")],
         target="The last F2 sailing from Gullhaven on a Saturday (Monday to Saturday) leaves at 22:10.",
         evidence={"ferry-route-f2": ["| Monday to Saturday | 06:15 | 21:30 | 22:10 | every 45 minutes |"]},
         traps=["ferry-route-f4", "ferry-route-f1"]),
    dict(id="route-bikes-july-f4", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="F4",
         turns=[U("Is there a ferry to the beach in the summer?"),
                A("Yes: route F4 runs from Pennick Point Terminal to Brackley Sands from 1 May to 30 September, four "
                  "sailings a day, and takes 50 minutes."),
                U("Can we bring our bikes? We're going in the middle of July.")],
         target="No: bikes are not carried on F4 in July and August (the rest of the season they cost £3.00 each).",
         evidence={"ferry-route-f4": ["| Bikes | £3.00 per bike, not carried in July and August |"],
                   "luggage-bikes-and-dogs": ["| F4 | £3.00 | £3.00 | 24 racks; no bikes in July and August |"]},
         traps=["ferry-route-f2"]),
    dict(id="fort-ness-request-stop-f2", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["How-To"], subject="F2",
         turns=[U("Which ferry stops at the old fort?"),
                A("Route F2 calls at Fort Ness on its way between Old Quay Terminal and Gullhaven Island, 14 minutes "
                  "out of Old Quay."),
                U("We're going in January, anything we should know about getting off there?")],
         target="From November to February Fort Ness is a request stop: tell the crew when you board that you want "
                "to get off there, and stand by the flag on the landing to be picked up.",
         evidence={"ferry-route-f2": ["Fort Ness is a request stop from November to February: tell the crew when "
                                      "you board if you want to get off there"]},
         traps=["ferry-route-f1", "ferry-route-f4"]),
    dict(id="toilets-tern", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Tern class",
         turns=[U("Which boats do the Westbank crossing?"),
                A("Route F3 is worked by the Tern class vessels, usually Sooty Tern and Roseate Tern."),
                U("My dad needs the loo a lot. Is there a toilet on board?")],
         target="No: Tern class vessels have no toilets, because the crossings are short; the terminals at Old Quay "
                "and Pennick Point have them.",
         evidence={"tern-class-vessels": ["| Toilets | none |",
                                          "Because crossings are short, Tern class vessels have no toilets and no café"]},
         traps=["kestrel-class-vessels"]),
    dict(id="cafe-hours-kestrel", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Kestrel",
         turns=[U("Can you get a coffee on the boat to Gullhaven?"),
                A("Yes: F2 is worked by the Kestrel class vessels, which have the Deck Café on board, serving hot "
                  "drinks, sandwiches and ice cream."),
                U("until what time?")],
         target="On F2 the Deck Café is open from 07:00 to 19:00 (and for every F4 sailing). It takes cards and "
                "phones only.",
         evidence={"kestrel-class-vessels": ["It is open from 07:00 to 19:00 on F2 and for every F4 sailing."]},
         traps=["tern-class-vessels"]),
    dict(id="per-minute-classic", kind="subject named by the assistant: price year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="classic",
         turns=[U("My son has just turned 16 and wants to use the city hire bikes. Which ones is he allowed?"),
                A("At 16 he can hire the classic bikes: sturdy three-gear bikes without a motor, from any of the 52 "
                  "docks. The e-bikes need riders aged 18 or over."),
                U("What would he pay per minute?")],
         target="6p a minute in 2025 (5p in 2024), on top of an unlock fee of £1.20 (£1.00 in 2024).",
         evidence={"bike-share-classic-bikes": ["| Riding, per minute | 5p | 6p |"]},
         traps=["bike-share-e-bikes"]),
    dict(id="basket-classic-not-e-bike", kind="subject named by the assistant: sibling excluded",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="classic",
         turns=[U("I'd like to ride one of your hire bikes down to Old Quay and take it over to Gullhaven with me. "
                  "Which one am I allowed to take on that boat?"),
                A("Only a classic bike: Harbourline Bikes e-bikes are not allowed on F2 or F4. A classic bike pays "
                  "the F2 bike fare like any other bike."),
                U("How much shopping can I put in its basket?")],
         target="The classic bike's front basket takes up to 5 kg.",
         evidence={"bike-share-classic-bikes": ["| Basket | front basket, up to 5 kg |"]},
         traps=["bike-share-e-bikes"]),
    dict(id="range-e-bike", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="e-bike",
         turns=[U("I want to cycle up to the villages on the hill above Pennick Point but I'm not very fit."),
                A("The Harbourline Bikes e-bikes would suit you: they are pedal-assisted up to 25 km/h with three "
                  "levels of assistance; look for the teal frames."),
                U("How far will one go before the battery's flat?")],
         target="About 60 km on a full battery at the middle level of assistance. If it runs out, the bike works "
                "without assistance and the rest of the ride is charged at the classic price.",
         evidence={"bike-share-e-bikes": ["| Range | about 60 km on a full battery at the middle level |"]},
         traps=["bike-share-classic-bikes"]),
    dict(id="validity-day-pass", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Day Pass",
         turns=[U("We're in town for the day and want to hop on and off the ferries. What ticket is best?"),
                A("The Harbourline Day Pass gives unlimited travel on routes F1, F2 and F3 for one day; in 2025 an "
                  "adult pass costs £8.00."),
                U("If I start it at 3 in the afternoon, can I still use it at lunchtime the next day?")],
         target="No: a Day Pass is valid from activation until 04:00 the next morning, not for 24 hours.",
         evidence={"day-pass": ["A Day Pass is valid from the moment it is activated until 04:00 the next morning, "
                                "not for 24 hours."]},
         traps=["month-pass", "year-pass"]),
    dict(id="refund-month-pass", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Month Pass",
         turns=[U("I take the Saltmarsh ferry to work every weekday. Is there anything cheaper than paying each time?"),
                A("The Harbourline Month Pass gives 30 days of unlimited travel on F1, F2 and F3, and cost £66.00 for "
                  "an adult in 2025."),
                U("If I change jobs halfway through, do I get some of the money back?")],
         target="Yes: a pass in use is refunded for the whole days left, at one thirtieth of its price a day, less a "
                "£10 administration fee; ask within the pass's 30 days.",
         evidence={"month-pass": ["A pass in use is refunded for the whole days left, at one thirtieth of its price a "
                                  "day, less a £10 administration fee"]},
         traps=["year-pass", "day-pass"]),
    dict(id="student-price-month-pass", kind="subject named by the assistant: price year",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="Month Pass",
         turns=[U("I'm 24 but still a full-time student. Do I get any discount on the ferries?"),
                A("Yes: full-time students of any age get 25% off the Month Pass and the Year Pass with a student Tide "
                  "card. There is no student discount on single tickets."),
                U("so what would the monthly one cost me")],
         target="The Student Month Pass costs £49.50 in 2025 (£46.50 in 2024).",
         evidence={"month-pass": ["| Student Month Pass | £46.50 | £49.50 |"]},
         traps=["year-pass"]),
    dict(id="beach-ferry-year-pass", kind="subject named by the assistant: three turns", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Year Pass",
         turns=[U("What's the best pass if I'm on the ferries pretty much every day of the year?"),
                A("The Harbourline Year Pass: unlimited travel on every route for 365 days; £620 for an adult in 2025 "
                  "if paid at once."),
                U("Can I spread the cost?"),
                A("Yes, in 12 monthly payments of £55.00 (2025), by direct debit from a UK bank account."),
                U("Does it get me on the Brackley Sands boat without paying extra?")],
         target="Yes: the Year Pass covers F4 with unlimited travel and no supplement, and seat reservations are free.",
         evidence={"year-pass": ["| Ferry route F4 | unlimited travel, no supplement; seat reservations free |"],
                   "ferry-route-f4": ["A year pass covers F4 with no supplement."]},
         traps=["month-pass", "day-pass"]),
    dict(id="card-fee-2024-tide", kind="subject named by the assistant: price year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Tide card",
         turns=[U("What's the plastic card people tap on the reader when they get on the ferry?"),
                A("That's the Tide card, Harbourline's contactless smartcard: it holds pay-as-you-go credit, passes "
                  "and concessions, and unlocks the hire bikes."),
                U("How much was it to buy one in 2024?")],
         target="The card fee was £3.00 in 2024 (£4.00 in 2025); concession cards are free.",
         evidence={"tide-card": ["| Card fee | £3.00 | £4.00 |"]},
         traps=["go-app"]),
    dict(id="lockers-old-quay", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Old Quay",
         turns=[U("Where do the Gullhaven ferries go from?"),
                A("From Old Quay Terminal at 1 Harbour Row, berth B; route F1 to Saltmarsh Steps leaves from the same "
                  "terminal."),
                U("Can I leave a suitcase there for the afternoon?")],
         target="Yes: the terminal has left-luggage lockers, £4.00 for up to 4 hours or £6.00 for the day, paid by "
                "card.",
         evidence={"old-quay-terminal": ["Left-luggage lockers: £4.00 for up to 4 hours, £6.00 for the day (until "
                                         "the building closes), by card."]},
         traps=["pennick-point-terminal"]),
    dict(id="parking-pennick-point", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Pennick Point",
         turns=[U("I'm driving in to catch the F3. Which terminal is that?"),
                A("F3 leaves from Pennick Point Terminal, berth 1, at 40 Pennick Road beside the railway station."),
                U("How much to park there all day?")],
         target="£7.00 in 2025 (£6.00 in 2024) for the day, until midnight; Blue Badge holders park free.",
         evidence={"pennick-point-terminal": ["| All day (until midnight) | £6.00 | £7.00 |"]},
         traps=["old-quay-terminal"]),
    dict(id="phone-kept-lost-property", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="lost property office",
         turns=[U("I left my phone on the ferry last night. Who do I contact?"),
                A("The lost property office at Old Quay Terminal keeps everything found on the ferries; report the "
                  "phone with the lost property form in the Harbourline Go app or call 01632 960 412."),
                U("How long will they hang on to it?")],
         target="Phones, tablets and laptops are kept for 60 days.",
         evidence={"lost-property": ["| Phones, tablets and laptops | 60 days, wiped of personal data only by court "
                                     "order |"]},
         traps=[]),

    # ---------------------------------------------------------------- operator follow-ups
    dict(id="compare-bikes-month-pass", kind="operator follow-up: compare the two", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Comparative"], subject="Month Pass",
         turns=[U("What kinds of bike can I hire from the docks?"),
                A("Two: the classic bikes, three-gear bikes without a motor, and the e-bikes, pedal-assisted up to "
                  "25 km/h, with teal frames."),
                U("Compare what each would cost me if I had a Month Pass.")],
         target="With a Month Pass a classic bike has no unlock fee and the first 30 minutes of every ride free; an "
                "e-bike still costs the £1.50 unlock fee and has no free minutes, but its per-minute price is halved.",
         evidence={"month-pass": ["| Classic bikes | no unlock fee; the first 30 minutes of each ride free, as many "
                                  "rides as you like |"],
                   "bike-share-classic-bikes": ["| Month pass holders | first 30 minutes of each ride free |"],
                   "bike-share-e-bikes": ["There are no free minutes on an e-bike with any pass. Month and year pass "
                                          "holders still pay the unlock fee."]},
         traps=["day-pass"]),
    dict(id="compare-passes-beach-ferry", kind="operator follow-up: compare the two", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Comparative"], subject=None,
         turns=[U("What passes do you do for people who travel regularly?"),
                A("The Month Pass, for 30 days, and the Year Pass, for 365 days; both give unlimited travel on F1, F2 "
                  "and F3."),
                U("What's the difference between them for the beach ferry?")],
         target="Month Pass holders pay a £3.00 supplement per F4 journey; the Year Pass covers F4 with no "
                "supplement and free seat reservations, and also covers the holder's own bike on F4.",
         evidence={"month-pass": ["| Ferry route F4 | £3.00 supplement per journey |"],
                   "year-pass": ["| Ferry route F4 | unlimited travel, no supplement; seat reservations free |"],
                   "ferry-route-f4": ["F4 is not covered by a day pass or a month pass: their holders pay a £3.00 "
                                      "supplement per journey. A year pass covers F4 with no supplement."]},
         traps=[]),
    dict(id="summarise-access-kestrel", kind="operator follow-up: summarise", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Summarization"], subject="Kestrel",
         turns=[U("My mum uses a wheelchair. Which of your boats would be most comfortable for her on a longer trip?"),
                A("The Kestrel class vessels on F2 and F4: four wheelchair spaces with fold-down companion seats and "
                  "a step-free lower saloon."),
                U("Can you sum up what else is on board that would help her?")],
         target="An accessible toilet on the lower deck, a platform lift beside the café up to the upper saloon, a "
                "hearing loop in the lower saloon and at the café counter, and audio and screen announcements.",
         evidence={"kestrel-class-vessels": ["| Toilets | 2, one of them accessible, on the lower deck |",
                                             "| Hearing loop | yes, in the lower saloon and at the café counter |",
                                             "reached by stairs or by a platform lift beside the café"],
                   "accessibility": ["| Accessible toilet | no | yes |", "| Hearing loop | no | yes |"]},
         traps=["tern-class-vessels"]),
    dict(id="why-no-e-scooters", kind="operator follow-up: why", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Explanation"], subject="e-scooter",
         turns=[U("Can I bring my electric scooter on the Saltmarsh ferry?"),
                A("No: privately owned e-scooters and hoverboards are not carried on any Harbourline route, folded or "
                  "not."),
                U("Why not?")],
         target="Because of the fire risk from their batteries.",
         evidence={"luggage-bikes-and-dogs": ["because of the fire risk from their batteries"]},
         traps=[]),
    dict(id="what-instead-f3-suspended", kind="operator follow-up: what to do instead", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["How-To"], subject="F3",
         turns=[U("The app says the Westbank ferry is suspended this morning, but it's hardly windy at all. Why?"),
                A("F3 also stops when the swell at the estuary mouth is above 1.5 metres, even when the wind is below "
                  "the 28-knot limit of its Tern class vessels."),
                U("So how am I supposed to get across?")],
         target="A replacement bus runs by road from Pennick Point to Westbank every 30 minutes while F3 is "
                "suspended; it takes about 40 minutes and F3 tickets and passes are valid on it.",
         evidence={"ferry-route-f3": ["a replacement bus runs from Pennick Point to Westbank by road every 30 minutes"],
                   "disruptions-and-refunds": ["use a replacement bus where there is one (F3 only)"]},
         traps=["ferry-route-f2", "ferry-route-f1"]),

    # ---------------------------------------------------------------- clarifications
    dict(id="clarify-sunday-f3", kind="clarification: wrong sibling's answer disputed", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="Westbank",
         turns=[U("How often does the ferry go on Sundays?"),
                A("On Sundays and public holidays F1 runs every 20 minutes between 08:00 and 22:00."),
                U("No, I meant the one over to Westbank.")],
         target="F3 to Westbank runs every 30 minutes on Sundays and public holidays, from 07:30 to 21:30.",
         evidence={"ferry-route-f3": ["| Sundays and public holidays | 07:30 | 21:30 | every 30 minutes |"]},
         traps=["ferry-route-f1"]),
    dict(id="clarify-unlock-e-bike", kind="clarification: user corrects what was meant", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="electric",
         turns=[U("How much is the unlock fee on the hire bikes?"),
                A("Unlocking a classic bike costs £1.20 in 2025 (£1.00 in 2024); pass holders pay no unlock fee for a "
                  "classic bike."),
                U("Sorry, should have said, I meant the electric ones.")],
         target="An e-bike's unlock fee is £1.50 (in 2024 and 2025). Day Pass holders have it waived; Month and Year "
                "Pass holders still pay it.",
         evidence={"bike-share-e-bikes": ["| Unlock fee | £1.50 | £1.50 |"]},
         traps=["bike-share-classic-bikes"]),
    dict(id="clarify-child-under-five", kind="clarification", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="under 5",
         turns=[U("How much does a child pay on the Gullhaven ferry?"),
                A("A child aged 5 to 15 pays £2.90 for a single on F2 in 2025, to any stop."),
                U("She's only four.")],
         target="Then she travels free: children under 5 are free, up to three with each paying adult.",
         evidence={"concessions": ["| Under 5 | free, up to three with each paying adult | free |"]},
         traps=["ferry-route-f2"]),

    # ---------------------------------------------------------------- a new question after a long conversation
    dict(id="new-question-assistance-after-f4", kind="new question after a long conversation",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["How-To"], subject="assistance",
         turns=[U("What time is the first boat to Brackley Sands?"),
                A("Route F4 leaves Pennick Point Terminal at 09:00, 11:30, 14:00 and 16:30 from 1 May to 30 "
                  "September; the first back from Brackley Sands is at 10:15."),
                U("Is it worth reserving seats?"),
                A("On sunny weekends, yes: seats can be reserved in the Harbourline Go app up to 14 days ahead, for "
                  "£1.50 in 2025, and half the seats on every sailing are kept for passengers without a reservation."),
                U("Anything to eat at the beach end?"),
                A("There is a kiosk and toilets on the north pier at Brackley Sands, open when F4 runs."),
                U("Who do I ring to arrange for someone to help my father from the terminal entrance onto the boat?")],
         target="Book assistance until 18:00 the day before, by phone on 01632 960 455, in the Harbourline Go app or "
                "at a ticket office; it is free.",
         evidence={"accessibility": ["can be booked until 18:00 the day before, by phone on 01632 960 455"]},
         traps=["ferry-route-f4"]),
    dict(id="new-question-lost-property-after-tide", kind="new question after a long conversation",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="lost property",
         turns=[U("How do I top up my Tide card?"),
                A("In the Harbourline Go app, at a ticket machine or at a ticket office; the smallest top-up is £5."),
                U("Is there a maximum it can hold?"),
                A("Yes, a card holds up to £100."),
                U("And if I lose it?"),
                A("If the card is registered, it can be stopped and its credit and passes moved to a new card, for "
                  "£2.00; an unregistered card cannot."),
                U("Right. Where would I go to check whether anyone has handed in my gloves? I left them on the boat "
                  "this morning.")],
         target="The lost property office at Old Quay Terminal, on the ground floor beside the left-luggage lockers, "
                "open Monday to Friday 10:00–16:00 (phone 01632 960 412), or the lost property form in the app.",
         evidence={"lost-property": ["| Where | Old Quay Terminal, ground floor, beside the left-luggage lockers |"],
                   "old-quay-terminal": ["| Lost property office | Monday to Friday 10:00–16:00 |"]},
         traps=["tide-card"]),
    dict(id="new-question-water-taxi-after-e-bikes", kind="new question after a long conversation",
         answerability="UNANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="water taxi",
         turns=[U("Can I reserve an e-bike before I get to the dock?"),
                A("Yes: in the Harbourline Go app an e-bike can be reserved for 10 minutes, free of charge, twice a "
                  "day."),
                U("What if the battery dies halfway?"),
                A("The bike then works as a seven-gear bike without assistance, and the rest of the ride is charged "
                  "at the classic per-minute price."),
                U("Do you also do a water taxi I could book for a private group?")],
         target="The documents describe no Harbourline water taxi or private hire.",
         evidence={}, traps=[]),

    # ---------------------------------------------------------------- a year or version the documents do not give
    dict(id="year-not-covered-f4-next-year", kind="year or version not covered: year", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="F4",
         turns=[U("How much is a single on the beach boat?"),
                A("An adult single on F4 costs £8.50 in 2025 (£7.90 in 2024)."),
                U("Any idea what it'll be next year?")],
         target="The documents give F4 fares for 2024 and 2025 only.",
         evidence={}, traps=["ferry-route-f4"]),
    dict(id="year-not-covered-year-pass-2023", kind="year or version not covered: year", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Year Pass",
         turns=[U("I'm going through my old bank statements. Which of your passes lasts a whole year?"),
                A("The Harbourline Year Pass: in 2025 it cost £620 for an adult paid at once, or 12 monthly payments "
                  "of £55.00."),
                U("What did it cost in 2023?")],
         target="The documents give the Year Pass prices for 2024 and 2025 only.",
         evidence={}, traps=["year-pass", "month-pass"]),
    dict(id="version-not-covered-app", kind="year or version not covered: app version", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Harbourline Go",
         turns=[U("Can I reserve seats on the beach ferry from my phone?"),
                A("Yes: version 4 of the Harbourline Go app, released in March 2025, added F4 seat reservations; "
                  "before it they could be reserved only by phone."),
                U("What came in version 5?")],
         target="The documents describe the app up to version 4; they say nothing of a version 5.",
         evidence={}, traps=["go-app"]),
    dict(id="year-not-covered-parking-2023", kind="year or version not covered: year", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Pennick Point",
         turns=[U("I drove to the F4 a couple of summers ago and parked at the terminal."),
                A("F4 leaves from Pennick Point Terminal, which has its own car park with 140 spaces."),
                U("What was the all-day charge in 2023? I need it for an expenses claim.")],
         target="The documents give the car park's charges for 2024 and 2025 only.",
         evidence={}, traps=["pennick-point-terminal"]),

    # ---------------------------------------------------------------- why the documents do not say
    dict(id="why-not-said-kayaks", kind="why the documents do not say", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Explanation"], subject="Kayaks",
         turns=[U("Can I bring a surfboard on the F2?"),
                A("Yes: surfboards and paddleboards are carried on F2 for £2.00 each, and on F4 for £3.00."),
                U("And my kayak?"),
                A("Kayaks and canoes are not carried on any route."),
                U("How come?")],
         target="The documents give the rule without a reason.",
         evidence={}, traps=[]),

    # ---------------------------------------------------------------- a subject with no document
    dict(id="no-document-route-f5", kind="subject with no document: sibling names", answerability="UNANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="F5",
         turns=[U("what's the timetable for the F5 ferry")],
         target="The documents describe routes F1 to F4, not an F5.",
         evidence={}, traps=["ferry-route-f1", "ferry-route-f2", "ferry-route-f3", "ferry-route-f4"]),
    dict(id="no-document-osprey-class", kind="subject with no document: after a sibling", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Osprey",
         turns=[U("Which boats run the Gullhaven route?"),
                A("The Kestrel class vessels: Kestrel and Merlin, with Hobby joining them in winter."),
                U("And the Osprey class, how many passengers does that take?")],
         target="The documents describe no Osprey class; Harbourline's vessels are the Tern class and the Kestrel "
                "class.",
         evidence={}, traps=["kestrel-class-vessels", "tern-class-vessels"]),

    # ---------------------------------------------------------------- truly ambiguous
    dict(id="ambiguous-wheelchair-spaces", kind="ambiguous", answerability="UNDERSPECIFIED",
         multi_turn="N/A", question_type=["Factoid"], subject=None,
         turns=[U("How many wheelchair spaces are there on the ferry?")],
         target="Which ferry? Tern class vessels (F1, F3) have 2 wheelchair spaces, Kestrel class vessels (F2, F4) 4.",
         evidence={"tern-class-vessels": ["| Wheelchair spaces | 2, in the saloon beside the doors |"],
                   "kestrel-class-vessels": ["| Wheelchair spaces | 4, in the lower saloon, with fold-down companion "
                                             "seats |"],
                   "accessibility": ["| Wheelchair spaces | 2 | 4 |"]},
         traps=[]),
    dict(id="ambiguous-single-from-pennick", kind="ambiguous", answerability="UNDERSPECIFIED",
         multi_turn="N/A", question_type=["Factoid"], subject=None,
         turns=[U("How much is an adult single from Pennick Point?")],
         target="To where? To Westbank (F3) £2.80 in 2025; to Brackley Sands (F4) £8.50 in 2025.",
         evidence={"ferry-route-f3": ["| Adult single | £2.60 | £2.80 |"],
                   "ferry-route-f4": ["| Adult single | £7.90 | £8.50 |"]},
         traps=[]),
    dict(id="ambiguous-ride-length", kind="ambiguous: the assistant named two", answerability="UNDERSPECIFIED",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("Which of the hire bikes can I take on the Westbank ferry?"),
                A("Both kinds: Harbourline Bikes' classic bikes and e-bikes are carried on F1 and F3."),
                U("How long can I keep one out for?")],
         target="Which one? A classic bike ride may last up to 24 hours, an e-bike ride up to 12 hours.",
         evidence={"bike-share-classic-bikes": ["A ride may last up to 24 hours."],
                   "bike-share-e-bikes": ["A ride may last up to 12 hours."]},
         traps=[]),
    dict(id="ambiguous-sunday-ticket-office", kind="ambiguous: the assistant named two", answerability="UNDERSPECIFIED",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("Where are your terminals?"),
                A("There are two: Old Quay Terminal at 1 Harbour Row, for F1 and F2, and Pennick Point Terminal at "
                  "40 Pennick Road, for F3 and F4."),
                U("When's the ticket office open on a Sunday?")],
         target="Which terminal? Old Quay's is open 08:00–18:00 on Sundays; Pennick Point's 07:00–19:00 from April "
                "to October and closed on Sundays from November to March.",
         evidence={"old-quay-terminal": ["| Ticket office | Monday to Saturday 06:00–20:00, Sunday 08:00–18:00 |"],
                   "pennick-point-terminal": ["| Ticket office | 07:00–19:00 every day from April to October; Monday to "
                                              "Saturday 07:00–17:00 from November to March, closed on Sundays |"]},
         traps=[]),

    # ---------------------------------------------------------------- partly answerable
    dict(id="partial-dog-fare-muzzle", kind="partly answerable", answerability="PARTIAL",
         multi_turn="Follow-up", question_type=["Composite"], subject="dog",
         turns=[U("We're taking our dog on the ferry to Gullhaven."),
                A("Dogs are welcome on F2 on a short lead; they may not go in the Deck Café area."),
                U("How much is its ticket, and does it have to wear a muzzle?")],
         target="A dog costs £1.00 on F2; the documents do not say whether a muzzle is needed.",
         evidence={"luggage-bikes-and-dogs": ["| F2, F4 | £1.00 per dog | on a short lead; not in the Deck Café "
                                              "area |"],
                   "ferry-route-f2": ["| Dogs | £1.00 per dog |"]},
         traps=[]),
    dict(id="partial-helmet-child-seat", kind="partly answerable", answerability="PARTIAL",
         multi_turn="Follow-up", question_type=["Composite"], subject="e-bike",
         turns=[U("Which hire bike is best for a long ride along the coast?"),
                A("The e-bikes: pedal assistance up to 25 km/h and about 60 km on a full battery."),
                U("Do I need a helmet, and can I put my toddler in a child seat on one?")],
         target="A helmet is not required by law but is recommended; the documents say nothing about child seats.",
         evidence={"bike-share-e-bikes": ["Helmets are not required by law but are recommended."]},
         traps=["bike-share-classic-bikes"]),

    # ---------------------------------------------------------------- first turns
    dict(id="first-turn-claim-deadline", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="refund",
         turns=[U("How long have I got to claim a refund for a late ferry?")],
         target="28 days from the journey, in the app, with the online form or at a ticket office.",
         evidence={"disruptions-and-refunds": ["Claim within 28 days of the journey"]},
         traps=[]),
    dict(id="first-turn-25-minutes-late", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="late",
         turns=[U("My ferry on Tuesday got in 25 minutes late. Do I get anything back?")],
         target="Yes: since 1 March 2025 a delay of 20 to 29 minutes is compensated with 50% of the single fare "
                "(before that date it earned nothing).",
         evidence={"disruptions-and-refunds": ["| 20 to 29 minutes | 50% of the single fare | nothing |"]},
         traps=[]),
    dict(id="first-turn-senior-card-time", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="Senior Card",
         turns=[U("With the Senior Card, is the Saltmarsh ferry free from 9 or from half past 9 on weekdays?")],
         target="From 09:30 on weekdays (and all day at weekends); it was 09:00 before 1 April 2025.",
         evidence={"concessions": ["free after 09:30 on weekdays and all day at weekends"]},
         traps=[]),
]
