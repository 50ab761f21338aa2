package dev.ragchat.api.people.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Person;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.people.Grant;
import dev.ragchat.api.people.People;
import dev.ragchat.api.people.PersonRecord;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.ingestion.KnowledgeBases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in with an identity provider, who is signed in, the grants of a knowledge base,
 * and the people who signed in.
 */
@RestController
@Tag(name = "People")
class PeopleController {

	private final People people;

	private final KnowledgeBases knowledgeBases;

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	private final Audit audit;

	PeopleController(People people, KnowledgeBases knowledgeBases,
			ObjectProvider<ClientRegistrationRepository> registrations, Audit audit) {
		this.people = people;
		this.knowledgeBases = knowledgeBases;
		this.registrations = registrations;
		this.audit = audit;
	}

	@GetMapping(path = "/api/v1/sign-in", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The identity providers people may sign in with (none: sign in with a key)")
	SignIn signIn() {
		List<Provider> providers = new ArrayList<>();
		if (this.registrations.getIfAvailable() instanceof Iterable<?> all) {
			for (Object each : all) {
				ClientRegistration registration = (ClientRegistration) each;
				providers.add(new Provider(registration.getRegistrationId(), registration.getClientName(),
						"/oauth2/authorization/" + registration.getRegistrationId()));
			}
		}
		return new SignIn(providers, "/sign-out");
	}

	@GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(
			summary = "The signed-in person, what they may do in each knowledge base, and their session's CSRF token")
	Me me(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, HttpServletRequest request) {
		Person person = caller.person();
		if (person == null) {
			throw new NotFoundException("This credential is not a person's: sign in with an identity provider");
		}
		Map<String, List<String>> rights = new TreeMap<>();
		person.rights().forEach((kb, scopes) -> rights.put(kb, scopes.stream().map(Scope::value).sorted().toList()));
		Csrf csrf = null;
		if (request.getSession(false) != null
				&& request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken t) {
			csrf = new Csrf(t.getHeaderName(), t.getToken());
		}
		return new Me(person.id(), person.name(), person.email(), person.groups(), rights, caller.keyId(), csrf);
	}

	@GetMapping(path = "/api/v1/knowledge-bases/{kb}/grants", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "What a knowledge base grants groups and people (manage permission, admin key or master key)")
	Grants grants(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb) {
		manages(caller, kb);
		Map<String, Integer> groups = this.people.groupsSignedIn();
		return new Grants(this.people.grantsOf(kb).stream().map((grant) -> GrantView.of(grant, groups)).toList());
	}

	@PutMapping(path = "/api/v1/knowledge-bases/{kb}/grants", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Grant a group (group:<name>) or a person (person:<id>) chat, upload or manage; a group's"
			+ " grant says how many people who signed in are in it (members: 0 for a group no one has signed in"
			+ " with yet, perhaps misspelt)")
	GrantView grant(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@RequestBody GrantRequest request) {
		manages(caller, kb);
		if (caller.person() != null) {
			this.people.keepsAManager(kb, request.grantee(), request.permission());
		}
		Grant grant = this.people.grant(kb, request.grantee(), request.permission());
		this.audit.granted(caller.keyId(), kb, grant.grantee(), grant.permission().value());
		return GrantView.of(grant, this.people.groupsSignedIn());
	}

	@DeleteMapping("/api/v1/knowledge-bases/{kb}/grants")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw a grant: the grantee's next request no longer has it")
	void revoke(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@RequestParam String grantee) {
		manages(caller, kb);
		if (caller.person() != null) {
			this.people.keepsAManager(kb, grantee, null);
		}
		if (!this.people.revoke(kb, grantee)) {
			throw new NotFoundException("No grant to '" + grantee + "' in '" + kb + "'");
		}
		this.audit.granted(caller.keyId(), kb, grantee, null);
	}

	@GetMapping(path = "/api/v1/admin/people", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Everyone who signed in (master key)")
	PeopleList list() {
		return new PeopleList(this.people.list().stream().map(PersonView::of).toList());
	}

	@DeleteMapping("/api/v1/admin/people/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a person: their keys are revoked and they may not sign in again (master key)")
	void remove(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id) {
		this.people.remove(id);
		this.audit.personRemoved(caller.keyId(), id);
	}

	private void manages(Caller caller, String kb) {
		caller.require(Scope.ADMIN, kb);
		this.knowledgeBases.get(kb);
	}

	record SignIn(List<Provider> providers, String signOut) {
	}

	record Provider(String id, String name, String url) {
	}

	record Me(String id, String name, String email, List<String> groups, Map<String, List<String>> rights, String keyId,
			Csrf csrf) {
	}

	record Csrf(String headerName, String token) {
	}

	record GrantRequest(String grantee, String permission) {
	}

	record Grants(List<GrantView> grants) {
	}

	/**
	 * A grant.
	 *
	 * @param grantee {@code group:<name>} or {@code person:<id>}
	 * @param permission {@code chat}, {@code upload} or {@code manage}
	 * @param grantedAt when
	 * @param members for a group: how many people who signed in (and were not removed)
	 * are in it, as their last sign-in said; 0 for a group no one has signed in with (a
	 * name the identity provider does not send, or not yet); absent for a person
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record GrantView(String grantee, String permission, String grantedAt, Integer members) {

		static GrantView of(Grant grant, Map<String, Integer> groups) {
			String grantee = grant.grantee();
			Integer members = grantee.startsWith(Grant.GROUP)
					? groups.getOrDefault(grantee.substring(Grant.GROUP.length()), 0) : null;
			return new GrantView(grantee, grant.permission().value(), grant.grantedAt().toString(), members);
		}

	}

	record PeopleList(List<PersonView> people) {
	}

	record PersonView(String id, String name, String email, List<String> groups, String createdAt, String signedInAt,
			String removedAt) {

		static PersonView of(PersonRecord p) {
			return new PersonView(p.id(), p.name(), p.email(), p.groups(), p.createdAt().toString(),
					p.signedInAt().toString(), (p.removedAt() != null) ? p.removedAt().toString() : null);
		}

	}

}
