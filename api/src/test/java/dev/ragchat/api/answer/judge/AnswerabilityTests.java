package dev.ragchat.api.answer.judge;

import java.util.ArrayList;
import java.util.List;

import dev.ragchat.api.answer.search.Found;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.query.QueryShaper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnswerabilityTests {

	private static final String QUESTION = "What is the price of a second replacement badge?";

	/** Keyword search finds the fee pages, never the badge page nearest the question. */
	private static final Answerability.Rankings WORDS_ELSEWHERE = (knowledgeBase, query, depth, mode,
			filter) -> (mode == SearchMode.VECTOR) ? scored(new String[] { "badges" }, 0.81)
					: scored(new String[] { "fees", "price-list" }, 9.0, 8.0);

	@Test
	void refusesWhenTheNearestPassageLacksTheQuestionsWordsAndNoPassageLeads() {
		Verdict verdict = new Answerability(WORDS_ELSEWHERE)
			.judge(judged(null, scored(new String[] { "badges", "lost-items", "visitors" }, 0.0330, 0.0325, 0.0320)));
		assertThat(verdict.answerable()).isFalse();
		assertThat(verdict.refusal().reason()).isEqualTo(Refusal.LOW_ANSWERABILITY);
		assertThat(verdict.refusal().detail()).contains("not in keyword search's first 20").contains("gap 0.0005");
	}

	@Test
	void answersWhenTheFirstPassageLeadsTheFusedRanking() {
		List<String> decided = new ArrayList<>();
		Verdict verdict = new Answerability(WORDS_ELSEWHERE).judge(
				judged(decided, scored(new String[] { "badges", "lost-items", "visitors" }, 0.0400, 0.0300, 0.0290)));
		assertThat(verdict.answerable()).isTrue();
		assertThat(decided).singleElement().asString().startsWith("answerability: answerability ");
	}

	@Test
	void answersARowOfNeighboursWhoseNearestKeywordSearchRanksFirst() {
		Answerability agreed = new Answerability(
				(knowledgeBase, query, depth, mode, filter) -> (mode == SearchMode.VECTOR)
						? scored(new String[] { "badges" }, 0.81)
						: scored(new String[] { "badges", "fees" }, 9.0, 8.0));
		assertThat(agreed
			.judge(judged(null, scored(new String[] { "badges", "lost-items", "visitors" }, 0.0330, 0.0325, 0.0320)))
			.answerable()).isTrue();
	}

	@Test
	void scoresWithTheFittedWeights() {
		assertThat(Answerability.score(3, 0.004)).isCloseTo(Answerability.WEIGHT_LOG_KEYWORD_RANK * Math.log(3)
				+ Answerability.WEIGHT_FUSED_GAP * 0.004 + Answerability.BIAS, within(1e-9));
		assertThat(Answerability.score(Answerability.DEPTH + 1, 0.0)).isLessThan(Answerability.THRESHOLD);
		assertThat(Answerability.score(1, 0.0)).isGreaterThanOrEqualTo(Answerability.THRESHOLD);
	}

	@Test
	void leavesTheDecisionToTheOtherJudgesWhenVectorSearchFindsNothing() {
		Answerability nothing = new Answerability((knowledgeBase, query, depth, mode, filter) -> List.of());
		assertThat(nothing.judge(judged(null, scored(new String[] { "badges", "fees" }, 0.033, 0.0329))).answerable())
			.isTrue();
	}

	private static Judged judged(List<String> decided, List<ScoredChunk> fused) {
		Judge.Decisions decisions = (decided != null) ? new Judge.Decisions() {

			@Override
			public boolean on() {
				return true;
			}

			@Override
			public void decided(String judge, Verdict verdict, String why) {
				decided.add(judge + ": " + why);
			}

		} : Judge.Decisions.OFF;
		return Judged.of("kb", new Found(new QueryShaper().shape(QUESTION), fused, 1), null, false, false, decisions);
	}

	private static List<ScoredChunk> scored(String[] ids, double... scores) {
		List<ScoredChunk> chunks = new ArrayList<>();
		for (int i = 0; i < ids.length; i++) {
			chunks.add(new ScoredChunk(
					new Chunk(ids[i], "kb", ids[i], ids[i] + ".md", 1, 1, "", 0, "About " + ids[i] + "."), scores[i]));
		}
		return chunks;
	}

}
