"""Pellworth conversations: patient information leaflets and pharmacy and clinic pages of the
invented town of Pellworth. Written by hand on 2026-11-29; held out from tuning.

The source of tasks.jsonl: edit here, then run from the repository root
    python3 benchmarks/eval/conversations/build.py benchmarks/eval/conversations-pellworth
"""

from build import A, U

COLLECTION = "pellworth"

CONVERSATIONS = [
    {
        "id": "pellworth-01",
        "kind": "subject named by the assistant: how often, after Calpirin Junior",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Calpirin Junior",
        "turns": [
            U("what can i give my toddler for a fever?"),
            A("For children aged 1 to 6 there is Calpirin Junior Oral Suspension, a strawberry-flavoured, "
              "sugar-free liquid with 120 mg of calpiramol in each 5 ml. The dose depends on the child's age "
              "and is measured with the oral syringe in the pack."),
            U("how often can she have it?"),
        ],
        "target": "Calpirin Junior can be given up to 4 times in 24 hours, with at least 4 hours between doses, "
                  "and for no more than 3 days without speaking to a doctor or pharmacist.",
        "evidence": {"calpirin-junior": [
            "A dose can be given up to 4 times in 24 hours. Leave at least 4 hours between doses. Do not give "
            "Calpirin Junior for more than 3 days"]},
        "traps": ["calpirin-six-plus", "calpirin-tablets"],
    },
    {
        "id": "pellworth-02",
        "kind": "statement: \"shes only three\" after two children's liquids",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Non-Question",
        "subject": "Calpirin Junior",
        "turns": [
            U("my daughter's got a temperature, what's safe to give her"),
            A("Calpirin makes two liquids for children: Calpirin Junior Oral Suspension (120 mg in 5 ml) for "
              "ages 1 to 6, and Calpirin Six Plus Oral Suspension (250 mg in 5 ml) for ages 6 to 12. Which one "
              "fits depends on her age."),
            U("shes only three"),
        ],
        "target": "At three she should have Calpirin Junior Oral Suspension, which is for ages 1 to 6: the dose "
                  "for a child of 2 to 4 years is 7.5 ml (180 mg), measured with the syringe, up to 4 times in "
                  "24 hours with at least 4 hours between doses. Calpirin Six Plus is stronger and is for ages "
                  "6 to 12.",
        "evidence": {"calpirin-junior": [
            "Calpirin Junior Oral Suspension is a strawberry-flavoured, sugar-free liquid for children aged 1 to 6 years.",
            "| 2 to 4 years | 7.5 ml (180 mg) |"]},
        "traps": ["calpirin-six-plus"],
    },
    {
        "id": "pellworth-03",
        "kind": "subject named by the assistant: how long one Loramist tablet lasts",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Loramist",
        "turns": [
            U("whats a good hayfever tablet that wont knock me out"),
            A("Loramist 10 mg Tablets are an antihistamine for hay fever that does not make most people drowsy. "
              "Adults take one tablet once a day."),
            U("how long does one last"),
        ],
        "target": "One Loramist tablet keeps working for 24 hours, which is why it is taken once a day; it starts "
                  "to work within 1 hour of taking it.",
        "evidence": {"loramist": [
            "Loramist starts to work within 1 hour of taking a tablet, and one tablet keeps working for 24 hours."]},
        "traps": ["sedrilan"],
    },
    {
        "id": "pellworth-04",
        "kind": "edition or year: the 2021 leaflet after the 2024 one",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Dormalin",
        "turns": [
            U("is there anything for a dry tickly cough"),
            A("Dormalin Dry Cough Syrup is for dry, tickly coughs without phlegm. Under its current leaflet, the "
              "2024 edition, adults and children aged 12 and over take 10 ml three times a day, no more than "
              "30 ml in 24 hours, for at most 7 days."),
            U("and in the 2021 leaflet? we've got an older bottle"),
        ],
        "target": "The 2021 edition gave adults and children over 12 a dose of 10 ml four times a day, and also "
                  "allowed children aged 6 to 12, at 5 ml three times a day (not under 6). The 2024 edition "
                  "replaced it: three times a day, and only for 12 and over.",
        "evidence": {"dormalin-2021": [
            "| Adults and children over 12 | 10 ml | four times a day |",
            "| Children aged 6 to 12 | 5 ml | three times a day |"]},
        "traps": ["dormalin-2024"],
    },
    {
        "id": "pellworth-05",
        "kind": "first turn: what changed in the 2024 Dormalin leaflet",
        "answerability": "ANSWERABLE", "multi_turn": "N/A", "question_type": "Summarization",
        "subject": "Dormalin",
        "turns": [
            U("What changed in the Dormalin cough syrup leaflet when it was revised in 2024?"),
        ],
        "target": "The 2024 edition: Dormalin is no longer for children under 12 (the 2021 edition allowed 6 to "
                  "12); the adult dose is three times a day instead of four; a new warning not to take it with "
                  "other medicines that cause drowsiness; an opened bottle must be used within 3 months; and a "
                  "200 ml bottle was added.",
        "evidence": {"dormalin-2024": [
            "Dormalin is no longer for children under 12.",
            "The adult dose is now three times a day instead of four.",
            "New warning: do not take Dormalin with other medicines that cause drowsiness.",
            "Once opened, the bottle must now be used within 3 months.",
            "A 200 ml bottle has been added."]},
        "traps": ["dormalin-2021"],
    },
    {
        "id": "pellworth-06",
        "kind": "operator follow-up: explain that more simply (Gastrel liquid)",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Explanation",
        "subject": "Gastrel Double Action Liquid",
        "turns": [
            U("get heartburn every night after dinner. is there a liquid i can take"),
            A("Gastrel Double Action Liquid is an aniseed-flavoured liquid for heartburn and acid reflux. It works "
              "in two ways: an antacid neutralises stomach acid, and a seaweed extract forms a protective layer "
              "on top of the stomach contents."),
            U("explain that more simply?"),
        ],
        "target": "Two things happen. One part of the medicine cancels out some of the acid already in your "
                  "stomach. The other part turns into a thick gel that floats on top of what is in your stomach, "
                  "like a raft, and stops acid coming back up into your food pipe.",
        "evidence": {"gastrel-liquid": [
            "the alginate from the seaweed forms a thick gel that floats on top of the stomach contents like a raft.",
            "The raft acts as a barrier that keeps acid from rising back up into the gullet (the food pipe)."]},
        "traps": ["gastrel-chewable"],
    },
    {
        "id": "pellworth-07",
        "kind": "statement: \"I'm pregnant, if that matters\" after Gastrel Chewable Tablets",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Non-Question",
        "subject": "Gastrel Chewable Tablets",
        "turns": [
            U("anything chewable for indigestion? something i can keep in my bag"),
            A("Gastrel Chewable Tablets are mint-flavoured antacid tablets for heartburn and indigestion, and they "
              "need no water. Adults chew 1 or 2 when symptoms appear, up to 4 times a day."),
            U("I'm pregnant, if that matters"),
        ],
        "target": "Gastrel Chewable Tablets can be used during pregnancy and while breastfeeding at the usual "
                  "dose; the leaflet lists heartburn in pregnancy among their uses. Do not go over the usual dose "
                  "(no more than 8 tablets in 24 hours) and avoid drinking large amounts of milk at the same time.",
        "evidence": {"gastrel-chewable": [
            "Gastrel Chewable Tablets can be used during pregnancy and while breastfeeding at the usual dose.",
            "Do not go over the usual dose, and avoid drinking large amounts of milk at the same time."]},
        "traps": ["gastrel-liquid"],
    },
    {
        "id": "pellworth-08",
        "kind": "clarification: \"no, I meant the tablets\" after the children's liquid",
        "answerability": "ANSWERABLE", "multi_turn": "Clarification", "question_type": "Factoid",
        "subject": "Calpirin 500 mg Tablets",
        "turns": [
            U("whats the most calpirin you can have in a day"),
            A("Calpirin Junior Oral Suspension can be given up to 4 times in 24 hours, with at least 4 hours "
              "between doses; each dose is 5 ml to 10 ml depending on the child's age."),
            U("no, I meant the tablets. the 500 mg ones, for me, im an adult"),
        ],
        "target": "Adults take 1 or 2 Calpirin 500 mg tablets (500 to 1000 mg) every 4 to 6 hours, at least 4 "
                  "hours apart, and no more than 8 tablets (4000 mg) in 24 hours; adults who weigh less than "
                  "50 kg no more than 6 tablets in 24 hours.",
        "evidence": {"calpirin-tablets": [
            "| Adults and children aged 16 and over | 1 or 2 tablets (500 to 1000 mg) | every 4 to 6 hours | 8 tablets (4000 mg) |",
            "Adults who weigh less than 50 kg should take no more than 6 tablets in 24 hours."]},
        "traps": ["calpirin-junior", "calpirin-six-plus"],
    },
    {
        "id": "pellworth-09",
        "kind": "subject named by the assistant: a flu jab at the pharmacy open on Sundays",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Composite",
        "subject": "Market Square Pharmacy",
        "turns": [
            U("is any chemist open on a sunday round here"),
            A("Yes: Market Square Pharmacy, in the old Corn Exchange at 3 Market Square, is the only pharmacy in "
              "Pellworth that opens on Sundays, from 10:00 to 16:00."),
            U("and bank holidays?"),
            A("On bank holidays it opens from 10:00 to 14:00. It is closed on Christmas Day and New Year's Day."),
            U("do they do flu jabs? how much"),
        ],
        "target": "Yes, Market Square Pharmacy gives flu vaccinations from September to March, walk in or booked "
                  "online. The fee was £16.00 in 2025 (£15.00 in 2024).",
        "evidence": {"market-square-pharmacy": [
            "Flu vaccination from September to March: walk in, or book online.",
            "| Flu vaccination | £15.00 | £16.00 |"]},
        "traps": ["harbour-street-pharmacy"],
    },
    {
        "id": "pellworth-10",
        "kind": "operator follow-up: compare the two hay fever tablets",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Comparative",
        "subject": None,
        "turns": [
            U("what is there for hay fever"),
            A("There are two antihistamine tablets: Loramist 10 mg, which most people find non-drowsy and take "
              "once a day, and Sedrilan 4 mg, an older antihistamine that often causes drowsiness and is taken "
              "every 4 to 6 hours."),
            U("compare the two for me"),
        ],
        "target": "Loramist: 1 tablet once a day for adults and children 12 and over (children 6 to 11 by weight), "
                  "works within 1 hour and lasts 24 hours, rarely makes people sleepy. Sedrilan: 1 tablet every "
                  "4 to 6 hours, up to 6 tablets (24 mg) in 24 hours; it makes many people sleepy, into the next "
                  "morning, so no driving or alcohol; it is also used for itchy rashes, bites and chickenpox.",
        "evidence": {
            "loramist": [
                "Loramist starts to work within 1 hour of taking a tablet, and one tablet keeps working for 24 hours.",
                "| Adults and children aged 12 and over | 1 tablet once a day |"],
            "sedrilan": [
                "| Adults and children aged 12 and over | 1 tablet every 4 to 6 hours | 6 tablets (24 mg) |",
                "Sedrilan makes many people sleepy, and the effect can last into the next morning."]},
        "traps": [],
    },
    {
        "id": "pellworth-11",
        "kind": "subject named by the assistant: an X-ray on a Saturday",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Eastgate Minor Injuries Clinic",
        "turns": [
            U("think ive sprained my ankle, where do i go on a saturday"),
            A("The Eastgate Minor Injuries Clinic on Eastgate Road is a walk-in clinic, open every day from 8:00 "
              "to 20:00, weekends included. It treats sprains and suspected broken bones, and treatment is free."),
            U("can they xray it there today?"),
        ],
        "target": "Not on a Saturday: the X-ray room is open Monday to Friday, 9:00 to 17:00. At other times a "
                  "suspected broken bone is splinted and you are asked to come back for an X-ray on the next "
                  "weekday, or sent to Kelburn General Hospital if it cannot wait.",
        "evidence": {"eastgate-clinic": [
            "The X-ray room is open Monday to Friday, 9:00 to 17:00.",
            "Patients who come at other times with a suspected broken bone are splinted and asked to come back "
            "for an X-ray on the next weekday"]},
        "traps": [],
    },
    {
        "id": "pellworth-12",
        "kind": "operator follow-up: summarise how to take Ferrovit",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Summarization",
        "subject": "Ferrovit",
        "turns": [
            U("mums doctor has put her on iron tablets for anaemia"),
            A("That will most likely be Ferrovit 200 mg Iron Tablets, which contain ferrous calbonate (65 mg of "
              "iron per tablet) and treat and prevent iron deficiency anaemia."),
            U("can you summarise how she should take them, she wont read the leaflet"),
        ],
        "target": "Usually 1 tablet two or three times a day, as the doctor prescribes, an hour before a meal with "
                  "water or orange juice (with food if it upsets her stomach); no tea, coffee, milk or antacids "
                  "within 2 hours. Her blood is checked after about 4 weeks, and she carries on for 3 months "
                  "after it is normal. Black stools are harmless; keep the tablets away from children.",
        "evidence": {"ferrovit": [
            "Take Ferrovit an hour before a meal with a glass of water or orange juice",
            "Do not have tea, coffee or milk, or take antacids such as Gastrel, within 2 hours of a tablet.",
            "To treat anaemia, adults usually take 1 tablet two or three times a day, as the doctor prescribes."]},
        "traps": [],
    },
    {
        "id": "pellworth-13",
        "kind": "quantity kind: how many days, not how many hours (Nasoclear)",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Nasoclear",
        "turns": [
            U("so blocked up i cant sleep, is there a spray"),
            A("Nasoclear 0.1% Nasal Spray is a decongestant that clears a blocked nose within a few minutes, and "
              "the effect lasts up to 10 hours. Adults and children 12 and over use 1 spray in each nostril up "
              "to 3 times a day."),
            U("how many days can i use it for"),
        ],
        "target": "No more than 7 days in a row: used longer, it can make the blockage come back worse when you "
                  "stop (rebound congestion). If your nose is still blocked after 7 days, see a pharmacist.",
        "evidence": {"nasoclear": [
            "Do not use Nasoclear for more than 7 days in a row.",
            "If your nose is still blocked after 7 days, see a pharmacist."]},
        "traps": [],
    },
    {
        "id": "pellworth-14",
        "kind": "quantity kind: what temperature (Calpirin Six Plus)",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Calpirin Six Plus",
        "turns": [
            U("my son is 9 and we've got the orange calpirin medicine"),
            A("That is Calpirin Six Plus Oral Suspension, 250 mg in 5 ml, for children aged 6 to 12. For a child "
              "of 8 to 10 years the dose is 7.5 ml, every 4 to 6 hours if needed, and no more than 4 doses in "
              "24 hours."),
            U("what temprature should it be kept at, can it go in the fridge"),
        ],
        "target": "Store it below 30°C; it may also be kept in a fridge (2°C to 8°C) if he prefers it cold. Once "
                  "opened, use it within 6 months.",
        "evidence": {"calpirin-six-plus": [
            "Store below 30°C. It may also be kept in a fridge (2°C to 8°C) if the child prefers it cold."]},
        "traps": ["calpirin-junior"],
    },
    {
        "id": "pellworth-15",
        "kind": "quantity kind: how far apart (Velanor 400 mg)",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Velanor 400 mg",
        "turns": [
            U("my back is killing me. is there anything stronger than normal velanor?"),
            A("Velanor 400 mg Tablets are twice the strength of Velanor 200 mg. They are a pharmacy medicine, sold "
              "only by a pharmacist and only to adults aged 18 and over, for pain and swelling that a lower "
              "strength has not controlled."),
            U("how far apart do i take them"),
        ],
        "target": "One 400 mg tablet up to three times a day, at least 6 hours apart, with food; no more than 3 "
                  "tablets (1200 mg) in 24 hours, and for no more than 5 days without seeing a doctor.",
        "evidence": {"velanor-400": [
            "Adults aged 18 and over: 1 tablet (400 mg) up to three times a day.",
            "Leave at least 6 hours between tablets."]},
        "traps": ["velanor-200"],
    },
    {
        "id": "pellworth-16",
        "kind": "statement: \"im 24 weeks pregnant\" after Velanor 200 mg",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Non-Question",
        "subject": "Velanor 200 mg",
        "turns": [
            U("can i take velanor for a headache"),
            A("Yes, Velanor 200 mg Tablets are sold for headache to adults and children aged 12 and over: 1 or 2 "
              "tablets up to three times a day, with or after food, and no more than 6 in 24 hours."),
            U("im 24 weeks pregnant if that matters"),
        ],
        "target": "It does: the leaflet says not to take Velanor 200 mg from the 20th week of pregnancy onwards, "
                  "as it can affect the baby's kidneys and heart. It says Calpirin is usually the better choice "
                  "for pain in pregnancy.",
        "evidence": {"velanor-200": [
            "Do not take Velanor 200 mg from the 20th week of pregnancy onwards, as it can affect the baby's kidneys and heart.",
            "Calpirin is usually the better choice for pain in pregnancy."]},
        "traps": ["velanor-400"],
    },
    {
        "id": "pellworth-17",
        "kind": "subject named by the assistant: two turns on, repeat prescriptions",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Pellworth Health Centre",
        "turns": [
            U("who are the GPs in pellworth"),
            A("The town's general practice is Pellworth Health Centre on Station Road. Its doctors are Dr Ruth "
              "Anand (senior partner), Dr Owen Pike, Dr Lena Marsh and Dr Samuel Oyelaran."),
            U("are they open saturdays"),
            A("Only on Saturday mornings, 9:00 to 12:00, and for booked appointments only. It is closed on Sundays."),
            U("how long does a repeat perscription take there"),
        ],
        "target": "Order it online or in writing and allow 3 working days before collecting it; the prescription "
                  "can be sent to either pharmacy in town.",
        "evidence": {"health-centre": [
            "Repeat prescriptions: order online or in writing and allow 3 working days before collecting."]},
        "traps": [],
    },
    {
        "id": "pellworth-18",
        "kind": "new question after an unrelated subject: the prescription charge, three turns on Loramist",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "prescription charge",
        "turns": [
            U("does loramist make you sleepy"),
            A("Most people do not get drowsy on Loramist 10 mg Tablets, but a small number do feel sleepy; if you "
              "do, the leaflet says not to drive."),
            U("ok. and can kids take it"),
            A("Children aged 6 to 11 can: 1 tablet once a day if they weigh more than 30 kg, half a tablet if "
              "they weigh 30 kg or less. It is not for children under 6."),
            U("what size packs"),
            A("Loramist is sold in packs of 7, 14 and 30 tablets, in pharmacies and shops."),
            U("whats the prescription charge per item? the 2025 one"),
        ],
        "target": "From April 2025 the prescription charge is £10.20 per item (it was £9.90 from April 2024). One "
                  "item is one medicine, so three medicines cost the charge three times.",
        "evidence": {"prescription-charges": ["| 2025 | £10.20 |"]},
        "traps": [],
    },
    {
        "id": "pellworth-19",
        "kind": "new question after an unrelated subject: returning medicines, three turns on the clinic",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Composite",
        "subject": "old tablets",
        "turns": [
            U("when's the eastgate clinic open?"),
            A("The Eastgate Minor Injuries Clinic is open every day from 8:00 to 20:00, including weekends and "
              "bank holidays. It is closed on Christmas Day, and the last patients are booked in at 19:30."),
            U("do they do stitches"),
            A("Yes, it treats cuts and grazes, including cuts that need stitches or glue."),
            U("and burns?"),
            A("Minor burns and scalds, yes. Serious injuries, chest pain or difficulty breathing need the "
              "emergency department at Kelburn General Hospital instead."),
            U("thanks. different thing, where do i get rid of a load of old tablets and my dad's insulin needles?"),
        ],
        "target": "Unused and out-of-date medicines go back free to either pharmacy, Harbour Street Pharmacy or "
                  "Market Square Pharmacy, during opening hours (not to the health centre). Needles only in a "
                  "closed sharps bin, which goes back to Harbour Street Pharmacy; Market Square Pharmacy does "
                  "not accept sharps bins.",
        "evidence": {"medicine-returns": [
            "Harbour Street Pharmacy and Market Square Pharmacy both accept returned medicines during their opening hours.",
            "Used needles and lancets, but only in a closed sharps bin (see below).",
            "Market Square Pharmacy does not accept sharps bins."]},
        "traps": [],
    },
    {
        "id": "pellworth-20",
        "kind": "subject named by the assistant: which days, baby weighing",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Children's Clinic",
        "turns": [
            U("where can i get my baby weighed in town"),
            A("Pellworth Children's Clinic, the health visitors' clinic at the Riverside Family Centre on Mill "
              "Lane, runs drop-in baby weighing and advice. It is free and needs no referral."),
            U("which days"),
        ],
        "target": "Tuesdays and Thursdays, 9:30 to 12:00, as a drop-in; there are no sessions on bank holidays.",
        "evidence": {"childrens-clinic": [
            "| Drop-in baby weighing and advice | Tuesday and Thursday | 9:30 to 12:00 |"]},
        "traps": ["health-centre"],
    },
    {
        "id": "pellworth-21",
        "kind": "quantity kind: how quickly the out-of-hours line calls back",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Out-of-Hours Doctor Line",
        "turns": [
            U("my little boy's been sick all evening and the doctors is shut. who do i ring"),
            A("Call the Pellworth Out-of-Hours Doctor Line on 01632 960 400. A nurse answers, and a doctor can "
              "phone back, see him at the Eastgate base or visit at home. In an emergency, call 999."),
            U("how quick do they ring back"),
        ],
        "target": "The service aims to call back within 20 minutes for urgent problems and within 2 hours for "
                  "others.",
        "evidence": {"out-of-hours": [
            "The service aims to call back within 20 minutes for urgent problems and within 2 hours for others."]},
        "traps": [],
    },
    {
        "id": "pellworth-22",
        "kind": "subject named by the assistant: two turns on, how long made-up Rehydra keeps",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Rehydra",
        "turns": [
            U("toddler's got diarrhoea, how do i stop him getting dehydrated"),
            A("Rehydra Oral Rehydration Sachets replace the water and salts lost through diarrhoea or vomiting. "
              "For children aged 1 to 12, give 1 made-up sachet (200 ml) after each loose stool, in small sips "
              "if he is being sick."),
            U("how much water do i mix it with"),
            A("One sachet in 200 ml of drinking water; for children under 2, use water that has been boiled and "
              "allowed to cool. Do not add sugar or mix it with milk or juice."),
            U("and how long does it keep once its made up?"),
        ],
        "target": "Up to 24 hours in a fridge, then throw away what is left; kept at room temperature it must be "
                  "used within 1 hour.",
        "evidence": {"rehydra-sachets": [
            "Once made up, the solution can be kept in a fridge for up to 24 hours",
            "Kept at room temperature, it must be used within 1 hour."]},
        "traps": [],
    },
    {
        "id": "pellworth-23",
        "kind": "first turn: Hydrelle on an eight-year-old",
        "answerability": "ANSWERABLE", "multi_turn": "N/A", "question_type": "Factoid",
        "subject": "Hydrelle",
        "turns": [
            U("can i put hydrelle cream on my 8 year olds mosquito bites"),
        ],
        "target": "Not without a doctor's advice: the leaflet says not to use Hydrelle 1% Cream on children under "
                  "10 without a doctor's advice.",
        "evidence": {"hydrelle-cream": ["Do not use it on children under 10 without a doctor's advice."]},
        "traps": [],
    },
    {
        "id": "pellworth-24",
        "kind": "clarification: the other pharmacy's Saturday hours",
        "answerability": "ANSWERABLE", "multi_turn": "Clarification", "question_type": "Factoid",
        "subject": "Harbour Street Pharmacy",
        "turns": [
            U("what time does harbour street pharmacy shut on saturday"),
            A("On Saturdays the pharmacy is open from 8:30 to 18:00."),
            U("are you sure? i think that's the one on the market square"),
        ],
        "target": "Yes, 8:30 to 18:00 is Market Square Pharmacy's Saturday. Harbour Street Pharmacy is open 9:00 "
                  "to 17:00 on Saturdays, so it shuts at 17:00 (and it is closed on Sundays).",
        "evidence": {"harbour-street-pharmacy": ["| Saturday | 9:00 to 17:00 |"]},
        "traps": ["market-square-pharmacy"],
    },
    {
        "id": "pellworth-25",
        "kind": "clarification: the assistant asked back, the user names the junior liquid and the age",
        "answerability": "ANSWERABLE", "multi_turn": "Clarification", "question_type": "Factoid",
        "subject": "Calpirin Junior",
        "turns": [
            U("how much of the calpirin kids medicine do i give"),
            A("There are two Calpirin liquids for children: Calpirin Junior (120 mg in 5 ml) for ages 1 to 6, and "
              "Calpirin Six Plus (250 mg in 5 ml) for ages 6 to 12. The doses differ, so which one do you have, "
              "and how old is your child?"),
            U("the junior one. shes 18 months"),
        ],
        "target": "For a child of 1 to 2 years, the dose of Calpirin Junior is 5 ml (120 mg), measured with the "
                  "syringe, up to 4 times in 24 hours with at least 4 hours between doses.",
        "evidence": {"calpirin-junior": ["| 1 to 2 years | 5 ml (120 mg) |"]},
        "traps": ["calpirin-six-plus"],
    },
    {
        "id": "pellworth-26",
        "kind": "clarification: \"that sounds like the 200s\"",
        "answerability": "ANSWERABLE", "multi_turn": "Clarification", "question_type": "Factoid",
        "subject": "Velanor 400",
        "turns": [
            U("how many velanor 400 can i take in a day"),
            A("You can take 1 or 2 tablets up to three times a day, with at least 4 hours between doses, and no "
              "more than 6 tablets (1200 mg) in 24 hours."),
            U("that sounds like the 200s. mine are the 400 mg ones"),
        ],
        "target": "Velanor 400 mg: 1 tablet up to three times a day, at least 6 hours apart, and no more than 3 "
                  "tablets (1200 mg) in 24 hours; only for adults aged 18 and over, and for no more than 5 days "
                  "without seeing a doctor.",
        "evidence": {"velanor-400": [
            "Do not take more than 3 tablets (1200 mg) in 24 hours.",
            "Do not take Velanor 400 mg for more than 5 days without seeing a doctor."]},
        "traps": ["velanor-200"],
    },
    {
        "id": "pellworth-27",
        "kind": "subject named by the assistant: four turns on, who founded the oldest pharmacy",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Harbour Street Pharmacy",
        "turns": [
            U("which is the oldest chemist in pellworth?"),
            A("Harbour Street Pharmacy: it opened in 1962, and moved to its present premises at 14 Harbour Street "
              "in 1991."),
            U("where is it exactly"),
            A("At 14 Harbour Street, Pellworth, PW2 4HS, a short walk from the fish quay. The telephone number is "
              "01632 960 214."),
            U("do they deliver? my nan can't get out much"),
            A("Yes, it delivers prescriptions free within Pellworth for people who are housebound."),
            U("nice. and do they charge for blood pressure checks"),
            A("No, blood pressure checks there are free, and no appointment is needed."),
            U("who started it"),
        ],
        "target": "Agnes Cole, Pellworth's first woman pharmacist, opened it in 1962 in a former ship chandler's "
                  "shop at 9 Harbour Street. Her grandson Daniel Cole has been the pharmacist and owner since "
                  "2015.",
        "evidence": {"harbour-street-pharmacy": [
            "The pharmacy was opened in 1962 by Agnes Cole, Pellworth's first woman pharmacist"]},
        "traps": ["market-square-pharmacy"],
    },
    {
        "id": "pellworth-28",
        "kind": "edition or year: how long an opened bottle keeps, 2021 edition",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Dormalin",
        "turns": [
            U("found a bottle of dormalin in the cupboard, the leaflet inside says 2021 edition"),
            A("That is the 2021 edition of the Dormalin Dry Cough Syrup leaflet, which has since been replaced by "
              "the 2024 edition. The syrup itself is the same, 7.5 mg of pellodine hydrobromide in each 5 ml."),
            U("its been open a while. how long is it ok for once opened?"),
        ],
        "target": "The 2021 leaflet says to use it within 6 months of opening (and store below 25°C). The 2024 "
                  "edition shortened this to 3 months.",
        "evidence": {"dormalin-2021": ["Store below 25°C. Once opened, use within 6 months."]},
        "traps": ["dormalin-2024"],
    },
    {
        "id": "pellworth-29",
        "kind": "subject named by the assistant: how long the maternity exemption lasts",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "maternity exemption certificate",
        "turns": [
            U("im pregnant, do i have to pay for prescriptions?"),
            A("No, not if you hold a maternity exemption certificate: women who are pregnant or have had a baby "
              "in the last 12 months do not pay in Pellworth. The certificate is issued through your midwife or "
              "doctor."),
            U("how long does it last after the baby comes"),
        ],
        "target": "It lasts until 12 months after the baby is born.",
        "evidence": {"prescription-charges": ["lasts until 12 months after the baby is born"]},
        "traps": [],
    },
    {
        "id": "pellworth-30",
        "kind": "edition or year: a fee in 2025 and in 2024",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Composite",
        "subject": "Market Square Pharmacy",
        "turns": [
            U("where can i get my ears unblocked? wax"),
            A("Market Square Pharmacy does ear wax removal by microsuction, by appointment, for adults and "
              "children over 12."),
            U("how much? and was it cheaper in 2024"),
        ],
        "target": "In 2025, £49.00 for both ears or £39.00 for one ear; yes, in 2024 it was cheaper, £45.00 for "
                  "both ears and £35.00 for one.",
        "evidence": {"market-square-pharmacy": [
            "| Ear wax removal, both ears | £45.00 | £49.00 |",
            "| Ear wax removal, one ear | £35.00 | £39.00 |"]},
        "traps": ["harbour-street-pharmacy"],
    },
    {
        "id": "pellworth-31",
        "kind": "subject named by the assistant: a child's dose of Sedrilan",
        "answerability": "ANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Sedrilan",
        "turns": [
            U("my 8yo has chickenpox and cant stop scratching, esp at night"),
            A("Sedrilan 4 mg Tablets, an older antihistamine, are used for the itching of chickenpox in children "
              "aged 6 and over. They often cause drowsiness, which can help at night."),
            U("how much can he have"),
        ],
        "target": "Children aged 6 to 11: half a tablet every 4 to 6 hours, no more than 3 tablets (12 mg) in 24 "
                  "hours, and for no more than 5 days in a row without a doctor's advice. In young children it "
                  "can sometimes cause restlessness instead of drowsiness.",
        "evidence": {"sedrilan": [
            "| Children aged 6 to 11 | half a tablet every 4 to 6 hours | 3 tablets (12 mg) |",
            "Do not give it to a child for more than 5 days in a row without a doctor's advice."]},
        "traps": ["loramist"],
    },
    {
        "id": "pellworth-32",
        "kind": "partly answerable: how long on Ferrovit (given) and wine with it (not given)",
        "answerability": "PARTIAL", "multi_turn": "Follow-up", "question_type": "Composite",
        "subject": "Ferrovit",
        "turns": [
            U("just been told im anaemic, doc gave me iron tablets"),
            A("Those are probably Ferrovit 200 mg Iron Tablets, which treat iron deficiency anaemia; each tablet "
              "gives 65 mg of iron. Adults usually take 1 tablet two or three times a day, as prescribed."),
            U("how long will i be on them? and is a glass of wine ok with them"),
        ],
        "target": "Your blood is checked after about 4 weeks; once the count is back to normal you keep taking "
                  "Ferrovit for a further 3 months to build up your iron stores. The leaflet says nothing about "
                  "alcohol (it only says no tea, coffee or milk within 2 hours of a tablet).",
        "evidence": {"ferrovit": [
            "Your doctor will check your blood after about 4 weeks.",
            "Once your blood count is back to normal, keep taking Ferrovit for a further 3 months to build up "
            "the body's iron stores."]},
        "traps": [],
    },
    {
        "id": "pellworth-33",
        "kind": "partly answerable: booking a yellow fever jab (given) and its price (not given)",
        "answerability": "PARTIAL", "multi_turn": "Follow-up", "question_type": "Composite",
        "subject": "Harbour Street Pharmacy",
        "turns": [
            U("need a yellow fever jab for a trip, can i get one in pellworth?"),
            A("Yes: Harbour Street Pharmacy runs a travel clinic and is Pellworth's only registered yellow fever "
              "centre."),
            U("how much is it and do i need to book"),
        ],
        "target": "Yes, book travel appointments at least 48 hours ahead. The fees table gives no price for the "
                  "yellow fever vaccine: it lists the travel consultation (£15.00 in 2024 and 2025), hepatitis A, "
                  "typhoid and flu only.",
        "evidence": {"harbour-street-pharmacy": [
            "Book travel appointments at least 48 hours ahead.",
            "| Travel consultation | £15.00 | £15.00 |"]},
        "traps": ["market-square-pharmacy"],
    },
    {
        "id": "pellworth-34",
        "kind": "near miss: who opened the pharmacy (only the other one's founder is given)",
        "answerability": "UNANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Market Square Pharmacy",
        "turns": [
            U("how long has the market square chemist been there"),
            A("Market Square Pharmacy opened in 1988 on the ground floor of the old Corn Exchange, which had stood "
              "empty since the weekly grain market closed in 1971."),
            U("who opened it?"),
        ],
        "target": "The page does not say who opened Market Square Pharmacy: it gives the year (1988), the building, "
                  "that it joined the Tarrant Pharmacy group in 2009 and was refitted in 2019, but no founder. "
                  "(Agnes Cole founded Harbour Street Pharmacy, not this one.)",
        "evidence": {},
        "traps": ["harbour-street-pharmacy"],
    },
    {
        "id": "pellworth-35",
        "kind": "year not covered: a Dormalin leaflet from before 2021",
        "answerability": "UNANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Dormalin",
        "turns": [
            U("dormalin leaflet 2021 vs 2024, whats the adult dose in each"),
            A("In the 2021 edition adults and children over 12 took 10 ml four times a day; in the 2024 edition it "
              "is 10 ml three times a day, and no more than 30 ml in 24 hours."),
            U("and the one before 2021? my gran has a really old bottle from like 2018"),
        ],
        "target": "The documents hold only the 2021 and 2024 editions of the Dormalin leaflet; they do not give "
                  "the dose in any earlier edition, such as one from 2018.",
        "evidence": {},
        "traps": ["dormalin-2021", "dormalin-2024"],
    },
    {
        "id": "pellworth-36",
        "kind": "subject with no document: a Velanor gel",
        "answerability": "UNANSWERABLE", "multi_turn": "Follow-up", "question_type": "Composite",
        "subject": "Velanor gel",
        "turns": [
            U("whats velanor good for"),
            A("Velanor 200 mg Tablets are an anti-inflammatory painkiller for headache, migraine, dental and "
              "period pain, back and muscle pain, sprains, and the fever and aches of colds and flu."),
            U("do they do a gel i can rub on my knee instead? how often do you put it on"),
        ],
        "target": "The documents have no Velanor gel, only Velanor 200 mg and Velanor 400 mg Tablets, so they do "
                  "not say whether a gel exists or how often it would be applied.",
        "evidence": {},
        "traps": ["velanor-200", "velanor-400"],
    },
    {
        "id": "pellworth-37",
        "kind": "subject with no document: a third pharmacy",
        "answerability": "UNANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Northgate Pharmacy",
        "turns": [
            U("harbour street pharmacy opening times sunday?"),
            A("Harbour Street Pharmacy is closed on Sundays. It opens 8:30 to 18:30 Monday to Friday and 9:00 to "
              "17:00 on Saturdays."),
            U("what about northgate pharmacy?"),
        ],
        "target": "There is no page about a Northgate Pharmacy: the documents cover Harbour Street Pharmacy and "
                  "Market Square Pharmacy only, so its Sunday hours are not given.",
        "evidence": {},
        "traps": ["harbour-street-pharmacy", "market-square-pharmacy"],
    },
    {
        "id": "pellworth-38",
        "kind": "year not covered: a 2023 flu jab fee",
        "answerability": "UNANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Harbour Street Pharmacy",
        "turns": [
            U("where's cheapest for a flu jab"),
            A("Harbour Street Pharmacy charges the least: £14.50 in 2025 (£13.50 in 2024). It is free there for "
              "people aged 65 and over and for pregnant women."),
            U("what did they charge in 2023?"),
        ],
        "target": "Not given: Harbour Street Pharmacy's fees table covers 2024 (£13.50) and 2025 (£14.50) only.",
        "evidence": {},
        "traps": ["market-square-pharmacy"],
    },
    {
        "id": "pellworth-39",
        "kind": "near miss: breastfeeding where the leaflet speaks of pregnancy",
        "answerability": "UNANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Loramist",
        "turns": [
            U("best hay fever tablet for someone who drives for work?"),
            A("Loramist 10 mg Tablets do not make most people drowsy, and one tablet lasts 24 hours. If you do "
              "feel sleepy on them, the leaflet says not to drive."),
            U("im breastfeeding though, is it ok"),
        ],
        "target": "The Loramist leaflet does not say anything about breastfeeding; it only says to ask a "
                  "pharmacist before taking it if you are pregnant or planning a pregnancy.",
        "evidence": {},
        "traps": ["sedrilan"],
    },
    {
        "id": "pellworth-40",
        "kind": "near miss: a waiting time the clinic's page does not give",
        "answerability": "UNANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Eastgate Minor Injuries Clinic",
        "turns": [
            U("cut my hand on a tin, might need stitches. where do i go"),
            A("The Eastgate Minor Injuries Clinic on Eastgate Road treats cuts that need stitches or glue. It is a "
              "walk-in clinic, open every day from 8:00 to 20:00, and treatment is free."),
            U("hows long the wait usually"),
        ],
        "target": "The page does not give waiting times: it gives the opening hours (8:00 to 20:00 every day) and "
                  "the last booking-in time (19:30), nothing on how long patients wait.",
        "evidence": {},
        "traps": ["out-of-hours"],
    },
    {
        "id": "pellworth-41",
        "kind": "near miss: a price where the leaflet gives pack sizes",
        "answerability": "UNANSWERABLE", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": "Calpirin Junior",
        "turns": [
            U("whats the strawberry calpirin for little ones"),
            A("That is Calpirin Junior Oral Suspension: 120 mg of calpiramol in each 5 ml, sugar-free, for "
              "children aged 1 to 6. It comes in 100 ml and 200 ml bottles, each with a 5 ml oral syringe."),
            U("how much does the big bottle cost"),
        ],
        "target": "The leaflet gives the bottle sizes (100 ml and 200 ml) but no price.",
        "evidence": {},
        "traps": ["calpirin-six-plus"],
    },
    {
        "id": "pellworth-42",
        "kind": "ambiguous: the dose of a Calpirin liquid, first turn",
        "answerability": "UNDERSPECIFIED", "multi_turn": "N/A", "question_type": "Factoid",
        "subject": None,
        "turns": [
            U("calpirin liquid dose for my child??"),
        ],
        "target": "It depends on which liquid and the child's age. Calpirin Junior (120 mg in 5 ml, ages 1 to 6): "
                  "5 ml at 1 to 2 years, 7.5 ml at 2 to 4, 10 ml at 4 to 6. Calpirin Six Plus (250 mg in 5 ml, "
                  "ages 6 to 12): 5 ml at 6 to 8, 7.5 ml at 8 to 10, 10 ml at 10 to 12. Ask which bottle and how "
                  "old the child is.",
        "evidence": {
            "calpirin-junior": ["| 1 to 2 years | 5 ml (120 mg) |", "| 4 to 6 years | 10 ml (240 mg) |"],
            "calpirin-six-plus": ["| 6 to 8 years | 5 ml (250 mg) |", "| 10 to 12 years | 10 ml (500 mg) |"]},
        "traps": [],
    },
    {
        "id": "pellworth-43",
        "kind": "ambiguous: when \"the chemist\" closes on Saturday, first turn",
        "answerability": "UNDERSPECIFIED", "multi_turn": "N/A", "question_type": "Factoid",
        "subject": None,
        "turns": [
            U("what time does the chemist close on a saturday"),
        ],
        "target": "Pellworth has two pharmacies: Harbour Street Pharmacy closes at 17:00 on Saturdays (open from "
                  "9:00), Market Square Pharmacy at 18:00 (open from 8:30). Which one is meant?",
        "evidence": {
            "harbour-street-pharmacy": ["| Saturday | 9:00 to 17:00 |"],
            "market-square-pharmacy": ["| Saturday | 8:30 to 18:00 |"]},
        "traps": [],
    },
    {
        "id": "pellworth-44",
        "kind": "ambiguous: how many days Velanor may be taken, first turn",
        "answerability": "UNDERSPECIFIED", "multi_turn": "N/A", "question_type": "Factoid",
        "subject": None,
        "turns": [
            U("how many days can I take velanor for before I need to see a doctor?"),
        ],
        "target": "It depends on the strength: Velanor 200 mg for no more than 10 days for pain or 3 days for a "
                  "fever; Velanor 400 mg for no more than 5 days. Which tablets are they?",
        "evidence": {
            "velanor-200": ["Do not take Velanor 200 mg for more than 10 days for pain, or for more than 3 days "
                            "for a fever, without seeing a doctor."],
            "velanor-400": ["Do not take Velanor 400 mg for more than 5 days without seeing a doctor."]},
        "traps": [],
    },
    {
        "id": "pellworth-45",
        "kind": "ambiguous: how many a day after the assistant named two hay fever tablets",
        "answerability": "UNDERSPECIFIED", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": None,
        "turns": [
            U("hayfever is terrible this year, what are my options for tablets"),
            A("There are two: Loramist 10 mg Tablets, a non-drowsy antihistamine, and Sedrilan 4 mg Tablets, an "
              "older antihistamine that often makes people sleepy."),
            U("how many can i take a day"),
        ],
        "target": "It depends on which: Loramist, one tablet once a day (no more than one dose in 24 hours); "
                  "Sedrilan, 1 tablet every 4 to 6 hours, no more than 6 tablets in 24 hours. Which one?",
        "evidence": {
            "loramist": ["Do not take more than one dose in 24 hours."],
            "sedrilan": ["| Adults and children aged 12 and over | 1 tablet every 4 to 6 hours | 6 tablets (24 mg) |"]},
        "traps": [],
    },
    {
        "id": "pellworth-46",
        "kind": "ambiguous: how much each time after the assistant named two Gastrel forms",
        "answerability": "UNDERSPECIFIED", "multi_turn": "Follow-up", "question_type": "Factoid",
        "subject": None,
        "turns": [
            U("heartburn is awful since i started the new job lol what can i get"),
            A("Gastrel comes in two forms: Gastrel Chewable Tablets, mint-flavoured antacid tablets you chew "
              "without water, and Gastrel Double Action Liquid, an aniseed-flavoured liquid that also forms a "
              "protective raft on top of the stomach contents."),
            U("how much do i take each time"),
        ],
        "target": "It depends on which: the chewable tablets, 1 or 2 tablets when symptoms appear (up to 8 in 24 "
                  "hours); the liquid, 10 to 20 ml after meals and at bedtime (up to 80 ml in 24 hours). Which "
                  "one do you have?",
        "evidence": {
            "gastrel-chewable": ["chew 1 or 2 tablets when symptoms appear."],
            "gastrel-liquid": ["take 10 to 20 ml after meals and at bedtime, up to 4 times a day."]},
        "traps": [],
    },
]
