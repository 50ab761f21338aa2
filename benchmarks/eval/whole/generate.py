#!/usr/bin/env python3
"""A planted corpus for questions about the whole knowledge base: supplier contracts whose facts are known.

Issue 71, item 6 (python3 standard library only). Usage, from the repository root:

    python3 benchmarks/eval/whole/generate.py [--docs 2000] [--seed 42] [--out DIR]

writes into DIR (default benchmarks/target/whole/contracts-s<seed>-n<docs>):

- docs/contract-00001.md ... : short supply agreements between the Customer (Brightwater
  Retail Group, the "we" of the questions) and one supplier each, as Markdown, about 300 to
  800 words (one to two printed pages), in clauses whose order, wording and presence vary;
- truth.json: every planted fact of every document (below), with the seed and the count;
- questions.json: 28 questions made from the truth (which, how many, list all, the figure
  per document, and two conversations of two turns), each with its golden set of file names,
  the golden value per file for figure questions, and its near-miss files.

The planted facts, each drawn per document from random.Random("<seed>:<n>") so that the
first 300 documents of a 2,000-document corpus are the 300 documents of a 300-document one:

- supplier (a name of its own, unique in the corpus) and its country of registration;
- governing law (a place; the supplier's country, a delivery city and the signing city name
  other places: "a company registered in Norway" in a contract governed by Swedish law is a
  near miss for "governed by the laws of Norway");
- termination fee: `fee` (with amount and currency, said as "termination fee", "early exit
  charge", "break fee", "Early Termination Payment" or "cancellation charge"), `none` (said
  explicitly: "No termination fee applies", "Neither party owes a termination fee") or
  `silent`; some silent documents use the words in another sense (`feeNearMiss`: cable
  termination charges, the settled fee of an earlier agreement, the termination of the
  supplier's own staff);
- notice period in days (every document; as digits, words or both) beside a payment term
  in days that is not a notice period;
- remote work: `allowed`, `onSite` (said: "remote work is not permitted": a near miss) or
  `silent`;
- data processing: `processor`, `noData` (said: "will not process any personal data": a
  near miss) or `silent`;
- signing date (2019 to 2025; the year of an earlier agreement a contract replaces is a near
  miss for "signed in") and the category of goods or services.

Nothing here is real: names, amounts and places are drawn from the lists below.
"""

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CUSTOMER = "Brightwater Retail Group"
CUSTOMER_SHORT = "Brightwater"

# place: (adjective, cities, legal forms of companies registered there)
PLACES = {
    "Norway": ("Norwegian", ("Oslo", "Bergen", "Trondheim", "Stavanger"), ("AS",)),
    "Sweden": ("Swedish", ("Stockholm", "Gothenburg", "Malmö", "Uppsala"), ("AB",)),
    "Denmark": ("Danish", ("Copenhagen", "Aarhus", "Odense", "Aalborg"), ("A/S", "ApS")),
    "Finland": ("Finnish", ("Helsinki", "Tampere", "Turku", "Oulu"), ("Oy",)),
    "Iceland": ("Icelandic", ("Reykjavík", "Akureyri"), ("ehf.", "hf.")),
    "England and Wales": ("English", ("London", "Manchester", "Bristol", "Leeds"), ("Ltd", "plc")),
    "Germany": ("German", ("Hamburg", "Berlin", "Munich", "Cologne"), ("GmbH", "AG")),
    "the Netherlands": ("Dutch", ("Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"), ("B.V.",)),
    "Ireland": ("Irish", ("Dublin", "Cork", "Galway"), ("Ltd", "DAC")),
}
# how often each place is the governing law (Japan never is: the zero-count question)
LAW_WEIGHTS = {"Norway": 20, "Sweden": 20, "Denmark": 15, "Finland": 12, "England and Wales": 12, "Germany": 8,
               "the Netherlands": 7, "Ireland": 4, "Iceland": 2}
# countries of registration (and delivery) also name places no contract is governed by
REGISTRATION = {**{p: 1 for p in PLACES}, "Japan": 0.3}
JAPAN = ("Japanese", ("Osaka", "Yokohama"), ("K.K.",))

ROOTS = ("Nor", "Hal", "Brek", "Sol", "Fjel", "Vest", "Ask", "Lind", "Ros", "Tor", "Elm", "Kval", "Mar", "Sten",
         "Berg", "Dal", "Ek", "Fal", "Grå", "Hav", "Is", "Jar", "Kors", "Lys", "Mo", "Nes", "Ol", "Pil", "Rav", "Sand",
         "Tun", "Ulv", "Var", "Vik", "Bjor", "Karl", "Alder", "Ash", "Birch", "Corr", "Dun", "Fern", "Glen", "Heath",
         "Kil", "Lough", "Moor", "Rath", "Tarn", "Wyn")
ENDINGS = ("vik", "den", "by", "strand", "heim", "lund", "holm", "berg", "dal", "ness", "field", "ford", "mere",
           "stad", "gaard", "mark", "land", "ton", "wick", "more", "ley", "hurst", "borg", "haven", "sund", "rud",
           "lia", "vang", "tun", "ås")
SECTORS = ("Components", "Logistics", "Packaging", "Facilities", "Systems", "Textiles", "Foods", "Trading",
           "Industries", "Services", "Supply", "Partners", "Works", "Solutions", "Group")

# category: (title, what is supplied, how it is delivered)
CATEGORIES = {
    "packaging": ("Packaging Materials",
                  "corrugated boxes, shrink film and labels for the Customer's distribution centres",
                  "Goods are delivered on pallets"),
    "furniture": ("Office Furniture", "desks, chairs and storage units for the Customer's offices",
                  "Furniture is delivered and assembled"),
    "cleaning": ("Cleaning Services", "cleaning services for the Customer's stores and offices",
                 "Cleaning is carried out"),
    "it": ("IT Hardware", "laptops, point-of-sale terminals and network equipment",
           "Equipment is delivered and installed"),
    "transport": ("Refrigerated Transport", "refrigerated road transport of chilled and frozen goods",
                  "Collections and deliveries are made"),
    "fixtures": ("Store Fixtures", "shelving, counters and display fixtures for the Customer's stores",
                 "Fixtures are delivered and fitted"),
    "workwear": ("Workwear", "uniforms, safety shoes and protective clothing for store staff",
                 "Garments are delivered"),
    "vending": ("Coffee and Vending", "coffee machines, vending machines and their supplies for staff rooms",
                "Machines are installed and restocked"),
    "security": ("Security Services", "guarding, alarm response and CCTV monitoring for the Customer's sites",
                 "Services are provided"),
    "printing": ("Printing", "printed leaflets, price labels and in-store signage",
                 "Print runs are delivered"),
}
CURRENCIES = ("EUR", "NOK", "SEK", "DKK", "GBP", "USD")
SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}
NOTICE_DAYS = (30, 45, 60, 90, 120, 180)
NOTICE_WEIGHTS = (20, 10, 25, 25, 10, 10)
PAYMENT_DAYS = (14, 30, 45, 60, 90)
WORDS = {14: "fourteen", 30: "thirty", 45: "forty-five", 60: "sixty", 90: "ninety", 120: "one hundred and twenty",
         180: "one hundred and eighty"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
YEARS = tuple(range(2019, 2026))


def pick(rng, weights):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def place_info(place):
    return JAPAN if place == "Japan" else PLACES[place]


def money(rng, amount, currency):
    figure = f"{amount:,}"
    if currency in SYMBOLS and rng.random() < 0.3:
        return f"{SYMBOLS[currency]}{figure}"
    return rng.choice((f"{currency} {figure}", f"{figure} {currency}"))


def days(rng, n):
    return rng.choice((f"{n} days", f"{WORDS[n]} ({n}) days", f"{WORDS[n]} days"))


def supplier_name(rng, used):
    while True:
        name = f"{rng.choice(ROOTS)}{rng.choice(ENDINGS)} {rng.choice(SECTORS)}"
        if name not in used:
            used.add(name)
            return name


# --------------------------------------------------------------------------- facts

def facts(seed, n, used):
    """The planted facts of document n (1-based), from its own random stream."""
    rng = random.Random(f"{seed}:{n}")
    registered = pick(rng, REGISTRATION)
    name = supplier_name(rng, used)
    form = rng.choice(place_info(registered)[2])
    law = pick(rng, LAW_WEIGHTS)
    fee = pick(rng, {"fee": 22, "none": 14, "silent": 64})
    fact = {
        "file": f"contract-{n:05d}.md", "supplier": f"{name} {form}", "supplierCountry": registered,
        "category": rng.choice(list(CATEGORIES)), "law": law,
        "signed": {"year": rng.choice(YEARS), "month": rng.randrange(1, 13), "day": rng.randrange(1, 29)},
        "noticeDays": rng.choices(NOTICE_DAYS, weights=NOTICE_WEIGHTS)[0],
        "paymentDays": rng.choice(PAYMENT_DAYS),
        "fee": fee, "remoteWork": pick(rng, {"allowed": 18, "onSite": 10, "silent": 72}),
        "dataProcessing": pick(rng, {"processor": 25, "noData": 10, "silent": 65}),
        "deliveryCountry": pick(rng, REGISTRATION),
    }
    fact["deliveryCity"] = rng.choice(place_info(fact["deliveryCountry"])[1])
    fact["signedCity"] = rng.choice(PLACES[law][1] if rng.random() < 0.6 else place_info(registered)[1])
    if fee == "fee":
        fact["feeAmount"] = rng.randrange(5, 500) * 500
        fact["feeCurrency"] = rng.choice(CURRENCIES)
    fact["feeNearMiss"] = rng.choice(("cable", "earlier", "staff")) if fee == "silent" and rng.random() < 0.2 else None
    if fact["feeNearMiss"] == "earlier":  # the year of the agreement it replaces: a near miss for "signed in"
        fact["earlierYear"] = fact["signed"]["year"] - rng.randrange(2, 5)
    return fact, rng


# --------------------------------------------------------------------------- wording

def law_clause(rng, f):
    place = f["law"]
    adjective, cities, _ = PLACES[place]
    court = rng.choice(cities)
    return rng.choice((
        f"This agreement is governed by the laws of {place}.",
        f"{adjective} law governs this agreement and any dispute arising out of it.",
        f"The agreement shall be construed in accordance with {adjective} law, and the courts of {court} have"
        f" exclusive jurisdiction.",
        f"Any dispute is settled under the laws of {place} by the courts of {court}.",
        f"The laws of {place} apply to this agreement, without regard to their conflict of laws rules.",
    ))


def fee_clause(rng, f):
    if f["fee"] == "fee":
        amount = money(rng, f["feeAmount"], f["feeCurrency"])
        return rng.choice((
            f"If the Customer terminates this agreement for convenience before the end of the initial term, it"
            f" shall pay the Supplier a termination fee of {amount}.",
            f"An early exit charge of {amount} applies when the Customer ends the agreement before its expiry"
            f" date.",
            f"Should the Customer end the agreement early, a break fee of {amount} is payable within"
            f" {rng.choice((14, 30))} days of the termination date.",
            f"Early termination by the Customer triggers a one-off payment to the Supplier of {amount} (the"
            f" \"Early Termination Payment\").",
            f"The Customer may cancel the agreement at any time against a cancellation charge of {amount}, which"
            f" compensates the Supplier for its committed stock.",
        ))
    if f["fee"] == "none":
        return rng.choice((
            "No termination fee applies if either party ends this agreement in accordance with this clause.",
            "Neither party owes a termination fee or any other compensation for ending the agreement on notice.",
            "The Customer may terminate early without paying any break fee.",
            "Ending the agreement early is free of charge: no early exit charge, cancellation charge or similar"
            " payment is due.",
        ))
    return None


def fee_near_miss(rng, f):
    kind = f["feeNearMiss"]
    if kind == "cable":
        return ("Installation", "Cable termination charges for connecting the equipment at the Customer's sites are"
                " included in the unit prices; the Supplier tests every terminated cable before hand-over.")
    if kind == "earlier":
        return ("Background", f"This agreement replaces the parties' agreement of {f['earlierYear']}; the"
                " termination fee under that earlier agreement was settled in full and nothing further is owed"
                " under it.")
    if kind == "staff":
        return ("Personnel", "The termination of the employment of any of the Supplier's staff is a matter for"
                " the Supplier alone, and any fees, severance or other payments it owes them are borne by the"
                " Supplier.")
    return None


def notice_clause(rng, f):
    d = days(rng, f["noticeDays"])
    return rng.choice((
        f"Either party may terminate this agreement for convenience on {d}' written notice to the other party.",
        f"The notice period for termination is {d}.",
        f"Either party may end the agreement by giving not less than {d}' notice in writing.",
        f"The agreement runs until terminated by either party with a notice period of {d}.",
    ))


def remote_clause(rng, f):
    if f["remoteWork"] == "allowed":
        return rng.choice((
            "Supplier personnel may perform the services remotely, provided that the Customer's security"
            " requirements for remote access are met.",
            "The Supplier's staff may work from home or from the Supplier's own offices when providing the"
            " services.",
            "Remote working is permitted for all tasks that do not need physical access to the Customer's"
            " premises or equipment.",
        ))
    if f["remoteWork"] == "onSite":
        return rng.choice((
            "All services are performed at the Customer's premises; remote work is not permitted.",
            "The Supplier's staff may not work remotely and must be present on site during service hours.",
        ))
    return None


def data_clause(rng, f):
    if f["dataProcessing"] == "processor":
        return rng.choice((
            "The Supplier processes personal data on behalf of the Customer as a data processor; the parties'"
            " data processing agreement in Schedule 3 forms part of this agreement.",
            "To the extent the Supplier handles personal data of the Customer's employees or customers, it acts"
            " as processor under Article 28 GDPR and follows the Customer's documented instructions.",
            "The data processing terms attached as Annex B apply to all personal data the Supplier processes for"
            " the Customer.",
        ))
    if f["dataProcessing"] == "noData":
        return rng.choice((
            "The Supplier will not process any personal data on the Customer's behalf under this agreement, so"
            " no data processing agreement is required.",
            "No personal data is exchanged or processed under this agreement.",
        ))
    return None


FILLER = {
    "Prices": (
        "Prices are fixed for the first twelve months and may then be reviewed once a year against the"
        " consumer price index published by the national statistics office.",
        "The price list in Schedule 1 applies; volume discounts are granted on the quarterly spend as set out"
        " there.",
        "Prices include packaging and delivery to the agreed addresses but exclude value added tax.",
    ),
    "Warranty": (
        "The Supplier warrants that the goods and services conform to the specification and are free from"
        " defects for twenty-four months.",
        "Defects reported within the warranty period are remedied free of charge by repair or replacement.",
        "The warranty does not cover wear and tear or damage caused by misuse by the Customer's staff.",
    ),
    "Liability": (
        "Each party's total liability under this agreement is limited to the amounts paid in the preceding"
        " twelve months, except for wilful misconduct or gross negligence.",
        "Neither party is liable for indirect or consequential loss, including loss of profit.",
    ),
    "Confidentiality": (
        "Each party keeps the other's confidential information secret during the agreement and for three"
        " years after it ends.",
        "Confidential information may be disclosed to advisers and auditors who are bound by a duty of"
        " confidence.",
    ),
    "Insurance": (
        "The Supplier maintains public and product liability insurance with a reputable insurer and shows"
        " the certificate on request.",
    ),
    "Sustainability": (
        "The Supplier follows the Customer's supplier code of conduct and reports its carbon emissions for"
        " the goods and services once a year.",
        "Packaging is recyclable, and the Supplier takes back used pallets free of charge.",
    ),
    "Subcontracting": (
        "The Supplier may not subcontract any part of the services without the Customer's prior written"
        " consent, which is not unreasonably withheld.",
    ),
    "Audit": (
        "The Customer may audit the Supplier's compliance with this agreement once a year on reasonable"
        " notice.",
    ),
    "Ordering": (
        "The Customer orders by purchase orders sent through its procurement system; an order is binding when"
        " the Supplier confirms it or two working days have passed without an objection.",
        "Forecasts the Customer shares are for planning only and do not commit it to any volume.",
        "The Supplier keeps a safety stock sufficient for four weeks of the Customer's average demand.",
    ),
    "Delivery and acceptance": (
        "Delivery times are those confirmed in the order; the Supplier informs the Customer at once of any"
        " expected delay and of its cause.",
        "The Customer inspects deliveries within ten working days and reports visible defects in writing.",
        "Risk passes to the Customer on delivery, title on payment.",
    ),
    "Intellectual property": (
        "Each party keeps its intellectual property; the Customer receives a licence to use the documentation"
        " supplied with the goods for its own business.",
        "The Supplier indemnifies the Customer against third-party claims that the goods infringe their rights.",
    ),
    "Notices": (
        "Notices under this agreement are given in writing to the addresses stated above or to an address a"
        " party later names.",
        "A notice sent by e-mail is received on the next working day unless the sender learns that it was not"
        " delivered.",
    ),
    "Service levels": (
        "The Supplier meets the service levels in Schedule 2 and reports on them every month.",
        "Repeated failure to meet a service level entitles the Customer to the service credits set out there.",
        "The parties review the service levels together every six months.",
    ),
    "Force majeure": (
        "Neither party is in breach for a delay caused by events beyond its reasonable control, such as"
        " natural disasters, war or a general strike.",
        "If such an event lasts longer than sixty days, either party may end the affected orders in writing.",
    ),
}


def document(f, rng):
    """The Markdown of one contract."""
    title, what, how = CATEGORIES[f["category"]]
    s = f["signed"]
    signed = f"{s['day']} {MONTHS[s['month'] - 1]} {s['year']}"
    registered = f["supplierCountry"]
    city = rng.choice(place_info(registered)[1])
    kind = rng.choice(("Supply Agreement", "Framework Agreement", "Master Services Agreement", "Purchase Agreement"))
    head = [f"# {kind}: {title}", "",
            rng.choice((f"This agreement is made on {signed} between {CUSTOMER} (the \"Customer\") and"
                        f" {f['supplier']}, a company registered in {registered} with its office in {city} (the"
                        f" \"Supplier\").",
                        f"Between {f['supplier']} of {city}, {registered} (the \"Supplier\"), and {CUSTOMER}"
                        f" (the \"Customer\"), dated {signed}."))]
    sections = []
    sections.append(("Scope", [f"The Supplier provides {what}.",
                               f"{how} at the Customer's sites, including its distribution centre in"
                               f" {f['deliveryCity']}, {f['deliveryCountry']}, as called off by purchase orders."]))
    sections.append(("Prices and payment", rng.sample(FILLER["Prices"], 2)
                     + [f"Invoices are payable within {f['paymentDays']} days of receipt."]))
    term = [rng.choice((f"The agreement starts on the date of signature and runs for an initial term of"
                        f" {rng.choice(('two', 'three', 'four'))} years.",
                        "The agreement takes effect on signature and continues until terminated.")),
            notice_clause(rng, f)]
    fee = fee_clause(rng, f)
    if fee:
        term.append(fee)
    term.append("Either party may terminate with immediate effect if the other commits a material breach that"
                " is not remedied within thirty days of a written request.")
    sections.append(("Term and termination", term))
    remote, data = remote_clause(rng, f), data_clause(rng, f)
    if remote:
        sections.append(("Personnel", [remote, "The Supplier remains responsible for its personnel at all"
                                       " times."]))
    if data:
        sections.append(("Data protection", [data]))
    near = fee_near_miss(rng, f)
    if near:
        heading, text = near
        sections.insert(rng.randrange(1, len(sections) + 1), (heading, [text]))
    optional = [h for h in FILLER if h != "Prices"]
    extra = rng.sample(optional, rng.randrange(4, len(optional) + 1))
    for heading in extra:
        lines = FILLER[heading]
        sections.insert(rng.randrange(1, len(sections) + 1), (heading, lines[:rng.randrange(1, len(lines) + 1)]))
    law = law_clause(rng, f)
    if rng.random() < 0.5:
        sections.append(("Governing law", [law]))
    else:
        sections.append(("Miscellaneous", ["Changes to this agreement are valid only in writing and signed by"
                                           " both parties.", law]))
    out = head + [""]
    for number, (heading, lines) in enumerate(sections, 1):
        out += [f"## {number}. {heading}", "", " ".join(lines), ""]
    out += [f"Signed in {f['signedCity']} on {signed}.", "",
            f"For {CUSTOMER}: Head of Procurement  ", f"For {f['supplier']}: Managing Director", ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- questions

def mentions(f, place):
    """Whether the document names the place other than as its governing law."""
    return place in (f["supplierCountry"], f["deliveryCountry"]) or f["signedCity"] in place_info(place)[1]


def questions(truth):
    """The questions, from the truth: golden files (and values), near-miss files."""
    docs = truth["documents"]

    def files(pred):
        return [f["file"] for f in docs if pred(f)]

    def law(place):
        return lambda f: f["law"] == place

    def near_place(place):
        return files(lambda f: f["law"] != place and mentions(f, place))

    fee = lambda f: f["fee"] == "fee"  # noqa: E731
    fee_near = files(lambda f: f["fee"] == "none" or f["feeNearMiss"])
    remote = lambda f: f["remoteWork"] == "allowed"  # noqa: E731
    year = lambda y: (lambda f: f["signed"]["year"] == y)  # noqa: E731
    year_near = lambda y: files(lambda f: f["signed"]["year"] != y and f.get("earlierYear") == y)  # noqa: E731
    cleaning = lambda f: f["category"] == "cleaning"  # noqa: E731

    def values(pred, kind):
        out = {}
        for f in docs:
            if pred(f):
                out[f["file"]] = {"days": f["noticeDays"], "name": f["supplier"], "place": f["law"],
                                  "money": {"amount": f.get("feeAmount"), "currency": f.get("feeCurrency")}}[kind]
        return out

    def q(qid, kind, text, pred, near=(), value=None, follows=None):
        gold = files(pred)
        row = {"id": qid, "kind": kind, "question": text, "gold": gold, "count": len(gold), "nearMiss": list(near)}
        if value:
            row["valueKind"] = value
            row["values"] = values(pred, value)
        if follows:
            row["follows"] = follows
        return row

    return [
        q("which-fee", "which", "Which contracts have a termination fee?", fee, fee_near),
        q("which-fee-paraphrase", "which", "Which contracts make us pay the supplier if we end the agreement early?",
          fee, fee_near),
        q("which-no-fee", "which", "Which contracts state that no termination fee is payable?",
          lambda f: f["fee"] == "none", files(lambda f: f["fee"] == "fee" or f["feeNearMiss"])),
        q("which-iceland", "which", "Which contracts are governed by the laws of Iceland?", law("Iceland"),
          near_place("Iceland")),
        q("which-remote", "which", "Which contracts allow the supplier's staff to work remotely?", remote,
          files(lambda f: f["remoteWork"] == "onSite")),
        q("which-processor", "which", "Under which contracts does the supplier process personal data for us?",
          lambda f: f["dataProcessing"] == "processor", files(lambda f: f["dataProcessing"] == "noData")),
        q("which-2021", "which", "Which contracts were signed in 2021?", year(2021), year_near(2021)),
        q("which-cleaning", "which", "Which contracts are for cleaning services?", cleaning),
        q("count-fee", "howMany", "How many contracts have a termination fee?", fee, fee_near),
        q("count-norway", "howMany", "How many contracts are governed by the laws of Norway?", law("Norway"),
          near_place("Norway")),
        q("count-japan", "howMany", "How many contracts are governed by Japanese law?", law("Japan"),
          near_place("Japan")),
        q("count-remote", "howMany", "How many contracts let the supplier's personnel work from home?", remote,
          files(lambda f: f["remoteWork"] == "onSite")),
        q("count-notice-90", "howMany", "How many contracts have a notice period of 90 days?",
          lambda f: f["noticeDays"] == 90, files(lambda f: f["noticeDays"] != 90 and f["paymentDays"] == 90)),
        q("count-finland-fee", "howMany", "How many contracts governed by Finnish law have a termination fee?",
          lambda f: f["law"] == "Finland" and fee(f),
          files(lambda f: f["law"] == "Finland" and (f["fee"] == "none" or f["feeNearMiss"]))),
        q("count-fee-eur", "howMany", "How many contracts set a termination fee in euros?",
          lambda f: fee(f) and f["feeCurrency"] == "EUR", files(lambda f: fee(f) and f["feeCurrency"] != "EUR")),
        q("list-suppliers", "list", "List every supplier named in the contracts.", lambda f: True, value="name"),
        q("list-suppliers-denmark", "list", "List the suppliers of the contracts governed by Danish law.",
          law("Denmark"), near_place("Denmark"), value="name"),
        q("list-notice-over-120", "list", "List all contracts with a notice period of more than 120 days.",
          lambda f: f["noticeDays"] > 120, files(lambda f: f["noticeDays"] == 120)),
        q("list-no-data", "list", "List the contracts that say the supplier processes no personal data.",
          lambda f: f["dataProcessing"] == "noData", files(lambda f: f["dataProcessing"] == "processor")),
        q("figure-notice-denmark", "figure", "What is the notice period of each contract governed by Danish law?",
          law("Denmark"), near_place("Denmark"), value="days"),
        q("figure-fee-sweden", "figure", "What termination fee does each contract governed by Swedish law set?",
          lambda f: f["law"] == "Sweden" and fee(f),
          files(lambda f: f["law"] == "Sweden" and (f["fee"] == "none" or f["feeNearMiss"])), value="money"),
        q("figure-law-2025", "figure", "Which country's law governs each contract signed in 2025?", year(2025),
          year_near(2025), value="place"),
        q("figure-notice-cleaning", "figure", "What is the notice period of each contract for cleaning services?",
          cleaning, value="days"),
        q("figure-supplier-remote", "figure", "Who is the supplier of each contract that allows remote work?",
          remote, files(lambda f: f["remoteWork"] == "onSite"), value="name"),
        q("chat-sweden", "which", "Which contracts are governed by Swedish law?", law("Sweden"),
          near_place("Sweden")),
        q("chat-sweden-fee", "howMany", "How many of them have a termination fee?",
          lambda f: f["law"] == "Sweden" and fee(f),
          files(lambda f: f["law"] != "Sweden" and fee(f)), follows="chat-sweden"),
        q("chat-2022", "list", "List the contracts signed in 2022.", year(2022), year_near(2022)),
        q("chat-2022-remote", "which", "Which of those allow remote work?",
          lambda f: f["signed"]["year"] == 2022 and remote(f),
          files(lambda f: f["signed"]["year"] == 2022 and f["remoteWork"] == "onSite"), follows="chat-2022"),
    ]


# --------------------------------------------------------------------------- main

def generate(out, count, seed):
    """Writes the corpus, truth.json and questions.json into out; returns the truth."""
    out = Path(out)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    used = set()
    documents = []
    for n in range(1, count + 1):
        f, rng = facts(seed, n, used)
        (out / "docs" / f["file"]).write_text(document(f, rng))
        documents.append(f)
    truth = {"seed": seed, "documents": documents, "count": count, "customer": CUSTOMER}
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
    (out / "questions.json").write_text(json.dumps({"seed": seed, "count": count, "questions": questions(truth)},
                                                   indent=1, ensure_ascii=False) + "\n")
    return truth


def default_out(count, seed):
    return ROOT / f"benchmarks/target/whole/contracts-s{seed}-n{count}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="how many contracts")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", help="the folder to write (default benchmarks/target/whole/contracts-s<seed>-n<docs>)")
    args = parser.parse_args()
    out = Path(args.out) if args.out else default_out(args.docs, args.seed)
    truth = generate(out, args.docs, args.seed)
    qs = json.loads((out / "questions.json").read_text())["questions"]
    print(f"{truth['count']} contracts in {out / 'docs'}; truth.json; questions.json with {len(qs)} questions")
    for q in qs:
        print(f"  {q['id']:<26} {q['count']:>5} gold, {len(q['nearMiss']):>4} near misses: {q['question']}")


if __name__ == "__main__":
    main()
