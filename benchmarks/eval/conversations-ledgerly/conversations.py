"""The Ledgerly conversations: a held-out multi-turn suite about the help centre of a fictional
invoicing and bookkeeping app for small businesses.

Written by hand on 2026-11-30 by a writer who had not read the engine. Build with, from the
repository root:

    python3 benchmarks/eval/conversations/build.py benchmarks/eval/conversations-ledgerly
"""

from build import A, U

COLLECTION = "ledgerly"

PLANS = ["plan-solo", "plan-team", "plan-growth"]


def c(id, kind, answerability, multi_turn, question_type, subject, turns, target, evidence=None, traps=()):
    return {"id": id, "kind": kind, "answerability": answerability, "multi_turn": multi_turn,
            "question_type": question_type, "subject": subject, "turns": turns, "target": target,
            "evidence": evidence or {}, "traps": list(traps)}


def others(*stems):
    """The plans other than the ones given: the siblings a conversation that lost its plan answers from."""
    return [p for p in PLANS if p not in stems]


CONVERSATIONS = [
    # ------------------------------------------------------------------ ANSWERABLE
    c("ledgerly-01-team-price", "subject named by the assistant: price", "ANSWERABLE", "Follow-up",
      "Factoid", "Ledgerly Team", [
          U("Which plan lets me add a second user? my bookkeeper wants her own login instead of using mine"),
          A("Ledgerly Team does: it includes five users, the account owner and up to four colleagues, each with "
            "their own login and permissions. On Ledgerly Solo you can't add a second user, though your "
            "accountant can have free read-only access."),
          U("how much is it a month?"),
      ],
      "Ledgerly Team costs £26 a month in 2026 (or £260 a year), not including VAT. Extra users beyond the "
      "five included cost £4 each a month, charged monthly even on a yearly subscription.",
      {"plan-team": ["| 2026 | £26 | £260 |",
                     "Prices do not include VAT. Extra users are charged monthly, even on a yearly subscription."]},
      others("plan-team")),

    c("ledgerly-02-solo-last-year", "subject named by the assistant: last year's price", "ANSWERABLE",
      "Follow-up", "Factoid", "Ledgerly Solo", [
          U("hi im a freelance illustrator, just me, no staff. whats the cheapest plan you do?"),
          A("That would be Ledgerly Solo, for sole traders and freelancers working on their own: one user, 20 "
            "invoices and quotes a month, one bank feed and 30 receipt scans a month. In 2026 it costs £11 a "
            "month or £110 a year, not including VAT."),
          U("and what did it cost last year? pretty sure i signed up on the yearly one back then"),
      ],
      "In 2025 Ledgerly Solo cost £9 a month or £90 a year, not including VAT. A yearly subscription paid in "
      "2025 kept the 2025 price until it renewed; the 2026 price (£11 a month, £110 a year) has applied since "
      "1 January 2026.",
      {"plan-solo": ["| 2025 | £9 | £90 |",
                     "a yearly subscription paid in 2025 kept the 2025 price until it renewed"]},
      others("plan-solo")),

    c("ledgerly-03-iphone-ios", "subject named by the assistant: requirements", "ANSWERABLE", "Follow-up",
      "Factoid", "Ledgerly for iPhone", [
          U("Which of your phone apps can I set up recurring invoices in?"),
          A("Ledgerly for iPhone: recurring invoices can be set up and changed in it, since version 3.6. The "
            "Android app only lists them; it can't set them up."),
          U("ok. wich version of iOS do i need for it"),
      ],
      "Ledgerly for iPhone needs iOS 16 or later. It also runs on an iPad, in the iPhone layout.",
      {"iphone-app": ["The app needs iOS 16 or later."]},
      ["android-app"]),

    c("ledgerly-04-larchpay-payout", "subject named by the assistant: payout time", "ANSWERABLE", "Follow-up",
      "Factoid", "Larchpay", [
          U("I do monthly bookkeeping retainers and I'm sick of chasing people for money. Is there a way for "
            "clients to pay by card and have it just taken automatically every month? which payment thing do I "
            "need for that?"),
          A("You'd need Larchpay. With Larchpay connected, a customer can save their card when paying the first "
            "invoice of a recurring series, and each later invoice is charged to that card automatically on the "
            "day it is sent. Fernbill Payments can't do this, as cards can't be saved with it."),
          U("right. and how long till the money actually lands in my bank"),
      ],
      "Larchpay pays the money into your bank account 2 working days after the customer pays. You can choose "
      "weekly payouts instead, every Monday, and it pays out only once your balance reaches £1.",
      {"larchpay": ["Larchpay pays the money into your bank account 2 working days after the customer pays."]},
      ["fernbill"]),

    c("ledgerly-05-fernbill-pay-by-bank", "subject named by the assistant: fee", "ANSWERABLE", "Follow-up",
      "Factoid", "Fernbill Payments", [
          U("Some of my customers hate paying by card. Is there a way they can pay an invoice straight from "
            "their bank account?"),
          A("Yes: Fernbill Payments offers pay by bank. The customer chooses their bank on the invoice and "
            "confirms the payment in their own banking app; no card details are needed. It works with UK bank "
            "accounts only."),
          U("what does that cost me per payment?"),
      ],
      "With Fernbill Payments, pay by bank costs 0.8 % of each payment, at most £3 (card payments through "
      "Fernbill cost 1.9 % + 10p). Fernbill takes its fee from each payment before paying you; Ledgerly adds "
      "no fee of its own.",
      {"fernbill": ["| Pay by bank | 0.8 %, at most £3 |"]},
      ["larchpay"]),

    c("ledgerly-06-desktop5-offline", "subject named by the assistant: working offline", "ANSWERABLE",
      "Follow-up", "Factoid", "Desktop 5", [
          U("what's the newest version of the desktop app?"),
          A("The current version is Ledgerly Desktop 5, released on 3 February 2026; the latest update is 5.2, "
            "from September 2026, which added bank rules. It runs on Windows 11 and on macOS 13 or later."),
          U("how long can it work without internet? i'm on trains a lot"),
      ],
      "Desktop 5 can work offline for up to 14 days; what you enter offline is synced when you reconnect. "
      "After 14 days without a connection it opens your books read-only until it can sync again. Payroll and "
      "VAT returns always need a connection.",
      {"desktop-5": ["Desktop 5 can work offline for up to 14 days.",
                     "After 14 days without a connection, Desktop 5 opens your books read-only until it can sync "
                     "again."]},
      ["desktop-4"]),

    c("ledgerly-07-support-head", "subject named by the assistant: a person", "ANSWERABLE", "Follow-up",
      "Factoid", "Tobias Wrenfield", [
          U("i had a really bad experience with one of your support advisers last week. how do i complain?"),
          A("Reply to any support email with the word \"complaint\" in the subject. Tobias Wrenfield, "
            "Ledgerly's head of customer support, or one of the team leaders will answer within five working "
            "days."),
          U("how long has he been doing that job?"),
      ],
      "Tobias Wrenfield has been Ledgerly's head of customer support since 2021. He leads the UK and Ireland "
      "support team, which has 22 advisers.",
      {"support-uk": ["The team is led by Tobias Wrenfield, Ledgerly's head of customer support since 2021, and "
                      "has 22 advisers."]}),

    c("ledgerly-08-growth-users", "subject named by the assistant: users", "ANSWERABLE", "Follow-up",
      "Factoid", "Ledgerly Growth", [
          U("Do any of your plans come with payroll actually included, not as an extra you pay for?"),
          A("Yes, Ledgerly Growth. Payroll is included in Growth for up to 5 employees; each employee paid "
            "beyond the first five costs £1.50 a month. On Ledgerly Team payroll is a paid add-on, and it isn't "
            "available on Solo."),
          U("how many people can log in on it?"),
      ],
      "Ledgerly Growth includes 25 users, each with their own login and permissions. A bookkeeping firm can "
      "hold up to ten client businesses in one Growth subscription, and every user of every client business "
      "counts towards the 25.",
      {"plan-growth": ["Growth includes 25 users, each with their own login and permissions."]},
      others("plan-growth")),

    c("ledgerly-09-founder-before", "subject named by the assistant: a person", "ANSWERABLE", "Follow-up",
      "Factoid", "Adaeze Poole", [
          U("who started ledgerly? trying to find out a bit about the company before I move all my books over"),
          A("Ledgerly was founded in 2016 in Kelderby by Adaeze Poole. The first web version went live in 2017 "
            "and the first desktop app in 2019; about 140 people work there today."),
          U("what did she do before that?"),
      ],
      "Before starting Ledgerly, Adaeze Poole worked for twelve years as a bookkeeper for small firms; she "
      "built the first version after watching her clients copy invoices into spreadsheets by hand.",
      {"about": ["Before starting Ledgerly she worked for twelve years as a bookkeeper for small firms"]}),

    c("ledgerly-10-receipt-files", "subject named by the assistant: two turns back", "ANSWERABLE", "Follow-up",
      "Factoid", "receipt scanning", [
          U("i keep losing paper receipts in my van lol, does ledgerly have anything for that"),
          A("Yes, receipt scanning: take a photo with the camera in the iPhone or Android app, drag the file onto "
            "Desktop 5, or email it to your own receipts address. Ledgerly reads the supplier, date, total and "
            "VAT and turns it into an expense for you to check."),
          U("nice. do i get it on solo"),
          A("Yes. Solo includes 30 scans a month; Team has 200 a month and Growth unlimited. Unused scans don't "
            "carry over to the next month."),
          U("what kind of files can i send it"),
      ],
      "Receipt scanning takes JPG, PNG, HEIC or PDF files of up to 10 MB each. A PDF with several pages is read "
      "as one receipt.",
      {"receipt-scanning": ["Receipts can be JPG, PNG, HEIC or PDF files of up to 10 MB each."]}),

    c("ledgerly-11-vat-flat-rate", "first turn: subject named by the user", "ANSWERABLE", "N/A",
      "Factoid", "VAT returns", [
          U("Can I submit VAT returns from Ledgerly if I'm on the flat rate scheme?"),
      ],
      "Yes. Ledgerly supports the flat rate scheme, as well as the standard and cash accounting schemes: enter "
      "your flat rate percentage in Settings > VAT and Ledgerly applies it to your VAT-inclusive turnover for "
      "each return. VAT returns are included in Ledgerly Team and Ledgerly Growth (not Solo) and are submitted "
      "on the web or in Desktop 5.",
      {"vat-returns": ["Ledgerly supports the standard scheme, the cash accounting scheme and the flat rate scheme.",
                       "VAT returns are included in Ledgerly Team and Ledgerly Growth."]}),

    c("ledgerly-12-payroll-summary", "operator follow-up: summarise", "ANSWERABLE", "Follow-up",
      "Summarization", "Ledgerly Payroll", [
          U("I've just taken on 3 staff (we're on Team). what do I need to pay them through ledgerly?"),
          A("You'd add Ledgerly Payroll, the payroll add-on, from Settings > Billing. On Ledgerly Team it costs "
            "£6 a month plus £1.50 for each employee paid in the month, billed monthly."),
          U("can you summarise what it actually does for me"),
      ],
      "Ledgerly Payroll works out pay, tax, National Insurance and pension contributions, produces payslips and "
      "sends each pay run's figures to the tax office online, for up to 50 employees. Employees can be paid "
      "weekly, every two weeks, every four weeks or monthly. Each gets a PDF payslip by email and can see their "
      "payslips on Ledgerly Payslips without a Ledgerly login. It works out who must be enrolled in a workplace "
      "pension and prepares the contribution file. Pay runs are prepared on the web or in Desktop 5 and can be "
      "approved in the Android app. It does not move money itself: it gives you a payment file for your bank "
      "or a list of the amounts to pay.",
      {"payroll": ["Ledgerly Payroll works out pay, tax, National Insurance and pension contributions, produces "
                   "payslips, and sends each pay run's figures to the tax office online.",
                   "It can pay up to 50 employees.",
                   "Employees can be paid weekly, every two weeks, every four weeks or monthly.",
                   "Each employee gets a PDF payslip by email",
                   "Pay runs are prepared on the web and in Desktop 5. A pay run can be approved in the Android app.",
                   "Ledgerly Payroll does not move money itself."]}),

    c("ledgerly-13-compare-providers", "operator follow-up: compare the two", "ANSWERABLE", "Follow-up",
      "Comparative", None, [
          U("what card payment providers can I connect to ledgerly?"),
          A("Two: Larchpay and Fernbill Payments. Both put a Pay now button on your invoices, and you can connect "
            "both at once and let the customer choose."),
          U("compare the two for me, mainly fees and how fast they pay out"),
      ],
      "Larchpay: UK cards 1.4 % + 20p, European cards 2.5 % + 20p, cards from elsewhere 3.2 % + 20p; it pays "
      "out 2 working days after the customer pays (or weekly, every Monday), once your balance reaches £1. "
      "Fernbill Payments: cards from any country 1.9 % + 10p, pay by bank 0.8 % (at most £3); it pays out 1 "
      "working day after the customer pays, with no weekly option. Neither has a Ledgerly fee on top.",
      {"larchpay": ["| UK cards | 1.4 % + 20p |", "| European cards | 2.5 % + 20p |",
                    "| Cards from elsewhere | 3.2 % + 20p |",
                    "Larchpay pays the money into your bank account 2 working days after the customer pays."],
       "fernbill": ["| Cards, from any country | 1.9 % + 10p |", "| Pay by bank | 0.8 %, at most £3 |",
                    "Fernbill Payments pays the money into your bank account 1 working day after the customer pays"]}),

    c("ledgerly-14-desktop4-list", "operator follow-up: list", "ANSWERABLE", "Follow-up",
      "Listing", "Desktop 4", [
          U("I've still got Desktop 4 on my old laptop. is it worth upgrading?"),
          A("Probably: Ledgerly Desktop 5 is the current version and upgrading is free on every plan. Desktop 4 "
            "only gets security fixes now and stops syncing with your account after 30 June 2027. Note that "
            "Desktop 5 needs Windows 11 or macOS 13 or later."),
          U("list the things the old one can't do"),
      ],
      "Desktop 4 can prepare a VAT return but cannot submit it (submit it on the web or in Desktop 5); it has no "
      "receipt scanning; it has no payroll; and it can make quotes but cannot ask for a deposit on a quote.",
      {"desktop-4": ["It can prepare a VAT return but cannot submit it: submit it on the web or in Desktop 5.",
                     "It has no receipt scanning.", "It has no payroll.",
                     "It can make quotes, but cannot ask for a deposit on a quote."]},
      ["desktop-5"]),

    c("ledgerly-15-bank-feeds-why", "operator follow-up: why", "ANSWERABLE", "Follow-up",
      "Explanation", "bank feeds", [
          U("my bank connection in ledgerly keeps asking me to log in to my bank again every few months, is that "
            "normal??"),
          A("Yes. With bank feeds, your bank asks you to give Ledgerly permission again every 90 days. Ledgerly "
            "emails you 7 days before a feed needs reconnecting, and a feed that isn't reconnected stops bringing "
            "in transactions until it is."),
          U("why though"),
      ],
      "Because banks are required to ask for your consent again every 90 days under the UK's open banking "
      "rules; Ledgerly cannot make the period longer.",
      {"bank-feeds": ["This is because banks are required to ask for your consent again every 90 days under the "
                      "UK's open banking rules; Ledgerly cannot make the period longer."]}),

    c("ledgerly-16-desktop4-offline-clarified", "clarification: the other desktop version", "ANSWERABLE",
      "Clarification", "Factoid", "Desktop 4", [
          U("how long does the desktop app work offline?"),
          A("Ledgerly Desktop 5 can work offline for up to 14 days; after that it opens your books read-only until "
            "it can sync again."),
          U("no, i mean the older one my accountant still has, the version before the current one"),
      ],
      "The previous version, Ledgerly Desktop 4, can work offline for up to 30 days; what is entered offline is "
      "sent to your Ledgerly account when the computer is back online. After more than 30 days offline it asks "
      "you to connect before anything new can be entered.",
      {"desktop-4": ["Desktop 4 keeps a copy of your books on the computer and can work offline for up to 30 days.",
                     "If you stay offline for more than 30 days, Desktop 4 asks you to connect before you can enter "
                     "anything new."]},
      ["desktop-5"]),

    c("ledgerly-17-fernbill-fees-clarified", "clarification: the other payment provider", "ANSWERABLE",
      "Clarification", "Factoid", "Fernbill Payments", [
          U("what are the fees for card payments on invoices?"),
          A("With Larchpay, card payments cost 1.4 % + 20p for UK cards, 2.5 % + 20p for European cards and "
            "3.2 % + 20p for cards from elsewhere, taken from each payment before you are paid."),
          U("sorry, not that one, i meant the one that pays out the next day"),
      ],
      "That is Fernbill Payments: card payments from any country cost 1.9 % + 10p each (pay by bank costs "
      "0.8 %, at most £3). It pays out 1 working day after the customer pays.",
      {"fernbill": ["| Cards, from any country | 1.9 % + 10p |",
                    "Fernbill Payments pays the money into your bank account 1 working day after the customer pays"]},
      ["larchpay"]),

    c("ledgerly-18-refund-after-desktop", "new question after a long conversation: refunds", "ANSWERABLE", "N/A",
      "Factoid", "refund policy", [
          U("I'm thinking of moving my team to the new desktop app. what does it need to run?"),
          A("Ledgerly Desktop 5 runs on Windows 11 and on macOS 13 or later, with 8 GB of memory and 4 GB of free "
            "disk space. It does not run on Windows 10."),
          U("ugh, two of our laptops are still on windows 10. can we keep using the old version on those for a "
            "while?"),
          A("Yes, for now: Desktop 4 runs on Windows 10 or later and keeps working with your Ledgerly account "
            "until 30 June 2027, after which it stops syncing. It only receives security fixes."),
          U("ok and is the welsh language thing in both?"),
          A("Welsh came with Desktop 5, in version 5.1; change it in Settings > Display. Desktop 4's release notes "
            "don't mention Welsh."),
          U("Different question. How long do I have to ask for my money back if I pay for a year up front?"),
      ],
      "If you cancel a yearly subscription within 30 days of paying for it, you get a full refund. After 30 "
      "days there is no refund, but the plan runs until the end of the year you paid for. The account owner "
      "asks from Settings > Billing > Request a refund; refunds reach the card within 5 to 10 working days.",
      {"refund-policy": ["If you cancel a yearly subscription within 30 days of paying for it, you get a full refund.",
                         "After 30 days there is no refund, but the plan runs until the end of the year you have "
                         "paid for."]},
      ["desktop-5", "desktop-4"]),

    c("ledgerly-19-export-after-larchpay", "new question after a long conversation: exporting data", "ANSWERABLE",
      "N/A", "How-To", "exporting your data", [
          U("how do i connect larchpay?"),
          A("Go to Settings > Payments > Connect Larchpay. You'll be asked for your business details and proof of "
            "identity; most businesses are approved within one working day. It's available on every plan."),
          U("what happens if a customer disputes a payment?"),
          A("Larchpay emails you and holds the amount until the dispute is settled. Upload your invoice and any "
            "proof of the work in the Larchpay dashboard within 7 days."),
          U("ok thanks. unrelated but i'm probably leaving at the end of the year, how do i get a copy of all my "
            "invoices out first?"),
      ],
      "Go to Settings > Data > Export everything. The export holds every transaction, customer and supplier as "
      "CSV files, a PDF of every invoice, quote and credit note, your receipt images and the audit trail. It can "
      "take up to 24 hours for large accounts; the account owner is emailed a download link that works for 7 "
      "days. Export before closing the account: once it is closed, nobody can sign in.",
      {"closing-account": ["Go to Settings > Data > Export everything.",
                           "a PDF of every invoice, quote and credit note;",
                           "We email the account owner a download link, which works for 7 days."]},
      ["larchpay"]),

    c("ledgerly-20-anz-phone", "subject named by the assistant: phone support", "ANSWERABLE", "Follow-up",
      "Factoid", "Australia and New Zealand support team", [
          U("hi, im in auckland. who do i talk to if ive got a problem with my account?"),
          A("Customers in New Zealand are looked after by the Australia and New Zealand support team, Monday to "
            "Friday 08:30 to 17:30 Sydney time, which for most of the year is 10:30 to 19:30 in New Zealand. You "
            "can email anz-help@ledgerly.example or use live chat in the app."),
          U("can i ring them? im only on the cheapest plan"),
      ],
      "Yes. The Australia and New Zealand team takes calls on every plan: the number is 02 5550 1847. If all "
      "advisers are busy you can ask for a call back instead of waiting.",
      {"support-anz": ["Telephone: 02 5550 1847, on every plan."]},
      ["support-uk", "plan-solo"]),

    c("ledgerly-21-currency-rates", "subject named by the assistant: exchange rates", "ANSWERABLE", "Follow-up",
      "Factoid", "multi-currency", [
          U("i've started selling to a couple of clients in the US. can i invoice them in dollars? im on team"),
          A("Yes: multi-currency is included in Ledgerly Team and Growth, and Ledgerly can invoice in 42 "
            "currencies, including US dollars. Your books stay in pounds sterling, and exchange gains or losses "
            "are recorded automatically when the customer pays."),
          U("how often does teh exchange rate update"),
      ],
      "Exchange rates are updated once a day at 16:00 UK time. An invoice uses the rate of the day it is dated, "
      "and you can type in your own rate on any invoice instead.",
      {"multi-currency": ["Exchange rates are updated once a day at 16:00 UK time."]}),

    c("ledgerly-22-android-version", "subject named by the assistant: requirements", "ANSWERABLE", "Follow-up",
      "Factoid", "Ledgerly for Android", [
          U("Which of your phone apps lets me approve a pay run? My payroll person does the run and I just want to "
            "okay it from my phone."),
          A("Ledgerly for Android. When someone prepares a pay run on the web or in Desktop 5, the Android app can "
            "notify you; you see the pay run's total and the number of employees, then approve or reject it. "
            "Payroll isn't available in the iPhone app."),
          U("which android version does it need? my phone is pretty old"),
      ],
      "Ledgerly for Android needs Android 10 or later.",
      {"android-app": ["The app needs Android 10 or later."]},
      ["iphone-app"]),

    c("ledgerly-23-reminders-solo", "subject named by the assistant: plan rule", "ANSWERABLE", "Follow-up",
      "Factoid", "payment reminders", [
          U("customers keep paying me late. can ledgerly chase them for me?"),
          A("Yes, with payment reminders: by default Ledgerly emails a reminder 3 days before an invoice is due, "
            "on the day it is due, and 7 and 14 days after, at 09:00 UK time, with a link to the invoice."),
          U("can i change which days they go out? im on solo"),
      ],
      "Not on Solo: on Ledgerly Solo the standard schedule is used and cannot be changed, though reminders can "
      "be turned off. On Team and Growth you can change the days, have up to five reminders per invoice and "
      "write your own wording.",
      {"payment-reminders": ["On Ledgerly Solo the standard schedule is used and cannot be changed, though "
                             "reminders can be turned off."]}),

    c("ledgerly-24-quote-validity", "subject named by the assistant: validity", "ANSWERABLE", "Follow-up",
      "Factoid", "quotes", [
          U("a client wants an estimate before i start a kitchen refit. can i send one from ledgerly and turn it "
            "into an invoice later?"),
          A("Yes, that's what quotes are for: create one as you would an invoice and email it; the customer can "
            "accept it online, and once it's accepted you choose Convert to invoice. You can also ask for a "
            "deposit of up to 50 %."),
          U("how long does it stay valid for"),
      ],
      "A quote is valid for 30 days from the day it is sent unless you choose otherwise; you can set anything "
      "from 1 to 90 days. After that the customer can no longer accept it online and it is marked as expired; "
      "an expired quote can be copied and sent again.",
      {"quotes": ["A quote is valid for 30 days from the day it is sent unless you choose otherwise; you can set "
                  "anything from 1 to 90 days."]}),

    c("ledgerly-25-growth-yearly", "subject named by the assistant: two turns back, price", "ANSWERABLE",
      "Follow-up", "Factoid", "Ledgerly Growth", [
          U("I'm a bookkeeper with about 8 clients and there are 12 of us in the office. which plan would fit us?"),
          A("Ledgerly Growth: it includes 25 users and can hold up to ten client businesses in one subscription, "
            "each with its own books, bank feeds and VAT returns. Every user of every client business counts "
            "towards the 25."),
          U("does it come with phone support? I hate live chat"),
          A("Yes. Growth customers can use email, live chat and telephone support; the UK and Ireland team's "
            "number for Growth customers is 0113 496 0582. Each Growth account also has a named account manager."),
          U("great. whats the yearly price"),
      ],
      "Ledgerly Growth costs £490 a year in 2026 (or £49 a month), not including VAT; in 2025 it was £450 a "
      "year. Each employee paid on payroll beyond the first five costs £1.50 a month on top.",
      {"plan-growth": ["| 2026 | £49 | £490 |"]},
      others("plan-growth")),

    c("ledgerly-26-backups", "subject named by the user: backups", "ANSWERABLE", "Follow-up",
      "Factoid", "backups", [
          U("where is my data actually kept? a client of mine asked and I had no idea"),
          A("Your data is stored in two data centres in the European Union, one in Ireland and one in Germany, "
            "each holding a full copy. It is encrypted in transit with TLS 1.2 or later and where it is stored "
            "with AES-256."),
          U("and backups, how often and for how long?"),
      ],
      "Backups are made every hour and kept for 35 days.",
      {"security": ["Backups are made every hour and kept for 35 days."]},
      ["closing-account"]),

    c("ledgerly-27-closed-backups", "subject named by the user: after closing", "ANSWERABLE", "Follow-up",
      "Factoid", "close my account", [
          U("If I close my account, what happens to all my data?"),
          A("After you close it, your data is kept for 90 days, and during that time you can reopen the account by "
            "writing to support. After 90 days it is deleted for good."),
          U("and the backups?"),
      ],
      "Copies in Ledgerly's backups are cleared within a further 30 days after the data is deleted at 90 days.",
      {"closing-account": ["Copies in our backups are cleared within a further 30 days."]},
      ["security"]),

    c("ledgerly-28-recurring-time", "subject named by the assistant: send time", "ANSWERABLE", "Follow-up",
      "Factoid", "recurring invoices", [
          U("can I make an invoice send itself every month? got a client on a monthly retainer"),
          A("Yes, with recurring invoices: pick a schedule (weekly, every two weeks, monthly, quarterly or "
            "yearly) and choose when the series ends: after a number of invoices, on a date, or never."),
          U("what time of day does it go out? want it in their inbox first thing"),
      ],
      "Each invoice in a recurring series is created and emailed at 07:00 UK time on the day it is due, even if "
      "that day falls on a weekend.",
      {"recurring-invoices": ["Each invoice in the series is created and emailed at 07:00 UK time on the day it "
                              "is due."]},
      ["payment-reminders"]),

    # ------------------------------------------------------------------ PARTIAL
    c("ledgerly-29-team-rise", "partly answerable: this year's price and last year's", "PARTIAL", "Follow-up",
      "Composite", "Ledgerly Team", [
          U("whats your plan for a business with 3 or 4 people who all need to get in?"),
          A("Ledgerly Team: it includes five users, the account owner and up to four colleagues, each with their "
            "own login and permissions, plus unlimited invoices, three bank feeds, VAT returns and multi-currency."),
          U("how much is it now, and how much was it last year? trying to work out how much its gone up by"),
      ],
      "In 2026 Ledgerly Team costs £26 a month or £260 a year, not including VAT. Its page gives no price for "
      "2025, so I can't say how much it has gone up.",
      {"plan-team": ["| 2026 | £26 | £260 |"]},
      others("plan-team")),

    c("ledgerly-30-fernbill-phone", "partly answerable: fee and a phone number", "PARTIAL", "Follow-up",
      "Composite", "Fernbill Payments", [
          U("which of the payment providers only takes pounds and euros?"),
          A("Fernbill Payments: it accepts pounds sterling and euros only, and an invoice in any other currency "
            "shows no Pay now button. Larchpay accepts 14 currencies."),
          U("what does it charge on cards, and have they got a phone number i can ring if something goes wrong "
            "with a payment?"),
      ],
      "Fernbill Payments charges 1.9 % + 10p per card payment, for cards from any country (pay by bank is "
      "0.8 %, at most £3). The documents give no phone number for Fernbill; they say only that refunds are made "
      "in your Fernbill dashboard.",
      {"fernbill": ["| Cards, from any country | 1.9 % + 10p |"]},
      ["larchpay"]),

    # ------------------------------------------------------------------ UNANSWERABLE
    c("ledgerly-31-solo-2024", "year not covered: 2024 price", "UNANSWERABLE", "Follow-up",
      "Factoid", "Ledgerly Solo", [
          U("cheapest plan you have?"),
          A("Ledgerly Solo: £11 a month or £110 a year in 2026 (it was £9 and £90 in 2025), not including VAT. "
            "It's for one user, with 20 invoices and quotes a month."),
          U("what about in 2024, what was it then"),
      ],
      "The Ledgerly Solo page gives prices for 2025 (£9 a month, £90 a year) and 2026 (£11, £110) only; it "
      "does not say what Solo cost in 2024.",
      traps=others("plan-solo")),

    c("ledgerly-32-desktop-next", "version not covered: the next update", "UNANSWERABLE", "Follow-up",
      "Factoid", "Desktop 5", [
          U("which desktop version should I be on?"),
          A("Ledgerly Desktop 5, the current version, released on 3 February 2026. The latest update is 5.2, from "
            "September 2026, which added bank rules; updates install themselves when it starts."),
          U("when's the next update out and whats gonna be in it?"),
      ],
      "The release notes end at 5.2, the latest version. They say nothing about a 5.3, when the next update "
      "will come or what it will contain.",
      traps=["desktop-4"]),

    c("ledgerly-33-fernbill-minimum", "trap file: a rule only the sibling gives", "UNANSWERABLE", "Follow-up",
      "Factoid", "Fernbill Payments", [
          U("which of the payment providers gets me my money fastest?"),
          A("Fernbill Payments: it pays into your bank account 1 working day after the customer pays. Larchpay "
            "takes 2 working days."),
          U("is there a minimum balance before they'll pay out?"),
      ],
      "The Fernbill Payments page does not say whether there is a minimum payout amount. (The £1 minimum is "
      "Larchpay's rule, given on Larchpay's page.)",
      traps=["larchpay"]),

    c("ledgerly-34-anz-christmas", "trap file: holiday closing only the other team's page gives", "UNANSWERABLE",
      "Follow-up", "Factoid", "Australia and New Zealand support team", [
          U("hey, i run a small cafe in wellington nz. what hours is your support team around?"),
          A("Customers in New Zealand are helped by the Australia and New Zealand support team, Monday to Friday "
            "08:30 to 17:30 Sydney time, which for most of the year is 10:30 to 19:30 in New Zealand. It is "
            "closed on Saturdays and Sundays."),
          U("are they open over christmas and new year? thats when i do my books"),
      ],
      "The Australia and New Zealand team's page does not say whether it is open over Christmas and New Year. "
      "(The closure from 24 December to 1 January is the UK and Ireland team's.)",
      traps=["support-uk"]),

    c("ledgerly-35-enterprise", "subject with no document: a plan", "UNANSWERABLE", "N/A",
      "Factoid", "Enterprise plan", [
          U("Do you have an Enterprise plan for around 100 users? What would that cost?"),
      ],
      "The documents describe no Enterprise plan and no plan for 100 users: Ledgerly is sold on three plans, "
      "Solo, Team and Growth, the largest of which, Growth, includes 25 users. No price for such a plan is given.",
      traps=["plan-growth"]),

    c("ledgerly-36-time-tracking", "subject with no document: a feature", "UNANSWERABLE", "Follow-up",
      "Factoid", "time tracking", [
          U("can I send a quote with a deposit from ledgerly?"),
          A("Yes: a quote can ask for a deposit of up to 50 % of its total, paid when the customer accepts it. "
            "You need Larchpay or Fernbill Payments connected, and the deposit is taken off the final invoice "
            "automatically. Desktop 4 can't ask for a deposit."),
          U("and once the job starts can i track my hours against it and bill them by the hour?"),
      ],
      "The documents describe no time tracking or billing by the hour in Ledgerly; the quotes page covers only "
      "turning an accepted quote into an invoice or a recurring invoice.",
      traps=["quotes"]),

    c("ledgerly-37-offline-why", "why the documents do not say", "UNANSWERABLE", "Follow-up",
      "Explanation", "Desktop 5", [
          U("how long can the current desktop app run offline?"),
          A("Ledgerly Desktop 5 can work offline for up to 14 days; after that it opens your books read-only until "
            "it can sync again."),
          U("the old one gave you 30 days. why did they cut it??"),
      ],
      "The Desktop 5 page gives the 14-day limit and the Desktop 4 page the 30 days, but neither explains why the "
      "limit is shorter in Desktop 5.",
      traps=["desktop-4"]),

    c("ledgerly-38-growth-2027", "year not covered: next year's price", "UNANSWERABLE", "Follow-up",
      "Factoid", "Ledgerly Growth", [
          U("we're 15 people and want payroll included, which plan?"),
          A("Ledgerly Growth: it includes 25 users and payroll for up to 5 employees, with £1.50 a month for each "
            "further employee. It's £49 a month or £490 a year in 2026."),
          U("ok. do you know if thats going up next year?"),
      ],
      "The Ledgerly Growth page gives prices for 2025 (£45 a month, £450 a year) and 2026 (£49, £490) only; it "
      "says nothing about the 2027 price or whether it will rise.",
      traps=others("plan-growth")),

    c("ledgerly-39-larchpay-brand", "near miss: fees by card brand", "UNANSWERABLE", "Follow-up",
      "Factoid", "Larchpay", [
          U("which payment provider lets me refund a customer from inside ledgerly?"),
          A("Larchpay: you can refund a payment from the invoice in Ledgerly, in full or in part, up to 120 days "
            "after it was made. With Fernbill Payments refunds are made in your Fernbill dashboard instead."),
          U("do they charge more for amex cards?"),
      ],
      "The Larchpay page gives its fees by where the card is from (UK 1.4 % + 20p, European 2.5 % + 20p, "
      "elsewhere 3.2 % + 20p) but says nothing about American Express or any other card brand.",
      traps=["fernbill"]),

    c("ledgerly-40-founder-now", "yes/no the document is silent on", "UNANSWERABLE", "Follow-up",
      "Factoid", "Adaeze Poole", [
          U("who founded ledgerly?"),
          A("Ledgerly was founded in 2016 in Kelderby by Adaeze Poole, who had worked for twelve years as a "
            "bookkeeper for small firms."),
          U("is she still running it?"),
      ],
      "The About page says that Adaeze Poole founded Ledgerly in 2016, but not what her role is now or whether "
      "she still runs the company."),

    c("ledgerly-41-android-tablet", "trap file: a fact only the other app's page gives", "UNANSWERABLE",
      "Follow-up", "Factoid", "Ledgerly for Android", [
          U("which phone app lets me write invoices when i've got no signal? i'm out on farms a lot"),
          A("Ledgerly for Android: invoices and quotes can be drafted without a connection; the drafts are kept on "
            "the phone and sent to your account when you're back online. The iPhone app doesn't work offline."),
          U("does it work on a tablet as well?"),
      ],
      "The Ledgerly for Android page says the app needs Android 10 or later but does not say whether it runs on "
      "tablets. (Only the iPhone app's page speaks of a larger screen: it runs on an iPad in the iPhone layout.)",
      traps=["iphone-app"]),

    # ------------------------------------------------------------------ UNDERSPECIFIED
    c("ledgerly-42-price-which-plan", "ambiguous: first turn, three plans", "UNDERSPECIFIED", "N/A",
      "Factoid", None, [
          U("How much is Ledgerly a month?"),
      ],
      "It depends on the plan. In 2026 Ledgerly Solo costs £11 a month, Ledgerly Team £26 and Ledgerly Growth "
      "£49, not including VAT. Which plan do you mean?",
      {"plan-solo": ["| 2026 | £11 | £110 |"], "plan-team": ["| 2026 | £26 | £260 |"],
       "plan-growth": ["| 2026 | £49 | £490 |"]}),

    c("ledgerly-43-support-hours", "ambiguous: first turn, two support teams", "UNDERSPECIFIED", "N/A",
      "Factoid", None, [
          U("what are your support hours?"),
      ],
      "It depends on where you are. The UK and Ireland team is open Monday to Friday 08:00 to 18:00 and Saturday "
      "09:00 to 13:00, UK time; the Australia and New Zealand team Monday to Friday 08:30 to 17:30, Sydney time. "
      "Which team do you need?",
      {"support-uk": ["| Monday to Friday | 08:00 to 18:00 |", "| Saturday | 09:00 to 13:00 |"],
       "support-anz": ["| Monday to Friday | 08:30 to 17:30 |"]}),

    c("ledgerly-44-free-trial", "ambiguous: first turn, three plans", "UNDERSPECIFIED", "N/A",
      "Factoid", None, [
          U("how long is the free trial"),
      ],
      "It depends on the plan: Ledgerly Solo has a 30-day trial with no card needed, Ledgerly Team a 14-day "
      "trial and Ledgerly Growth a 30-day trial, both needing a card. Which plan are you thinking of?",
      {"plan-solo": ["Every new Solo account starts with a 30-day free trial."],
       "plan-team": ["A new Team account has a 14-day free trial."],
       "plan-growth": ["A new Growth account has a 30-day free trial."]}),

    c("ledgerly-45-desktop-offline", "ambiguous: first turn, two desktop versions", "UNDERSPECIFIED", "N/A",
      "Factoid", None, [
          U("For how many days can I use the desktop app offline?"),
      ],
      "It depends on the version: Ledgerly Desktop 5, the current one, works offline for up to 14 days; "
      "Desktop 4, the previous one, for up to 30 days. Which version do you have?",
      {"desktop-5": ["Desktop 5 can work offline for up to 14 days."],
       "desktop-4": ["Desktop 4 keeps a copy of your books on the computer and can work offline for up to 30 days."]}),

    c("ledgerly-46-bank-feeds-two-plans", "ambiguous: the assistant named two plans", "UNDERSPECIFIED",
      "Follow-up", "Factoid", None, [
          U("which plans do VAT returns?"),
          A("Ledgerly Team and Ledgerly Growth both include VAT returns; they are not part of Ledgerly Solo."),
          U("how many bank accounts can i connect on it?"),
      ],
      "That depends on which of the two: Ledgerly Team allows 3 bank feeds, and Ledgerly Growth unlimited bank "
      "feeds, in any currency. Which one do you mean?",
      {"plan-team": ["| Bank feeds | 3 bank accounts |"],
       "plan-growth": ["| Bank feeds | unlimited, in any currency |"]}),

    c("ledgerly-47-receipt-date-two-apps", "ambiguous: the assistant named two apps", "UNDERSPECIFIED",
      "Follow-up", "Factoid", None, [
          U("is there a phone app?"),
          A("Yes, two: Ledgerly for iPhone (version 3.8, iOS 16 or later) and Ledgerly for Android (version 3.6, "
            "Android 10 or later)."),
          U("does it read the date off a receipt when you scan it?"),
      ],
      "It depends on the app: Ledgerly for iPhone reads the supplier, date, total and VAT; Ledgerly for Android "
      "does not read dates, so the date has to be typed in. Which phone do you have?",
      {"iphone-app": ["| Receipt scanning | with the camera; reads the supplier, date, total and VAT |"],
       "android-app": ["the Android app does not read dates from receipts"]}),

    c("ledgerly-48-card-fees-asked-back", "ambiguous: the answer to the assistant's question does not decide",
      "UNDERSPECIFIED", "Follow-up", "Factoid", None, [
          U("how much do the payment providers charge me?"),
          A("There are two you can connect, Larchpay and Fernbill Payments, and their fees differ. Which one do "
            "you mean?"),
          U("the one for cards, the normal one"),
      ],
      "Both take card payments. Larchpay charges 1.4 % + 20p for UK cards, 2.5 % + 20p for European cards and "
      "3.2 % + 20p for cards from elsewhere; Fernbill Payments charges 1.9 % + 10p for cards from any country. "
      "Which of the two are you using?",
      {"larchpay": ["| UK cards | 1.4 % + 20p |"], "fernbill": ["| Cards, from any country | 1.9 % + 10p |"]}),
]
