"""The Marrowby conversations: a held-out multi-turn suite about the household waste and
recycling pages of a fictional district council.

Written by hand on 2026-12-01 by a writer who had not read the engine. Build with, from the
repository root:

    python3 benchmarks/eval/conversations/build.py benchmarks/eval/conversations-marrowby
"""

from build import A, U

COLLECTION = "marrowby"

AREAS = ["collections-marrowby-town", "collections-eastfold", "collections-wexley-vale",
         "collections-upper-brindle"]
CENTRES = ["hollins-lane-recycling-centre", "quarry-road-recycling-centre"]


def c(id, kind, answerability, multi_turn, question_type, subject, turns, target, evidence=None, traps=()):
    return {"id": id, "kind": kind, "answerability": answerability, "multi_turn": multi_turn,
            "question_type": question_type, "subject": subject, "turns": turns, "target": target,
            "evidence": evidence or {}, "traps": list(traps)}


def others(*stems):
    """The collection areas or centres other than the ones given: the siblings a conversation that lost
    its subject answers from."""
    group = AREAS if stems[0] in AREAS else CENTRES
    return [s for s in group if s not in stems]


CONVERSATIONS = [
    # ------------------------------------------------------------------ ANSWERABLE
    c("marrowby-01-sunday-plasterboard", "subject named by the assistant: materials", "ANSWERABLE",
      "Follow-up", "Factoid", "Hollins Lane", [
          U("Which tip is open on Sundays?"),
          A("Hollins Lane Recycling Centre, at the western edge of Marrowby, is open every day including "
            "Sundays: 8 am to 6 pm from April to September and 8 am to 4 pm from October to March. You don't "
            "need to book. The district's other centre is closed on Sundays."),
          U("do they take plasterboard?"),
      ],
      "Yes. Hollins Lane accepts plasterboard as DIY waste, for a charge: £6 per bag or sheet in 2026, paid "
      "by card at the gatehouse (cash is not taken).",
      {"hollins-lane-recycling-centre": ["| Plasterboard | £6 per bag or sheet |",
                                         "Pay by card at the gatehouse; cash is not taken."]},
      others("hollins-lane-recycling-centre")),

    c("marrowby-02-booking-van", "subject named by the assistant: vehicles", "ANSWERABLE", "Follow-up",
      "Factoid", "Quarry Road", [
          U("i heard one of the tips makes you book now, which one?"),
          A("That's Quarry Road Recycling Centre in Eastfold. Every visit has to be booked online at "
            "marrowby.example/quarryroad, up to 14 days ahead, in 30-minute slots; cars without a booking "
            "are turned away. Hollins Lane needs no booking."),
          U("can i bring my van there"),
      ],
      "No. Vans are not accepted at Quarry Road, with or without a permit, because the site has no room for "
      "them to turn. Only cars, and cars towing a trailer up to 1.8 metres long, are accepted. (Hollins Lane "
      "takes vans with a free van permit.)",
      {"quarry-road-recycling-centre": [
          "Vans are not accepted at Quarry Road, with or without a permit, because the site has no room for "
          "them to turn."]},
      others("quarry-road-recycling-centre")),

    c("marrowby-04-asbestos-booking", "subject named by the assistant: booking", "ANSWERABLE", "Follow-up",
      "Factoid", "Hollins Lane", [
          U("I've got some old garage roof sheets, asbestos I think. Where can they go?"),
          A("Bonded asbestos such as garage roof sheets is accepted at Hollins Lane Recycling Centre, from "
            "households only, up to 10 sheets or bags a year. It has to be double-wrapped in heavy plastic and "
            "taped, and you need to book a slot in advance. It costs £12 per sheet or bag in 2026. The other "
            "recycling centre doesn't take asbestos of any kind."),
          U("how do i book it? online?"),
      ],
      "Not online: asbestos drop-offs at Hollins Lane cannot be booked online. You book a 15-minute slot in "
      "advance by ringing the waste team on 01632 960 400. Asbestos brought without a booking is turned away.",
      {"hollins-lane-recycling-centre": [
          "you must book a 15-minute slot in advance by ringing the waste team on 01632 960 400",
          "Asbestos drop-offs cannot be booked online"]},
      others("hollins-lane-recycling-centre")),

    c("marrowby-05-town-sacks", "subject named by the assistant: sacks", "ANSWERABLE", "Follow-up",
      "Factoid", "Marrowby Town", [
          U("Whose bins get collected on Tuesdays?"),
          A("Tuesday is bin day in the Marrowby Town collection area: the town centre inside the ring road, "
            "Castlegate, Millbrook, Saltersgate and the Priory estate. Black and blue bins go out in alternate "
            "weeks and the food caddy every Tuesday."),
          U("I live in a flat over a shop on Market Street and there's no room for a bin, so how does it work for me?"),
      ],
      "Homes above shops in the town centre, including Market Street, use sacks: black sacks for rubbish and "
      "clear sacks for recycling, collected twice a week on Tuesday and Friday mornings from 6 am. Don't put "
      "them out before 8 pm the evening before. Each home is sent 52 black and 52 clear sacks a year, and "
      "extra rolls can be collected from the Town Hall reception.",
      {"collections-marrowby-town": [
          "which are collected twice a week, on Tuesday and Friday mornings, from 6 am",
          "Sacks must not be put out before 8 pm the evening before.",
          "extra rolls can be collected from the Town Hall reception"]},
      others("collections-marrowby-town")),

    c("marrowby-06-fellgate-time", "subject named by the assistant: collection time", "ANSWERABLE",
      "Follow-up", "Factoid", "Upper Brindle", [
          U("what day are bins in Fellgate"),
          A("Fellgate is in the Upper Brindle collection area: black and blue bins on Friday, in alternate "
            "weeks, the food caddy every Friday, and garden waste (for subscribers) on Thursday."),
          U("what time do i need them out by"),
      ],
      "By 6:30 am on your collection day, or the night before. Collections in Upper Brindle start at 6:30 am, "
      "earlier than in the rest of the district, so that crews can clear the hill roads before the school "
      "buses use them.",
      {"collections-upper-brindle": [
          "Please put your bins out by 6:30 am on your collection day, or the night before."]},
      others("collections-upper-brindle")),

    c("marrowby-07-wexley-snow", "subject named by the assistant: weather", "ANSWERABLE", "Follow-up",
      "Factoid", "Wexley Vale", [
          U("We've just moved to Cobb End. Which day do the bins go?"),
          A("Cobb End is in the Wexley Vale collection area: black bin, blue bin and food caddy on Monday, and "
            "garden waste on Tuesday if you subscribe. Put them out by 7 am."),
          U("we're at the end of a farm track, will the lorry come up it"),
          A("No. Crews don't drive on private tracks, because the lorries weigh up to 26 tonnes. Homes reached "
            "only by an unmade farm track should bring their bins to the nearest public road."),
          U("what happens if it snows and they cant get up here?"),
      ],
      "In snow or ice, Wexley Vale's rounds are the first in the district to be suspended, because of the "
      "hills and narrow lanes. Missed collections are then made up on the next Saturday, or on your next "
      "normal collection day if that is sooner.",
      {"collections-wexley-vale": [
          "Missed collections are then made up on the next Saturday, or on your next normal collection day if "
          "that is sooner."]},
      others("collections-wexley-vale")),

    c("marrowby-08-jar-lids", "subject named by the assistant: what goes in", "ANSWERABLE", "Follow-up",
      "Factoid", "purple glass box", [
          U("Where do jam jars go?"),
          A("Glass jars go in your purple glass box, the 55-litre box collected every two weeks on the same "
            "day as your blue bin. Rinse them first."),
          U("and the lids?"),
      ],
      "Take the lids off before the jars go in the purple box: metal lids go in your blue bin, and plastic "
      "lids in your black bin.",
      {"purple-glass-box": ["metal lids go in your blue bin, and plastic lids in your black bin"]},
      ["blue-bin", "black-bin"]),

    c("marrowby-09-black-bin-weight", "subject named by the assistant: weight limit", "ANSWERABLE",
      "Follow-up", "Factoid", "black bin", [
          U("where does a broken drinking glass go"),
          A("Wrap it in newspaper and put it in your black bin, the bin for rubbish that can't be recycled. "
            "Drinking glasses don't go with bottles and jars, because they melt at a different temperature."),
          U("ok. is there a limit on how heavy the bin can be"),
      ],
      "Yes: a full black bin must not weigh more than 70 kg, the most the lift on the lorry can take safely. "
      "Bins that are too heavy are left, with a tag on the handle.",
      {"black-bin": ["A full black bin must not weigh more than 70 kg",
                     "Bins that are too heavy are left, with a tag on the handle."]},
      ["purple-glass-box"]),

    c("marrowby-10-cardboard-beside", "subject named by the assistant: side waste", "ANSWERABLE",
      "Follow-up", "Factoid", "blue bin", [
          U("loads of boxes after moving house, what do I do with them"),
          A("Cardboard goes in your blue bin, the 240-litre bin for mixed recycling, loose and flattened. It's "
            "emptied every two weeks, in the weeks between your black bin collections."),
          U("wont all fit. can i leave the rest next to it?"),
      ],
      "Yes. Cardboard that doesn't fit in the blue bin can be flattened and left beside it, folded to no "
      "bigger than 1 metre by 1 metre, and the crew will take it. It is the only waste collected beside a bin.",
      {"blue-bin": ["Cardboard that does not fit in the blue bin can be flattened and left beside it, folded "
                    "to no bigger than 1 metre by 1 metre",
                    "This is the only waste collected beside a bin."]},
      ["black-bin"]),

    c("marrowby-11-caddy-liners", "subject named by the assistant: liners", "ANSWERABLE", "Follow-up",
      "Factoid", "food waste caddy", [
          U("what bin does leftover curry go in"),
          A("Food scraps, cooked or raw, go in your food waste caddy: the green 23-litre lockable caddy that's "
            "collected from the kerb every week. Empty your 5-litre kitchen caddy into it."),
          U("do you still give out the bags for it?"),
      ],
      "No. The council stopped supplying free liners in April 2025. Use compostable liners with the seedling "
      "logo, sold in Marrowby supermarkets, or wrap the food in newspaper; don't use plastic bags.",
      {"food-waste-caddy": ["The council stopped supplying free liners in April 2025",
                            "Line your caddy with compostable liners marked with the seedling logo"]},
      ["black-bin"]),

    c("marrowby-12-garden-last-year", "subject named by the assistant: price by year", "ANSWERABLE",
      "Follow-up", "Factoid", "garden waste subscription", [
          U("How much does it cost to get my grass cuttings collected?"),
          A("Grass cuttings are collected through the garden waste subscription, a brown bin emptied every two "
            "weeks from March to November. In 2026 it costs £52 for the first brown bin and £35 for each extra "
            "one, for the whole season."),
          U("what was it last year"),
      ],
      "In 2025 the garden waste subscription cost £48 for the first brown bin and £30 for each extra bin.",
      {"garden-waste-subscription": ["| 2025 | £48 | £30 |"]},
      ["bulky-waste-collection"]),

    c("marrowby-13-garden-concession", "subject named by the user: concession", "ANSWERABLE", "Follow-up",
      "Factoid", "garden", [
          U("My mum is on council tax reduction, does she get anything cheaper for getting her old sofa taken away?"),
          A("Yes. With a bulky waste collection, households receiving Council Tax Reduction pay half price: in "
            "2026 that is £19 instead of £38 for up to 3 items. Say so when you book and the discount is checked "
            "against her council tax account."),
          U("and what about her garden bin, does she get money off that?"),
      ],
      "No. There is no concession price for garden waste, including for households on Council Tax Reduction: "
      "she pays the full £52 for a first brown bin in 2026.",
      {"garden-waste-subscription": [
          "There is no concession price for garden waste, including for households on Council Tax Reduction."]},
      ["bulky-waste-collection"]),

    c("marrowby-14-bulky-five-items", "subject named by the assistant: price sum", "ANSWERABLE", "Follow-up",
      "Computation", "bulky waste collection", [
          U("I need to get rid of a sofa, a bed, two armchairs and a washing machine. can you collect them?"),
          A("Yes, a bulky waste collection can take all of those: sofas, beds, armchairs and washing machines "
            "are all on the list. Put them outside on your own property by 7 am on the day."),
          U("so how much for mine all together"),
      ],
      "That is five items. In 2026 a bulky waste collection is £38 for up to 3 items and £9 for each extra "
      "item, up to 6, so £38 + 2 × £9 = £56 (half that, £28, if you receive Council Tax Reduction).",
      {"bulky-waste-collection": ["| Up to 3 items | £38 |", "| Each extra item, up to 6 in all | £9 |"]},
      ["new-and-replacement-bins"]),

    c("marrowby-16-clinical-summary", "operator follow-up: summarise", "ANSWERABLE", "Follow-up",
      "Summary", "clinical waste collection", [
          U("my husband is on home dialysis and we've got bags of used stuff from it, what do we do with them?"),
          A("That's infectious clinical waste, which the council's clinical waste collection takes away free "
            "of charge. It's separate from your normal bins: you'll be given yellow bags, and they're collected "
            "from your door."),
          U("summarise how it works for us"),
      ],
      "1. It can't be booked online: his GP, nurse or pharmacist fills in a referral form and sends it to the "
      "waste team, who ring you within five working days to arrange the first collection. 2. The council "
      "supplies yellow clinical waste bags, free; no charge applies. 3. They're collected every four weeks on "
      "a weekday arranged with you (not your usual bin day), from your front door or another agreed place; tie "
      "each bag closed and keep them out of your other bins. 4. Sharps boxes come from the pharmacy or GP. "
      "5. If a collection is missed, ring 01632 960 427 the next working day. Tell the team if you move, he "
      "goes into hospital for more than four weeks, or you no longer need it.",
      {"clinical-waste-collection": [
          "Your GP, nurse or pharmacist has to fill in a referral form confirming that your waste is infectious",
          "| How often | Every four weeks |",
          "| Collection day | A weekday arranged with you, not your usual bin day |",
          "Sharps boxes are supplied by your pharmacy or GP, not by the council.",
          "ring the waste team on 01632 960 427 the next working day"]},
      ["missed-collections"]),

    c("marrowby-17-clinical-missed-online", "subject named by the assistant: reporting", "ANSWERABLE",
      "Follow-up", "Factoid", "clinical waste collection", [
          U("I use a sharps box for my insulin. Can the council take it when it's full?"),
          A("Yes, if you're on the council's clinical waste collection: you can give a full, closed sharps box "
            "to the crew with your yellow bags. Otherwise return it to the pharmacy that gave it to you. Never "
            "put sharps in any bin."),
          U("they didnt come this week. can i report it on the website?"),
      ],
      "No. Missed clinical waste collections cannot be reported online. If your bags weren't collected by 6 pm "
      "on your arranged day, ring the waste team on 01632 960 427 the next working day.",
      {"clinical-waste-collection": ["Clinical waste collections cannot be reported missed online.",
                                     "ring the waste team on 01632 960 427 the next working day"]},
      ["missed-collections"]),

    c("marrowby-18-assisted-start", "subject named by the assistant: timing", "ANSWERABLE", "Follow-up",
      "Factoid", "assisted collection", [
          U("My dad can't wheel his bin down the drive any more since his hip op. Is there any help?"),
          A("Yes: an assisted collection. The crew collects his bins from where he keeps them, empties them "
            "and puts them back, free. Someone recovering from surgery can have one for up to 3 months, as "
            "long as no other adult at home can move the bins. You can apply for him."),
          U("if i apply today how long till it starts?"),
      ],
      "The council decides within 10 working days and then writes with the date the assisted collections "
      "start. You can apply online at marrowby.example/assisted or on 01632 960 400; no doctor's letter is "
      "needed.",
      {"assisted-collections": [
          "We decide within 10 working days and write to you with the date your assisted collections start."]},
      ["new-and-replacement-bins"]),

    c("marrowby-19-assisted-move", "subject named by the assistant: moving home", "ANSWERABLE", "Follow-up",
      "Factoid", "assisted collection", [
          U("my gran is 91 and lives alone, she struggles with the bins"),
          A("She can apply for an assisted collection: the crew collects her bins from where she keeps them "
            "and puts them back afterwards. It's free, and permanent ones are reviewed every two years. You "
            "can apply on her behalf online or by phone."),
          U("she's moving into my aunt's bungalow in the spring, will it carry over?"),
      ],
      "No. Assisted collections do not move with you: apply again from the new address. Note also that if "
      "another adult at the new home can move the bins, she would not qualify.",
      {"assisted-collections": ["Assisted collections do not move with you. Apply again from your new address."]},
      ["garden-waste-subscription"]),

    c("marrowby-20-missed-brown", "clarification: which bin", "ANSWERABLE", "Clarification", "Factoid",
      "missed collection", [
          U("the crew didnt take my bin yesterday, what do i do"),
          A("Sorry about that. Report the missed collection online at marrowby.example/missed or on "
            "01632 960 400, by the end of the next working day after your collection day. The crew comes back "
            "within 2 working days for a black or blue bin, sacks, purple box or food caddy, and within 5 "
            "working days for a brown garden waste bin."),
          U("its the garden one. what if they dont come back in time"),
      ],
      "For a brown bin that isn't returned to within 5 working days, you can ask for one collection's worth of "
      "your subscription back, which is £2 per missed collection in 2026. (No compensation is paid for missed "
      "free collections.)",
      {"missed-collections": [
          "For a missed garden waste collection that is not returned to within 5 working days, subscribers can "
          "ask for one collection's worth of the subscription back, which is £2 per missed collection in 2026."]},
      ["garden-waste-subscription"]),

    c("marrowby-21-christmas-saturday", "subject named by the assistant: time", "ANSWERABLE", "Follow-up",
      "Factoid", "Upper Brindle", [
          U("Do bin days change over Christmas this year?"),
          A("Only Friday collections move, because Christmas Day and New Year's Day both fall on a Friday. "
            "Upper Brindle, the only area collected on Fridays, is collected on Saturday 26 December 2026 and "
            "Saturday 2 January 2027 instead. Every other day goes ahead as normal."),
          U("what time on the saturday?"),
      ],
      "At the usual time: collections on those Saturdays start at 6:30 am, as Upper Brindle's always do, so "
      "put your bins out by then or the night before.",
      {"christmas-collections": ["Collections on the Saturdays start at the usual time of 6:30 am."]},
      ["bank-holiday-collections", "collections-marrowby-town"]),

    c("marrowby-22-fake-tree", "subject named by the user: a different kind of tree", "ANSWERABLE",
      "Follow-up", "Factoid", "fake", [
          U("what do i do with the tree after christmas"),
          A("Real Christmas trees are collected from the kerb in the week of 11 January 2027, free, if you book "
            "online at marrowby.example/trees by 4 January 2027. Take off the decorations, lights and pot, and "
            "cut trees taller than 1.8 metres in half."),
          U("mine's a fake one"),
      ],
      "Artificial trees are not recycled. Take it to Hollins Lane Recycling Centre, or to a charity shop if "
      "it's in good condition.",
      {"christmas-collections": [
          "Artificial trees are not recycled. Take them to Hollins Lane, or to a charity shop if they are in "
          "good condition."]},
      ["garden-waste-subscription"]),

    c("marrowby-23-easter-tip", "subject named by the user: bank holiday", "ANSWERABLE", "Follow-up",
      "Factoid", "Easter Monday", [
          U("are bins collected on easter monday? we're in Nether Wexley"),
          A("Yes. Nether Wexley is in the Wexley Vale area, collected on Mondays, and collections go ahead as "
            "normal on Easter Monday (6 April 2026). Only Good Friday collections move, to the Saturday."),
          U("and is the tip open on Easter Monday"),
      ],
      "Hollins Lane Recycling Centre is open its usual hours on bank holidays (8 am to 6 pm from 1 April), but "
      "expect queues; Quarry Road is closed on all bank holidays.",
      {"bank-holiday-collections": ["| Hollins Lane | Open, usual hours |", "| Quarry Road | Closed |"]},
      ["christmas-collections"]),

    c("marrowby-24-stolen-bin", "subject named by the assistant: charge", "ANSWERABLE", "Follow-up",
      "Factoid", "replacement", [
          U("someone nicked my blue bin last night"),
          A("Sorry to hear it. You can order a replacement blue bin online at marrowby.example/newbin or on "
            "01632 960 400. It costs £28 in 2026, including delivery, and arrives within 15 working days."),
          U("do i still have to pay if i've reported it to the police?"),
      ],
      "No: no charge applies if your bin was stolen and you give the council a police crime reference number.",
      {"new-and-replacement-bins": ["your bin was stolen and you give us a police crime reference number"]},
      ["blue-bin"]),

    c("marrowby-25-cafe-online", "subject named by the assistant: booking", "ANSWERABLE", "Follow-up",
      "Factoid", "commercial waste", [
          U("I run a café in Market Street, can I put the café's rubbish in with my flat's sacks?"),
          A("No, waste from a business can't go in household bins or sacks. The council's commercial waste "
            "service, run by its Trade Waste team, collects from businesses; a 240-litre general waste bin costs "
            "£7.40 per collection in 2026, plus VAT, with bin hire included."),
          U("can i just sign up on the website?"),
      ],
      "No. Commercial waste contracts cannot be booked online: ring the Trade Waste team on 01632 960 433 or "
      "e-mail tradewaste@marrowby.example, and an adviser will visit to agree the right bins. Contracts run "
      "for at least 12 months.",
      {"commercial-waste": [
          "Commercial waste contracts cannot be booked online: ring the Trade Waste team on 01632 960 433",
          "Contracts run for at least 12 months"]},
      ["bulky-waste-collection"]),

    c("marrowby-27-flytip-fine", "subject named by the assistant: penalty", "ANSWERABLE", "Follow-up",
      "Factoid", "fly-tipping", [
          U("someone's dumped a load of rubble in the lay-by on the B6412. who do I tell?"),
          A("You can report fly-tipping online at marrowby.example/flytip or on 01632 960 449: say exactly where "
            "it is, what and how much, and anything you saw. Don't touch or move it. Fly-tipping on public land "
            "and verges is cleared within 5 working days."),
          U("what happens to them if they get caught"),
      ],
      "A fixed penalty notice of £400, reduced to £250 if paid within 10 days; or, if convicted in court, an "
      "unlimited fine and up to 5 years in prison.",
      {"fly-tipping": ["| Fly-tipping, fixed penalty notice | £400 |",
                       "A fixed penalty of £400 is reduced to £250 if it is paid within 10 days.",
                       "| Fly-tipping, on conviction in court | An unlimited fine and up to 5 years in prison |"]}),

    c("marrowby-28-manager-before", "subject named by the assistant: person", "ANSWERABLE", "Follow-up",
      "Factoid", "Ottilie Brackenridge", [
          U("whats the phone number for the bins"),
          A("The council's Waste and Recycling Team is on 01632 960 400, Monday to Thursday 8:30 am to 5 pm and "
            "Friday 8:30 am to 4:30 pm, or by e-mail at waste@marrowby.example."),
          U("who is actually in charge of them?"),
          A("The Waste and Recycling Team, based at Corve Street depot, is led by Ottilie Brackenridge, the "
            "Waste Services Manager."),
          U("how long has she done that and what did she do before"),
      ],
      "She has been Waste Services Manager since April 2019. Before joining the council she spent eleven years "
      "at Hatherby Reuse, a charity that repairs and resells furniture, the last four as its operations "
      "director.",
      {"waste-team": ["Ottilie Brackenridge has been Waste Services Manager since April 2019.",
                      "Before joining the council she spent eleven years at Hatherby Reuse"]}),

    c("marrowby-29-compare-vehicles", "operator follow-up: compare", "ANSWERABLE", "Follow-up", "Comparative",
      "Quarry Road", [
          U("how many tips are there"),
          A("Two household recycling centres: Hollins Lane Recycling Centre at the western edge of Marrowby, "
            "the larger, open every day with no booking; and Quarry Road Recycling Centre in Eastfold, smaller, "
            "open four days a week, every visit booked online."),
          U("compare the two for vans and trailers"),
      ],
      "Hollins Lane takes vans up to 3.5 tonnes with a free van permit (applied for online at least five "
      "working days before, up to 12 visits a year), and trailers up to 2.5 metres long, single-axle, without "
      "a permit. Quarry Road takes no vans at all, permit or not, as there is no room to turn; cars towing a "
      "trailer up to 1.8 metres long are accepted.",
      {"hollins-lane-recycling-centre": [
          "Vans are accepted at Hollins Lane with a free van permit, up to 12 visits a year per household",
          "Trailers up to 2.5 metres long are accepted without a permit, single-axle only."],
       "quarry-road-recycling-centre": [
          "Vans are not accepted at Quarry Road, with or without a permit",
          "Cars, and cars towing a trailer up to 1.8 metres long, are accepted."]}),

    c("marrowby-30-gloss-paint", "subject named by the user: hazardous waste", "ANSWERABLE", "Follow-up",
      "Factoid", "gloss", [
          U("how do i get rid of half a tin of white emulsion"),
          A("Water-based paint such as emulsion isn't hazardous once it's dry: leave the lid off until it dries, "
            "or mix it with sand or sawdust, and put the dried tin in your black bin. If it's still usable you can "
            "leave it on the paint reuse shelf at Hollins Lane."),
          U("and gloss?"),
      ],
      "Oil-based paint and gloss are hazardous and must go to the hazardous waste bay at Hollins Lane "
      "Recycling Centre, up to 25 litres a visit, free of charge. Quarry Road does not take paint.",
      {"hazardous-household-waste": ["Oil-based paint and gloss must go to the hazardous waste bay.",
                                     "| Paint and chemicals | Yes, up to 25 litres a visit | No | No |"]},
      ["black-bin"]),

    c("marrowby-31-blue-glass-why", "operator follow-up: why", "ANSWERABLE", "Follow-up", "Explanation",
      "blue bin", [
          U("can glass bottles go in the blue bin with the cans"),
          A("No, glass isn't accepted in the blue bin. Bottles and jars go in your purple glass box, which is "
            "collected on the same day as the blue bin."),
          U("why not??"),
      ],
      "Because broken glass injures the staff who sort the blue bin recycling by hand.",
      {"blue-bin": ["because broken glass injures the staff who sort it by hand"]},
      ["purple-glass-box"]),

    c("marrowby-32-quarry-not-accepted", "operator follow-up: list", "ANSWERABLE", "Follow-up", "List",
      "Quarry Road", [
          U("whats the nearest tip to Hatherby"),
          A("Quarry Road Recycling Centre, in Eastfold, off the B6412. It's open Monday, Thursday, Friday and "
            "Saturday, 9 am to 5 pm, and every visit has to be booked online."),
          U("list the stuff they wont take"),
      ],
      "Quarry Road does not accept: plasterboard, rubble and soil, tyres, asbestos of any kind, fridges and "
      "freezers, paint, oil and chemicals, gas bottles, and car batteries. Plasterboard and other DIY waste go "
      "to Hollins Lane.",
      {"quarry-road-recycling-centre": ["| Garden waste | Plasterboard |", "| Wood | Fridges and freezers |",
                                        "| Household batteries | Car batteries |",
                                        "Plasterboard is not accepted at Quarry Road, nor is any other DIY waste."]},
      others("quarry-road-recycling-centre")),

    c("marrowby-03-missed-after-centre", "new question after a long conversation: missed bin", "ANSWERABLE",
      "N/A", "Factoid", "missed", [
          U("which tip do i have to book for"),
          A("Quarry Road Recycling Centre in Eastfold. Every visit is booked online at "
            "marrowby.example/quarryroad, up to 14 days ahead, in 30-minute slots; you can't book by phone."),
          U("can i take a trailer"),
          A("Yes, cars towing a trailer up to 1.8 metres long are accepted at Quarry Road. Vans are not."),
          U("and they take old paint?"),
          A("No, Quarry Road doesn't take paint, oil or chemicals. Those go to the hazardous waste bay at Hollins "
            "Lane Recycling Centre."),
          U("fine. different thing, my recycling bin wasn't emptied on thursday, how long have i got to report a missed bin?"),
      ],
      "Report it by the end of the next working day after your collection day (for a Thursday collection, by "
      "the end of Friday), online at marrowby.example/missed or on 01632 960 400. Later reports are not "
      "accepted, and the bin is then emptied on your next normal collection day. The crew returns within 2 "
      "working days.",
      {"missed-collections": ["Report it by the end of the next working day after your collection day.",
                              "We cannot accept reports made later than that"]},
      ["quarry-road-recycling-centre", "hazardous-household-waste"]),

    # ------------------------------------------------------------------ PARTIAL
    c("marrowby-33-swap-shed-parking", "partly answerable: hours, not parking", "PARTIAL", "Follow-up",
      "Factoid", "Swap Shed", [
          U("is there anywhere i can leave old toys and books for someone else to use?"),
          A("Yes: the Swap Shed, next to the gate at Quarry Road Recycling Centre in Eastfold, is a reuse shop "
            "run by volunteers where residents can leave or take usable household items for free, such as "
            "books, toys, tools and kitchenware."),
          U("when is it open? and is there disabled parking?"),
      ],
      "It is open on Saturdays only, from 10 am to 2 pm. The page doesn't say anything about disabled parking.",
      {"quarry-road-recycling-centre": ["It is open on Saturdays only, from 10 am to 2 pm"]},
      ["hollins-lane-recycling-centre"]),

    c("marrowby-34-second-bin-2027", "partly answerable: a year not given", "PARTIAL", "Follow-up",
      "Factoid", "garden waste subscription", [
          U("how much to have my hedge clippings taken"),
          A("Hedge clippings go in the brown bin of the garden waste subscription, collected every two weeks "
            "from March to November. The first brown bin costs £52 for the 2026 season."),
          U("how much is a second bin, and do you know next year's price yet?"),
      ],
      "A second (extra) brown bin is £35 in 2026, and a household can have up to three. The page gives no "
      "price for 2027.",
      {"garden-waste-subscription": ["| 2026 | £52 | £35 |", "A household can have up to three brown bins."]},
      ["bulky-waste-collection"]),

    c("marrowby-35-sites-supervisor", "partly answerable: how long in post", "PARTIAL", "Follow-up",
      "Factoid", "Priya Hollingworth", [
          U("who runs the recycling centres day to day?"),
          A("The recycling centres are the part of the council's Waste and Recycling Team led by Priya "
            "Hollingworth, the Sites Supervisor."),
          U("how many staff does she have and how long has she been there"),
      ],
      "Her part of the team has 14 staff. The page doesn't say how long she has been in the job (it gives "
      "that only for the Waste Services Manager).",
      {"waste-team": ["| Recycling centres | Priya Hollingworth, Sites Supervisor | 14 |"]}),

    # ------------------------------------------------------------------ UNANSWERABLE
    c("marrowby-36-quarry-last-entry", "trap file: a fact only the sibling gives", "UNANSWERABLE",
      "Follow-up", "Factoid", "Quarry Road", [
          U("which tip do you have to book for"),
          A("Quarry Road Recycling Centre in Eastfold: every visit is booked online at "
            "marrowby.example/quarryroad, up to 14 days ahead, in 30-minute slots. It's open Monday, Thursday, "
            "Friday and Saturday, 9 am to 5 pm."),
          U("whats the last entry time"),
      ],
      "Quarry Road's page doesn't give a last entry time, only its hours (9 am to 5 pm) and that visits are "
      "booked in 30-minute slots. (The 15 minutes before closing is Hollins Lane's rule.)",
      None, others("quarry-road-recycling-centre")),

    c("marrowby-37-hollins-reuse-shop", "trap file: a fact only the sibling gives", "UNANSWERABLE",
      "Follow-up", "Factoid", "Hollins Lane", [
          U("Which tip is open on a Sunday?"),
          A("Hollins Lane Recycling Centre is open every day, including Sundays: 8 am to 6 pm in summer and "
            "8 am to 4 pm in winter, no booking needed."),
          U("has it got a reuse shop where you can pick stuff up?"),
      ],
      "The Hollins Lane page doesn't mention a reuse shop for residents; it only says staff set aside "
      "furniture and bikes in good condition for the Marrowby Furniture Project.",
      None, others("hollins-lane-recycling-centre")),

    c("marrowby-38-bulky-2025", "year or version not covered: price", "UNANSWERABLE", "Follow-up",
      "Factoid", "bulky waste collection", [
          U("how much to get an old wardrobe picked up"),
          A("A bulky waste collection costs £38 for up to 3 items in 2026, and £9 for each extra item up to 6. "
            "Fitted wardrobes need to be taken apart first."),
          U("was it cheaper last year?"),
      ],
      "The bulky waste page gives only the 2026 prices; it doesn't say what a collection cost in 2025.",
      None, ["garden-waste-subscription"]),

    c("marrowby-39-good-friday-2027", "year or version not covered: dates", "UNANSWERABLE", "Follow-up",
      "Factoid", "Good Friday", [
          U("do the bins still come on bank holiday mondays?"),
          A("Yes: collections go ahead as normal on Easter Monday, the early May and spring bank holidays and "
            "the August bank holiday. Good Friday is the exception: its collections move to the Saturday after."),
          U("ok so which saturday is it in 2027 then"),
      ],
      "The page gives the 2026 dates only (Good Friday 3 April 2026, moved to Saturday 4 April); the 2027 dates "
      "have not been published yet.",
      None, ["christmas-collections"]),

    c("marrowby-40-recycling-rate-2025-26", "year or version not covered: figure", "UNANSWERABLE",
      "Follow-up", "Factoid", "recycling rate", [
          U("how much of our rubbish actually gets recycled in Marrowby?"),
          A("In 2024/25 Marrowby households recycled or composted 48.6% of their waste, up from 46.1% the year "
            "before. The council's target is 55% by 2028."),
          U("and for 2025/26?"),
      ],
      "The documents give the recycling rate for 2024/25 (48.6%) and the year before, not for 2025/26.",
      None, ["blue-bin"]),

    c("marrowby-41-compost-bins", "subject with no document: home compost bins", "UNANSWERABLE", "N/A",
      "Factoid", None, [
          U("Do you sell cheap compost bins for the garden?"),
      ],
      "The pages don't mention home compost bins for sale. They cover the paid garden waste subscription "
      "(a brown bin collected every two weeks) and say that composted garden waste is sold back as soil "
      "improver at both recycling centres.",
      None, ["garden-waste-subscription"]),

    c("marrowby-42-quarry-why-closed", "why the documents do not say", "UNANSWERABLE", "Follow-up",
      "Explanation", "Quarry Road", [
          U("I'm in Eastfold, when can I use the local tip?"),
          A("Quarry Road Recycling Centre is open Monday, Thursday, Friday and Saturday, 9 am to 5 pm, all "
            "year; it's closed on Tuesday, Wednesday and Sunday, and every visit has to be booked online."),
          U("why is it shut midweek?"),
      ],
      "The page gives Quarry Road's hours but no reason why it is closed on Tuesdays and Wednesdays.",
      None, others("quarry-road-recycling-centre")),

    c("marrowby-43-eastfold-weather-bags", "trap file: a fact only the sibling gives", "UNANSWERABLE",
      "Follow-up", "Factoid", "Eastfold", [
          U("when do bins get collected in Hatherby"),
          A("Hatherby is in the Eastfold collection area: black and blue bins on Thursday in alternate weeks, "
            "the food caddy every Thursday, garden waste on Friday. Put them out by 7 am."),
          U("if they miss us because of snow do they take extra bags next time?"),
      ],
      "Eastfold's page doesn't say what happens after a weather delay or whether extra bags are then taken. "
      "(Upper Brindle's page does say so for its own area; Eastfold's does not.)",
      None, ["collections-upper-brindle", "collections-wexley-vale"]),

    c("marrowby-44-manager-email", "near miss: a general address, not hers", "UNANSWERABLE", "Follow-up",
      "Factoid", "Ottilie Brackenridge", [
          U("who's the head of the waste department"),
          A("Ottilie Brackenridge, the Waste Services Manager, who leads the council's Waste and Recycling "
            "Team at Corve Street depot."),
          U("whats her email address"),
      ],
      "The pages don't give her own e-mail address. The team's general address is waste@marrowby.example, "
      "and complaints go through marrowby.example/complaints.",
      None, ["commercial-waste"]),

    c("marrowby-45-flytip-court", "near miss: penalties, not prosecutions", "UNANSWERABLE", "Follow-up",
      "Factoid", "fly-tipping", [
          U("is dumping rubbish a big problem round here"),
          A("In 2025/26 the council received 1,214 reports of fly-tipping, cleared 1,061 from public land and "
            "issued 87 fixed penalty notices. The worst spots were the lay-bys on the B6412 and farm gateways in "
            "Wexley Vale."),
          U("how many went to court though"),
      ],
      "The page gives the number of fixed penalty notices (87) but not how many cases went to court.",
      None, ["collections-wexley-vale"]),

    # ------------------------------------------------------------------ UNDERSPECIFIED
    c("marrowby-46-bin-day", "ambiguous: four areas", "UNDERSPECIFIED", "N/A", "Factoid", None, [
          U("what day are the bins collected?"),
      ],
      "It depends on your collection area: Marrowby Town on Tuesday, Eastfold on Thursday, Wexley Vale on "
      "Monday and Upper Brindle on Friday (black and blue bins alternate weeks; food caddies weekly). Where do "
      "you live? The bin day finder at marrowby.example/bins gives your dates from your postcode.",
      {"collections-marrowby-town": ["| Black bin (rubbish) | Tuesday | Every two weeks |"],
       "collections-eastfold": ["| Black bin (rubbish) | Thursday | Every two weeks |"],
       "collections-wexley-vale": ["| Black bin (rubbish) | Monday | Every two weeks |"],
       "collections-upper-brindle": ["| Black bin (rubbish) | Friday | Every two weeks |"]}),

    c("marrowby-47-tip-closing", "ambiguous: two centres", "UNDERSPECIFIED", "N/A", "Factoid", None, [
          U("what time does the tip close"),
      ],
      "Which one? Hollins Lane closes at 6 pm from April to September and 4 pm from October to March (last "
      "entry 15 minutes before); Quarry Road closes at 5 pm on the days it is open (Monday, Thursday, Friday, "
      "Saturday).",
      {"hollins-lane-recycling-centre": [
          "| Summer (1 April to 30 September) | Monday to Sunday | 8 am to 6 pm |",
          "| Winter (1 October to 31 March) | Monday to Sunday | 8 am to 4 pm |"],
       "quarry-road-recycling-centre": ["| Monday | 9 am to 5 pm |"]}),

    c("marrowby-48-trailer", "ambiguous: the assistant named two centres", "UNDERSPECIFIED", "Follow-up",
      "Factoid", None, [
          U("I want to go to the tip on Saturday"),
          A("Both recycling centres are open on Saturdays. Hollins Lane is open 8 am to 6 pm in summer and 8 am "
            "to 4 pm in winter, with no booking. Quarry Road is open 9 am to 5 pm, and you must book a slot "
            "online first."),
          U("can I take my trailer? it's 2 metres long"),
      ],
      "Which centre? Hollins Lane accepts single-axle trailers up to 2.5 metres long, so yours is fine there; "
      "Quarry Road takes trailers only up to 1.8 metres, so it would be turned away.",
      {"hollins-lane-recycling-centre": [
          "Trailers up to 2.5 metres long are accepted without a permit, single-axle only."],
       "quarry-road-recycling-centre": ["Cars, and cars towing a trailer up to 1.8 metres long, are accepted."]}),

    c("marrowby-49-how-big", "ambiguous: the assistant named two containers", "UNDERSPECIFIED", "Follow-up",
      "Factoid", None, [
          U("where do old newspapers and wine bottles go?"),
          A("Newspapers go loose in your blue bin, and wine bottles in your purple glass box. Both are "
            "collected every two weeks, on the same day."),
          U("how big is it?"),
      ],
      "Which one do you mean? The blue bin is a 240-litre wheeled bin; the purple glass box holds 55 litres "
      "(and must not weigh more than 20 kg when full).",
      {"blue-bin": ["The blue bin is Marrowby District Council's 240-litre wheeled bin for mixed dry recycling"],
       "purple-glass-box": ["The purple glass box is Marrowby District Council's 55-litre kerbside box"]}),

    c("marrowby-50-how-much", "ambiguous: the assistant named two services", "UNDERSPECIFIED", "Follow-up",
      "Factoid", None, [
          U("got a pile of hedge cuttings and an old bed to get rid of"),
          A("The hedge cuttings can go in a brown bin if you have a garden waste subscription, or to either "
            "recycling centre. The bed can be picked up from outside your home with a bulky waste collection, "
            "or you can take it to Hollins Lane yourself."),
          U("how much does it cost"),
      ],
      "Which do you mean? In 2026 the garden waste subscription is £52 for the first brown bin for the season; "
      "a bulky waste collection is £38 for up to 3 items. Taking either to a recycling centre yourself is free.",
      {"garden-waste-subscription": ["| 2026 | £52 | £35 |"],
       "bulky-waste-collection": ["| Up to 3 items | £38 |"]}),

    c("marrowby-51-moving-garden-day", "ambiguous: the assistant named two areas", "UNDERSPECIFIED",
      "Follow-up", "Factoid", None, [
          U("We're moving from Millbrook to Hatherby next month."),
          A("Millbrook is in the Marrowby Town collection area, where bins are collected on Tuesdays; Hatherby is "
            "in the Eastfold area, where they're collected on Thursdays."),
          U("what day is the garden waste then"),
      ],
      "For which address? In Marrowby Town (Millbrook) garden waste is collected on Mondays; in Eastfold "
      "(Hatherby) on Fridays, every two weeks from March to November.",
      {"collections-marrowby-town": ["| Brown bin (garden waste, subscribers only) | Monday |"],
       "collections-eastfold": ["| Brown bin (garden waste, subscribers only) | Friday |"]}),
]
