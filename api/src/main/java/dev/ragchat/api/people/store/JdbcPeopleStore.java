package dev.ragchat.api.people.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.ragchat.api.people.Grant;
import dev.ragchat.api.people.PeopleStore;
import dev.ragchat.api.people.PersonRecord;
import dev.ragchat.ingestion.catalog.Jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People, their keys and grants in the embedded SQL catalog. Group names are kept one a
 * line (a group name holds no line break: {@code People} drops such names).
 */
final class JdbcPeopleStore implements PeopleStore {

	private final JdbcClient jdbc;

	JdbcPeopleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(PersonRecord p) {
		this.jdbc.sql("""
				merge into person (id, issuer, subject, name, email, groups_list, console_key_id, created_at,
					signed_in_at, removed_at) key (id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(p.id(), p.issuer(), p.subject(), p.name(), p.email(), String.join("\n", p.groups()),
					p.consoleKeyId(), Jdbc.time(p.createdAt()), Jdbc.time(p.signedInAt()),
					(p.removedAt() != null) ? Jdbc.time(p.removedAt()) : null)
			.update();
	}

	@Override
	public Optional<PersonRecord> findById(String id) {
		return this.jdbc.sql("select * from person where id = ?").param(id).query(JdbcPeopleStore::person).optional();
	}

	@Override
	public Optional<PersonRecord> findBySubject(String issuer, String subject) {
		return this.jdbc.sql("select * from person where issuer = ? and subject = ?")
			.params(issuer, subject)
			.query(JdbcPeopleStore::person)
			.optional();
	}

	@Override
	public List<PersonRecord> findAll() {
		return this.jdbc.sql("select * from person order by name, id").query(JdbcPeopleStore::person).list();
	}

	@Override
	public void holdKey(String keyId, String personId) {
		this.jdbc.sql("merge into person_key (key_id, person_id) key (key_id) values (?, ?)")
			.params(keyId, personId)
			.update();
	}

	@Override
	public Optional<String> holderOf(String keyId) {
		return this.jdbc.sql("select person_id from person_key where key_id = ?")
			.param(keyId)
			.query(String.class)
			.optional();
	}

	@Override
	public List<String> keysOf(String personId) {
		return this.jdbc.sql("select key_id from person_key where person_id = ? order by key_id")
			.param(personId)
			.query(String.class)
			.list();
	}

	@Override
	public void grant(Grant g) {
		this.jdbc.sql("""
				merge into kb_grant (knowledge_base, grantee, permission, granted_at) key (knowledge_base, grantee)
					values (?, ?, ?, ?)""")
			.params(g.knowledgeBase(), g.grantee(), g.permission().name(), Jdbc.time(g.grantedAt()))
			.update();
	}

	@Override
	public boolean revoke(String knowledgeBase, String grantee) {
		return this.jdbc.sql("delete from kb_grant where knowledge_base = ? and grantee = ?")
			.params(knowledgeBase, grantee)
			.update() > 0;
	}

	@Override
	public List<Grant> grantsOf(String knowledgeBase) {
		return this.jdbc.sql("select * from kb_grant where knowledge_base = ? order by grantee")
			.param(knowledgeBase)
			.query(JdbcPeopleStore::grant)
			.list();
	}

	@Override
	public List<Grant> grantsTo(List<String> grantees) {
		if (grantees.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from kb_grant where grantee in (:grantees) order by knowledge_base, grantee")
			.param("grantees", grantees)
			.query(JdbcPeopleStore::grant)
			.list();
	}

	@Override
	public void revokeAll(String knowledgeBase) {
		this.jdbc.sql("delete from kb_grant where knowledge_base = ?").param(knowledgeBase).update();
	}

	private static PersonRecord person(ResultSet rs, int row) throws SQLException {
		String groups = rs.getString("groups_list");
		return new PersonRecord(rs.getString("id"), rs.getString("issuer"), rs.getString("subject"),
				rs.getString("name"), rs.getString("email"),
				(groups == null || groups.isEmpty()) ? List.of() : Arrays.asList(groups.split("\n")),
				rs.getString("console_key_id"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "signed_in_at"),
				(rs.getObject("removed_at") != null) ? Jdbc.instant(rs, "removed_at") : null);
	}

	private static Grant grant(ResultSet rs, int row) throws SQLException {
		return new Grant(rs.getString("knowledge_base"), rs.getString("grantee"),
				Grant.Permission.valueOf(rs.getString("permission")), Jdbc.instant(rs, "granted_at"));
	}

}
