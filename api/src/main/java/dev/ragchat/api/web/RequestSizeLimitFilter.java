package dev.ragchat.api.web;

import java.io.IOException;

import dev.ragchat.errors.TooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses non-multipart bodies over {@link RequestLimitProperties#maxBody()} with 413: at
 * once when {@code Content-Length} says so, or as soon as a chunked body crosses the
 * limit. Written by hand because neither Tomcat nor Spring MVC limits JSON bodies.
 */
public final class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final Problems problems;

	public RequestSizeLimitFilter(RequestLimitProperties properties, Problems problems) {
		this.maxBytes = properties.maxBody().toBytes();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > this.maxBytes) {
			this.problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge());
			return;
		}
		chain.doFilter((request.getContentLengthLong() < 0) ? new LimitedRequest(request) : request, response);
	}

	private String tooLarge() {
		return "The request body is larger than " + this.maxBytes + " bytes";
	}

	private final class LimitedRequest extends HttpServletRequestWrapper {

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream());
			}
			return this.stream;
		}

	}

	private final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private long count;

		LimitedInputStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.count += n;
			if (this.count > RequestSizeLimitFilter.this.maxBytes) {
				throw new TooLargeException(tooLarge());
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
