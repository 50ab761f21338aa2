package dev.ragchat.answer.engine;

import java.util.List;
import java.util.function.Consumer;

import dev.ragchat.answer.Answer;
import dev.ragchat.answer.AnswerEngine;
import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.answer.AnswerRequest;
import dev.ragchat.answer.Citation;
import dev.ragchat.answer.Clarification;
import dev.ragchat.answer.Found;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.SearchScope;
import dev.ragchat.answer.Trace;
import dev.ragchat.answer.Turn;
import dev.ragchat.answer.cite.Citations;
import dev.ragchat.answer.generate.ChatModelGenerator;
import dev.ragchat.answer.ground.Grounding;
import dev.ragchat.answer.ground.GroundingQuestion;
import dev.ragchat.answer.ground.Grounds;
import dev.ragchat.answer.judge.Judge;
import dev.ragchat.answer.judge.Judged;
import dev.ragchat.answer.judge.Verdict;
import dev.ragchat.answer.query.ConversationState;
import dev.ragchat.answer.query.QueryRewriter;
import dev.ragchat.answer.query.RewriteSearch;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.answer.text.ChatSpelling;
import dev.ragchat.answer.text.CitationMarkers;
import dev.ragchat.answer.whole.Lister;
import dev.ragchat.answer.whole.WholeQuestion;
import dev.ragchat.answer.widen.Focus;
import dev.ragchat.answer.widen.PageContext;
import dev.ragchat.answer.widen.SourcesProcessor;
import dev.ragchat.retrieval.ScoredChunk;

import org.springframework.util.Assert;

/**
 * The answer path, from a question to a cited answer, stateless: everything it reads
 * comes in the {@link AnswerRequest} (the caller keeps sessions, history and media). As
 * {@link #answer} reads:
 * <ol>
 * <li>query: the message alone, or with the subject its conversation supplies, as the
 * knowledge base's evidence or a language model decides ({@link QueryRewriter});</li>
 * <li>search: shape, retrieve, rerank, least score ({@link KnowledgeBaseSearch}, the same
 * search as {@code /search}), of the request's scope: one knowledge base, or several and
 * maybe only some of their documents ({@link SearchScope}); no source of the answer lies
 * outside it. For the extract's judge the search is expanded: each name of the question
 * the chunks found do not speak of is looked up, the documents about it are searched and
 * what they give is joined into the found set, read for what it says of the question's
 * names ({@link Grounding});</li>
 * <li>judge: do the sources answer? ({@link Judge}: the search's verdict, then the ground
 * step's rules for the extract or the similarity floor before a language model); a judge
 * reads what the search stage found and read, and decides: it searches nothing;</li>
 * <li>widen: the post-retrieval steps ({@link SourcesProcessor}), the first that applies:
 * a summary reads the document in focus ({@link Focus}); a source of a paginated document
 * is read with its page, a table's row with its neighbours ({@link PageContext});</li>
 * <li>generate: the answer from the numbered sources, or the refusal
 * ({@link AnswerGenerator}), markers renumbered in order of first use (a marker that
 * names no source is dropped);</li>
 * <li>cite: the markers become citations with quotes verified in their sources
 * ({@link Citations}).</li>
 * </ol>
 * A request that asks for it gets the answer's {@link Trace}: each step records what it
 * took and gave as it runs ({@code Tracing}; nothing is recorded, and nothing run again,
 * for one that does not).
 */
public final class StagedAnswerEngine implements AnswerEngine {

	private final QueryRewriter rewriter;

	private final KnowledgeBaseSearch search;

	private final Grounding grounding;

	private final Judge judge;

	private final List<SourcesProcessor> widening;

	private final AnswerGenerator generator;

	private final Citations citations;

	private final Lister lister;

	/**
	 * @param stages the stages
	 */
	public StagedAnswerEngine(Stages stages) {
		this.rewriter = stages.rewriter();
		this.search = stages.search();
		this.grounding = stages.grounding();
		this.judge = stages.judge();
		this.widening = stages.widening();
		this.generator = stages.generator();
		this.citations = stages.citations();
		this.lister = new Lister(this.search, this.citations);
	}

	@Override
	public boolean readsMedia(AnswerRequest.Settings settings) {
		return generator(settings).readsMedia();
	}

	/**
	 * The one place a question's generator is chosen: the one its settings bring (the
	 * model chosen for it), else the configured model's.
	 */
	private AnswerGenerator generator(AnswerRequest.Settings settings) {
		return (settings.generator() != null) ? settings.generator() : this.generator;
	}

	@Override
	public Answer answer(AnswerRequest asked, Consumer<String> tokens) {
		// the user's words as English spells them ("whats" as "what's"), for every step
		AnswerRequest request = asked.readAs(ChatSpelling::standard);
		// the generator of the question's model (chosen by the caller, else the
		// configured one); the trace records each step as it runs, when the request asks
		AnswerGenerator generator = generator(request.settings());
		Tracing trace = Tracing.of(request);
		ImageText image = ImageText.of(request.imageText());
		if (image != null) {
			tokens.accept(image.note());
		}

		// 0. a question about the whole scope ("which contracts …", "how many …"): every
		// document of it that says it, counted and cited, not the best few passages
		WholeQuestion whole = (image != null) ? null : WholeQuestion.of(request.question());
		Lister.Listed listed = (whole != null) ? this.lister.list(whole, asked(request), request.history()) : null;
		if (listed != null) {
			return listed(request, generator, whole, listed, tokens, trace);
		}

		// 1. query: what to search for, the message alone or with the subject its
		// conversation supplies
		QueryRewriter.Conversation conversation = new QueryRewriter.Conversation(asked(request), request.history());
		QueryRewriter.Rewrite rewrite = this.rewriter.rewrite(conversation);
		trace.rewritten(request.question(), rewrite.query(), rewrite.why(), rewrite.state(), rewrite.documents());

		// 2. search: shape, retrieve, rerank, least score; then, for the extract's judge
		// (a language model reads the sources itself), expand and join, and read what the
		// found set says of the question's names, so that the judge reads no index
		Found found = search(conversation, rewrite, image, trace);
		Grounding.Expansion expansion = (!generator.judgesSources() && this.grounding != null) ? this.grounding.expand(
				new GroundingQuestion(request.knowledgeBase(), found.query(), found.chunks(), request.question()),
				request.filter(), !request.media().isEmpty()) : null;
		found = joined(found, expansion);
		Grounds grounds = (expansion != null) ? this.grounding.read(expansion, found.all()) : null;

		// 3. judge: do the sources answer? (it reads and decides: the search's verdict,
		// then the rules of the extract or the similarity floor before a language model)
		Verdict verdict = this.judge
			.judge(Judged.of(found, grounds, !request.media().isEmpty(), generator.judgesSources(), trace)
				.open(rewrite.state() != null && rewrite.state().open(),
						(rewrite.state() != null) ? rewrite.state().documents() : List.of(),
						(rewrite.state() != null) ? rewrite.state().unwritten() : List.of())
				.asked(request.question(), request.history().isEmpty())
				.named(NamedThings.of(this.search, asked(request), rewrite.state(), !generator.judgesSources()),
						request.history()))
			.inside(request.scope());
		trace.judged(verdict);

		// 4. widen: the post-retrieval steps, after the judge
		List<ScoredChunk> sources = verdict.answerable() ? widen(request.question(), found, verdict.sources(), trace)
				: verdict.sources();

		// 5. generate (only markers that name a source reach the caller, numbered in the
		// order the answer first uses them, the same streamed and returned), or ask back
		CitationMarkers.Numbering numbering = new CitationMarkers.Numbering();
		if (verdict.clarification() != null) {
			return askedBack(verdict.clarification(), sources, numbering, found, tokens, trace);
		}
		Written written = verdict.answerable()
				? generate(request, generator, found.query().text(), rewrite.state(), sources, numbering, tokens, trace)
				: Written.notFound(verdict.refusal(), tokens);
		if (written.askedBack()) {
			return modelAskedBack(written.generated(), sources, numbering, found, trace);
		}
		AnswerGenerator.Generated generated = (image != null) ? image.before(written.generated()) : written.generated();

		// 6. cite
		return cite(generated, written.refusal(), verdict.answerable(), sources, numbering, found, trace);
	}

	/** The first search: of the request's scope, its knowledge bases or documents. */
	private static SearchRequest asked(AnswerRequest request) {
		return SearchRequest.within(request.scope(), request.question(), request.settings().topK(),
				request.settings().mode(), request.filter(), request.settings().rerank());
	}

	/**
	 * Step 2, search: text read in images joins the query; what the rewrite searched
	 * already is not searched again, unless traced; the names the rewrite found the
	 * question asks about are judged with the rest.
	 */
	private Found search(QueryRewriter.Conversation conversation, QueryRewriter.Rewrite rewrite, ImageText image,
			Tracing trace) {
		Found found = (image == null && rewrite.found() != null && !trace.on()) ? rewrite.found()
				: RewriteSearch.of(this.search,
						conversation.searching((image != null) ? image.joinedTo(rewrite.query()) : rewrite.query()),
						rewrite, trace);
		return (rewrite.named() != null) ? found.judging(this.search.shape(rewrite.named())) : found;
	}

	/**
	 * Step 2, expand and join: each name of the question the chunks found do not speak of
	 * is looked up, and the documents about it searched for the question, each through
	 * the one search, what it finds joined into the found set.
	 */
	private Found joined(Found found, Grounding.Expansion expansion) {
		if (expansion == null) {
			return found;
		}
		Found joined = found;
		for (SearchRequest expanded : expansion.searches()) {
			joined = joined.join(this.search.search(expanded));
		}
		return joined;
	}

	/**
	 * Step 4, widen: the first post-retrieval step that applies (what the judge read is
	 * what search found): a summary reads the passage search ranked first among its
	 * neighbours in the document (Focus); other sources are read with the rest of their
	 * page, or the passage nearest the query of a page-less document (PageContext).
	 */
	private List<ScoredChunk> widen(String question, Found found, List<ScoredChunk> sources, Tracing trace) {
		for (SourcesProcessor step : this.widening) {
			SourcesProcessor.Processed processed = step.process(question, found.query().text(), sources);
			if (processed != null) {
				trace.widened(processed.sources(), processed.how());
				return processed.sources();
			}
		}
		return sources;
	}

	/**
	 * Step 5, generate, when the sources answer: the answer's markers that name a source
	 * kept, and why an answer that is not grounded is refused.
	 */
	private Written generate(AnswerRequest request, AnswerGenerator generator, String query, ConversationState state,
			List<ScoredChunk> sources, CitationMarkers.Numbering numbering, Consumer<String> tokens, Tracing trace) {
		CitationMarkers.Filter filtered = new CitationMarkers.Filter(tokens, sources.size(),
				new CitationMarkers.Numbering());
		// a question that names its own subject is written without the conversation
		// about another
		List<Turn> history = (state != null && state.own()) ? List.of() : request.history();
		AnswerGenerator.Generated written = generator.generate(new Question(request.question(), query, history, sources,
				request.settings().systemPrompt(), request.settings().model(), request.settings().temperature(),
				request.media(), (state != null) ? state.asked() : null), filtered);
		filtered.flush();
		AnswerGenerator.Generated generated = new AnswerGenerator.Generated(
				CitationMarkers.keepValid(written.text(), sources.size(), numbering), written.grounded(),
				written.tokens());
		if (ChatModelGenerator.CLARIFY.equals(written.refusal())) {
			return new Written(generated, null, true);
		}
		Refusal refusal = null;
		if (!written.grounded() && Refusal.saysWhatIsGiven(written.refusal())) {
			refusal = new Refusal(written.refusal(),
					written.text().substring(AnswerGenerator.NOT_FOUND.length()).strip());
		}
		else if (!written.grounded() && written.refusal() != null) {
			refusal = new Refusal(written.refusal(), "writing that needs a language model: the passages are quoted");
		}
		else if (!written.grounded()) {
			refusal = generator.judgesSources()
					? new Refusal(Refusal.MODEL_SAID_NOT_FOUND, "the model said the sources do not answer")
					: new Refusal(Refusal.BELOW_SIMILARITY, "no sentence of the sources answers the question");
		}
		trace.generated(generator.judgesSources(), sources, generated.text(), generated.grounded());
		return new Written(generated, refusal, false);
	}

	/**
	 * Step 6, cite: an answer none of whose markers verifies against its sources is not
	 * grounded.
	 */
	private Answer cite(AnswerGenerator.Generated generated, Refusal refused, boolean answerable,
			List<ScoredChunk> sources, CitationMarkers.Numbering numbering, Found found, Tracing trace) {
		List<Citation> cited = generated.grounded()
				? this.citations.of(new Citations.Cited(generated.text(), sources, numbering.cited())) : List.of();
		boolean grounded = generated.grounded() && !cited.isEmpty();
		Refusal refusal = (generated.grounded() && !grounded)
				? new Refusal(Refusal.NOT_VERIFIED, "no marker of the answer names a source") : refused;
		if (answerable) {
			trace.cited(cited);
		}
		return new Answer(generated.text(), grounded, cited, generated.tokens(), grounded ? null : refusal,
				passages(found), trace.trace(grounded ? null : refusal));
	}

	/**
	 * The judge asked back: the question cites the source of each reading it offers, and
	 * each reading names its source by the number the question gives it.
	 */
	private Answer askedBack(Clarification clarification, List<ScoredChunk> sources,
			CitationMarkers.Numbering numbering, Found found, Consumer<String> tokens, Tracing trace) {
		String askedBack = CitationMarkers.keepValid(clarification.text(), sources.size(), numbering);
		tokens.accept(askedBack);
		List<Citation> readings = this.citations.of(new Citations.Cited(askedBack, sources, numbering.cited()));
		trace.cited(readings);
		Clarification offered = new Clarification(clarification.kind(),
				clarification.readings()
					.stream()
					.map((reading) -> new Clarification.Reading(reading.label(), numbering.number(reading.source())))
					.toList());
		return new Answer(askedBack, false, readings, null, null, passages(found), trace.trace(null), offered);
	}

	/**
	 * The model asked back: the readings it names are cited as the extract's are.
	 */
	private Answer modelAskedBack(AnswerGenerator.Generated askedBack, List<ScoredChunk> sources,
			CitationMarkers.Numbering numbering, Found found, Tracing trace) {
		List<Citation> readings = this.citations.of(new Citations.Cited(askedBack.text(), sources, numbering.cited()));
		trace.generated(true, sources, askedBack.text(), false);
		trace.cited(readings);
		return new Answer(askedBack.text(), false, readings, askedBack.tokens(), null, passages(found),
				trace.trace(null), new Clarification("reading", List.of()));
	}

	/**
	 * Step 0's answer: the engine's list, counted and cited; a language model may write a
	 * paragraph above it from the items, never the count or the items.
	 */
	private Answer listed(AnswerRequest request, AnswerGenerator generator, WholeQuestion whole, Lister.Listed listed,
			Consumer<String> tokens, Tracing trace) {
		trace.rewritten(request.question(), whole.predicate(), "a question about the whole scope (" + whole + ")", null,
				List.of());
		AnswerGenerator.Generated above = (generator.judgesSources() && !listed.sources().isEmpty())
				? Lister.introduced(generator, request, listed, tokens) : null;
		String text = (above != null) ? above.text() + "\n\n" + listed.text() : listed.text();
		tokens.accept((above != null) ? "\n\n" + listed.text() : listed.text());
		trace.cited(listed.citations());
		boolean grounded = !listed.citations().isEmpty();
		Refusal refusal = grounded ? null : new Refusal(Refusal.NO_SOURCES, "no document in scope says it");
		return new Answer(text, grounded, listed.citations(), (above != null) ? above.tokens() : null, refusal,
				listed.sources().stream().map(Answer.Passage::of).toList(), trace.trace(refusal), null,
				listed.listing());
	}

	private static List<Answer.Passage> passages(Found found) {
		return found.chunks().stream().map(Answer.Passage::of).toList();
	}

	/**
	 * What the generate step wrote.
	 *
	 * @param generated the answer, its markers that name a source kept
	 * @param refusal why it is not grounded, or {@code null}
	 * @param askedBack whether the model asked back
	 */
	private record Written(AnswerGenerator.Generated generated, Refusal refusal, boolean askedBack) {

		/** The sources do not answer: the refusal, told as the answer's text. */
		static Written notFound(Refusal refusal, Consumer<String> tokens) {
			tokens.accept(AnswerGenerator.NOT_FOUND);
			return new Written(new AnswerGenerator.Generated(AnswerGenerator.NOT_FOUND, false), refusal, false);
		}

	}

	/**
	 * The stages a configuration (or a benchmark) chooses.
	 *
	 * @param rewriter makes a follow-up stand on its own
	 * @param search the one search
	 * @param grounding looks up the names of the question the chunks found do not speak
	 * of, and reads what the found set says of them, for the extract's judge
	 * ({@code null}: nothing looked up or read)
	 * @param judge decides whether the sources answer
	 * @param widening the post-retrieval steps, after the judge, of which the first that
	 * applies reads the sources wider (the document in focus of a summary, the page of a
	 * paginated source; none: the sources as found)
	 * @param generator writes the answer
	 * @param citations turns markers into citations
	 */
	public record Stages(QueryRewriter rewriter, KnowledgeBaseSearch search, Grounding grounding, Judge judge,
			List<SourcesProcessor> widening, AnswerGenerator generator, Citations citations) {

		public Stages {
			Assert.notNull(rewriter, "rewriter must not be null");
			Assert.notNull(search, "search must not be null");
			Assert.notNull(judge, "judge must not be null");
			widening = (widening != null) ? List.copyOf(widening) : List.of();
			Assert.notNull(generator, "generator must not be null");
			Assert.notNull(citations, "citations must not be null");
		}

	}

}
