package org.chokepoint.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.chokepoint.web.BodyTooLargeException;
import org.chokepoint.web.ProblemWriter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body to {@code chokepoint.http.max-body-size}: a declared
 * {@code Content-Length} over it is answered 413 at once, before authentication or
 * reading; a body without one (chunked) is counted as it is read, and the read that
 * passes the limit throws {@link BodyTooLargeException} (answered 413 by
 * {@code ProblemDetailsAdvice}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodySizeFilter extends OncePerRequestFilter {

	private final long limit;

	BodySizeFilter(HttpProperties properties) {
		this.limit = properties.maxBodySize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			BodyTooLargeException tooLarge = new BodyTooLargeException(this.limit);
			var problem = ProblemWriter.problem(413, tooLarge.getMessage(), request.getRequestURI());
			problem.setProperty("maxBytes", this.limit);
			ProblemWriter.write(response, problem);
			return;
		}
		chain.doFilter(new Bounded(request, this.limit), response);
	}

	/** The request with its body stream counted. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Bounded(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new Counting(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = StandardCharsets.UTF_8;
			if (encoding != null && Charset.isSupported(encoding)) {
				charset = Charset.forName(encoding);
			}
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long count;

		Counting(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) {
			this.count += n;
			if (this.count > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
