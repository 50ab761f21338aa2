/**
 * The MCP server's Streamable HTTP transport at {@code /mcp}, behind the API's
 * authentication and a guard that answers malformed JSON-RPC as JSON-RPC errors and binds
 * each session to its key: the request's caller goes into each tool call's context.
 */
package dev.ragchat.api.mcp.web;
