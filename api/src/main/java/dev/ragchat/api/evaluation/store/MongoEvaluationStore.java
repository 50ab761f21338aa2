package dev.ragchat.api.evaluation.store;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ragchat.api.evaluation.Evaluation;
import dev.ragchat.api.evaluation.EvaluationStore;
import dev.ragchat.api.evaluation.Metric;
import dev.ragchat.api.evaluation.QuestionResult;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Evaluations in MongoDB: a document per run, a document per answered question (its
 * result as JSON text, as the SQL catalog keeps it).
 */
final class MongoEvaluationStore implements EvaluationStore {

	static final String RUNS = "evaluations";

	static final String QUESTIONS = "evaluation_questions";

	private static final List<String> UNFINISHED = List.of(Evaluation.Status.QUEUED.name(),
			Evaluation.Status.RUNNING.name());

	private final MongoTemplate mongo;

	MongoEvaluationStore(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(RUNS)
			.ensureIndex(new Index().on("knowledgeBase", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
		mongo.indexOps(RUNS).ensureIndex(new Index().on("status", Sort.Direction.ASC));
		mongo.indexOps(QUESTIONS)
			.ensureIndex(new Index().on("evaluationId", Sort.Direction.ASC).on("seq", Sort.Direction.ASC));
	}

	@Override
	public void create(Evaluation e) {
		org.bson.Document row = new org.bson.Document("_id", e.id()).append("knowledgeBase", e.knowledgeBase())
			.append("keyId", e.keyId())
			.append("name", e.name())
			.append("status", e.status().name())
			.append("settings", Json.write(e.settings()))
			.append("total", e.total())
			.append("done", e.done())
			.append("totals", e.totals().isEmpty() ? null : Json.write(e.totals()))
			.append("error", e.error())
			.append("createdAt", Date.from(e.createdAt()))
			.append("startedAt", date(e.startedAt()))
			.append("finishedAt", date(e.finishedAt()));
		this.mongo.insert(row, RUNS);
	}

	@Override
	public Optional<Evaluation> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, org.bson.Document.class, RUNS))
			.map(MongoEvaluationStore::evaluation);
	}

	@Override
	public List<Evaluation> page(String knowledgeBase, int offset, int limit) {
		Query query = Query.query(Criteria.where("knowledgeBase").is(knowledgeBase))
			.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
			.skip(offset)
			.limit(limit);
		return this.mongo.find(query, org.bson.Document.class, RUNS)
			.stream()
			.map(MongoEvaluationStore::evaluation)
			.toList();
	}

	@Override
	public long count(String knowledgeBase) {
		return this.mongo.count(Query.query(Criteria.where("knowledgeBase").is(knowledgeBase)), RUNS);
	}

	@Override
	public long countUnfinished() {
		return this.mongo.count(Query.query(Criteria.where("status").in(UNFINISHED)), RUNS);
	}

	@Override
	public boolean start(String id, Instant now) {
		boolean running = this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").in(UNFINISHED)),
					new Update().set("status", Evaluation.Status.RUNNING.name()), RUNS)
			.getMatchedCount() > 0;
		if (running) {
			// a resumed run keeps when it started first
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("startedAt").is(null)),
					new Update().set("startedAt", Date.from(now)), RUNS);
		}
		return running;
	}

	@Override
	public boolean record(String id, QuestionResult result) {
		// counted first, only while RUNNING: a run cancelled meanwhile keeps no more
		boolean running = this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(Evaluation.Status.RUNNING.name())),
					new Update().inc("done", 1), RUNS)
			.getModifiedCount() > 0;
		if (running) {
			this.mongo.save(new org.bson.Document("_id", id + "/" + result.seq()).append("evaluationId", id)
				.append("seq", result.seq())
				.append("result", Json.write(result)), QUESTIONS);
		}
		return running;
	}

	@Override
	public boolean finish(String id, Evaluation.Status status, Map<String, Metric> totals, String error, Instant now) {
		Update update = new Update().set("status", status.name()).set("error", error).set("finishedAt", Date.from(now));
		if (totals != null) {
			update.set("totals", Json.write(totals));
		}
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").in(UNFINISHED)), update, RUNS)
			.getModifiedCount() > 0;
	}

	@Override
	public void totals(String id, Map<String, Metric> totals) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("totals", Json.write(totals)), RUNS);
	}

	@Override
	public List<QuestionResult> questions(String id, int offset, int limit) {
		Query query = Query.query(Criteria.where("evaluationId").is(id))
			.with(Sort.by(Sort.Order.asc("seq")))
			.skip(offset)
			.limit(limit);
		return this.mongo.find(query, org.bson.Document.class, QUESTIONS)
			.stream()
			.map((row) -> Json.result(row.getString("result")))
			.toList();
	}

	private static Evaluation evaluation(org.bson.Document row) {
		return new Evaluation(row.getString("_id"), row.getString("knowledgeBase"), row.getString("keyId"),
				row.getString("name"), Evaluation.Status.valueOf(row.getString("status")),
				Json.settings(row.getString("settings")), row.getInteger("total"), row.getInteger("done"),
				Json.totals(row.getString("totals")), row.getString("error"), instant(row.getDate("createdAt")),
				instant(row.getDate("startedAt")), instant(row.getDate("finishedAt")));
	}

	private static Date date(Instant instant) {
		return (instant != null) ? Date.from(instant) : null;
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
