package dev.ragchat.api.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Renders errors that Tomcat answers by itself (a request it could not parse, headers
 * over the limit) as RFC 9457 problems instead of Tomcat's HTML page (under {@code /v1/}
 * as OpenAI error bodies, {@link OpenAiErrors}), with the security headers of every other
 * response ({@link SecurityHeaders}). Written by hand: these errors never reach Spring,
 * and Tomcat only knows how to render HTML or nothing.
 */
final class ProblemReportValve extends ErrorReportValve {

	ProblemReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus resolved = HttpStatus.resolve(status);
		String title = (resolved != null) ? resolved.getReasonPhrase() : "Error";
		String detail = (status >= 500) ? "Something went wrong on our side; the error was logged"
				: "The request could not be processed: " + title;
		try {
			// the security filter chain never saw this request: its headers are written
			// here
			SecurityHeaders.write(request, response);
			// under /v1/ OpenAI's error body, as every other error there
			boolean openAi = OpenAiErrors.applies(request);
			response
				.setContentType(openAi ? MediaType.APPLICATION_JSON_VALUE : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				if (openAi) {
					String type = (resolved != null) ? OpenAiErrors.type(resolved)
							: (status >= 500) ? "server_error" : "invalid_request_error";
					writer.write("{\"error\":{\"message\":\"" + detail + "\",\"type\":\"" + type
							+ "\",\"param\":null,\"code\":null}}");
				}
				else {
					writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
							+ ",\"detail\":\"" + detail + "\"}");
				}
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response was taken over; nothing more to say
		}
	}

}
