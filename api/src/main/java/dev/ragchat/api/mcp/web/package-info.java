/**
 * The MCP server's Streamable HTTP transport at {@code /mcp}, behind the API's
 * authentication: the request's caller goes into each tool call's context.
 */
package dev.ragchat.api.mcp.web;
