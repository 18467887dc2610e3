package org.chokepoint.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
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
 * A JSON request body must be well-formed UTF-8: Jackson decodes an overlong sequence
 * such as {@code C0 AF} as {@code /} and lets other malformed bytes through. The body
 * (already bounded by {@link BodySizeFilter}) is read once and checked with a strict
 * decoder; a malformed one is a 400 naming {@code body} and the byte offset, and a good
 * one is handed on unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
class Utf8BodyFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return true;
		}
		String mediaType = type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
		return !(mediaType.equals("application/json") || mediaType.endsWith("+json"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body;
		try {
			body = request.getInputStream().readAllBytes();
		}
		catch (BodyTooLargeException ex) {
			var problem = ProblemWriter.problem(413, ex.getMessage(), request.getRequestURI());
			problem.setProperty("maxBytes", ex.limit());
			ProblemWriter.write(response, problem);
			return;
		}
		int malformed = firstMalformed(body);
		if (malformed >= 0) {
			var problem = ProblemWriter.problem(400, "Parameter 'body' is not well-formed UTF-8: a malformed or"
					+ " overlong byte sequence at byte " + malformed, request.getRequestURI());
			problem.setProperty("parameter", "body");
			problem.setProperty("offset", malformed);
			ProblemWriter.write(response, problem);
			return;
		}
		chain.doFilter(new Buffered(request, body), response);
	}

	/** The offset of the first byte that is not well-formed UTF-8, or -1. */
	static int firstMalformed(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		try {
			decoder.decode(in);
			return -1;
		}
		catch (CharacterCodingException ex) {
			// decode(ByteBuffer) stops at the bad input; find it the slow way
			java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
			ByteBuffer again = ByteBuffer.wrap(bytes);
			decoder.reset();
			var result = decoder.decode(again, out, true);
			return result.isError() ? again.position() : 0;
		}
	}

	private static final class Buffered extends HttpServletRequestWrapper {

		private final byte[] body;

		Buffered(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("a buffered body is read blocking");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
