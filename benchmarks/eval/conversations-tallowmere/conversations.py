"""The Tallowmere suite's conversations (a regional parks authority: campgrounds, passes, permits,
trails, boats), read by ../conversations/build.py.

Build from the repository root with
``python3 benchmarks/eval/conversations/build.py benchmarks/eval/conversations-tallowmere``
(``--check`` writes nothing). The layout of a conversation is described in build.py.
"""

from build import A, U

COLLECTION = "tallowmere"

CONVERSATIONS = [
    # ---------------------------------------------------------------- subject named by the assistant
    dict(id="book-ahead-owlsfoot", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Owlsfoot",
         turns=[U("We've only got a little two person tent and we want somewhere quiet in the trees, no RV "
                  "generators. Where would you send us?"),
                A("Owlsfoot Campground: 24 walk-in tent sites in the old cedar forest at the foot of Scarrow Ridge, "
                  "tents only, with quiet hours from 21:00."),
                U("can we book a site ahead of time?")],
         target="No: Owlsfoot takes no reservations. Sites are first come, first served, with self-registration at "
                "the kiosk in the car park; in July and August they are often all taken by Friday afternoon.",
         evidence={"campground-owlsfoot": ["| Reservations | none: first come, first served, with self-registration "
                                           "at the kiosk |"],
                   "reservations-and-cancellations": ["Owlsfoot cannot be booked (it is first come, first served)"]},
         traps=["campground-birchwater", "campground-cinder-flats"]),
    dict(id="price-equestrian-site", kind="subject named by the assistant: price year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Cinder Flats",
         turns=[U("My daughter and I would love to camp with our two horses for a few nights. Is that possible "
                  "anywhere in the parks?"),
                A("Yes: Cinder Flats Campground has six equestrian sites, each with a corral for two horses, a "
                  "hitching rail and a manure bin, beside the start of the Tallow River bridle path."),
                U("What do they charge a night for one of those?")],
         target="An equestrian site, with one corral included, costs $44 a night in 2026 ($40 in 2025); an extra "
                "corral is $15 a night in 2026.",
         evidence={"campground-cinder-flats": ["| Equestrian site, one corral included | $40 | $44 |"]},
         traps=["campground-birchwater", "campground-greyling-point"]),
    dict(id="dump-station-cinder-flats", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Cinder Flats",
         turns=[U("We've got a 13 metre motorhome. Which campground can actually fit it?"),
                A("Cinder Flats Campground takes RVs up to 14 m, and 40 of its sites have electricity and water."),
                U("Is there somewhere to empty the tanks, and do we pay for it?")],
         target="Yes: Cinder Flats has a dump station, free for Cinder Flats campers ($6 a use for visitors).",
         evidence={"campground-cinder-flats": ["| Dump station | $6 a use for visitors, free for Cinder Flats "
                                               "campers |"]},
         traps=["campground-birchwater"]),
    dict(id="group-leader-greyling-point", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Greyling Point",
         turns=[U("I'm organising a family reunion next summer, about 45 of us with lots of little cousins. "
                  "Anywhere we could all camp together?"),
                A("Yes: the Larch site at Greyling Point Group Campground takes up to 60 people, with 16 tent pads "
                  "and two cook shelters with sinks, power and a fridge."),
                U("Are there any rules about adults? About 20 of the cousins are under 10")],
         target="The group needs one named leader aged 21 or over who stays on site for the whole booking, and "
                "one adult for every eight children under 12: at least three adults for 20 young cousins.",
         evidence={"campground-greyling-point": ["Every group needs one named leader aged 21 or over who stays on "
                                                 "site for the whole booking.",
                                                 "Groups of children need one adult for every eight children "
                                                 "under 12."]},
         traps=[]),
    dict(id="start-date-annual-pass", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Annual Pass",
         turns=[U("I want to get my dad a parks pass for his birthday. He walks up there all year round, even "
                  "in the snow."),
                A("The Annual Pass would suit him: it covers one vehicle for twelve months, any day of the year; "
                  "$105 in 2026, or $66 if he is 65 or over."),
                U("His birthday isn't till March. If I buy it now does the year start counting straight away?")],
         target="No: the twelve months run from the first day the pass is used, not from the date it is bought. "
                "A pass not activated within 12 months of purchase starts on the first anniversary of the purchase.",
         evidence={"annual-pass": ["The twelve months run from the first day the pass is used, not from the date it "
                                   "is bought"]},
         traps=["season-pass", "day-pass"]),
    dict(id="shuttle-fare-fennick", kind="subject named by the assistant: price year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Fennick",
         turns=[U("Which waterfall walk would you recommend for a half day?"),
                A("The Fennick Falls Trail: 8.4 km there and back, about 3 hours, to the viewpoint over Fennick "
                  "Falls, which drop 34 m into a green pool."),
                U("I heard the parking fills up really early. Is there a bus, and what does it cost?")],
         target="Yes: on Saturdays and Sundays in July and August a shuttle runs from the Marrow Gate Visitor "
                "Centre every 30 minutes from 08:00 (last bus back 17:30). In 2026 it costs $5 each way for an "
                "adult ($4 in 2025), $2.50 for a child aged 6 to 15, free under 6.",
         evidence={"trail-fennick-falls": ["| Adult | $4 | $5 |"]},
         traps=["trail-heronsway", "trail-scarrow-ridge"]),
    dict(id="dogs-scarrow-ridge", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Scarrow",
         turns=[U("what's the hardest day hike you've got? want to actually get to a summit"),
                A("The Scarrow Ridge Trail: a 14.6 km loop from Owlsfoot Campground with 820 m of climbing to "
                  "Scarrow Cairn, the highest point in the parks at 1,912 m."),
                U("Can my dog come? She's a strong hiker.")],
         target="Only part of the way: dogs are not allowed beyond the Saddle junction at km 4.2.",
         evidence={"trail-scarrow-ridge": ["| Dogs | not beyond the Saddle junction (km 4.2) |"],
                   "pets": ["| Scarrow Ridge Trail | not beyond the Saddle junction |"]},
         traps=["trail-fennick-falls", "trail-heronsway"]),
    dict(id="bird-walk-price-two-turns", kind="subject named by the assistant: two turns on, price year",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="bird walk",
         turns=[U("Where's the best place to see the herons?"),
                A("The Heron Hide on the Heronsway Trail, a roofed viewing platform over the reed beds of the north "
                  "bay, 2.1 km from the visitor centre along a step-free boardwalk."),
                U("Does anyone take people round?"),
                A("Yes: a ranger leads a 90-minute bird walk on the Heronsway every Sunday at 08:00 from April to "
                  "October, starting from the visitor centre terrace."),
                U("How much does it cost? There'd be me and my two kids, 8 and 13.")],
         target="In 2026 it costs $9 a person ($8 in 2025), free for children under 12 and for Annual Pass "
                "holders and their guests: $18 for you and your 13-year-old, the 8-year-old free.",
         evidence={"trail-heronsway": ["It costs $8 a person in 2025 and $9 in 2026, free for children under 12"]},
         traps=["trail-scarrow-ridge"]),
    dict(id="food-upper-tallow", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Upper Tallow",
         turns=[U("I'm planning three nights in the backcountry in August, somewhere really remote where I won't "
                  "see many people."),
                A("The Upper Tallow zone is the most remote: it has one backcountry site, Cold Spring, with at most "
                  "20 people a night, and is open from 1 July to 30 September."),
                U("anything special I need to do with food up there")],
         target="Yes: in the Upper Tallow zone food must be kept in a bear-resistant canister. The visitor centre "
                "lends them free against a $50 card deposit.",
         evidence={"backcountry-permit": ["In the Upper Tallow zone food must be kept in a bear-resistant canister."]},
         traps=["campground-owlsfoot"]),
    dict(id="renter-age-motorboat", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="motorboat",
         turns=[U("None of us has ever paddled anything. What's the easiest thing to take out on the lake?"),
                A("The Birchwater Boathouse's electric motorboats: they take up to 6 people, and staff show you how "
                  "to use them before you go out."),
                U("My son's 19, he'd like to be the one who rents it. Is that ok?")],
         target="No: the electric motorboats are rented only to people aged 21 or over. At 19 he could rent a "
                "canoe, kayak, rowboat or paddleboard.",
         evidence={"boat-rentals": ["The electric motorboats are rented only to people aged 21 or over"]},
         traps=[]),

    dict(id="keep-fish-tallow-river", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Tallow River",
         turns=[U("Is there a river in the parks I can fish? Bit bored of lakes."),
                A("The Tallow River: below the Cinder Flats bridge it is open from 15 June to 30 September, with a "
                  "single barbless hook; above the bridge it is closed all year."),
                U("How many can I take home from it?")],
         target="None: the Tallow River is catch and release only, and keeping a fish from it is fined $290 a fish.",
         evidence={"fishing-permit": ["| Tallow River, below Cinder Flats bridge | 15 June to 30 September | "
                                      "nothing: catch and release only |"]},
         traps=[]),

    # ---------------------------------------------------------------- subject named by the user
    dict(id="dogs-july-owlsfoot", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Owlsfoot",
         turns=[U("can we bring our dog to owlsfoot campground"),
                A("Dogs are welcome at Owlsfoot on a lead; keep all food and rubbish locked in your site's food "
                  "locker, because of the bears."),
                U("Great, we're planning on the 8th to the 12th of July.")],
         target="Then the dog cannot come: dogs are not allowed at Owlsfoot in June and July, because the grey "
                "nightjar nests on the ground in the clearings beside the campground. They are allowed on a lead "
                "from 1 August to 15 September.",
         evidence={"campground-owlsfoot": ["Dogs are not allowed at Owlsfoot in June and July"],
                   "pets": ["| Owlsfoot Campground | not allowed in June and July |"]},
         traps=["campground-birchwater"]),
    dict(id="last-year-electric-birchwater", kind="subject named by the user: price year",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="Birchwater",
         turns=[U("How much is an electric site at Birchwater?"),
                A("$45 a night in 2026, for up to six people and one vehicle, in Loops A and B."),
                U("and the year before?")],
         target="$42 a night in 2025.",
         evidence={"campground-birchwater": ["| Electric site (Loops A and B) | $42 | $45 |"]},
         traps=["campground-cinder-flats"]),
    dict(id="seven-day-permit-and-child", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Composite"], subject="7-day",
         turns=[U("I'm coming up for a week of fishing on Birchwater Lake. What sort of permit do I need?"),
                A("Everyone aged 16 or over needs a Tallowmere fishing permit; for a week, the 7-day permit covers "
                  "seven days in a row from its first date."),
                U("How much is the 7-day one, and can my 12yo fish too or does he need his own?")],
         target="The 7-day permit costs $38 in 2026 ($35 in 2025). Your 12-year-old needs no permit: children under "
                "16 fish free with an adult who holds one, and what he keeps counts in your daily limit.",
         evidence={"fishing-permit": ["| 7-day permit | $35 | $38 |",
                                      "Children under 16 fish free when they are with an adult who holds a permit"]},
         traps=[]),
    dict(id="winter-monday-visitor-centre", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="visitor centre",
         turns=[U("Is the Marrow Gate visitor centre open in the winter at all?"),
                A("Yes, from 1 October to 30 April it is open, though not every day."),
                U("which days then? we were thinking of coming on a Monday in January")],
         target="From 1 October to 30 April it is open Wednesday to Sunday, 10:00 to 16:00, so not on a Monday "
                "(and it is closed on 1 January). The outside toilets and the car park pay machine are open all "
                "year.",
         evidence={"marrow-gate-visitor-centre": ["| 1 October to 30 April | Wednesday to Sunday | 10:00 to 16:00 |"]},
         traps=[]),
    dict(id="overnight-day-pass", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="day pass",
         turns=[U("How much is a day pass for the car?"),
                A("A Day Pass for a car, van or RV costs $14 in 2026 ($12 in 2025); it is per vehicle, not per "
                  "person."),
                U("We'll park at the Fennick trailhead and camp one night at Lower Fennick. Is one day pass "
                  "enough?")],
         target="No: a Day Pass lasts until midnight. A vehicle left overnight needs a pass for each day it is "
                "parked (two here), or a Season or Annual Pass.",
         evidence={"day-pass": ["a vehicle left after midnight, for example by backcountry campers, needs a pass for "
                                "each day it is parked"]},
         traps=["season-pass", "annual-pass"]),
    dict(id="cost-backcountry-family", kind="subject named by the user: price year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="permit",
         turns=[U("Do I need a permit to camp at Kettle Pond?"),
                A("Yes: Kettle Pond is a backcountry site in the Fennick Basin zone, and every night there needs a "
                  "backcountry camping permit."),
                U("What would the permit come to for two nights, me and my two kids who are 14 and 16?")],
         target="At 2026 prices: $13 a night for you and $7 a night for each of the children (6 to 17), so $26 + "
                "$28, plus the $11 reservation fee per permit: $65 in all ($58 at 2025 prices).",
         evidence={"backcountry-permit": ["| Adult (18 and over), per night | $12 | $13 |",
                                          "| Youth (6 to 17), per night | $6 | $7 |",
                                          "| Reservation fee, per permit | $10 | $11 |"]},
         traps=["reservations-and-cancellations"]),
    dict(id="greyling-discount-annual-pass", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Annual Pass",
         turns=[U("I have an Annual Pass. Does it get me anything off camping?"),
                A("Yes: 10% off nights from Sunday to Thursday at Birchwater and Cinder Flats."),
                U("would that work on the Greyling Point group site? booking it for my scout troop")],
         target="No: the Annual Pass camping discount does not apply at the Greyling Point group sites (nor at "
                "Owlsfoot). Registered non-profit youth groups do pay half the Greyling Point fees from Sunday to "
                "Thursday nights.",
         evidence={"annual-pass": ["The camping discount does not apply at Owlsfoot, which is self-registration "
                                   "only, or at the Greyling Point group sites."]},
         traps=["season-pass"]),
    dict(id="detour-heronsway", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["How-To"], subject="Heronsway",
         turns=[U("is the heronsway trail open in may"),
                A("The trail is open all year, but from 1 March to 15 June the section between the Marrow Creek "
                  "footbridge and the railway bed (km 2.6 to 3.9) is closed while the herons nest."),
                U("So can we still do the whole loop somehow?")],
         target="Yes: take the signed detour along the Birchwood Road, which adds 800 m to the loop.",
         evidence={"trail-heronsway": ["walkers take the signed detour along the Birchwood Road, which adds 800 m"]},
         traps=["trail-fennick-falls"]),

    # ---------------------------------------------------------------- operator follow-ups
    dict(id="compare-season-annual", kind="operator follow-up: compare the two", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Comparative"], subject=None,
         turns=[U("Which passes cover the car for longer than a day?"),
                A("Two: the Season Pass, for 1 May to 31 October, and the Annual Pass, for twelve months from its "
                  "first use."),
                U("Compare the two for someone who camps a lot and rents canoes most weekends.")],
         target="The Season Pass gives 10% off boat rentals and no discount on camping; the Annual Pass gives 15% "
                "off boat rentals and 10% off Sunday-to-Thursday nights at Birchwater and Cinder Flats. Neither "
                "includes permits.",
         evidence={"season-pass": ["| Boat rentals at the Birchwater Boathouse | 10% off |",
                                   "| Camping | no discount |"],
                   "annual-pass": ["| Boat rentals at the Birchwater Boathouse | 15% off |",
                                   "| Camping | 10% off nights from Sunday to Thursday at Birchwater and Cinder "
                                   "Flats |"],
                   "boat-rentals": ["Season Pass holders get 10% off and Annual Pass holders 15% off"],
                   "campground-birchwater": ["An Annual Pass takes 10% off nights from Sunday to Thursday; a Season "
                                             "Pass gives no discount on camping."]},
         traps=["day-pass"]),
    dict(id="summarise-access-pass", kind="operator follow-up: summarise", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Summarization"], subject="Access Pass",
         turns=[U("My wife is in a wheelchair. Is there any discount on getting into the park for her?"),
                A("Yes: the Access Pass is free for people with a permanent disability, covers entry for the vehicle "
                  "she travels in, and is valid for five years."),
                U("Can you sum up how she applies and what else it gets her?")],
         target="She applies in person at the Marrow Gate Visitor Centre with a disability parking permit, a "
                "doctor's letter or a disability benefit letter. The pass is a hanging card without plate numbers, "
                "usable in any vehicle she is in. It gives no discount on camping, permits or boat rentals, but "
                "the person assisting her rents a boat or joins a guided walk free.",
         evidence={"accessibility": ["Apply in person at the Marrow Gate Visitor Centre, with a disability parking "
                                     "permit, a letter from a doctor, or a disability benefit letter.",
                                     "It gives no discount on camping, permits or boat rentals, but a person who "
                                     "assists the holder rents a boat or joins a guided walk free."]},
         traps=["annual-pass", "season-pass"]),
    dict(id="why-no-fires-owlsfoot", kind="operator follow-up: why", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Explanation"], subject="Owlsfoot",
         turns=[U("Can we have a campfire at Owlsfoot in the last week of August?"),
                A("No: from 1 August campfires are not allowed at Owlsfoot at all, whatever the fire level."),
                U("why not?? it's a campground")],
         target="Because the forest floor under the cedars dries out late in the summer, and fires spread "
                "underground.",
         evidence={"campground-owlsfoot": ["because the forest floor under the cedars dries out late in the summer and "
                                           "fires spread underground"]},
         traps=["campground-birchwater"]),
    dict(id="other-one-checkout-cinder-flats", kind="operator follow-up: what about the other one",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="Cinder Flats",
         turns=[U("We're choosing between Birchwater and Cinder Flats for a Sunday night. What's check-out time at "
                  "Birchwater?"),
                A("At Birchwater check-out is by 11:00, and check-in is from 14:00."),
                U("what about the other one?")],
         target="At Cinder Flats check-out is by 12:00, and check-in from 15:00.",
         evidence={"campground-cinder-flats": ["| Check-in / check-out | from 15:00 / by 12:00 |"]},
         traps=["campground-birchwater"]),
    dict(id="rundown-scarrow-ridge", kind="operator follow-up: summarise", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Summarization"], subject="Scarrow",
         turns=[U("I want to get up to the highest point in the park sometime in August."),
                A("That is Scarrow Cairn, 1,912 m, on the Scarrow Ridge Trail: a 14.6 km loop from Owlsfoot "
                  "Campground that takes 6 to 8 hours."),
                U("Give me a quick rundown of what I should do before I set off")],
         target="Sign in at the trailhead register box (and out when back); start before 09:00 because storms build "
                "over the ridge in the afternoon; do not go onto the ridge if thunder has been heard or is "
                "forecast; carry at least 3 litres of water, warm clothes and a map; there is no mobile coverage "
                "on most of the route and no water after km 2.",
         evidence={"trail-scarrow-ridge": ["Sign in at the register box at the trailhead and sign out when you are "
                                           "back.",
                                           "Carry at least 3 litres of water, warm clothes and a map."]},
         traps=["trail-fennick-falls"]),

    # ---------------------------------------------------------------- clarifications
    dict(id="clarify-walk-in-birchwater", kind="clarification: wrong sibling's answer disputed",
         answerability="ANSWERABLE", multi_turn="Clarification", question_type=["Factoid"], subject="walk-in",
         turns=[U("How much is a tent site per night?"),
                A("At Owlsfoot a tent site costs $25 a night in 2026 ($24 in 2025), for up to 4 people and 2 tents."),
                U("oh sorry, I meant the walk-in ones on the shore at Birchwater")],
         target="A Birchwater walk-in tent site costs $28 a night in 2026 ($26 in 2025).",
         evidence={"campground-birchwater": ["| Walk-in tent site | $26 | $28 |"]},
         traps=["campground-owlsfoot"]),
    dict(id="clarify-senior-fishing", kind="clarification: user says what they meant", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="season permit",
         turns=[U("How much is a fishing permit for the whole season?"),
                A("A season permit, valid from 1 May to 31 October, costs $68 in 2026 ($62 in 2025)."),
                U("I'm 67, if that makes any difference")],
         target="Yes: the season permit for anglers aged 65 or over costs $34 in 2026 ($31 in 2025).",
         evidence={"fishing-permit": ["| Season permit, aged 65 or over | $31 | $34 |"]},
         traps=[]),
    dict(id="clarify-cancel-greyling-point", kind="clarification: wrong sibling's answer disputed",
         answerability="ANSWERABLE", multi_turn="Clarification", question_type=["Factoid"], subject="Greyling Point",
         turns=[U("What's your cancellation policy?"),
                A("For campsites at Birchwater and Cinder Flats: 7 days or more before arrival you get all the camping "
                  "fees back less a $10 cancellation fee; 2 to 6 days before, all but the first night; less than 2 "
                  "days before, nothing."),
                U("This is for the Cedar site at Greyling Point, we're a youth club, and we might have to pull out "
                  "about six weeks before.")],
         target="Group sites have their own rules: six weeks (about 42 days) before arrival falls in 14 to 59 days, "
                "so half of everything paid is refunded. At 60 days or more you would get everything back less "
                "$25; under 14 days, nothing.",
         evidence={"campground-greyling-point": ["| 14 to 59 days before arrival | half of everything paid |",
                                                 "| 60 days or more before arrival | everything paid, less $25 |"]},
         traps=["reservations-and-cancellations"]),

    # ---------------------------------------------------------------- a new question after a long conversation
    dict(id="new-question-off-lead-after-birchwater", kind="new question after a long conversation",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="off the lead",
         turns=[U("We've booked an electric site at Birchwater for the first week of August. What time can we "
                  "arrive?"),
                A("Check-in at Birchwater is from 14:00; if you arrive after the gatehouse closes, your site number "
                  "is on the board outside it."),
                U("Are the showers free?"),
                A("Yes: hot showers in the two washroom buildings are free for campers."),
                U("And can we swim with the kids?"),
                A("Yes, in the roped swimming area by the day-use lawn, marked from 15 June to 31 August. There is "
                  "no lifeguard."),
                U("Last thing. Is there anywhere in the park where my dog can run around off the lead for a bit?")],
         target="Yes: the Paddock, a fenced 1.2-hectare field beside the Cinder Flats day-use area, open 07:00 to "
                "21:00 from 15 May to 30 September; you must stay in the field with your dog. Everywhere else dogs "
                "must be on a lead of at most 2 m.",
         evidence={"pets": ["The Paddock is a fenced 1.2-hectare field beside the Cinder Flats day-use area where "
                            "dogs may run off the lead."],
                   "campground-cinder-flats": ["The fenced off-lead field, the Paddock, is beside the day-use area."]},
         traps=["campground-birchwater"]),
    dict(id="new-question-cancel-after-fennick", kind="new question after a long conversation",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="cancel",
         turns=[U("How long does the Fennick Falls walk take?"),
                A("About 3 hours for the 8.4 km there and back, with 310 m of climbing."),
                U("Is it ok for a 6 year old?"),
                A("It is rated moderate: a rocky path, often wet in spring, and 140 stone steps down to the "
                  "viewpoint. Many families do it, but allow extra time, and turn back at the Shoulder if it is "
                  "later than 15:00."),
                U("Can we swim at the bottom?"),
                A("No: the pool below the falls is closed to the public; swimming, wading and climbing down to it "
                  "are not allowed."),
                U("Ok. Unrelated but we have a campsite booked at Birchwater from Friday and we now have to cancel, "
                  "its Monday today. Do we get anything back?")],
         target="Cancelling 4 days before arrival (2 to 6 days) refunds all the camping fees except the first "
                "night; the reservation fee is not refunded.",
         evidence={"reservations-and-cancellations": ["| 2 to 6 days before arrival | all the camping fees except the "
                                                      "first night |"]},
         traps=["trail-fennick-falls", "campground-greyling-point"]),
    dict(id="new-question-zipline-after-boats", kind="new question after a long conversation",
         answerability="UNANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="zipline",
         turns=[U("What time does the boathouse open?"),
                A("The Birchwater Boathouse is open every day from 15 May to 15 September, 09:00 to 19:00; the last "
                  "boat goes out at 18:00."),
                U("How much is a double kayak for an hour?"),
                A("$27 an hour in 2026 ($25 in 2025), or $90 for a full day."),
                U("Do the kids need to wear life jackets the whole time?"),
                A("Yes: children under 16 must wear theirs at all times on the water. Life jackets come with every "
                  "boat."),
                U("Completely different thing, my teenagers keep asking, is there a zipline or a treetop ropes "
                  "course anywhere in the park?")],
         target="The documents describe no zipline or ropes course in the parks.",
         evidence={}, traps=[]),

    # ---------------------------------------------------------------- a year the documents do not give
    dict(id="year-not-covered-owlsfoot-2024", kind="year or version not covered: year", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Owlsfoot",
         turns=[U("How much is a night at Owlsfoot?"),
                A("A tent site is $25 a night in 2026 ($24 in 2025), for up to 4 people and 2 tents."),
                U("What was it in 2024? trying to work out what we paid when we went")],
         target="The documents give Owlsfoot's fees for 2025 and 2026 only.",
         evidence={}, traps=["campground-owlsfoot"]),
    dict(id="year-not-covered-annual-pass-2027", kind="year or version not covered: year",
         answerability="UNANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="Annual Pass",
         turns=[U("Which pass do I want if I come up all through the year?"),
                A("The Annual Pass: $105 for one vehicle in 2026, or $66 for a holder aged 65 or over, covering "
                  "twelve months from its first use."),
                U("Is that going up in 2027? Wondering if I should buy now.")],
         target="The documents give the Annual Pass prices for 2025 and 2026 only; they say nothing of 2027.",
         evidence={}, traps=["annual-pass"]),
    dict(id="year-not-covered-canoe-day-2025", kind="year or version not covered: year of one rate",
         answerability="UNANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="canoe",
         turns=[U("How much to rent a canoe for the whole day?"),
                A("A canoe costs $80 for a full day in 2026, from opening until 19:00."),
                U("Hm, what was the full day canoe price in 2025?")],
         target="The documents give the 2025 hourly rate of a canoe ($22) but no 2025 full-day rate.",
         evidence={}, traps=["boat-rentals"]),

    # ---------------------------------------------------------------- why the documents do not say
    dict(id="why-not-said-dogs-motorboats", kind="why the documents do not say", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Explanation"], subject="electric motorboats",
         turns=[U("Can our dog come out on the lake with us? We're renting from the boathouse."),
                A("Yes, in a canoe or a rowboat, wearing a dog life jacket, which the boathouse lends free. Dogs are "
                  "not allowed in the electric motorboats."),
                U("How come? The motorboat was the one we wanted.")],
         target="The documents give the rule without a reason.",
         evidence={}, traps=[]),

    # ---------------------------------------------------------------- a subject with no document
    dict(id="no-document-hollin-bay", kind="subject with no document: after siblings", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Hollin Bay",
         turns=[U("Which campgrounds are right on the lake?"),
                A("Birchwater Campground, on the east shore of Birchwater Lake, and the Greyling Point Group "
                  "Campground, on the peninsula at the south end of the lake."),
                U("And Hollin Bay campground, is that one open in October?")],
         target="The documents describe no Hollin Bay campground; Tallowmere's campgrounds are Birchwater, Cinder "
                "Flats, Owlsfoot and Greyling Point.",
         evidence={}, traps=["campground-birchwater", "campground-greyling-point"]),
    dict(id="no-document-ski-pass", kind="subject with no document: sibling names", answerability="UNANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="ski pass",
         turns=[U("do you sell a cross country ski pass for the winter? how much")],
         target="The documents describe no ski pass; in winter a vehicle needs a Day Pass or an Annual Pass, and "
                "skiing is allowed on the Heronsway Trail.",
         evidence={}, traps=["day-pass", "season-pass", "annual-pass"]),

    # ---------------------------------------------------------------- the words appear, the fact is not stated
    dict(id="near-miss-pool-depth", kind="near miss: the words appear, the fact does not",
         answerability="UNANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="pool",
         turns=[U("We're doing the Fennick Falls walk on Saturday, can't wait."),
                A("Enjoy it: 8.4 km there and back, about 3 hours, to the viewpoint where Fennick Creek drops 34 m "
                  "in two steps into a deep green pool."),
                U("How deep is the pool actually?")],
         target="The documents call the pool deep but do not give its depth (and it is closed to the public).",
         evidence={}, traps=["trail-fennick-falls"]),
    dict(id="near-miss-last-bus", kind="near miss: the words appear, the fact does not",
         answerability="UNANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="Cawley bus",
         turns=[U("Can I get to the visitor centre without a car? I don't drive."),
                A("Yes: the Cawley bus stops at the Marrow Gate Visitor Centre four times a day from May to "
                  "September."),
                U("What time's the last one back into town?")],
         target="The documents do not give the bus times; they say the timetable is on the bus company's website.",
         evidence={}, traps=["marrow-gate-visitor-centre"]),

    # ---------------------------------------------------------------- truly ambiguous
    dict(id="ambiguous-check-out", kind="ambiguous", answerability="UNDERSPECIFIED",
         multi_turn="N/A", question_type=["Factoid"], subject=None,
         turns=[U("What time is check out?")],
         target="At which campground? Birchwater by 11:00, Cinder Flats by 12:00, Owlsfoot by 10:00, Greyling Point "
                "by 12:00.",
         evidence={"campground-birchwater": ["| Check-in / check-out | from 14:00 / by 11:00 |"],
                   "campground-cinder-flats": ["| Check-in / check-out | from 15:00 / by 12:00 |"],
                   "campground-owlsfoot": ["| Check-in / check-out | any time / by 10:00 |"],
                   "campground-greyling-point": ["| Check-in / check-out | from 13:00 / by 12:00 |"]},
         traps=[]),
    dict(id="ambiguous-trail-length", kind="ambiguous: the assistant named two", answerability="UNDERSPECIFIED",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("Which trails can I take my dog on?"),
                A("The Fennick Falls Trail and the Heronsway Trail both allow dogs on a lead."),
                U("How long is it?")],
         target="Which one? The Fennick Falls Trail is 8.4 km there and back; the Heronsway is a 5.8 km loop.",
         evidence={"trail-fennick-falls": ["| Length | 8.4 km there and back |"],
                   "trail-heronsway": ["| Length | 5.8 km loop |"]},
         traps=[]),
    dict(id="ambiguous-electric-site-price", kind="ambiguous: the assistant named two", answerability="UNDERSPECIFIED",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("Where can I camp with an electric hookup?"),
                A("At Birchwater, on the 60 electric sites in Loops A and B, and at Cinder Flats, on the 40 sites "
                  "with electricity and water."),
                U("How much a night for one of those?")],
         target="Which campground? In 2026 an electric site at Birchwater is $45 a night, a site with electricity "
                "and water at Cinder Flats $52.",
         evidence={"campground-birchwater": ["| Electric site (Loops A and B) | $42 | $45 |"],
                   "campground-cinder-flats": ["| Site with electricity and water | $48 | $52 |"]},
         traps=[]),

    # ---------------------------------------------------------------- partly answerable
    dict(id="partial-water-wifi-cinder-flats", kind="partly answerable", answerability="PARTIAL",
         multi_turn="Follow-up", question_type=["Composite"], subject="Cinder Flats",
         turns=[U("Heading up with the camper van for a week, we need electric."),
                A("Cinder Flats Campground would suit: 40 sites with electricity and water, $52 a night in 2026, "
                  "for RVs up to 14 m."),
                U("Can we drink the tap water there, and is there wifi? I need to work a couple of days")],
         target="There is a water tap at each electric site and at two standpipes, and the water is tested weekly; "
                "the documents say nothing about wifi (and there is no mobile phone coverage at Cinder Flats).",
         evidence={"campground-cinder-flats": ["| Drinking water | a tap at each electric site and at the two "
                                               "standpipes, tested weekly |"]},
         traps=["campground-owlsfoot"]),
    dict(id="partial-day-session-lunch", kind="partly answerable", answerability="PARTIAL",
         multi_turn="Follow-up", question_type=["Composite"], subject="session",
         turns=[U("My two want to do the junior ranger day sessions in the summer."),
                A("They run in July and August at the visitor centre, on Tuesdays and Thursdays from 09:30 to 12:00, "
                  "for children aged 6 to 12."),
                U("How much is a session, and do they give the kids a snack or lunch?")],
         target="A session costs $18 a child in 2026 ($15 in 2025), or $60 for four sessions for the same child; "
                "the documents do not say whether food is provided.",
         evidence={"junior-ranger-programme": ["| One child, one session | $15 | $18 |"]},
         traps=[]),

    # ---------------------------------------------------------------- first turns
    dict(id="first-turn-trout-limit", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="Birchwater Lake",
         turns=[U("How many trout am I allowed to keep from Birchwater Lake in a day?")],
         target="Four rainbow trout a day, each at least 30 cm long.",
         evidence={"fishing-permit": ["| Birchwater Lake | 1 May to 31 October | rainbow trout: 4 a day, each at "
                                      "least 30 cm |"]},
         traps=[]),
    dict(id="first-turn-closure-refund", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="closes",
         turns=[U("If the park closes my campground because of a wildfire, do I get the reservation fee back as "
                  "well or just the nights?")],
         target="Both: when the parks close a campground, bookings for the nights affected are refunded in full, "
                "including the reservation fee, without your asking, within 10 working days.",
         evidence={"closures-and-alerts": ["bookings for the nights affected are refunded in full, including the "
                                           "reservation fee, without your asking, within 10 working days"]},
         traps=[]),
    dict(id="first-turn-campfire-permit", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="permit",
         turns=[U("do i need a fire permit to have a campfire at my campsite?")],
         target="No: no permit is needed for a campfire in a campground's own fire rings, at the hours and fire "
                "levels the campground allows. Fire permits are for the backcountry fire rings at Lower Fennick "
                "and Kettle Pond and for cooking fires at events.",
         evidence={"fire-permit-and-fire-levels": ["No permit is needed for a campfire in a campground's own fire "
                                                   "rings."]},
         traps=[]),
]
