/**
 * Media and extraction endpoints.
 */
package dev.ragchat.api.media.web;
