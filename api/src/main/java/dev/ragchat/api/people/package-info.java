/**
 * People who sign in with an identity provider (OpenID Connect): who they are, the groups
 * the provider names, and what each knowledge base grants them or their groups.
 */
package dev.ragchat.api.people;
