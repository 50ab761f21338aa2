/**
 * People over HTTP: who is signed in, and the grants of a knowledge base.
 */
package dev.ragchat.api.people.web;
