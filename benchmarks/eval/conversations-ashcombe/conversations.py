"""The Ashcombe suite's conversations (a university's student pages: halls of residence, taught
programmes, the library, funding, the student card, sports, parking, welfare, exams, graduation),
read by ../conversations/build.py.

Build from the repository root with
``python3 benchmarks/eval/conversations/build.py benchmarks/eval/conversations-ashcombe``
(``--check`` writes nothing). The layout of a conversation is described in build.py.
"""

from build import A, U

COLLECTION = "ashcombe"

CONVERSATIONS = [
    # ---------------------------------------------------------------- subject named by the assistant
    dict(id="bike-kestrel", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Kestrel",
         turns=[U("Which hall is closest to the science campus?"),
                A("Kestrel House: it is on the edge of the Fenwick Campus, a five-minute walk from the Hollis "
                  "Building and the science labs. It's self-catered, with en-suite rooms in flats of six."),
                U("can I keep my bike there?")],
         target="Yes: Kestrel House has a covered, locked bike store for 180 bikes behind Block C, which your "
                "AshCard opens once you register the bike at reception (free). Bikes must not be kept in rooms, "
                "flats or corridors; a bike found inside is removed and costs £25 to get back.",
         evidence={"hall-kestrel-house": ["Kestrel House has a covered, locked bike store for 180 bikes behind "
                                          "Block C",
                                          "Bikes must not be kept in rooms, flats or corridors"]},
         traps=["hall-tollgate-court", "hall-millrace"]),
    dict(id="rent-kestrel-2026", kind="subject named by the assistant: year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Kestrel",
         turns=[U("I'm starting the MSc Data Science in September. which hall is nearest to where I'll have "
                  "lectures?"),
                A("Kestrel House, a five-minute walk from the Hollis Building on the Fenwick Campus, where the MSc "
                  "Data Science is taught."),
                U("how much is it a week for 2026/27?")],
         target="In 2026/27 a standard en-suite room at Kestrel House is £176 a week (the accessible ground-floor "
                "rooms too) and a large room with a double bed £192, with bills, wifi and contents insurance "
                "included, on a 42-week contract.",
         evidence={"hall-kestrel-house": ["| En-suite room, standard | £168 | £176 |",
                                          "| En-suite room, large, with a double bed | £183 | £192 |"]},
         traps=["hall-millrace", "hall-tollgate-court", "hall-the-saltings"]),
    dict(id="guests-tollgate-weekday", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Tollgate",
         turns=[U("i really cant cook, is there a hall where food is included"),
                A("Yes: Tollgate Court is the catered hall, with 14 meals a week in the dining hall during term. "
                  "It's a four-minute walk from the Old Quad."),
                U("can my boyfriend stay over during the week?")],
         target="No: at Tollgate Court overnight guests are allowed on Friday and Saturday nights only, one at a "
                "time, signed in at reception and aged 18 or over. On weekdays visitors must leave by 23:00.",
         evidence={"hall-tollgate-court": ["Overnight guests are allowed on Friday and Saturday nights only, one "
                                           "guest at a time.",
                                           "On weekdays visitors must leave by 23:00."]},
         traps=["hall-kestrel-house", "hall-millrace"]),
    dict(id="fish-tank-millrace", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Millrace",
         turns=[U("whats the cheapest hall"),
                A("Millrace: a single room with a shared bathroom is £126 a week on the 51-week contract, or £132 on "
                  "the 44-week one, in 2025/26 (£133 and £139 in 2026/27)."),
                U("nice. can i bring my fish tank?")],
         target="Yes, if it holds no more than 20 litres: Millrace allows one fish tank of up to 20 litres in each "
                "room, registered with the residence life team. No other animals are allowed, apart from "
                "assistance dogs.",
         evidence={"hall-millrace": ["One fish tank of up to 20 litres may be kept in each room; register it with "
                                     "the residence life team."]},
         traps=["hall-kestrel-house", "hall-tollgate-court", "hall-the-saltings"]),
    dict(id="cat-saltings", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Saltings",
         turns=[U("are there any halls where I could live with my girlfriend? we're both doing masters"),
                A("Yes: The Saltings, on the harbour front at Port Ashcombe, has 12 couple's studios. It is the only "
                  "hall where couples can live together."),
                U("we have a cat, is that ok?")],
         target="Possibly: one cat or one small dog may be kept at The Saltings, but only in a ground-floor studio, "
                "with the hall manager's written agreement and a £200 pet deposit, returned at the end of the "
                "contract if the studio needs no extra cleaning.",
         evidence={"hall-the-saltings": ["One cat or one small dog may be kept, in the ground-floor studios only, "
                                         "with the hall manager's written agreement and a £200 pet deposit"]},
         traps=["hall-kestrel-house", "hall-millrace", "hall-tollgate-court"]),
    dict(id="entry-applied-statistics-2-2", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Applied Statistics",
         turns=[U("i want to do a masters in statistics, what have you got"),
                A("The MSc Applied Statistics: 12 months full-time in the Department of Mathematics and Statistics "
                  "on the Fenwick Campus, accredited by the Royal Statistical Society."),
                U("what do i need to get in? i got a 2:2 in economics but ive worked as an analyst for 3 years")],
         target="Unfortunately a 2:2 is not enough for the MSc Applied Statistics: it needs a 2:1 or better that "
                "includes at least 30 credits of statistics or probability, and applicants with a 2:2 are not "
                "considered, whatever their work experience. (English: IELTS 6.5, no component below 5.5.)",
         evidence={"msc-applied-statistics": ["Applicants with a lower second-class (2:2) degree are not considered, "
                                              "whatever their work experience.",
                                              "that includes at least 30 credits of statistics or probability"]},
         traps=["msc-data-science"]),
    dict(id="placement-fee-data-science", kind="subject named by the assistant: year",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="Data Science",
         turns=[U("do any of your masters courses include a year in industry?"),
                A("Yes: the MSc Data Science with Industrial Placement, 24 months full-time, with a placement of 9 to "
                  "12 months between the taught modules and the dissertation."),
                U("how much is the placement year for an international student starting in 2026?")],
         target="£3,050 for the placement year for 2026/27 entry (£2,900 for 2025/26 entry): a reduced fee for "
                "that year, charged at the rate for the year you start.",
         evidence={"msc-data-science": ["| International | £2,900 | £3,050 |"]},
         traps=["msc-applied-statistics", "bsc-marine-biology"]),
    dict(id="swim-marine-biology", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Marine Biology",
         turns=[U("which course gets you out at the marine station?"),
                A("The BSc Marine Biology: after a first year on the Fenwick Campus, much of the teaching, lab work "
                  "and boat work in years 2 and 3 is at the Port Ashcombe Marine Station."),
                U("i'm not a strong swimmer, is that a problem")],
         target="You must be able to swim 200 m without stopping and tread water for 5 minutes, because of the "
                "boat work. The test is in Welcome Week at the Fenwick Sports Centre pool; if you don't pass, you "
                "get free swimming lessons and take it again before your first boat day in January.",
         evidence={"bsc-marine-biology": ["every student must be able to swim 200 m without stopping and tread water "
                                          "for 5 minutes",
                                          "Students who do not pass it are given free swimming lessons"]},
         traps=["bsc-environmental-geoscience"]),
    dict(id="deadline-excellence-scholarship", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Excellence",
         turns=[U("I'm from Brazil and I'm starting the MSc Applied Statistics in September 2026. Is there any "
                  "funding?"),
                A("You could apply for the Ashcombe Global Excellence Scholarship: £5,000 off the first year's "
                  "tuition fee for 2026/27 entry, for international students with a first-class degree or its "
                  "equivalent."),
                U("when's the deadline and what do i need to send?")],
         target="Apply with the online scholarship form on the student portal by 1 May 2026; late applications are "
                "not considered. You need your offer number, your transcript so far and a statement of no more "
                "than 400 words; no reference. Results are emailed by 12 June 2026.",
         evidence={"global-excellence-scholarship": ["Apply with the online scholarship form on the student portal "
                                                     "by 1 May 2026.",
                                                     "a statement of no more than 400 words"]},
         traps=["access-bursary"]),
    dict(id="repay-access-bursary", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Composite"], subject="Access Bursary",
         turns=[U("my parents earn about 30k together, is there any money from the uni? i'm starting a bsc in "
                  "september"),
                A("Yes: the Ashcombe Access Bursary. With a household income of £25,000 to £34,999 it is £1,100 a "
                  "year in 2026/27."),
                U("do i have to pay it back, and when does it come?")],
         target="No, it does not have to be paid back. It is paid into your bank account in two equal instalments, "
                "in late November and late February, as long as you are registered and attending on each date. "
                "There is no application if you agreed to share your income details with Student Finance.",
         evidence={"access-bursary": ["It does not have to be paid back.",
                                      "the first in late November and the second in late February"]},
         traps=["global-excellence-scholarship"]),
    dict(id="night-support-counselling", kind="subject named by the assistant: two turns on",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="Counselling",
         turns=[U("i've been feeling really low and want to talk to someone"),
                A("I'm sorry you're feeling low. The Counselling and Wellbeing Service is free and confidential: fill "
                  "in the registration form on the student portal and you'll be offered a first appointment within "
                  "5 working days."),
                U("is there anything sooner than that"),
                A("Yes: a drop-in runs every weekday from 13:00 to 15:00 in the Student Services Centre, where you "
                  "can see a wellbeing practitioner for about 20 minutes without an appointment."),
                U("and if it's like 2am?")],
         target="Ashcombe Nightline, a listening service run by trained student volunteers, answers calls and "
                "messages from 20:00 to 08:00 every night in term, and in halls you can call the residence life "
                "duty team at any time of night. If you are in danger or have hurt yourself, call 999 or go to "
                "the emergency department at Ashcombe General Hospital.",
         evidence={"counselling-service": ["answers calls and messages from 20:00 to 08:00 every night in term",
                                           "call the emergency services on 999"]},
         traps=[]),
    dict(id="iceland-cost-geoscience", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Environmental Geoscience",
         turns=[U("which course has a field trip abroad?"),
                A("The BSc Environmental Geoscience: in year 2 there is a two-week field course in Iceland, in late "
                  "June, studying glaciers and volcanic landscapes."),
                U("do we have to pay for it ourselves?")],
         target="Partly: students pay a £480 contribution and the school pays the rest. Holders of the Ashcombe "
                "Access Bursary pay no contribution, and students who cannot travel abroad take an alternative "
                "course in Wales at no cost.",
         evidence={"bsc-environmental-geoscience": ["Students pay a contribution of £480 towards it; the school pays "
                                                    "the rest.",
                                                    "Students who hold the Ashcombe Access Bursary pay no "
                                                    "contribution."],
                   "access-bursary": ["Holders of the bursary do not pay the student contribution to compulsory "
                                      "field courses"]},
         traps=["bsc-marine-biology"]),
    dict(id="shuttle-pass-2025", kind="subject named by the assistant: year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="shuttle",
         turns=[U("i'm living at millrace, how do i get to fenwick for lectures without a car"),
                A("Shuttle route S2 runs from the Millrace gate via the Old Quad to the Fenwick Campus every 20 minutes in "
                  "term, 07:30 to 22:00; the ride takes about 25 minutes."),
                U("how much is it for the year? for 25/26")],
         target="A shuttle pass for the 2025/26 academic year costs £95 (£105 for 2026/27); it covers S1 and S2 and "
                "is shown on your AshCard. A single journey is £1.50 in 2025/26.",
         evidence={"campus-shuttle": ["| Shuttle pass, for the academic year | £95 | £105 |"]},
         traps=["parking-permits", "hall-millrace"]),
    dict(id="resit-cap-postgraduate", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="resit",
         turns=[U("I failed one of my modules, what happens now?"),
                A("You'll usually get one resit, in the August resit period from 17 to 28 August 2026. You are "
                  "entered automatically, but must confirm on the student portal by 31 July 2026."),
                U("what's the max mark i can get on it? i'm doing a masters")],
         target="On a taught postgraduate programme the mark after a resit is capped at 50%, the pass mark; your "
                "transcript shows both the mark you actually achieved and the capped mark. (If an extenuating "
                "circumstances claim was accepted for the first attempt, the resit is uncapped.)",
         evidence={"exam-resits": ["| Postgraduate taught | 50% | 50% |",
                                   "your transcript shows both the mark you actually achieved and the capped mark"]},
         traps=["extenuating-circumstances"]),
    dict(id="easter-hours-fenwick-library", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Fenwick Science Library",
         turns=[U("is there a library on the science campus?"),
                A("Yes: the Fenwick Science Library, on the Fenwick Campus, for science, engineering, computing and "
                  "medicine."),
                U("what time does it open over easter")],
         target="Easter falls in the spring vacation, when the Fenwick Science Library is open 09:00 to 17:00 "
                "Monday to Friday and closed on Saturday and Sunday.",
         evidence={"library": ["| Fenwick Science Library | 08:00 to midnight Monday to Friday, 09:00 to 21:00 "
                               "Saturday and Sunday | 09:00 to 17:00 Monday to Friday, closed Saturday and Sunday |"]},
         traps=["fenwick-sports-centre"]),

    # ---------------------------------------------------------------- subject named by the user
    dict(id="last-year-ensuite-tollgate", kind="subject named by the user: year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Tollgate",
         turns=[U("how much is an en-suite at tollgate court"),
                A("£238 a week in 2026/27, including 14 meals a week in term, bills and wifi."),
                U("what about this year, 25/26?")],
         target="£226 a week in 2025/26.",
         evidence={"hall-tollgate-court": ["| En-suite room | £226 | £238 |"]},
         traps=["hall-kestrel-house"]),
    dict(id="scooter-kestrel", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Kestrel",
         turns=[U("i'm moving into kestrel house, where can i keep my e-scooter? i'd charge it in my room"),
                A("Kestrel House has a covered, locked bike store for 180 bikes behind Block C, which your AshCard "
                  "opens once you register at reception."),
                U("so the scooter can go in the bike store?")],
         target="No: e-scooters are not allowed anywhere at Kestrel House, including the bike store, and neither "
                "are their batteries or chargers. No hall allows e-scooters or their batteries, because lithium "
                "batteries charged in bedrooms have caused fires in student housing.",
         evidence={"hall-kestrel-house": ["E-scooters are not allowed anywhere at Kestrel House, including the bike "
                                          "store"],
                   "accommodation-applications": ["E-scooters, e-scooter batteries and home-made e-bike batteries "
                                                  "are not allowed in any hall of residence"]},
         traps=[]),
    dict(id="international-deadline-data-science", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Data Science",
         turns=[U("when's the application deadline for msc data science"),
                A("For home applicants, 31 July 2026 for September 2026 entry; places are offered in the order "
                  "complete applications arrive."),
                U("im applying from nigeria tho")],
         target="Then it is earlier: international applications for September 2026 entry close on 30 June 2026, "
                "to leave time for a visa, and the course may close sooner when full. If you accept an offer, you "
                "pay a £2,000 deposit within 28 days, taken off the first year's fee.",
         evidence={"msc-data-science": ["Applications for September 2026 entry close on 30 June 2026 for "
                                        "international applicants",
                                        "International students who accept an offer pay a £2,000 deposit within 28 "
                                        "days"]},
         traps=["msc-applied-statistics"]),
    dict(id="extra-tickets-graduation", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="guest tickets",
         turns=[U("how many guest tickets do we get for graduation"),
                A("Every graduate gets two free guest tickets for the ceremony in the Great Hall of the Old Quad."),
                U("my grandparents want to come as well as my mum and dad. can i get 2 more?")],
         target="Perhaps: extra guest tickets are given by a ballot after registration closes, if seats are left, "
                "at £18 each, up to two more per graduate. Guests without a seat can watch the ceremony live in the "
                "Old Quad Lecture Theatre without a ticket, or online.",
         evidence={"graduation": ["Extra guest tickets are given by a ballot after registration closes, if seats are "
                                  "left, at £18 each, up to two more per graduate.",
                                  "watch the ceremony live in the Old Quad Lecture Theatre"]},
         traps=[]),
    dict(id="replacement-cost-ashcard", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="AshCard",
         turns=[U("i lost my ashcard, how do i get a new one?"),
                A("Report it lost on the student portal so that it stops working, then order a replacement online or "
                  "at the Student Services Centre; it is ready to collect the next working day."),
                U("how much does it cost")],
         target="£15 for a lost or damaged card (since 1 September 2025; it was £10 before). It is free if it was "
                "stolen and you have a police crime reference number.",
         evidence={"ashcard": ["| Lost or damaged, from 1 September 2025 | £15 |",
                               "| Stolen, with a police crime reference number | free |"]},
         traps=[]),
    dict(id="freeze-sports-membership", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="membership",
         turns=[U("can i get a refund on my fenwick sports centre membership? broke my ankle playing football"),
                A("Memberships can be cancelled with a full refund only within 14 days of buying them; after that "
                  "they are not refunded."),
                U("it's been like 2 months. is there really nothing i can do")],
         target="You can freeze it: a member who cannot use the centre because of illness or injury can freeze the "
                "membership for up to 3 months with a doctor's letter or fit note, and the end date is moved on by "
                "the time it was frozen. The freeze starts on the day the letter is handed in, not earlier.",
         evidence={"fenwick-sports-centre": ["can freeze the membership for up to 3 months, with a doctor's letter "
                                             "or fit note",
                                             "Freezes start on the day the letter is handed in, not earlier."]},
         traps=[]),
    dict(id="self-certify-extension", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="extension",
         turns=[U("how do i get an extension on my coursework?"),
                A("Make an extenuating circumstances claim on the student portal, no later than 5 working days after "
                  "the deadline, and upload evidence within 10 working days."),
                U("do i need a doctor's note? it's just a really bad cold")],
         target="No: for a short illness you can self-certify on the same claim form, up to twice in an academic "
                "year, for an extension of up to 7 days on a coursework deadline, without evidence. "
                "Self-certification cannot be used for exams, in-class tests, or the dissertation or project.",
         evidence={"extenuating-circumstances": ["You may self-certify up to twice in an academic year, on the same "
                                                 "claim form, to get an extension of up to 7 days on a coursework "
                                                 "deadline.",
                                                 "Self-certification cannot be used for exams"]},
         traps=["exam-resits"]),
    dict(id="permit-price-millrace", kind="subject named by the user: year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Composite"], subject="Millrace",
         turns=[U("can i park my car at millrace?"),
                A("Yes, with a Millrace resident permit: the hall has 40 spaces for residents, and there are usually "
                  "more applications than spaces."),
                U("how much is that for 26/27 and how do they decide who gets one")],
         target="A Millrace resident permit is £225 for 2026/27 (£210 for 2025/26), from 1 September to 31 August. "
                "Permits go first to residents with a Blue Badge, then to residents with a placement or job that "
                "needs a car, then by ballot in the second week of September. It does not allow parking on the "
                "Fenwick Campus.",
         evidence={"parking-permits": ["| Millrace resident permit | £210 | £225 |",
                                       "Permits are given first to residents with a Blue Badge"]},
         traps=["campus-shuttle"]),

    # ---------------------------------------------------------------- operator follow-ups
    dict(id="compare-two-masters", kind="operator follow-up: compare the two", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Comparative"], subject=None,
         turns=[U("which masters are taught in the hollis building?"),
                A("Two: the MSc Data Science, in the Department of Computing, and the MSc Applied Statistics, in the "
                  "Department of Mathematics and Statistics. Both are 12 months full-time."),
                U("compare the two for me, fees and entry reqs. i'm international, starting 2026")],
         target="For 2026/27 entry the international fee is £27,800 for Data Science and £26,100 for Applied "
                "Statistics (deposits £2,000 and £1,500). Both want a 2:1: Data Science in a subject with a lot of "
                "maths or programming, and it considers a 2:2 with two years' work experience; Applied Statistics "
                "needs at least 30 credits of statistics or probability and does not consider a 2:2. Both ask for "
                "IELTS 6.5, with no component below 6.0 (Data Science) or 5.5 (Applied Statistics).",
         evidence={"msc-data-science": ["| International, full-time | £26,500 | £27,800 |",
                                        "Applicants with a lower second-class (2:2) degree are considered if they "
                                        "have at least two years' work experience",
                                        "English: IELTS 6.5 overall, with no component below 6.0"],
                   "msc-applied-statistics": ["| International | £24,900 | £26,100 |",
                                              "Applicants with a lower second-class (2:2) degree are not considered",
                                              "English: IELTS 6.5 overall, with no component below 5.5"]},
         traps=["bsc-marine-biology"]),
    dict(id="summarise-ec-claim", kind="operator follow-up: summarise", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Summarization"], subject="EC",
         turns=[U("what's an EC claim? my tutor mentioned it"),
                A("An extenuating circumstances claim: you make one when something serious outside your control, "
                  "like an illness or a bereavement, stops you taking an exam or handing in work on time, or badly "
                  "affects how you do."),
                U("can u summarise how it works step by step")],
         target="1) Fill in the EC claim form on the student portal no later than 5 working days after the deadline "
                "or exam. 2) Upload independent evidence covering the dates (doctor's or counsellor's letter, "
                "police report…) within 10 working days. 3) Your department's EC panel decides, usually within 15 "
                "working days: an extension, a deferral (taken as a first attempt, uncapped), the attempt not "
                "counted, or not accepted; it never raises a mark. Computer failures, travel delays and bunched "
                "deadlines are not normally accepted, and sitting an exam declares you fit to sit.",
         evidence={"extenuating-circumstances": ["Fill in the EC claim form on the student portal, no later than 5 "
                                                 "working days after the deadline or exam affected.",
                                                 "Upload evidence within 10 working days of the claim",
                                                 "Your department's EC panel decides the claim, usually within 15 "
                                                 "working days"]},
         traps=["exam-resits"]),
    dict(id="why-cheaper-51-weeks-millrace", kind="operator follow-up: why", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Explanation"], subject="Millrace",
         turns=[U("at millrace is the 51 week contract more expensive per week than the 44 week one?"),
                A("No, the other way round: in 2026/27 the 51-week contract is £133 a week and the 44-week one £139."),
                U("why?")],
         target="Because on the 51-week contract the rooms do not have to be emptied and cleaned for the summer "
                "conference lettings, and the university passes that saving on to residents.",
         evidence={"hall-millrace": ["because the rooms do not have to be emptied and cleaned for the summer "
                                     "conference lettings"]},
         traps=["hall-kestrel-house"]),
    dict(id="total-two-years-kestrel", kind="operator follow-up: total for both years", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Composite"], subject="Kestrel",
         turns=[U("how much is a standard room at kestrel house for the whole contract?"),
                A("£7,056 for the 42-week contract in 2025/26, at £168 a week."),
                U("i'd stay there in 2nd year too (26/27), what's the total for both years")],
         target="2026/27 comes to £7,392 (42 weeks at £176), so the two years together cost £14,448.",
         evidence={"hall-kestrel-house": ["A 42-week contract for a standard room comes to £7,056 in 2025/26 and "
                                          "£7,392 in 2026/27."]},
         traps=["hall-millrace", "hall-tollgate-court"]),
    dict(id="list-uses-ashcard", kind="operator follow-up: list", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Summarization"], subject="AshCard",
         turns=[U("what's the ashcard?"),
                A("Ashcombe's student card: it carries your photo, name and student number, and you collect it from "
                  "the Welcome Hub in the Student Services Centre during Welcome Week."),
                U("list everything i can use it for")],
         target="Proof of identity in exams; entry to both libraries and your library card; the door of your hall "
                "and flat or house (and Kestrel House's bike store); print credit; entry to the Fenwick Sports "
                "Centre with a membership; teaching buildings after 18:00 and at weekends if your course allows; "
                "your shuttle pass. It cannot be used to pay for food or in shops.",
         evidence={"ashcard": ["It is your proof of identity in exams",
                               "It opens the door of your hall of residence",
                               "It holds your print credit for the library printers.",
                               "It gets you into the Fenwick Sports Centre if you have a membership.",
                               "It shows your shuttle pass, if you have one.",
                               "The card cannot be used to pay for food or in shops."]},
         traps=[]),
    dict(id="other-one-guests-millrace", kind="operator follow-up: what about the other one",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="Millrace",
         turns=[U("deciding between kestrel house and millrace. how long can a friend stay over at kestrel?"),
                A("At Kestrel House a guest can stay up to 3 nights in any 14 days, if your flatmates agree, signed in "
                  "at reception before 22:00."),
                U("and the other one?")],
         target="At Millrace overnight guests can stay up to 2 nights a week; they need not be signed in, but tell "
                "your housemates in advance. Guests under 18 may not stay overnight.",
         evidence={"hall-millrace": ["Residents may have overnight guests for up to 2 nights a week.",
                                     "Guests under 18 may not stay overnight."]},
         traps=["hall-kestrel-house"]),

    # ---------------------------------------------------------------- clarifications
    dict(id="clarify-loans-masters", kind="clarification: user says what they meant", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="masters",
         turns=[U("how many books can i borrow from the library"),
                A("Undergraduates can borrow up to 20 items at a time; standard loans are for four weeks."),
                U("i'm a masters student")],
         target="Taught postgraduates can borrow up to 30 items at a time; standard loans are for four weeks and "
                "renew themselves up to ten times unless someone requests the item.",
         evidence={"library": ["| Taught postgraduate | 30 |"]},
         traps=[]),
    dict(id="clarify-single-room-tollgate", kind="clarification: wrong sibling's answer disputed",
         answerability="ANSWERABLE", multi_turn="Clarification", question_type=["Factoid"], subject="Tollgate",
         turns=[U("how much is a single room with a shared bathroom?"),
                A("At Millrace, £132 a week on the 44-week contract in 2025/26 (£139 in 2026/27), or less per week on "
                  "the 51-week contract."),
                U("no i meant at tollgate court")],
         target="At Tollgate Court a single room with a shared bathroom is £198 a week in 2025/26 and £207 in "
                "2026/27, including 14 meals a week in term, bills and wifi, on a 38-week contract.",
         evidence={"hall-tollgate-court": ["| Single room, shared bathroom | £198 | £207 |"]},
         traps=["hall-millrace"]),
    dict(id="clarify-international-scholarship", kind="clarification: wrong sibling's answer disputed",
         answerability="ANSWERABLE", multi_turn="Clarification", question_type=["Factoid"], subject="scholarship",
         turns=[U("how much is the scholarship worth?"),
                A("The Ashcombe Access Bursary is worth up to £1,650 a year in 2026/27, depending on household "
                  "income."),
                U("no, the one for international masters students")],
         target="The Ashcombe Global Excellence Scholarship is £5,000 off the first year's tuition fee for 2026/27 "
                "entry (£4,000 for 2025/26 entry), with 40 awards.",
         evidence={"global-excellence-scholarship": ["| Value, off the first year's tuition fee | £4,000 | £5,000 |"]},
         traps=["access-bursary"]),

    # ---------------------------------------------------------------- a new question after a long conversation
    dict(id="new-question-resits-after-kestrel", kind="new question after a long conversation",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="resit",
         turns=[U("whats the laundry like at kestrel house"),
                A("Card-operated machines in Block A: £3.20 a wash and £1.60 a dry."),
                U("are the kitchens cleaned for us?"),
                A("Partly: cleaners clean the kitchens and corridors once a week; the rest is up to your flat, and "
                  "flats are inspected once a term with 48 hours' notice."),
                U("can i have fairy lights in my room"),
                A("Not ones that plug into the mains: those aren't allowed, and nor are candles, incense or oil "
                  "burners."),
                U("ok different thing, i think i failed an exam. when are resits in 2026?")],
         target="In the August resit period, 17 to 28 August 2026, on the Old Quad (resubmitted coursework is due "
                "24 August). The timetable is published on 24 July 2026, and you must confirm on the student portal "
                "by 31 July 2026 that you will take them.",
         evidence={"exam-resits": ["Resits take place in the August resit period, from 17 to 28 August 2026."]},
         traps=["hall-kestrel-house"]),
    dict(id="new-question-parking-after-data-science", kind="new question after a long conversation",
         answerability="ANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="permit",
         turns=[U("is the msc data science full time only?"),
                A("No: it is 12 months full-time or 24 months part-time, though international students must study "
                  "full-time because of the student visa."),
                U("what laptop do i need"),
                A("Your own, with at least 16 GB of memory; bigger projects run on the department's computing "
                  "cluster, and you get £150 of cloud credits for the year."),
                U("what modules are compulsory?"),
                A("Programming for Data Science, Machine Learning, Data Engineering and Databases, Statistical "
                  "Modelling, and Data Ethics and Law."),
                U("one more thing, unrelated: i live about 8 miles out and will drive in to fenwick. how much is a "
                  "student parking permit for 2026/27?")],
         target="A student commuter permit for the Fenwick Campus is £180 for 2026/27 (£165 for 2025/26), valid "
                "from 1 September to 31 August in car parks F3 and F4. Living more than 2 miles away, you are "
                "eligible.",
         evidence={"parking-permits": ["| Student commuter permit, Fenwick Campus | £165 | £180 |",
                                       "A commuter permit is for students who live more than 2 miles from the "
                                       "Fenwick Campus"]},
         traps=["msc-data-science"]),
    dict(id="new-question-nursery-after-sports", kind="new question after a long conversation",
         answerability="UNANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="nursery",
         turns=[U("what time does the sports centre pool close on a saturday?"),
                A("In term the centre is open 08:00 to 20:00 on Saturdays, and the pool closes 30 minutes before the "
                  "centre, so at 19:30."),
                U("how much is a swim without a membership"),
                A("£3.80 a swim in 2026/27 (£3.50 in 2025/26)."),
                U("can kids use the climbing wall?"),
                A("No: children may not use the climbing wall."),
                U("different question, is there a nursery on campus where i could leave my 2 year old while i'm in "
                  "lectures?")],
         target="The documents describe no nursery or childcare for students' children (the accommodation page "
                "says only that the university has no accommodation for students with children).",
         evidence={}, traps=["fenwick-sports-centre", "accommodation-applications"]),

    # ---------------------------------------------------------------- a year the documents do not give
    dict(id="year-not-covered-kestrel-2027", kind="year or version not covered: year", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Kestrel",
         turns=[U("how much is kestrel house a week"),
                A("A standard en-suite room is £168 a week in 2025/26 and £176 in 2026/27."),
                U("what will it be in 2027/28? i want to stay all 3 years")],
         target="The Kestrel House page gives rents for 2025/26 and 2026/27 only; it says nothing of 2027/28.",
         evidence={}, traps=["hall-kestrel-house"]),
    dict(id="year-not-covered-applied-statistics-2024", kind="year or version not covered: year",
         answerability="UNANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="Applied Statistics",
         turns=[U("whats the home fee for msc applied statistics"),
                A("£11,300 for 2026/27 entry (£10,800 for 2025/26 entry)."),
                U("and for people who started in 2024? my friend reckons she paid a lot less")],
         target="The documents give the MSc Applied Statistics fees for 2025/26 and 2026/27 entry only; nothing for "
                "2024.",
         evidence={}, traps=["msc-applied-statistics", "msc-data-science"]),
    dict(id="year-not-covered-bursary-2027", kind="year or version not covered: year", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="bursary",
         turns=[U("how much is the access bursary if our household income is under 25k?"),
                A("£1,650 for 2026/27 (£1,500 in 2025/26), paid in two instalments."),
                U("will it be the same amount in 2027/28 for my second year?")],
         target="The documents give the bursary amounts for 2025/26 and 2026/27 only; they do not say what it will "
                "be in 2027/28.",
         evidence={}, traps=["access-bursary"]),

    # ---------------------------------------------------------------- a subject with no document
    dict(id="no-document-harrier-house", kind="subject with no document: after a sibling",
         answerability="UNANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="Harrier House",
         turns=[U("what halls are near the fenwick campus?"),
                A("Kestrel House is on the edge of the Fenwick Campus, a five-minute walk from the Hollis Building."),
                U("what about harrier house? is that cheaper?")],
         target="The documents describe no Harrier House; Ashcombe's halls are Kestrel House, Tollgate Court, "
                "Millrace and The Saltings.",
         evidence={}, traps=["hall-kestrel-house", "hall-millrace"]),
    dict(id="no-document-msc-marine-conservation", kind="subject with no document: sibling names",
         answerability="UNANSWERABLE", multi_turn="N/A", question_type=["Factoid"], subject="Marine Conservation",
         turns=[U("what are the fees for the msc marine conservation for international students?")],
         target="The documents describe no MSc Marine Conservation; the marine programme they describe is the BSc "
                "Marine Biology.",
         evidence={}, traps=["bsc-marine-biology", "msc-data-science", "msc-applied-statistics"]),

    # ---------------------------------------------------------------- the words appear, the fact is not stated
    dict(id="near-miss-session-length", kind="near miss: the words appear, the fact does not",
         answerability="UNANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="session",
         turns=[U("how many counselling sessions can i have?"),
                A("Up to 6 counselling sessions in an academic year, in person, by video or by phone; groups don't "
                  "count towards the six."),
                U("how long is each session")],
         target="The documents do not say how long a counselling session lasts (only that a drop-in visit is about "
                "20 minutes).",
         evidence={}, traps=["counselling-service"]),
    dict(id="near-miss-group-room-size", kind="near miss: the words appear, the fact does not",
         answerability="UNANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="group study room",
         turns=[U("can i book a room in the library for my group project?"),
                A("Yes: group study rooms in both library buildings can be booked online for up to 3 hours a day, up "
                  "to a week ahead."),
                U("how many people fit in one? there's 7 of us")],
         target="The documents do not give the size of the group study rooms.",
         evidence={}, traps=["library"]),

    # ---------------------------------------------------------------- truly ambiguous
    dict(id="ambiguous-rent", kind="ambiguous", answerability="UNDERSPECIFIED",
         multi_turn="N/A", question_type=["Factoid"], subject=None,
         turns=[U("How much is the rent?")],
         target="Which hall? Per week in 2026/27: Kestrel House £176 (standard en-suite), Tollgate Court £207 or "
                "£238 with meals, Millrace £139 (44 weeks) or £133 (51 weeks), The Saltings £214 for a studio.",
         evidence={"hall-kestrel-house": ["| En-suite room, standard | £168 | £176 |"],
                   "hall-tollgate-court": ["| Single room, shared bathroom | £198 | £207 |"],
                   "hall-millrace": ["| 44 weeks, per week | £132 | £139 |"],
                   "hall-the-saltings": ["| Single studio, per week | £205 | £214 |"]},
         traps=[]),
    dict(id="ambiguous-placement-fee", kind="ambiguous: the assistant named two", answerability="UNDERSPECIFIED",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("which courses have a placement year?"),
                A("The MSc Data Science with Industrial Placement and the four-year BSc Marine Biology with a "
                  "Professional Placement."),
                U("how much is the placement year?")],
         target="Which one? For 2026/27, the Data Science placement year is £1,300 (home) or £3,050 "
                "(international); the Marine Biology one £1,465 or £3,690.",
         evidence={"msc-data-science": ["| Home | £1,250 | £1,300 |"],
                   "bsc-marine-biology": ["| Placement year, home | £1,430 | £1,465 |"]},
         traps=[]),
    dict(id="ambiguous-distance-old-quad", kind="ambiguous: the assistant named two", answerability="UNDERSPECIFIED",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("which halls have a proper bike store?"),
                A("Kestrel House, with a covered, locked store for 180 bikes, and Millrace, with two covered sheds "
                  "for 300 bikes."),
                U("how long does it take to get to the old quad from there?")],
         target="Which one? From Kestrel House, 30 minutes' walk or 10 minutes on shuttle S1; from Millrace, 25 "
                "minutes' walk or about 10 minutes by bike along the river.",
         evidence={"hall-kestrel-house": ["30 minutes' walk, or 10 minutes on shuttle route S1, to the Old Quad"],
                   "hall-millrace": ["25 minutes' walk to the Old Quad"]},
         traps=[]),

    # ---------------------------------------------------------------- first turns
    dict(id="first-turn-summer-hours-old-quad", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="Old Quad Library",
         turns=[U("what time does the old quad library close in the summer holidays?")],
         target="In the vacation it closes at 22:00 Monday to Friday and 18:00 on Saturday and Sunday (it opens at "
                "08:00 and 10:00); it is open 24 hours only in term.",
         evidence={"library": ["| Old Quad Library | 24 hours, every day | 08:00 to 22:00 Monday to Friday, 10:00 "
                               "to 18:00 Saturday and Sunday |"]},
         traps=[]),
    dict(id="first-turn-library-fines", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="library",
         turns=[U("do i get fined if my library book is late?")],
         target="Not for a standard loan: since 1 August 2025 there are no fines on standard loans (it was 20p a "
                "day). But an item 28 days overdue, or a requested one 14 days overdue, is charged as lost: its "
                "replacement cost plus a £10 fee, the cost refunded if you return it. Short loans are fined £1 an "
                "hour, up to £10 an item.",
         evidence={"library": ["From 1 August 2025 there are no fines on standard loans.",
                               "is £1 for each hour late from 1 August 2025, up to £10 per item"]},
         traps=[]),
    dict(id="first-turn-room-guarantee", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="halls",
         turns=[U("am i guaranteed a room in halls as a first year?")],
         target="Yes, if Ashcombe is your firm choice and you apply for accommodation by 30 June. The guarantee is "
                "for a room in halls, not in a particular hall.",
         evidence={"accommodation-applications": ["| First-year undergraduate | Ashcombe is your firm choice and you "
                                                  "apply for accommodation by 30 June |",
                                                  "The guarantee is for a room in halls, not in a particular hall."]},
         traps=[]),
]
