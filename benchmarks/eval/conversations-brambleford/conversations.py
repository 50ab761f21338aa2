"""The Brambleford conversations: a held-out multi-turn suite about a fictional garden nursery.

Written by hand on 2026-11-30 by a writer who had not read the engine. Build with, from the
repository root:

    python3 benchmarks/eval/conversations/build.py benchmarks/eval/conversations-brambleford
"""

from build import A, U

COLLECTION = "brambleford"


def c(id, kind, answerability, multi_turn, question_type, subject, turns, target, evidence=None, traps=()):
    return {"id": id, "kind": kind, "answerability": answerability, "multi_turn": multi_turn,
            "question_type": question_type, "subject": subject, "turns": turns, "target": target,
            "evidence": evidence or {}, "traps": list(traps)}


CONVERSATIONS = [
    # ------------------------------------------------------------------ ANSWERABLE
    c("bramble-01-frostmoor-spacing", "subject named by the assistant: spacing", "ANSWERABLE", "Follow-up",
      "Factoid", "Frostmoor Red", [
          U("which of your tomatoes will cope in a greenhouse with no heating?"),
          A("Frostmoor Red is the one: it is a cordon tomato bred for unheated greenhouses and sheltered spots "
            "outdoors, and its flowers set fruit at night temperatures down to 8 °C. Plant it into a cold "
            "greenhouse in late April."),
          U("how far apart should I plant them?"),
      ],
      "Set Frostmoor Red plants 45 cm apart, with 75 cm between rows. Grow them in the border or a raised "
      "bed: they are not suited to pots or grow bags.",
      {"tomato-frostmoor-red": ["Set the plants 45 cm apart, with 75 cm between rows."]},
      ["tomato-scarlet-ember", "tomato-little-wren"]),

    c("bramble-02-little-wren-side-shoots", "subject named by the assistant: care", "ANSWERABLE", "Follow-up",
      "Factoid", "Little Wren", [
          U("I'd like to grow a few tomatoes in a hanging basket on my balcony. Do you have anything suitable?"),
          A("Yes: Little Wren is a bush cherry tomato for pots, window boxes and hanging baskets. It grows only "
            "about 35 cm tall with trailing stems, and one plant fills a 30 cm hanging basket. Plant it out "
            "after the last frost, usually late May or early June."),
          U("Do I need to take the side shoots off like with normal tomatoes?"),
      ],
      "No. Little Wren is a bush variety, so there are no side shoots to pinch out and no canes to tie in; "
      "just turn the basket every week or so so the fruit ripens evenly.",
      {"tomato-little-wren": ["Little Wren is a bush variety, so there are no side shoots to pinch out and no "
                              "canes to tie in."]},
      ["tomato-scarlet-ember", "tomato-frostmoor-red"]),

    c("bramble-03-copper-lantern-prune", "subject named by the assistant: pruning time", "ANSWERABLE",
      "Follow-up", "Factoid", "Copper Lantern", [
          U("Is there a climbing rose that would grow on a north facing wall? The back of our house gets "
            "hardly any sun."),
          A("Copper Lantern is one of the few climbing roses that is happy on a north-facing wall; it flowers "
            "well with three or four hours of sun a day. It has single copper-orange flowers in June and "
            "orange hips in autumn, and reaches about 3 m."),
          U("when do i prune it"),
      ],
      "Prune Copper Lantern in August, straight after it has flowered: cut the flowered stems back to a "
      "strong young shoot and tie in the new shoots. Leave a few flowered stems unpruned if you want the "
      "autumn hips.",
      {"rose-copper-lantern": ["prune Copper Lantern in August, straight after flowering"]},
      ["rose-hollowmere"]),

    c("bramble-04-copper-lantern-why-august", "operator follow-up: why", "ANSWERABLE", "Follow-up",
      "Explanation", "Copper Lantern", [
          U("What's the orange climbing rose you sell? I saw it on the wall by your café."),
          A("That will be Copper Lantern, a climbing rose with single copper-orange flowers that open from "
            "deep amber buds. It flowers once, in June, for about four weeks, and then carries orange hips."),
          U("When should it be pruned?"),
          A("In August, straight after flowering: cut the stems that have flowered back to a strong young "
            "shoot and tie the new shoots in. If you want the autumn hips, leave a few flowered stems "
            "unpruned."),
          U("Why then? I always thought you pruned roses in winter."),
      ],
      "Because Copper Lantern flowers on stems that grew the year before: pruning straight after flowering "
      "leaves the new shoots to grow and flower next June, whereas winter pruning would cut off next year's "
      "flowering stems.",
      {"rose-copper-lantern": ["Because it flowers on stems that grew the year before"]},
      ["rose-hollowmere"]),

    c("bramble-05-greyhollow-size", "subject named by the assistant: size", "ANSWERABLE", "Follow-up",
      "Factoid", "Greyhollow Pippin", [
          U("i've only got room for one apple tree. which of yours will fruit on its own without another "
            "tree nearby?"),
          A("Greyhollow Pippin is self-fertile and will fruit on its own, though it crops more heavily with a "
            "partner nearby. Kettlewick Russet is not self-fertile, so it would not suit you."),
          U("great. how big does it get? the garden isn't huge"),
      ],
      "Greyhollow Pippin is sold on the vigorous BV-7 rootstock, on which it makes a big tree about 5 m tall "
      "and as wide; trees are planted 5 m apart, and it takes four or five years to start fruiting.",
      {"apple-greyhollow-pippin": ["On that rootstock it makes a big, long-lived tree about 5 m tall and as "
                                   "wide"]},
      ["apple-kettlewick-russet"]),

    c("bramble-06-greyhollow-pot", "subject named by the assistant: yes/no", "ANSWERABLE", "Follow-up",
      "Factoid", "Greyhollow Pippin", [
          U("Which of your apples is good for cooking?"),
          A("Greyhollow Pippin is a dual-purpose apple: sharp enough to cook early in the season, when it "
            "cooks to a smooth purée, and sweet enough to eat when fully ripe. Pick it from mid-September; "
            "the apples keep for about four weeks."),
          U("Lovely. Could I grow it in a big pot on the patio?"),
      ],
      "No. Greyhollow Pippin is grafted on the vigorous BV-7 rootstock and grows about 5 m tall, so it is "
      "not suitable for growing in a pot.",
      {"apple-greyhollow-pippin": ["Because of its size, Greyhollow Pippin is not suitable for growing in a "
                                   "pot."]},
      ["apple-kettlewick-russet"]),

    c("bramble-07-copper-lantern-price-correction", "clarification: the other climbing rose", "ANSWERABLE",
      "Clarification", "Factoid", "Copper Lantern", [
          U("How much is a bare root climbing rose from you this winter?"),
          A("A bare-root Hollowmere costs £24 in 2026 (it was £22 in 2025). Bare-root plants are sold from "
            "November to March."),
          U("sorry, not that one, I meant the orange one that's fine on a north wall"),
      ],
      "That is Copper Lantern: a bare-root plant costs £21 in 2026 (£19 in 2025). It is sold bare-root only, "
      "from November to March.",
      {"rose-copper-lantern": ["| Bare-root plant | £19 | £21 |",
                               "Copper Lantern is sold bare-root only, from November to March."]},
      ["rose-hollowmere"]),

    c("bramble-08-frostmoor-sowing-correction", "clarification: the other tomato", "ANSWERABLE",
      "Clarification", "Factoid", "Frostmoor Red", [
          U("When should I sow Scarlet Ember?"),
          A("Sow Scarlet Ember indoors in mid-February, 1 cm deep, at 20 to 22 °C; the seedlings come up in 6 "
            "to 8 days. It is grown in a heated greenhouse."),
          U("Ah no, I got the name wrong. I meant the one that's resistant to blight, for outside."),
      ],
      "That is Frostmoor Red, which has good resistance to late blight: sow it in mid-March, 1 cm deep, at "
      "about 18 °C; the seed comes up in 7 to 10 days. Plant it outdoors in early June once the last frost "
      "has passed. (Note that Frostmoor Red is sold as plants; its seed is not sold.)",
      {"tomato-frostmoor-red": ["Sow in mid-March, 1 cm deep, at about 18 °C; the seed comes up in 7 to 10 "
                                "days.",
                                "Frostmoor Red has good resistance to late blight"]},
      ["tomato-scarlet-ember"]),

    c("bramble-09-lavender-compare", "operator follow-up: compare", "ANSWERABLE", "Follow-up", "Comparative",
      None, [
          U("What lavenders do you sell?"),
          A("Two: Misty Wold, a compact English lavender about 40 cm tall with deep violet flower spikes, and "
            "Saltmarsh Blue, a French lavender about 60 cm tall with dark purple heads topped by pale blue "
            "'ears'."),
          U("compare the two for me, how cold can they take and when do they flower"),
      ],
      "Misty Wold is hardy to −15 °C in well-drained soil and flowers in July and August. Saltmarsh Blue is "
      "hardy only to −5 °C (winter wet harms it more than cold, so it is best in a pot moved under cover "
      "from November to March) but flowers much longer, in flushes from April to September.",
      {"lavender-misty-wold": ["Hardy to −15 °C in well-drained soil.",
                               "deep violet flowers in July and August"],
       "lavender-saltmarsh-blue": ["Saltmarsh Blue is hardy only to −5 °C",
                                   "it flowers in flushes from April to September"]}),

    c("bramble-10-edwin-tarrant-other-plant", "subject named by the assistant: he", "ANSWERABLE",
      "Follow-up", "Factoid", "Edwin Tarrant", [
          U("who bred the Hollowmere rose?"),
          A("Hollowmere was bred in 2011 by Edwin Tarrant, Brambleford's rose grower for thirty years. It was "
            "named Rose of the Year at the Eastmarch Flower Show in 2018."),
          U("did he come up with anything else you sell?"),
      ],
      "Yes: Edwin Tarrant found the Whisker Haze catmint in 2009, as a seedling in the bed of catmint under "
      "the roses at Church Lane. He kept it because it stayed upright after rain, and the nursery has sold "
      "it since 2012.",
      {"catmint-whisker-haze": ["Whisker Haze was found in 2009 by Edwin Tarrant, the nursery's rose grower"]}),

    c("bramble-11-ottilie-favourite", "subject named by the assistant: she", "ANSWERABLE", "Follow-up",
      "Factoid", "Ottilie Marsh", [
          U("Who takes the workshops?"),
          A("They are led by the nursery's head gardener, Ottilie Marsh, who has worked at Brambleford since "
            "2008, with guest talks from the trial ground team."),
          U("Nice. What's she like, what does she enjoy doing most?"),
      ],
      "Her favourite job of the year is the rose pruning in February. She trained at a horticultural college "
      "in the north, worked in public gardens, and looks after the nursery's display gardens.",
      {"workshops": ["her favourite job of the year is the rose pruning in February"]},
      ["site-millbeck-road"]),

    c("bramble-12-kettlewick-summary", "operator follow-up: summarise", "ANSWERABLE", "Follow-up",
      "Summarization", "Kettlewick Russet", [
          U("I want a small apple tree I can keep in a pot on the patio"),
          A("Kettlewick Russet suits that: it is a russeted dessert apple grafted on the dwarfing BD-2 "
            "rootstock, so it stays about 2 m tall, and it can be grown in a large pot holding 50 litres or "
            "more of loam-based compost such as Deeproot."),
          U("Sounds good. Can you summarise what I'd need to do to look after it through the year?"),
      ],
      "Keep it on a permanent stake (BD-2 roots are weak). Each spring top-dress the pot, and repot every "
      "three years. Hang codling moth traps in May. Rake up fallen leaves in autumn against scab. Pick in "
      "early October and store until January. Prune in winter, December to February (and summer prune in "
      "August if it is trained against a fence). It also needs another apple flowering at the same time "
      "within about 20 m to pollinate it.",
      {"apple-kettlewick-russet": ["the tree needs a permanent stake or a post for its whole life",
                                   "top-dress the pot each spring and repot every three years",
                                   "Prune in winter, between December and February, while the tree is dormant",
                                   "Hang codling moth traps in May.",
                                   "Pick in early October"]},
      ["apple-greyhollow-pippin"]),

    c("bramble-13-strawberry-pests", "operator follow-up: list", "ANSWERABLE", "Follow-up", "Factoid",
      "Midsummer Pennant", [
          U("do you sell strawberry plants?"),
          A("Yes, Midsummer Pennant, a summer-fruiting strawberry that crops heavily for about three weeks "
            "from mid-June. A pack of six bare-root runners costs £11 in 2026."),
          U("what pests and problems should i look out for with them"),
      ],
      "Slugs and birds are the main threats: net the bed before the fruits colour, and tuck straw under the "
      "plants to keep fruit away from slugs. Grey mould can rot the fruit in wet weather; pick off mouldy "
      "fruit at once. Late frosts can also damage open flowers, so fleece them on cold May nights.",
      {"strawberry-midsummer-pennant": ["Slugs and birds are the main threats: net the bed before the fruits "
                                        "colour.",
                                        "Grey mould can rot fruit in wet weather"]}),

    c("bramble-14-shadewell-rate", "subject named by the assistant: sowing rate", "ANSWERABLE", "Follow-up",
      "Factoid", "Shadewell", [
          U("Half my lawn is under a big oak and it's gone thin and mossy. What seed should I use?"),
          A("Shadewell is the mix for that: it is Brambleford's lawn seed for shady places, a blend of fine "
            "fescues and wood meadow-grass for spots with as little as three hours of direct sun a day. The "
            "best time to sow is late August to the end of September."),
          U("how much do I put down per square metre?"),
      ],
      "Sow Shadewell at 25 g per square metre for a new lawn, or 15 g per square metre to thicken a thin "
      "one, raking it in lightly and keeping it moist.",
      {"lawn-seed-shadewell": ["sow 25 g per square metre for a new lawn, or 15 g to thicken a thin one"]},
      ["lawn-seed-playfield"]),

    c("bramble-15-playfield-germination", "subject named by the assistant: two turns on", "ANSWERABLE",
      "Follow-up", "Factoid", "Playfield", [
          U("what grass seed would survive the kids playing football on it every day"),
          A("Playfield is Brambleford's hard-wearing mix for family lawns: 70% dwarf perennial ryegrass, "
            "which recovers quickly from wear, and 30% creeping red fescue. It needs full sun."),
          U("when can i sow it"),
          A("From mid-April to the end of May, or in September, when the soil is warm and moist. Sow 35 g "
            "per square metre for a new lawn."),
          U("and how long till it comes up?"),
      ],
      "Playfield comes up in 7 to 10 days in warm weather, longer in a cold spell. Keep people and dogs off "
      "it for the first eight weeks.",
      {"lawn-seed-playfield": ["The seed comes up in 7 to 10 days in warm weather, longer in a cold spell."]},
      ["lawn-seed-shadewell"]),

    c("bramble-16-deeproot-feed", "subject named by the assistant: feed", "ANSWERABLE", "Follow-up",
      "Factoid", "Deeproot", [
          U("What compost should I put my apple tree in? It's going in a half barrel."),
          A("Use Deeproot, Brambleford's loam-based compost for trees, roses, shrubs and plants that stay in "
            "the same pot for years. It is a mix of sterilised loam, composted bark and grit, and the weight "
            "helps stop tall pots blowing over."),
          U("How long will the feed in it last?"),
      ],
      "The feed mixed into Deeproot lasts about three months. After that, give the tree a top-dressing each "
      "spring or a slow-release feed.",
      {"compost-deeproot": ["The feed mixed into Deeproot lasts about three months."]},
      ["compost-hearthmould"]),

    c("bramble-17-hearthmould-blueberries", "subject named by the assistant: yes/no", "ANSWERABLE",
      "Follow-up", "Factoid", "Hearthmould", [
          U("i need compost for sowing seeds and doing my hanging baskets, what do you have"),
          A("Hearthmould, Brambleford's own peat-free multi-purpose compost, is meant for exactly that: "
            "sowing seeds, potting on seedlings, summer containers and hanging baskets. A 50-litre bag costs "
            "£8 in 2026, or three for £21."),
          U("could i use it for my blueberries too"),
      ],
      "No: Hearthmould is not suitable for lime-hating plants such as blueberries.",
      {"compost-hearthmould": ["it is not suitable for lime-hating plants such as blueberries"]},
      ["compost-deeproot"]),

    c("bramble-18-millbeck-saturday", "subject named by the assistant: opening hours", "ANSWERABLE",
      "Follow-up", "Factoid", "Millbeck Road", [
          U("Is there anywhere near Oxley station I can pick up compost? I don't drive."),
          A("Yes: Brambleford's second site, the shop at Millbeck Road, is behind Oxley railway station, a "
            "five-minute walk from the platform. It sells Hearthmould compost, lawn seed, seeds, tools, "
            "houseplants and a chosen range of the nursery's plants."),
          U("What time does it shut on a Saturday?"),
      ],
      "Millbeck Road closes at 17:30 on Saturdays, all year round (it is open 9:00 to 17:30 Monday to "
      "Saturday).",
      {"site-millbeck-road": ["| April to September | 9:00 to 17:30 | 10:00 to 16:00 |",
                              "| October to March | 9:00 to 17:30 | closed |"]},
      ["site-church-lane"]),

    c("bramble-19-cafe-dogs", "subject named by the assistant: yes/no", "ANSWERABLE", "Follow-up", "Factoid",
      "Potting Shed Café", [
          U("Is there anywhere to get lunch when we visit the nursery?"),
          A("Yes, the Potting Shed Café at the Church Lane site serves hot lunches from 12:00 to 14:30, with "
            "a soup of the day and two hot dishes, one always vegetarian."),
          U("can we bring the dog in with us?"),
      ],
      "Dogs are welcome on the café's covered terrace, but not inside.",
      {"cafe": ["Dogs are welcome on the terrace but not inside."]}),

    c("bramble-20-delivery-after-rose", "new question after a long conversation", "ANSWERABLE", "N/A",
      "Factoid", None, [
          U("Which climbing rose has the best scent?"),
          A("Hollowmere: fully double, soft apricot-pink flowers with a strong scent of clove and lemon. It "
            "flowers again and again from June to October."),
          U("Does it need a sunny wall?"),
          A("Yes, a south or west wall in full sun; it does poorly in shade, where it grows long bare stems "
            "and few flowers."),
          U("When is it pruned?"),
          A("In February: shorten the flowered side shoots to two or three buds and tie the main stems out "
            "as close to horizontal as you can."),
          U("OK, I'll order one. How much do you charge for local delivery?"),
      ],
      "Local delivery (within 25 miles, on Tuesdays and Fridays) costs £7.50 in 2026, and is free on orders "
      "over £60. Bare-root roses are delivered from November to March.",
      {"delivery": ["| Local delivery charge | £6.95 | £7.50 |",
                    "| Free local delivery on orders over | £50 | £60 |"]}),

    c("bramble-21-pennywhistle-guarantee", "subject named by the user: guarantee", "ANSWERABLE", "Follow-up",
      "Factoid", "Pennywhistle", [
          U("I bought a Pennywhistle rose from you in May and it's dropping all its leaves. What could be "
            "wrong?"),
          A("In a wet summer Pennywhistle can get blackspot: pick off the spotted leaves and clear fallen "
            "ones in autumn. In a pot it also needs watering whenever the top 2 cm of compost is dry, which "
            "in summer can be every day."),
          U("if it dies can i bring it back?"),
      ],
      "Yes, if it dies within 12 months of purchase: roses are guaranteed for 12 months. Bring it back (or a "
      "photograph) with the receipt or your loyalty card to either site, and the nursery will replace it or "
      "give a credit note. The guarantee does not cover plants not looked after as the label says, such as "
      "one left dry in a pot in summer.",
      {"plant-guarantee": ["| Trees, roses, shrubs and hardy perennials | 12 months from purchase |",
                           "such as a plant left dry in a pot in summer"]}),

    c("bramble-22-workshop-child", "subject named by the assistant: yes/no", "ANSWERABLE", "Follow-up",
      "Factoid", None, [
          U("when's your next rose pruning course?"),
          A("The Winter pruning workshop (roses and apple trees) is on Saturday 6 February 2027 in the "
            "Workshop Barn at Church Lane, from 10:00 to 13:00, led by the head gardener Ottilie Marsh. It "
            "costs £35, with tea and cake included."),
          U("can I bring my daughter, she's 10 and loves the garden"),
      ],
      "Not at 10: children aged 12 and over are welcome with a paying adult.",
      {"workshops": ["Children aged 12 and over are welcome with a paying adult."]}),

    c("bramble-23-misty-wold-hedge-spacing", "subject named by the assistant: informal", "ANSWERABLE",
      "Follow-up", "Factoid", "Misty Wold", [
          U("wich lavender is best for a low hedge along the front path"),
          A("Misty Wold: a compact English lavender about 40 cm tall and 45 cm wide with deep violet spikes "
            "in July and August, the nursery's favourite for a low hedge along a path."),
          U("how far apart shoud i put them"),
      ],
      "For a hedge, set Misty Wold plants 35 cm apart. Plant from April, and water weekly through the first "
      "summer. (Ten or more 9 cm pots cost £4.25 each in 2026.)",
      {"lavender-misty-wold": ["For a hedge, set the plants 35 cm apart."]},
      ["lavender-saltmarsh-blue"]),

    c("bramble-24-misty-wold-prune-two-on", "subject named by the assistant: two turns on", "ANSWERABLE",
      "Follow-up", "How-To", "Misty Wold", [
          U("Any lavender that will survive a cold garden? We're high up and get hard frosts."),
          A("Misty Wold, a compact English lavender, is hardy to −15 °C in well-drained soil. Saltmarsh Blue "
            "is hardy only to −5 °C, so it would not suit you."),
          U("does it need rich soil?"),
          A("No: it needs no feeding in the ground, as rich soil makes it floppy. It wants full sun and soil "
            "that drains freely; on clay, plant it in a raised bed or on a mound with grit."),
          U("when do i cut it back, and how hard?"),
      ],
      "Prune Misty Wold every year in late August, straight after flowering, into a neat dome, leaving 2 to "
      "3 cm of green, leafy growth on each stem. Never cut into the bare brown wood, which does not grow "
      "again.",
      {"lavender-misty-wold": ["Prune every year in late August, straight after flowering",
                               "Never cut into the bare, brown wood, which does not grow again."]},
      ["lavender-saltmarsh-blue"]),

    c("bramble-25-whisker-haze-pot", "subject named by the assistant: yes/no", "ANSWERABLE", "Follow-up",
      "Factoid", "Whisker Haze", [
          U("My cats are driving me mad digging up the borders. Is there a plant they'd actually enjoy?"),
          A("Whisker Haze, a catmint, is safe for cats, which love to roll in it. It has soft grey-green "
            "aromatic leaves and lavender-blue flowers from June to September."),
          U("Would it grow in a pot on my balcony?"),
      ],
      "Not really: Whisker Haze is not one for pots. It sprawls, and it soon fills and outgrows a container; "
      "it is happiest in the ground, in sun or light shade.",
      {"catmint-whisker-haze": ["It is not one for pots: it sprawls, and it soon fills and outgrows a "
                                "container."]}),

    c("bramble-26-little-wren-price", "subject named by the assistant: price", "ANSWERABLE", "Follow-up",
      "Factoid", "Little Wren", [
          U("what tomato would you recommend for a window box"),
          A("Little Wren, a bush cherry tomato for pots, window boxes and hanging baskets. It grows about "
            "35 cm tall and needs no side shoots pinching out; plant three to a 40-litre trough."),
          U("whats one cost"),
      ],
      "A Little Wren plant in a 9 cm pot costs £2.90 in 2026 (it was £2.75 in 2025). A ready-planted hanging "
      "basket of three plants is £18, sold only at Church Lane.",
      {"tomato-little-wren": ["| Plant in a 9 cm pot | £2.75 | £2.90 |"]},
      ["tomato-scarlet-ember", "tomato-frostmoor-red"]),

    c("bramble-27-pennywhistle-pot-size", "subject named by the assistant: pot size", "ANSWERABLE",
      "Follow-up", "Factoid", "Pennywhistle", [
          U("I'd love a rose but I only have a small balcony."),
          A("Pennywhistle would suit you: it is a patio rose, a compact bush about 45 cm tall and wide with "
            "clusters of small double, pale lemon flowers and a light honey scent, flowering from June to "
            "September."),
          U("How big a pot would it need?"),
      ],
      "A pot at least 30 cm across, holding 20 litres of compost. Use a loam-based compost such as Deeproot "
      "with gravel at the bottom, and stand the pot on feet so it drains.",
      {"rose-pennywhistle": ["It grows happily in a pot at least 30 cm across and holding 20 litres of "
                             "compost"]},
      ["rose-hollowmere", "rose-copper-lantern"]),

    c("bramble-28-tomato-guarantee-after-long", "new question after a long conversation", "ANSWERABLE",
      "N/A", "Factoid", None, [
          U("I've got a heated greenhouse. Which tomato would give me the biggest fruit?"),
          A("Scarlet Ember, a cordon tomato for a heated greenhouse, gives large, round, deep red fruits of "
            "120 to 150 g, and won the Gold Trowel of the Eastmarch Growers' Guild in 2022."),
          U("When do I plant it in?"),
          A("In April, once the glasshouse stays above 12 °C at night, into the border or a grow bag (two "
            "plants per bag), 50 cm apart."),
          U("How much does it crop?"),
          A("About 5 kg of fruit per plant in a good year, from late June until October."),
          U("If plants I buy from you just die off, how long have I got to bring vegetable plants back?"),
      ],
      "Vegetable plants, bedding and tomato plants are guaranteed for 14 days from purchase; bring the plant "
      "back with the receipt or loyalty card for a replacement or credit note.",
      {"plant-guarantee": ["| Vegetable plants, bedding and tomato plants | 14 days from purchase |"]}),

    # ------------------------------------------------------------------ PARTIAL
    c("bramble-29-greyhollow-price-partial", "partly answerable: price and last year's", "PARTIAL",
      "Follow-up", "Composite", "Greyhollow Pippin", [
          U("Which of your apple trees can manage without a pollination partner?"),
          A("Greyhollow Pippin is self-fertile and will fruit on its own, though it crops more heavily with a "
            "partner nearby."),
          U("what does it cost, and was it cheaper last year?"),
      ],
      "In 2026 a two-year-old bare-root Greyhollow Pippin costs £38 (sold bare-root only, November to "
      "March). Its page does not give a 2025 price, so I can't say whether it was cheaper last year.",
      {"apple-greyhollow-pippin": ["In 2026 a two-year-old bare-root tree costs £38."]},
      ["apple-kettlewick-russet"]),

    c("bramble-30-saltmarsh-height-cats-partial", "partly answerable: height and cats", "PARTIAL",
      "Follow-up", "Composite", "Saltmarsh Blue", [
          U("Which lavender flowers for longest? I want colour from spring onwards."),
          A("Saltmarsh Blue, a French lavender, flowers in flushes from April to September, much longer than "
            "an English lavender."),
          U("how tall will it get, and is it ok with cats around?"),
      ],
      "Saltmarsh Blue grows about 60 cm tall and wide. Its page says nothing about cats or other pets, so "
      "I can't tell you whether it is safe around them.",
      {"lavender-saltmarsh-blue": ["It grows about 60 cm tall and wide"]},
      ["lavender-misty-wold"]),

    # ------------------------------------------------------------------ UNANSWERABLE
    c("bramble-31-frostmoor-2025-price", "year not covered: price", "UNANSWERABLE", "Follow-up", "Factoid",
      "Frostmoor Red", [
          U("I want to grow tomatoes outside but blight wiped mine out last year. Any ideas?"),
          A("Frostmoor Red has good resistance to late blight, which makes it the safest choice for growing "
            "outdoors in a wet summer. A plant in a 9 cm pot costs £3.60 in 2026."),
          U("was it cheaper in 2025?"),
      ],
      "Frostmoor Red's page gives only its 2026 price (£3.60 a plant); it does not say what it cost in "
      "2025.",
      None, ["tomato-scarlet-ember", "tomato-little-wren"]),

    c("bramble-32-copper-lantern-breeder", "trap file: a sibling says it", "UNANSWERABLE", "Follow-up",
      "Factoid", "Copper Lantern", [
          U("Which climbing rose gets hips in the autumn?"),
          A("Copper Lantern: after flowering once in June it carries round orange hips from September into "
            "the winter, which birds eat. Leave a few flowered stems unpruned if you want them."),
          U("who bred it?"),
      ],
      "Copper Lantern's page says only that Brambleford introduced it in 2016; it does not say who bred it.",
      None, ["rose-hollowmere"]),

    c("bramble-33-shadewell-last-year", "year not covered: price", "UNANSWERABLE", "Follow-up", "Factoid",
      "Shadewell", [
          U("what seed for a lawn that's in shade most of the day"),
          A("Shadewell, Brambleford's mix for shady places, for lawns with as little as three hours of direct "
            "sun a day. A 1 kg box, which sows 40 m², costs £12 in 2026."),
          U("what was it last year? trying to work out if it's gone up"),
      ],
      "Shadewell's page gives only the 2026 price (£12 for a 1 kg box); it does not give last year's.",
      None, ["lawn-seed-playfield"]),

    c("bramble-34-blueberry-no-document", "subject with no document", "UNANSWERABLE", "Follow-up", "Factoid",
      None, [
          U("Can I use your multi-purpose compost for everything?"),
          A("Hearthmould is for sowing seeds, potting on, summer containers and hanging baskets. It is not "
            "meant for long-lived plants in pots, which need a loam-based compost such as Deeproot, and it is "
            "not suitable for lime-hating plants such as blueberries."),
          U("Right. Which blueberry bushes do you sell, then?"),
      ],
      "The nursery's pages do not list any blueberry bushes; the only mention of blueberries is that "
      "Hearthmould is not suitable for them.",
      None, ["compost-hearthmould"]),

    c("bramble-35-hollowmere-white", "subject with no document", "UNANSWERABLE", "Follow-up", "Factoid",
      None, [
          U("What colour is Hollowmere?"),
          A("Hollowmere has fully double, soft apricot-pink flowers with a strong scent of clove and lemon."),
          U("is there a white Hollowmere as well? would that be scented too?"),
      ],
      "The documents say nothing of a white Hollowmere; only the apricot-pink Hollowmere climbing rose is "
      "described, so I can't say whether such a rose exists or is scented.",
      None, ["rose-hollowmere"]),

    c("bramble-36-scarlet-ember-why-12", "why the documents do not say", "UNANSWERABLE", "Follow-up",
      "Explanation", "Scarlet Ember", [
          U("can I grow Scarlet Ember outside?"),
          A("No: Scarlet Ember is not for growing outdoors. It needs a heated greenhouse, and its flowers fail "
            "to set fruit below 12 °C."),
          U("why does it stop setting fruit below 12?"),
      ],
      "The page gives the rule (its flowers fail to set fruit below 12 °C) but not the reason for it.",
      None, ["tomato-frostmoor-red"]),

    c("bramble-37-kettlewick-first-year-yield", "near miss: the words but not the fact", "UNANSWERABLE",
      "Follow-up", "Factoid", "Kettlewick Russet", [
          U("Which of your apples stays small enough for a patio?"),
          A("Kettlewick Russet, on the dwarfing BD-2 rootstock, stays about 2 m tall and 1.5 m wide. It "
            "usually starts to fruit two or three years after planting."),
          U("how many apples will I get off it in the first year it fruits?"),
      ],
      "The page gives only what a mature tree gives (10 to 15 kg a year), not the crop in its first fruiting "
      "year.",
      None, ["apple-greyhollow-pippin"]),

    c("bramble-38-basket-workshop-2026", "year not covered: workshop", "UNANSWERABLE", "Follow-up",
      "Factoid", None, [
          U("Do you do a hanging basket workshop?"),
          A("Yes: the Hanging baskets workshop is on Saturday 22 May 2027 and costs £30, including a basket, "
            "compost and plants to take home."),
          U("did you run it in 2026 too? what did it cost then?"),
      ],
      "The workshops page gives only the 2027 programme; it does not say whether the workshop ran in 2026 "
      "or what it cost then.",
      None, []),

    c("bramble-39-misty-wold-deer", "yes/no the document is silent on", "UNANSWERABLE", "Follow-up",
      "Factoid", "Misty Wold", [
          U("I need a lavender for a low hedge by the drive"),
          A("Misty Wold is the nursery's favourite for a low hedge: a compact English lavender about 40 cm "
            "tall. Set the plants 35 cm apart."),
          U("we get deer coming through, will they eat it?"),
      ],
      "Misty Wold's page does not say whether deer eat it.",
      None, ["lavender-saltmarsh-blue"]),

    c("bramble-40-millbeck-disabled-parking", "trap file: a sibling says it", "UNANSWERABLE", "Follow-up",
      "Factoid", "Millbeck Road", [
          U("What's the parking like at your Oxley shop?"),
          A("The Millbeck Road shop, behind Oxley railway station, has a small car park with 30 spaces; on "
            "Saturdays it fills by mid-morning, and the station car park next door charges £2 for up to three "
            "hours."),
          U("are any of the spaces for disabled drivers?"),
      ],
      "Millbeck Road's page does not say whether any of its spaces are for disabled drivers (only the "
      "Church Lane site's page mentions disabled spaces).",
      None, ["site-church-lane"]),

    c("bramble-41-millbeck-why-no-bare-root", "why the documents do not say", "UNANSWERABLE", "Follow-up",
      "Explanation", "Millbeck Road", [
          U("can i buy a bare root apple tree at the Millbeck Road shop?"),
          A("No: bare-root trees and roses are not sold at Millbeck Road. They are sold at the Church Lane "
            "site from November to March."),
          U("how come?"),
      ],
      "The Millbeck Road page says bare-root trees and roses are not sold there but does not give a reason.",
      None, ["site-church-lane"]),

    # ------------------------------------------------------------------ UNDERSPECIFIED
    c("bramble-42-climbing-rose-prune", "ambiguous: two climbing roses", "UNDERSPECIFIED", "N/A", "Factoid",
      None, [
          U("when should I prune the climbing rose?"),
      ],
      "It depends on which climbing rose: Hollowmere is pruned in February, Copper Lantern in August, "
      "straight after flowering. Which one do you have?",
      {"rose-hollowmere": ["Prune Hollowmere in February."],
       "rose-copper-lantern": ["prune Copper Lantern in August, straight after flowering"]}),

    c("bramble-43-sunday-winter", "ambiguous: two sites", "UNDERSPECIFIED", "N/A", "Factoid", None, [
          U("are you open on sundays in the winter?"),
      ],
      "It depends on the site: Church Lane is open 10:00 to 16:00 on Sundays all year, while the Millbeck "
      "Road shop is closed on Sundays from October to March. Which site do you mean?",
      {"site-church-lane": ["| November to February | 9:00 to 16:30 | 10:00 to 16:00 |"],
       "site-millbeck-road": ["| October to March | 9:00 to 17:30 | closed |"]}),

    c("bramble-44-outdoor-tomatoes-yield", "ambiguous: the assistant named two", "UNDERSPECIFIED",
      "Follow-up", "Factoid", None, [
          U("which tomatoes can I grow outside?"),
          A("Two of them: Frostmoor Red, a cordon tomato bred for sheltered spots outdoors with good "
            "resistance to late blight, and Little Wren, a bush cherry tomato for pots, window boxes and "
            "hanging baskets on a sunny patio."),
          U("how much fruit will I get off a plant?"),
      ],
      "It depends which one: Frostmoor Red gives about 3.5 kg per plant, Little Wren about 1.5 kg. Which are "
      "you thinking of growing?",
      {"tomato-frostmoor-red": ["Expect about 3.5 kg of fruit per plant."],
       "tomato-little-wren": ["Expect about 1.5 kg from each plant, picked little and often."]}),

    c("bramble-45-lawn-seed-asked-back", "ambiguous: the user does not say", "UNDERSPECIFIED", "Follow-up",
      "Factoid", None, [
          U("how much is your lawn seed?"),
          A("There are two mixes: Playfield, a hard-wearing mix for sunny family lawns, and Shadewell, for "
            "lawns in shade. Which one do you mean?"),
          U("just the normal 1kg box, this year's price"),
      ],
      "A 1 kg box of Playfield costs £10 in 2026 and sows 28 m²; a 1 kg box of Shadewell costs £12 and sows "
      "40 m². Which mix suits your lawn: sunny and hard-wearing, or shady?",
      {"lawn-seed-playfield": ["| 1 kg box (sows 28 m²) | £9 | £10 |"],
       "lawn-seed-shadewell": ["In 2026 a 1 kg box of Shadewell, which sows 40 m², costs £12."]}),

    c("bramble-46-apple-pick", "ambiguous: the assistant named two", "UNDERSPECIFIED", "Follow-up",
      "Factoid", None, [
          U("Do you have apple trees?"),
          A("Yes, two: Kettlewick Russet, a russeted dessert apple on the dwarfing BD-2 rootstock (about 2 m), "
            "and Greyhollow Pippin, a dual-purpose apple on the vigorous BV-7 rootstock (about 5 m)."),
          U("when is it ready to pick?"),
      ],
      "Kettlewick Russet is picked in early October and stores until January; Greyhollow Pippin is picked "
      "from mid-September and keeps about four weeks. Which tree do you mean?",
      {"apple-kettlewick-russet": ["Pick in early October"],
       "apple-greyhollow-pippin": ["Pick from mid-September."]}),

    c("bramble-47-compost-bag-price", "ambiguous: two composts", "UNDERSPECIFIED", "N/A", "Factoid", None, [
          U("How much is a bag of your compost?"),
      ],
      "There are two: Hearthmould multi-purpose costs £8 for a 50-litre bag in 2026 (three for £21), and "
      "Deeproot tree and shrub compost £9.50 for a 40-litre bag. Which do you need?",
      {"compost-hearthmould": ["| One 50-litre bag | £7 | £8 |"],
       "compost-deeproot": ["In 2026 a 40-litre bag of Deeproot costs £9.50."]}),

    c("bramble-48-lavender-cut-back", "ambiguous: two lavenders", "UNDERSPECIFIED", "N/A", "How-To", None, [
          U("I bought a lavender from you a couple of years ago and it's getting woody. When should I cut it "
            "back?"),
      ],
      "It depends which lavender: Misty Wold is pruned in late August, straight after flowering, leaving 2 "
      "to 3 cm of green growth; Saltmarsh Blue is deadheaded through the season and given a light trim after "
      "its last flowers in September. Neither should be cut into old wood. Do you know which one you have?",
      {"lavender-misty-wold": ["Prune every year in late August, straight after flowering"],
       "lavender-saltmarsh-blue": ["After the last flowers in September, give the whole plant a light trim"]}),
]
