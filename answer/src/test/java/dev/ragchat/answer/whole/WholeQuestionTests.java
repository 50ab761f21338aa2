package dev.ragchat.answer.whole;

import dev.ragchat.answer.Listing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which questions ask about the whole scope, and what a document must say for each.
 */
class WholeQuestionTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					Which contracts have a termination fee?                  | which    | a termination fee                | false
					Which of our policies mention remote work?              | which    | remote work                      | false
					In which annual reports does revenue fall?              | which    | revenue fall                     | false
					What papers report results in mice?                     | which    | mice                             | false
					Which abstracts report experiments on mice or rats?     | which    | mice or rats                     | false
					How many contracts set a termination fee in euros?      | how-many | a termination fee in euros       | false
					How many of our policies mention remote work?           | how-many | remote work                      | false
					How many contracts are governed by the laws of Norway?  | how-many | governed by the laws of Norway   | false
					and how many of them have a termination fee?            | how-many | a termination fee                | true
					Which of those have a pet clause?                       | which    | a pet clause                     | true
					Under which contracts does the supplier process data?   | which    | the supplier process data        | false
					List every supplier named in the contracts.             | list     | supplier                         | false
					List all leases that mention a garden                   | list     | a garden                         | false
					What is the notice period of each contract?             | each     | notice period                    | false
					Give me the net sales in each annual filing             | each     | net sales                        | false
					How many leaflets warn that it can make you drowsy?     | how-many | warn that it can make you drowsy | false
					What is the dose given in each leaflet?                 | each     | dose given                       | false
					Which newsletters mention the harbour festival?         | which    | the harbour festival             | false
					""")
	void readsTheKindAndWhatADocumentMustSay(String question, String kind, String predicate, boolean earlier) {
		WholeQuestion whole = WholeQuestion.of(question);
		assertThat(whole).isNotNull();
		assertThat(whole.kind()).isEqualTo(kind);
		assertThat(whole.predicate()).isEqualTo(predicate);
		assertThat(whole.earlier()).isEqualTo(earlier);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					How many contracts governed by Finnish law have a termination fee? | how-many | a termination fee | governed by Finnish law
					Which contracts for cleaning services allow remote work?           | which    | allow remote work | for cleaning services
					What is the notice period of each contract governed by Danish law? | each     | notice period     | governed by Danish law
					List the suppliers of the contracts governed by Danish law.        | list     | suppliers         | governed by Danish law
					""")
	void readsWhatNarrowsTheDocumentsApartFromWhatTheyMustSay(String question, String kind, String predicate,
			String condition) {
		WholeQuestion whole = WholeQuestion.of(question);
		assertThat(whole).isNotNull();
		assertThat(whole.kind()).isEqualTo(kind);
		assertThat(whole.predicate()).isEqualTo(predicate);
		assertThat(whole.conditions()).containsExactly(condition);
		assertThat(whole.names()).isEqualTo(question.startsWith("List"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					What termination fee does each contract governed by Swedish law set? | termination fee      | governed by Swedish law | false
					Which country's law governs each contract signed in 2025?            | country's law governs | signed in 2025          | true
					Who is the supplier of each contract that allows remote work?        | supplier             | allows remote work      | true
					""")
	void readsWhatEachDocumentIsAskedForAsAFigureOrAName(String question, String predicate, String condition,
			boolean names) {
		WholeQuestion whole = WholeQuestion.of(question);
		assertThat(whole).isNotNull();
		assertThat(whole.kind()).isEqualTo(Listing.EACH);
		assertThat(whole.predicate()).isEqualTo(predicate);
		assertThat(whole.conditions()).containsExactly(condition);
		assertThat(whole.names()).isEqualTo(names);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			List the contracts signed in 2022.   | signed in 2022
			List every page that gives a 2026 price. | a 2026 price
			Show me the policies on travel       | travel
			""")
	void listsTheDocumentsAQuestionNamesWithoutAllOrEvery(String question, String predicate) {
		WholeQuestion whole = WholeQuestion.of(question);
		assertThat(whole).isNotNull();
		assertThat(whole.kind()).isEqualTo(Listing.LIST);
		assertThat(whole.predicate()).isEqualTo(predicate);
		assertThat(whole.conditions()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Which halls allow pets?                        | which    | allow pets       | halls
			How many of the routers support mesh?          | how-many | support mesh     | routers
			List the campgrounds that take dogs.           | list     | take dogs        | campgrounds
			In which campgrounds are campfires allowed?    | which    | are campfires allowed | campgrounds
			Which of your apps can I use offline?          | which    | can I use offline | apps
			Which of your support teams answer by phone?   | which    | answer by phone  | support teams
			Which plans does the shop sell?                | which    | does the shop sell | plans
			Which recycling centres take asbestos?         | which    | take asbestos    | recycling centres
			Which depots open on Sundays?                  | which    | open on Sundays  | depots
			""")
	void readsThingsAskedAboutInPlaceOfDocuments(String question, String kind, String predicate, String things) {
		WholeQuestion whole = WholeQuestion.of(question);
		assertThat(whole).isNotNull();
		assertThat(whole.kind()).isEqualTo(kind);
		assertThat(whole.predicate()).isEqualTo(predicate);
		assertThat(whole.things()).isEqualTo(things);
		assertThat(WholeQuestion.of("Which contracts have a termination fee?").things()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Which recycling centres take asbestos?        | recycling centres | true
			Which router supports mesh networking?        | router supports   | true
			Which of your support teams answer by phone?  | support teams     | false
			Which halls allow pets?                       | halls             | false
			""")
	void readsTwoWordsWithoutOfYourAsThingsOnlyWhereTitlesWriteBoth(String question, String things, boolean titled) {
		WholeQuestion whole = WholeQuestion.of(question);
		assertThat(whole).isNotNull();
		assertThat(whole.things()).isEqualTo(things);
		assertThat(whole.titled()).isEqualTo(titled);
	}

	@ParameterizedTest
	@ValueSource(strings = { "What does this library lend?", "How many hours can I work a week?",
			"How many pages does the manual have?", "How many people died in the hurricane?",
			"Which document describes the refund policy?", "What is the notice period?",
			"How much does the premium plan cost?", "List the risks.", "Which files do I need to upload first?",
			"Summarise the contracts", "I was told it is limited to 200 TB for each storage policy. Can you clarify?" })
	void leavesEveryOtherQuestionToTheAnswerPath(String question) {
		assertThat(WholeQuestion.of(question)).isNull();
	}

}
