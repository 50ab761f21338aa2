/**
 * Key endpoints, and the seed-compatible key route.
 */
package dev.ragchat.api.access.web;
