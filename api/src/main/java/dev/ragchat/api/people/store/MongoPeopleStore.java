package dev.ragchat.api.people.store;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import dev.ragchat.api.people.Grant;
import dev.ragchat.api.people.PeopleStore;
import dev.ragchat.api.people.PersonRecord;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * People, their keys and grants in MongoDB: one document per person, per held key and per
 * grant (its id the knowledge base and grantee).
 */
final class MongoPeopleStore implements PeopleStore {

	static final String PEOPLE = "person";

	static final String KEYS = "person_key";

	static final String GRANTS = "kb_grant";

	private final MongoTemplate mongo;

	MongoPeopleStore(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(PEOPLE)
			.ensureIndex(new Index().on("issuer", Sort.Direction.ASC).on("subject", Sort.Direction.ASC).unique());
		mongo.indexOps(KEYS).ensureIndex(new Index().on("personId", Sort.Direction.ASC));
		mongo.indexOps(GRANTS).ensureIndex(new Index().on("grantee", Sort.Direction.ASC));
		mongo.indexOps(GRANTS).ensureIndex(new Index().on("knowledgeBase", Sort.Direction.ASC));
	}

	@Override
	public void save(PersonRecord p) {
		this.mongo.save(new Document("_id", p.id()).append("issuer", p.issuer())
			.append("subject", p.subject())
			.append("name", p.name())
			.append("email", p.email())
			.append("groups", p.groups())
			.append("consoleKeyId", p.consoleKeyId())
			.append("createdAt", Date.from(p.createdAt()))
			.append("signedInAt", Date.from(p.signedInAt()))
			.append("removedAt", (p.removedAt() != null) ? Date.from(p.removedAt()) : null), PEOPLE);
	}

	@Override
	public Optional<PersonRecord> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Document.class, PEOPLE)).map(MongoPeopleStore::person);
	}

	@Override
	public Optional<PersonRecord> findBySubject(String issuer, String subject) {
		return Optional
			.ofNullable(this.mongo.findOne(Query.query(Criteria.where("issuer").is(issuer).and("subject").is(subject)),
					Document.class, PEOPLE))
			.map(MongoPeopleStore::person);
	}

	@Override
	public List<PersonRecord> findAll() {
		return this.mongo
			.find(new Query().with(Sort.by(Sort.Order.asc("name"), Sort.Order.asc("_id"))), Document.class, PEOPLE)
			.stream()
			.map(MongoPeopleStore::person)
			.toList();
	}

	@Override
	public void holdKey(String keyId, String personId) {
		this.mongo.save(new Document("_id", keyId).append("personId", personId), KEYS);
	}

	@Override
	public Optional<String> holderOf(String keyId) {
		return Optional.ofNullable(this.mongo.findById(keyId, Document.class, KEYS))
			.map((d) -> d.getString("personId"));
	}

	@Override
	public List<String> keysOf(String personId) {
		return this.mongo
			.find(Query.query(Criteria.where("personId").is(personId)).with(Sort.by("_id")), Document.class, KEYS)
			.stream()
			.map((d) -> d.getString("_id"))
			.toList();
	}

	@Override
	public void grant(Grant g) {
		this.mongo
			.save(new Document("_id", g.knowledgeBase() + "\n" + g.grantee()).append("knowledgeBase", g.knowledgeBase())
				.append("grantee", g.grantee())
				.append("permission", g.permission().name())
				.append("grantedAt", Date.from(g.grantedAt())), GRANTS);
	}

	@Override
	public boolean revoke(String knowledgeBase, String grantee) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(knowledgeBase + "\n" + grantee)), GRANTS)
			.getDeletedCount() > 0;
	}

	@Override
	public List<Grant> grantsOf(String knowledgeBase) {
		return this.mongo
			.find(Query.query(Criteria.where("knowledgeBase").is(knowledgeBase)).with(Sort.by("grantee")),
					Document.class, GRANTS)
			.stream()
			.map(MongoPeopleStore::grant)
			.toList();
	}

	@Override
	public List<Grant> grantsTo(List<String> grantees) {
		if (grantees.isEmpty()) {
			return List.of();
		}
		return this.mongo
			.find(Query.query(Criteria.where("grantee").in(grantees))
				.with(Sort.by(Sort.Order.asc("knowledgeBase"), Sort.Order.asc("grantee"))), Document.class, GRANTS)
			.stream()
			.map(MongoPeopleStore::grant)
			.toList();
	}

	@Override
	public void revokeAll(String knowledgeBase) {
		this.mongo.remove(Query.query(Criteria.where("knowledgeBase").is(knowledgeBase)), GRANTS);
	}

	private static PersonRecord person(Document d) {
		Date removed = d.getDate("removedAt");
		return new PersonRecord(d.getString("_id"), d.getString("issuer"), d.getString("subject"), d.getString("name"),
				d.getString("email"), d.getList("groups", String.class), d.getString("consoleKeyId"),
				d.getDate("createdAt").toInstant(), d.getDate("signedInAt").toInstant(),
				(removed != null) ? removed.toInstant() : null);
	}

	private static Grant grant(Document d) {
		return new Grant(d.getString("knowledgeBase"), d.getString("grantee"),
				Grant.Permission.valueOf(d.getString("permission")), d.getDate("grantedAt").toInstant());
	}

}
