"""The Coinwise suite's conversations (a personal-finance question-and-answer forum: one thread per
document, a question post and the answers to it, about mortgages, savings accounts, emergency
funds, funds, credit scores, cars, renting and buying, pensions, student loans, budgeting apps,
selling shares, inheritance and side income, in the invented country of Verland), read by
../conversations/build.py.

Build from the repository root with
``python3 benchmarks/eval/conversations/build.py benchmarks/eval/conversations-coinwise``
(``--check`` writes nothing). The layout of a conversation is described in build.py.
"""

from build import A, U

COLLECTION = "coinwise"

CONVERSATIONS = [
    # ---------------------------------------------------------------- subject named by the assistant
    dict(id="hsa-withdrawal", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Home Starter",
         turns=[U("Hi all. I'm 33, renting, and trying to save for my first flat, probably in three or four "
                  "years, budget maybe 250k crowns. Someone at work said there's an account where the state "
                  "actually tops up what you save if it's for a first home. Is that a real thing?"),
                A("Yes, that's the Home Starter Account. You can open it between 18 and 39 and pay in up to "
                  "5,000 crowns a year, and the state adds a 20% bonus, so up to 1,000 crowns a year, as long as "
                  "the money goes towards a first home."),
                U("what happens if i end up not buying and take the money out?")],
         target="If you take the money out for anything other than a first home costing 400,000 crowns or less "
                "(or after you turn 60), you pay a 25% withdrawal charge. It takes back the bonus and a bit of your "
                "own money: pay in 1,000, get 1,200 with the bonus, take out 1,200, lose 300, and you're left "
                "with 900.",
         evidence={"home-starter-account": [
             "Take it out for anything else and you pay a 25% withdrawal charge, which takes back the bonus and a "
             "bit of your own money too: put in 1,000, get 1,200, take out 1,200, lose 300, and you're left with 900."]},
         traps=["tax-free-saver-cash-or-shares"]),
    dict(id="notice-rate-cut", kind="subject named by the assistant: year", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="95-day notice",
         turns=[U("where should i keep my emergency money so it earns something but i can still get at it? it's "
                  "about 9k"),
                A("In a similar thread, priya_saves had 9,000 crowns and split it: one month of spending in an "
                  "easy-access saver at 3.1% and the rest in a 95-day notice account at 4.05%, giving notice as "
                  "soon as something big happens."),
                U("did that rate last?")],
         target="No: the notice account paid 4.05% until October 2025, when the bank cut it to 3.7%. It still "
                "paid more than the easy-access saver, which dropped from 3.1% to 2.8% at the same time.",
         evidence={"easy-access-vs-notice-account": [
             "The notice account paid 4.05% until October 2025, then the bank cut it to 3.7%.",
             "| 95-day notice account | 4.05% | 3.7% |"]},
         traps=["emergency-fund-size", "tax-free-saver-cash-or-shares"]),
    dict(id="ines-payment", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Ines",
         turns=[U("Is there a thread from someone whose fixed deal ended and who got moved onto the lender's "
                  "standard variable rate? That's about to happen to me."),
                A("Yes: Ines_the_nurse's fix ended in January 2025 and she rolled onto a 5.9% standard variable "
                  "rate with 96,000 crowns and 14 years left. The answers told her to remortgage onto a new fix "
                  "first and then overpay from her yearly bonus."),
                U("what did her monthly payment go down to in the end?")],
         target="After remortgaging in June 2025 onto a 4.15% two-year fix (with a 310-crown arrangement fee) and "
                "overpaying 6,000 crowns from her bonus, her monthly payment dropped from 812 to 701 crowns.",
         evidence={"overpay-variable-mortgage": ["My monthly payment dropped from 812 to 701 crowns.",
                                                 "| Monthly payment | 812 crowns | 701 crowns |"]},
         traps=["overpay-fixed-mortgage"]),
    dict(id="tracker-end-value", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="tracker",
         turns=[U("My bank adviser wants me in a managed fund that charges 0.95% a year. I'd be putting in 300 a "
                  "month for about 35 years. Is the fee really a big deal?"),
                A("It adds up: in a thread with exactly those figures, the answer compares the managed Verland "
                  "Growth Select fund at 0.95% with a global index tracker at 0.12%, at 6% a year before fees, "
                  "and the managed fund ends up at about 345,000 crowns after 35 years."),
                U("and the cheap one?")],
         target="The global index tracker at 0.12% ends up at about 415,000 crowns after 35 years, about 70,000 "
                "more than the managed fund.",
         evidence={"index-vs-managed-funds": [
             "the tracker at 0.12% ends up at about 415,000 crowns and the managed fund at 0.95% at about 345,000",
             "| Global index tracker | 0.12% | about 415,000 crowns |"]},
         traps=[]),
    dict(id="pennyplot-price", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Pennyplot",
         turns=[U("me and my partner keep fighting about money lol. any budgeting app we can both use on the same "
                  "budget? we bank with the usual verland banks"),
                A("Pennyplot is the one recommended here for couples: it has had shared budgets since version 3 in "
                  "2024, it connects to the big Verland banks through open banking, and it works envelope-style, "
                  "giving every crown of income a job before you spend it."),
                U("does it stay connected to the bank or do you have to keep logging in"),
                A("You have to reconnect each bank every 90 days through open banking; the person who recommended "
                  "it called that the most annoying part."),
                U("how much does it cost")],
         target="Pennyplot costs 4 crowns a month, or 40 crowns a year if you pay up front.",
         evidence={"budgeting-apps": ["It's 4 crowns a month, or 40 a year if you pay up front.",
                                      "| Pennyplot | 4 crowns a month or 40 a year |"]},
         traps=[]),
    dict(id="tallyhoo-joint", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Tallyhoo",
         turns=[U("I pay for a lot of things in cash (market, cleaner, kids' clubs). Which budgeting app copes "
                  "with that?"),
                A("Tallyhoo: it's the one people here found lets you log cash spending quickly. The free version "
                  "is enough for most people, and premium adds custom categories and exports."),
                U("Can my husband and I share one budget on it?")],
         target="No. Tallyhoo can't do joint budgets: you each need your own login and compare at the end of the "
                "month.",
         evidence={"budgeting-apps": ["It can't do joint budgets, though: you each need your own login and you "
                                      "compare at the end of the month."]},
         traps=[]),
    dict(id="plan1-writeoff", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Plan 1",
         turns=[U("i was at uni 2008 to 2011 and still have about 11k of student loan left, on 47k salary. worth "
                  "clearing it?"),
                A("Starting in 2008 puts you on a Plan 1 loan. At its 1.75% interest the thread's advice is not to "
                  "pay it off early: you repay 9% of income above 22,000 crowns, 2,250 a year on 47,000, so it's "
                  "gone in about five years anyway."),
                U("does it ever get written off?")],
         target="Yes: Plan 1 loans are written off 25 years after the April you were first due to repay (2037 in "
                "the thread's example), but on that salary it will be cleared well before.",
         evidence={"student-loan-plan-1": [
             "Plan 1 loans are written off 25 years after the April you were first due to repay, which would be 2037 "
             "for you"]},
         traps=["student-loan-plan-2"]),
    dict(id="plan2-repay", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Plan 2",
         turns=[U("graduated in 2021, about 58k of student loan at over 6%, salary 34k. i have 300 a month spare, "
                  "should i throw it at the loan?"),
                A("A 2021 graduate is on a Plan 2 loan, and the answer in the thread with your exact figures is "
                  "probably not: most borrowers on it never repay in full, so overpaying mostly shrinks what gets "
                  "written off."),
                U("so how much am i actually paying back each year?")],
         target="You repay 9% of your income above 28,500 crowns. On 34,000 that's 495 crowns a year, less than "
                "the roughly 3,600 a year of interest at 6.2% on 58,000, so the balance grows.",
         evidence={"student-loan-plan-2": [
             "you repay 9% of your income above 28,500 crowns. On 34,000 that's 495 a year"]},
         traps=["student-loan-plan-1"]),
    dict(id="personal-pension-limit", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="personal pension",
         turns=[U("Freelance illustrator here, 3 years in, no employer so no workplace scheme. Is there any kind of "
                  "retirement pot where the state adds something?"),
                A("Yes, a personal pension: for every 80 crowns you pay in, the pension company claims 20 from the "
                  "state, so 100 goes into the pot. Higher-rate taxpayers can claim more back on their tax return."),
                U("is there a max I can put in per year?")],
         target="You can pay in up to 100% of your profits or 40,000 crowns a year, whichever is lower. The "
                "thread's rule of thumb for the self-employed is 15% of profits, more in good years, and unused "
                "allowance from the previous three years can be carried forward.",
         evidence={"pension-self-employed": [
             "You can pay in up to 100% of your profits or 40,000 a year, whichever is lower."]},
         traps=["employer-pension-match"]),
    dict(id="lodger-couple", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Room Rent Relief",
         turns=[U("We're thinking of taking in a lodger in our spare room. Is any of the rent tax free?"),
                A("Yes: under Verland's Room Rent Relief you can receive up to 7,500 crowns a year tax-free from a "
                  "lodger in your own home, and under that limit you don't need a tax return."),
                U("and if me and my wife both get the rent?")],
         target="If you share the income with a partner who also lives there, the limit is 3,750 crowns each.",
         evidence={"side-income-spare-room": [
             "If you share the income with a partner who also lives there, the limit is 3,750 each."]},
         traps=["side-income-online-crafts"]),
    dict(id="credit-builder", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="credit-builder",
         turns=[U("moved here last year, zero credit history in verland. we want a mortgage in 2 yrs, what do i do"),
                A("First register on the electoral roll at your address; it's free and lenders use it to confirm "
                  "who you are. Then get a credit-builder card, put one small regular bill on it and pay it off in "
                  "full every month by direct debit."),
                U("what sort of limit, and how long till lenders see me as normal?")],
         target="A low limit, between 300 and 1,000 crowns. After six months you'll have a visible history, and "
                "after 12 to 24 months most lenders will treat you like anyone else.",
         evidence={"credit-score-no-history": [
             "Then get a credit-builder card with a low limit, somewhere between 300 and 1,000 crowns.",
             "After six months you'll have a visible history, and after 12 to 24 months most lenders will treat you "
             "like anyone else."]},
         traps=["credit-score-missed-payment"]),
    dict(id="hatchback-outcome", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="hatchback",
         turns=[U("I keep cars 10+ years. Is leasing ever cheaper for someone like me?"),
                A("Probably not. In the thread about a new 27,500-crown hatchback, a 36-month lease at 289 a month "
                  "with 2,600 up front costs 13,004 crowns over three years and you own nothing at the end, so the "
                  "advice for someone who keeps cars for ages is to buy."),
                U("and if I went over the distance limit?"),
                A("Going over the limit usually costs 0.08 to 0.12 crowns per km, and the end-of-lease damage "
                  "inspection can be harsh; at 9,000 km a year the poster was under his 10,000 km limit."),
                U("what did the guy who asked end up doing?")],
         target="He bought it, with a 20,000-crown loan over four years at 6.9% and 7,500 from savings, for a "
                "monthly payment of 478 crowns.",
         evidence={"lease-vs-buy-car": [
             "Bought it in the end, with a 20,000 loan over four years at 6.9% and 7,500 from savings.",
             "Monthly payment 478 crowns."]},
         traps=["used-car-cash-or-finance"]),
    dict(id="cash-discount", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="cash discount",
         turns=[U("dealer is offering me 0% finance on a 4 year old car, what's the catch"),
                A("Genuine 0% with no fees at the same price as cash is worth taking, and you keep your savings "
                  "earning interest. But check there's no arrangement or documentation fee, and ask what they'd "
                  "knock off for a cash discount."),
                U("how much do they usually knock off?")],
         target="Dealers often give 5% off for cash (740 crowns on the 14,800-crown car in the thread), which wipes "
                "out the interest you'd earn. The poster got 800 off, paying 14,000 in cash.",
         evidence={"used-car-cash-or-finance": [
             "Dealers often give 5% off for cash, which on this car is 740 crowns and wipes out the interest you'd "
             "earn.",
             "Got them down to 14,000 for cash."]},
         traps=["lease-vs-buy-car"]),
    dict(id="tfs-rollover", kind="subject named by the assistant", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Tax-Free Saver",
         turns=[U("which account lets you save up to 15000 a year without paying tax on it?"),
                A("That's the Tax-Free Saver: you can pay in up to 15,000 crowns a tax year, in a cash version, a "
                  "shares version, or one of each as long as the total stays within the allowance."),
                U("can i have both versions at once?"),
                A("Yes: one cash and one shares Tax-Free Saver in the same tax year is allowed, as long as the total "
                  "you pay into both stays within the 15,000 allowance."),
                U("if i dont use it all this year can i use the rest next year")],
         target="No. The tax year runs from 1 April to 31 March, and any allowance you don't use is lost; it "
                "doesn't carry over to the next year.",
         evidence={"tax-free-saver-cash-or-shares": [
             "The tax year runs from 1 April to 31 March, and any allowance you don't use is lost: it doesn't carry "
             "over to the next year."]},
         traps=["home-starter-account"]),
    dict(id="grumpy-variable-rule", kind="subject named by the assistant: person", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="grumpy_ledger",
         turns=[U("Who was the poster who said never overpay a cheap fixed mortgage?"),
                A("That's grumpy_ledger, in the thread about a 2.4% fix until 2027: his rule for a fixed deal is "
                  "that if the mortgage rate is below what an easy-access account pays, you shouldn't overpay but "
                  "save instead."),
                U("What did he tell them to do with the 600 a month instead?"),
                A("Put it into the shares version of their Tax-Free Saver, and if rates have jumped when the fix ends "
                  "in 2027, take a lump out of the pot then to clear a chunk of the mortgage."),
                U("Does he say anything different for a variable rate?")],
         target="Yes, in the thread about a 5.9% standard variable rate his threshold is: above 5% overpay, below "
                "3% invest, and in between split it half and half. He adds that someone partly self-employed should "
                "keep at least six months of spending as an emergency fund before overpaying.",
         evidence={"overpay-variable-mortgage": [
             "My threshold is simple: above 5% overpay, below 3% invest, and in between split it half and half."]},
         traps=["overpay-fixed-mortgage"]),
    dict(id="devlin-self-employed", kind="subject named by the assistant: person", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Devlin",
         turns=[U("everyone says 3 months emergency fund. did anyone on here think that's not enough?"),
                A("Devlin_R did: he was made redundant in 2020 and took 19 weeks to find another job, so he says "
                  "six months for a salaried single person, whatever the situation."),
                U("what does he say for couples?"),
                A("For a couple with two incomes he says 3 months is enough."),
                U("and if you own your home?"),
                A("Homeowners should also set aside about 1% of the house price each year for repairs, on top of "
                  "the emergency fund."),
                U("what does he say for self employed people?")],
         target="12 months, because self-employed or commission income can stop without notice and there's no "
                "redundancy pay.",
         evidence={"emergency-fund-size": [
             "self-employed or on commission, 12 months, because the income can stop without notice and there's no "
             "redundancy pay."]},
         traps=["overpay-variable-mortgage"]),

    # ---------------------------------------------------------------- subject named by the user
    dict(id="fixed-over-limit", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="fixed",
         turns=[U("Hello! My husband and I (both 34) have a 180k mortgage fixed at 2.4% until March 2027, and "
                  "after bills we have around 600 a month left over. He wants to overpay the mortgage with all of "
                  "it, I'd rather invest it. We both already pay into workplace pensions. Who's right?"),
                A("At 2.4% most answers lean towards investing: a global index fund has averaged around 6 to 7% a "
                  "year over long periods, and even easy-access savings pay more than 2.4% at the moment. Another "
                  "poster split it half and half for peace of mind."),
                U("ok and if we ever overpaid more than the 10% a year, what's the penalty?")],
         target="Above the 10% free overpayment limit the early repayment charge is 3% of the amount over the "
                "limit. At 600 a month you'd be nowhere near it: on 170,000 the limit is about 17,000 a year.",
         evidence={"overpay-fixed-mortgage": [
             "above that there's an early repayment charge of 3% of the amount over the limit",
             "| Early repayment charge | 3% of the amount over the limit |"]},
         traps=["overpay-variable-mortgage"]),
    dict(id="variable-self-employed", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="variable",
         turns=[U("my fix just ended and i'm on the standard variable rate, 5.9%. about 96k left. i get a bonus "
                  "every spring, should i overpay with it?"),
                A("At 5.9% overpaying is a guaranteed, tax-free 5.9% return, and variable-rate mortgages almost "
                  "never have early repayment charges. But remortgage onto a new fix first if you can, since the "
                  "standard variable rate is the lender's most expensive product."),
                U("what if i'm self employed?")],
         target="Then keep an emergency fund of at least six months of spending before you overpay anything: money "
                "overpaid into a mortgage is very hard to get back, and the lender won't return it if you have a "
                "quiet year.",
         evidence={"overpay-variable-mortgage": [
             "keep an emergency fund of at least six months of spending before you overpay anything"]},
         traps=["overpay-fixed-mortgage", "emergency-fund-size"]),
    dict(id="shares-pay-less", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Summarization"], subject="shares",
         turns=[U("I bought shares in a telecoms company back in 2015 for 8,000 and they're worth about 21,000 now. "
                  "Not in a Tax-Free Saver. If I sell to pay for a kitchen, roughly how much gains tax?"),
                A("The gain is about 13,000. With the 3,000 annual gains allowance about 10,000 is taxable, at 10% "
                  "for basic-rate or 20% for higher-rate taxpayers, so somewhere between 1,000 and 2,000 crowns."),
                U("is the rate the same for everyone?"),
                A("No: it's 10% for basic-rate taxpayers and 20% for higher-rate ones, and the gain is added on top "
                  "of your income to work out which band it falls in."),
                U("any way to get that down? i'm married if that matters")],
         target="Yes: split the sale across two tax years (half before 31 March, the rest after 1 April) to use two "
                "allowances, saving 300 to 600 crowns; give half the shares to your spouse first, since transfers "
                "between spouses are tax-free, so they can use their allowance; and deduct dealing fees and the "
                "0.5% stamp duty paid on purchase from the gain.",
         evidence={"selling-shares-gains-tax": [
             "split the sale across two tax years: sell half before 31 March and the rest after 1 April",
             "transfers between spouses are tax-free, and then they can use their own allowance too.",
             "and the 0.5% stamp duty you paid when you bought."]},
         traps=["employee-share-scheme"]),
    dict(id="inheritance-tax-cash", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="inherit",
         turns=[U("hi, bit of a weird one. my gran passed away and I've inherited 60,000 crowns. I'm 24, first "
                  "job, have 3.5k on a credit card and no savings. i really don't want to mess this up, what do i "
                  "do first?"),
                A("Sorry about your gran. The advice in a thread like yours is no big decisions for six months: "
                  "park it in easy-access first. After that, pay off the credit card, build six months' emergency "
                  "fund, then use your Tax-Free Saver."),
                U("how much should i let myself spend on something nice?"),
                A("One answer suggests 5% on something she would have liked, which is 3,000 crowns, because people "
                  "who don't tend to dribble away far more on nothing in particular."),
                U("do i have to pay inheritance tax on it?")],
         target="No: inheritance tax in Verland is paid by the estate before the money reaches you, so there's "
                "nothing more to pay on the 60,000 itself. The interest it earns in a savings account is taxable "
                "above your savings allowance, though.",
         evidence={"inheritance-lump-sum": [
             "Inheritance tax in Verland is paid by the estate before the money reaches you, so there's nothing more "
             "for you to pay on the 60,000 itself."]},
         traps=["inherited-house"]),
    dict(id="mugs-tax", kind="subject named by the user", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="mugs",
         turns=[U("I sell handmade mugs online as a hobby, about 2,800 crowns of sales last year and roughly 900 "
                  "of costs. Do I need to declare it?"),
                A("Yes. Verland's trading allowance covers 1,200 crowns a year of gross income (sales, not profit). "
                  "Above it you have to register as self-employed and file a tax return by 31 January after the "
                  "tax year ends."),
                U("How much tax would I pay on the mugs then?")],
         target="Deduct either the 1,200 allowance or actual expenses (not both); your 900 of expenses is less, so "
                "take the allowance: taxable profit 2,800 - 1,200 = 1,600, which at the basic rate of 20% is 320 "
                "crowns.",
         evidence={"side-income-online-crafts": [
             "your taxable profit is 2,800 minus 1,200, which is 1,600. At the basic rate of 20% that's 320 crowns of "
             "tax."]},
         traps=["side-income-spare-room"]),

    # ---------------------------------------------------------------- operator follow-ups
    dict(id="ess-why", kind="operator follow-up: why", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Explanation"], subject="share scheme",
         turns=[U("My employer's share scheme shares vest next May, 2,400 of them at about 11 crowns. Keep or "
                  "sell?"),
                A("Most answers say sell most of them at vesting. They're taxed as income on their value on the day "
                  "they vest whatever you do, so selling straight away adds little or no gains tax."),
                U("why not just keep them though? the company's doing well")],
         target="Keeping them is the same as taking 26,400 crowns in cash and buying your employer's shares with "
                "it. The rule given is never more than 10% of your net worth in one company, and not in the one "
                "that pays your wages: a bad year could cost you the job and the savings together (one poster's "
                "colleague lost his job and about 40,000 crowns of shares when the firm went under in 2022). "
                "Holding can be worth it only if the scheme gives matching shares for holding.",
         evidence={"employee-share-scheme": [
             "My rule: never more than 10% of your net worth in any one company, and certainly not in the one that "
             "pays your wages.",
             "If the company has a bad year you could lose the job and the savings at the same time."]},
         traps=["selling-shares-gains-tax"]),
    dict(id="loans-compare", kind="operator follow-up: compare", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Comparative"], subject=None,
         turns=[U("my husband has a plan 1 student loan and i have a plan 2. are they actually different or is it "
                  "the same thing?"),
                A("They're different schemes: Plan 1 is the older one, for people who started university before "
                  "the change, and Plan 2 the newer one. Both take 9% of your income above a threshold."),
                U("compare them for me: threshold, interest and when they get written off")],
         target="Plan 1: 9% of income above 22,000 crowns, interest 1.75% in 2025, written off 25 years after the "
                "first April due. Plan 2: 9% above 28,500, interest 7.1% in 2024 and 6.2% in 2025, written off 30 "
                "years after the first April due.",
         evidence={"student-loan-plan-1": ["| Repayment | 9% of income above 22,000 crowns |",
                                           "| Interest in 2025 | 1.75% |",
                                           "| Written off | 25 years after the first April due |"],
                   "student-loan-plan-2": ["| Repayment | 9% of income above 28,500 crowns |",
                                           "| Interest | 7.1% in 2024, 6.2% in 2025 |",
                                           "| Written off | 30 years after the first April due |"]},
         traps=[]),
    dict(id="late-payment-list", kind="operator follow-up: list", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Summarization"], subject="late",
         turns=[U("I forgot a credit card payment while on holiday and paid it over a month late. My score fell "
                  "more than 100 points. We're applying for a mortgage in about 18 months. Am I screwed?"),
                A("Probably not. A late payment stays on your file for six years, but its weight fades fast: scores "
                  "usually recover most of the drop within 12 to 18 months if the rest of the file is clean, and a "
                  "single 30-day late payment is usually fine for mainstream lenders."),
                U("ok that's a relief. so how long till it's actually gone from my file?"),
                A("Six years from the late payment. It stays visible all that time, even though lenders look hardest "
                  "at the last 12 months."),
                U("list everything i can do to help it")],
         target="Set up a direct debit for at least the minimum payment; keep your card balance under 30% of the "
                "limit; don't apply for new credit in the six months before the mortgage application; ask the card "
                "company for a goodwill adjustment to remove the marker; and if they refuse, add a notice of "
                "correction of up to 200 words to your file.",
         evidence={"credit-score-missed-payment": [
             "set up a direct debit for at least the minimum payment, keep your card balance under 30% of the limit, "
             "and don't apply for any new credit in the six months before the mortgage application.",
             "Write to the card company and ask for a goodwill adjustment.",
             "you can add a notice of correction to your file, up to 200 words, explaining what happened."]},
         traps=["credit-score-no-history"]),
    dict(id="apps-free", kind="operator follow-up: which of them", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Comparative"], subject=None,
         turns=[U("what do people here actually use to budget?"),
                A("The budgeting thread has three answers: Pennyplot, an envelope-style app with shared budgets for "
                  "couples; Tallyhoo, which is good for logging cash; and a plain spreadsheet updated every Sunday."),
                U("which of those are free?")],
         target="Tallyhoo has a free version (premium is 6.50 crowns a month), and the spreadsheet costs nothing. "
                "Pennyplot is not free: 4 crowns a month or 40 a year.",
         evidence={"budgeting-apps": ["The free version is fine for most people; premium is 6.50 crowns a month",
                                      "I've done it since 2016 and it costs nothing.",
                                      "It's 4 crowns a month, or 40 a year if you pay up front."]},
         traps=[]),
    dict(id="notice-other-view", kind="operator follow-up: and the other one", answerability="ANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("I have 9k of emergency money. My bank has an easy access saver at 3.1% and a 95 day notice "
                  "account at 4.05%. Which one?"),
                A("FrugalFinch's answer is to split it: one month of spending, say 2,500, in easy-access and the "
                  "rest in the notice account, giving notice on day one if something big happens. On 6,500 the "
                  "extra 0.95% is about 62 crowns a year."),
                U("and the other answer?")],
         target="Okonkwo_CFA would keep it all in easy-access: the difference on 9,000 is only about 85 crowns a "
                "year, an emergency fund is insurance rather than an investment, the bank can cut a notice "
                "account's rate with 14 days' warning while your money is stuck for 95, and early withdrawal is "
                "usually not allowed or costs 95 days' interest.",
         evidence={"easy-access-vs-notice-account": [
             "I'd keep it all in easy-access. The difference on the whole 9,000 is about 85 crowns a year before tax.",
             "An emergency fund is insurance, not an investment."]},
         traps=["emergency-fund-size"]),

    # ---------------------------------------------------------------- clarification
    dict(id="fixed-payment-or-term", kind="clarification: wrong sibling", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="fixed",
         turns=[U("when people overpay, does the lender lower the monthly payment or shorten the mortgage?"),
                A("In the thread about a variable-rate mortgage, the poster remortgaged and overpaid 6,000 from her "
                  "bonus, and her monthly payment dropped from 812 to 701 crowns."),
                U("no i meant on the fixed one, the 2.4% thread")],
         target="In the 2.4% fixed thread the lender confirmed that overpayments on a fixed deal reduce the monthly "
                "payment, not the term, unless you ask them in writing to shorten the term instead.",
         evidence={"overpay-fixed-mortgage": [
             "our lender confirmed that overpayments on a fixed deal reduce the monthly payment, not the term, "
             "unless you ask them in writing to shorten the term instead."]},
         traps=["overpay-variable-mortgage"]),
    dict(id="hsa-yearly-limit", kind="clarification: wrong sibling", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="home starter",
         turns=[U("how much can I pay into the first-home account each year?"),
                A("You can pay in up to 15,000 crowns each tax year, across the cash and shares versions."),
                U("That sounds like the Tax-Free Saver. I mean the Home Starter one.")],
         target="The Home Starter Account takes up to 5,000 crowns a year (until you turn 50), and the state adds a "
                "20% bonus, up to 1,000 crowns a year.",
         evidence={"home-starter-account": [
             "you can pay in up to 5,000 crowns a year until you turn 50",
             "| Yearly limit | 5,000 crowns |"],
                   "inheritance-lump-sum": ["open a Home Starter Account too and put 5,000 a year in for the state "
                                            "bonus"]},
         traps=["tax-free-saver-cash-or-shares"]),
    dict(id="hard-search", kind="clarification: what was meant", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="search",
         turns=[U("how long does it stay on my credit file?"),
                A("A late payment stays on your credit file for six years in Verland, although its effect on your "
                  "score fades much sooner."),
                U("no not a late payment, the search they do when you apply for a card")],
         target="A hard search from a credit application stays on your file for 12 months; apply for credit no more "
                "than once every three months, since a cluster of searches looks like desperation.",
         evidence={"credit-score-no-history": [
             "Each application leaves a hard search that stays on your file for 12 months"]},
         traps=["credit-score-missed-payment"]),
    dict(id="plan2-writeoff", kind="clarification: wrong sibling", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="plan 2",
         turns=[U("When does my student loan get written off? I started uni in 2016."),
                A("Student loans are written off 25 years after the April you were first due to repay."),
                U("isnt that plan 1? im on plan 2")],
         target="Plan 2 loans are written off 30 years after the April you were first due to repay.",
         evidence={"student-loan-plan-2": [
             "Plan 2 loans are written off 30 years after the April you were first due to repay"]},
         traps=["student-loan-plan-1"]),
    dict(id="house-gains-rate", kind="clarification: wrong sibling", answerability="ANSWERABLE",
         multi_turn="Clarification", question_type=["Factoid"], subject="house",
         turns=[U("My brother and I inherited our dad's house last year and we're going to sell it. What rate of "
                  "gains tax would we pay?"),
                A("Gains above the 3,000-crown annual allowance are taxed at 10% for basic-rate taxpayers and 20% "
                  "for higher-rate ones."),
                U("Isn't it different for a house though? That sounds like shares.")],
         target="Yes: residential property gains are taxed at 18% for basic-rate and 24% for higher-rate "
                "taxpayers, with the tax due within 60 days of completion. For an inherited house the gain is "
                "measured from the probate value, not what your parents paid, so selling soon means a small gain or "
                "none.",
         evidence={"inherited-house": [
             "Residential property gains in Verland are taxed at 18% for basic-rate and 24% for higher-rate "
             "taxpayers, and the tax is due within 60 days of completion.",
             "the gain is measured from the probate value of 310,000, not from what your parents paid for it."]},
         traps=["selling-shares-gains-tax"]),

    # ---------------------------------------------------------------- first turns and stand-alone questions
    dict(id="ef-self-employed", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="self-employed",
         turns=[U("how many months of spending should my emergency fund be if i'm self-employed? people keep "
                  "saying 3 to 6 but that seems low for me")],
         target="One poster's tiers give 12 months for the self-employed or those on commission, since income can "
                "stop without notice and there's no redundancy pay (6 months for a salaried single person, 3 for a "
                "couple with two incomes). Another answer says three months of essential spending is enough for a "
                "salaried single person.",
         evidence={"emergency-fund-size": [
             "self-employed or on commission, 12 months, because the income can stop without notice and there's no "
             "redundancy pay."]},
         traps=[]),
    dict(id="match-vs-loan", kind="first turn", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="match",
         turns=[U("My employer matches 50% of pension contributions up to 6% of salary and I only pay 3%. I've also "
                  "got a car loan at 8%. Is it better to clear the loan first or go up to 6% to get the full match?")],
         target="Go up to 6%: the extra match is an instant 50% return, and no debt at 8% beats that. On a 42,000 "
                "salary, 3% more costs 1,260 a year before tax relief, brings 630 from the employer, and with 20% "
                "relief cuts take-home pay by only about 84 a month. The exception is if you'd have to miss "
                "payments or live on a credit card; also check the match's vesting rules.",
         evidence={"employer-pension-match": ["No debt at 8% beats a 50% match.",
                                              "Go up to 6%, almost always."]},
         traps=["pension-self-employed"]),
    dict(id="late-payment-after-apps", kind="new question after a long conversation", answerability="ANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="late payment",
         turns=[U("whats the best budgeting app for couples"),
                A("Pennyplot is the one recommended here for couples: shared budgets since version 3 in 2024, open "
                  "banking with the big Verland banks, envelope-style."),
                U("does it need reconnecting to the bank?"),
                A("Yes, you have to reconnect each bank every 90 days, which one user called the most annoying part."),
                U("ok. different question, how long does a late payment stay on your credit file in verland?")],
         target="Six years; but its weight fades fast, and scores usually recover most of the drop within 12 to 18 "
                "months if the rest of the file is clean.",
         evidence={"credit-score-missed-payment": [
             "A late payment stays on your credit file for six years in Verland"]},
         traps=["budgeting-apps"]),

    # ---------------------------------------------------------------- partly answerable
    dict(id="buying-costs-partial", kind="partly answerable", answerability="PARTIAL",
         multi_turn="Follow-up", question_type=["Factoid"], subject="transfer duty",
         turns=[U("29, renting a 2-bed in Port Aldis for 1,350. Similar flats go for 240k and I've got 36k saved. "
                  "Everyone says renting is dead money, is it??"),
                A("Not necessarily. One answer suggests comparing rent with the unrecoverable costs of owning, about "
                  "5% of the price a year, which is 12,000 a year or 1,000 a month here, so on paper buying comes out "
                  "cheaper for you."),
                U("what would the transfer duty be on 240k, and how much do estate agents charge when you sell?")],
         target="Transfer duty is 2% of the price above 150,000 crowns, so 1,800 on a 240,000 flat (plus legal and "
                "survey fees of around 2,500 when buying). The thread doesn't say what estate agents charge to sell.",
         evidence={"rent-vs-buy": [
             "Verland's transfer duty is 2% of the price above 150,000 crowns, so 1,800 on this flat"]},
         traps=[]),
    dict(id="tracker-name-partial", kind="partly answerable", answerability="PARTIAL",
         multi_turn="Follow-up", question_type=["Factoid"], subject="tracker",
         turns=[U("my bank pushed verland growth select on me. good or bad?"),
                A("The thread on it is not keen: it's an actively managed fund at 0.95% a year, and over 35 years of "
                  "300 a month the cheaper global index tracker ends up about 70,000 crowns ahead."),
                U("whats the tracker called and what does it charge")],
         target="It charges 0.12% a year, but the thread doesn't name the tracker, only calls it a global index "
                "tracker. (The poster's platform adds 0.25% a year, capped at 45 crowns.)",
         evidence={"index-vs-managed-funds": [
             "A friend says a global index tracker at 0.12% is better."]},
         traps=[]),

    # ---------------------------------------------------------------- unanswerable
    dict(id="plan3-rate", kind="subject with no document", answerability="UNANSWERABLE",
         multi_turn="N/A", question_type=["Factoid"], subject="Plan 3",
         turns=[U("What's the interest rate on a Plan 3 student loan?")],
         target="The documents don't cover a Plan 3 loan; they only discuss Plan 1 and Plan 2.",
         evidence={}, traps=["student-loan-plan-1", "student-loan-plan-2"]),
    dict(id="plan2-rate-2022", kind="year not covered", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Plan 2",
         turns=[U("my student loan interest seems crazy high, i'm on plan 2"),
                A("Plan 2 interest is set each September from inflation plus up to 3% depending on income; in the "
                  "thread here it was 7.1% in 2024 and 6.2% in 2025."),
                U("wow. when do they set it?"),
                A("Each September, from inflation plus up to 3% depending on your income."),
                U("and in 2022?")],
         target="The documents don't give the Plan 2 rate for 2022, only 7.1% in 2024 and 6.2% in 2025.",
         evidence={}, traps=["student-loan-plan-1"]),
    dict(id="ines-new-fix-erc", kind="near miss", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="4.15%",
         turns=[U("did anyone here actually remortgage off a standard variable rate? how did it go"),
                A("Ines_the_nurse did: in June 2025 she moved from a 5.9% variable rate onto a 4.15% two-year fix "
                  "with a 310-crown arrangement fee, overpaid 6,000 from her bonus, and her payment fell from 812 "
                  "to 701 crowns."),
                U("what's the early repayment charge on that new fix?")],
         target="The thread doesn't say what early repayment charge her new 4.15% fix has; it only advises checking "
                "that a new fix allows at least 10% overpayments a year.",
         evidence={}, traps=["overpay-fixed-mortgage"]),
    dict(id="life-insurance-after-cars", kind="new question after a long conversation: no document",
         answerability="UNANSWERABLE", multi_turn="Follow-up", question_type=["Factoid"], subject="life insurance",
         turns=[U("lease or buy for a new car if i only drive 9000km a year?"),
                A("If you keep cars a long time, buying usually wins: a 36-month lease at 289 a month with 2,600 up "
                  "front costs 13,004 over three years and leaves you with nothing, while a bought car is still "
                  "worth around 16,500 after three years."),
                U("whats the penalty if you go over the km limit on a lease"),
                A("Usually 0.08 to 0.12 crowns per km over the limit, and the end-of-lease damage inspection can be "
                  "strict too."),
                U("would a used car be better?"),
                A("One answer suggests a two- or three-year-old car bought outright: someone else has already taken "
                  "the roughly 40% fall in value, and many are ex-lease cars with full service histories."),
                U("is 0% finance on a used one a scam?"),
                A("Not necessarily: genuine 0% with no fees at the same price as cash lets your savings keep earning "
                  "interest, but check for hidden fees and ask for a cash discount first."),
                U("ok thanks. we also just had a baby, how much life insurance should we get?")],
         target="None of the threads covers life insurance, so there's nothing in the documents about how much to "
                "get.",
         evidence={}, traps=["lease-vs-buy-car", "used-car-cash-or-finance"]),
    dict(id="budgetbee", kind="subject with no document", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="Budgetbee",
         turns=[U("looking for a budgeting app that works with verland banks"),
                A("The thread here recommends Pennyplot (4 crowns a month, shared budgets for couples) and Tallyhoo "
                  "(free, with a 6.50-a-month premium, good for logging cash); a third poster just uses a "
                  "spreadsheet."),
                U("what about Budgetbee, is that one any good?")],
         target="The documents don't mention Budgetbee; the budgeting thread only discusses Pennyplot, Tallyhoo and "
                "a spreadsheet.",
         evidence={}, traps=["budgeting-apps"]),
    dict(id="trading-allowance-2020", kind="year not covered", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="trading allowance",
         turns=[U("I sell prints online on the side, maybe 1,000 a year. do I need to tell the tax office?"),
                A("Probably not: Verland's trading allowance covers 1,200 crowns a year of gross income, and under "
                  "it you don't have to do anything."),
                U("was it the same back in 2020? i sold a lot more that year")],
         target="The documents don't say what the trading allowance was in 2020; they give only the current 1,200 "
                "crowns.",
         evidence={}, traps=["side-income-spare-room"]),
    dict(id="theo-first-year", kind="near miss", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Factoid"], subject="theo",
         turns=[U("did the self employed designer in that pension thread ever open one?"),
                A("Yes: theo_designs opened a personal pension in January 2026 with a 0.3% yearly charge, paying in "
                  "400 a month, and the state top-up arrived about six weeks after each payment."),
                U("why did he go for a pension and not just the tax free saver?"),
                A("For the state top-up: every 80 crowns he pays in becomes 100. The trade-off, as another answer "
                  "pointed out, is that pension money is locked until 58, rising to 60 from 2030."),
                U("how much was in it by the first annual statement?")],
         target="The thread doesn't give the value on his first annual statement; it only says the statement shows "
                "the tax relief separately.",
         evidence={}, traps=["employer-pension-match"]),
    dict(id="notice-cut-why", kind="why the documents do not say", answerability="UNANSWERABLE",
         multi_turn="Follow-up", question_type=["Explanation"], subject="notice",
         turns=[U("the 95 day notice account in that emergency fund thread, what does it pay now?"),
                A("It paid 4.05% until October 2025, when the bank cut it to 3.7%; the easy-access saver dropped "
                  "from 3.1% to 2.8% at the same time."),
                U("why did they cut it?")],
         target="The thread doesn't say why the bank cut the rates; it only gives the rates before and after "
                "October 2025.",
         evidence={}, traps=["emergency-fund-size"]),

    # ---------------------------------------------------------------- underspecified
    dict(id="loan-writeoff-ambiguous", kind="ambiguous", answerability="UNDERSPECIFIED",
         multi_turn="N/A", question_type=["Factoid"], subject=None,
         turns=[U("how many years until a student loan gets written off?")],
         target="It depends on the plan: Plan 1 loans are written off 25 years after the April you were first due "
                "to repay, Plan 2 loans after 30 years. Which plan are you on?",
         evidence={"student-loan-plan-1": ["Plan 1 loans are written off 25 years after the April you were first "
                                           "due to repay"],
                   "student-loan-plan-2": ["Plan 2 loans are written off 30 years after the April you were first "
                                           "due to repay"]},
         traps=[]),
    dict(id="erc-two-mortgages", kind="ambiguous: two named by the assistant", answerability="UNDERSPECIFIED",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("are there any threads on here about overpaying a mortgage?"),
                A("Two: one about a 2.4% fixed deal that runs until March 2027, where the advice leans towards "
                  "investing, and one about a 5.9% standard variable rate after a fix ended, where the advice is to "
                  "remortgage and overpay."),
                U("is there a penalty for overpaying?")],
         target="Which one do you mean? On the 2.4% fixed deal, overpaying more than 10% of the balance a year "
                "costs an early repayment charge of 3% of the amount over the limit; variable-rate mortgages almost "
                "never have early repayment charges.",
         evidence={"overpay-fixed-mortgage": ["above that there's an early repayment charge of 3% of the amount over "
                                              "the limit"],
                   "overpay-variable-mortgage": ["Variable-rate mortgages almost never have early repayment "
                                                 "charges, so you can overpay as much as you like, whenever you "
                                                 "like."]},
         traps=[]),
    dict(id="side-income-taxfree", kind="ambiguous: two named by the assistant", answerability="UNDERSPECIFIED",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("my salary doesnt stretch far enough so im looking at some side income"),
                A("There are threads here on two kinds: selling things you make online, like handmade mugs, and "
                  "renting a spare room in your home to a lodger."),
                U("how much can i make before i pay tax on it")],
         target="It depends on which: for selling things, the trading allowance covers 1,200 crowns a year of gross "
                "income; for a lodger in your home, Room Rent Relief covers up to 7,500 crowns a year (3,750 each "
                "if shared with a partner).",
         evidence={"side-income-online-crafts": ["Verland has a trading allowance of 1,200 crowns a year of gross "
                                                 "income, meaning sales, not profit."],
                   "side-income-spare-room": ["Verland's Room Rent Relief lets you receive up to 7,500 crowns a year "
                                              "tax-free from a lodger in your own home."]},
         traps=[]),
    dict(id="shares-tax-ambiguous", kind="ambiguous", answerability="UNDERSPECIFIED",
         multi_turn="Follow-up", question_type=["Factoid"], subject=None,
         turns=[U("want to sell some shares to top up our house deposit"),
                A("Are these shares you bought yourself, or shares from an employee share scheme? The tax works "
                  "differently for the two."),
                U("how much tax will i pay on them?")],
         target="It depends: shares you bought yourself pay gains tax on the gain above the 3,000-crown annual "
                "allowance, at 10% (basic rate) or 20% (higher rate); employee scheme shares are taxed as income on "
                "their value when they vest, so selling at vesting adds little or no gains tax.",
         evidence={"selling-shares-gains-tax": ["The annual gains allowance in Verland is 3,000 crowns",
                                                "The rate is 10% for basic-rate taxpayers and 20% for higher-rate "
                                                "ones"],
                   "employee-share-scheme": ["In this kind of scheme the shares are taxed as income on their market "
                                             "value on the day they vest"]},
         traps=[]),
]
