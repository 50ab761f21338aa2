/**
 * The MCP server's tools over the knowledge bases: each checks the calling key's scopes
 * and knowledge bases, and answers a refusal as a tool error worded as the REST problem.
 * The transport at {@code /mcp} is in {@code mcp.web}.
 */
package dev.ragchat.api.mcp;
