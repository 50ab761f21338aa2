/**
 * Media for questions (images and audio, types by content, ownership, OCR without a
 * model) and structured extraction with a JSON Schema subset.
 */
package dev.ragchat.api.media;
