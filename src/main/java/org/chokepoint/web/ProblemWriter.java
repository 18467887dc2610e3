package org.chokepoint.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem detail straight to the servlet response, whatever the request's
 * {@code Accept} says: for the answers given where Spring's content negotiation can't
 * help (a filter, the error page, an unparseable {@code Accept} header). Public for the
 * filters of {@code org.chokepoint.http}.
 */
public final class ProblemWriter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemWriter() {
	}

	/**
	 * A problem detail of the given status and detail, with the request URI as its
	 * instance when it is one.
	 */
	public static ProblemDetail problem(int status, String detail, String instance) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		if (instance != null) {
			try {
				problem.setInstance(URI.create(instance));
			}
			catch (IllegalArgumentException ex) {
				// a request URI the container let through but java.net.URI refuses: no
				// instance then
			}
		}
		return problem;
	}

	/** Writes the problem as the whole response, replacing whatever was buffered. */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(json(problem));
		response.flushBuffer();
	}

	/**
	 * The problem as RFC 9457 JSON, in the shape the controllers' problem details have.
	 */
	static byte[] json(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		body.put("status", problem.getStatus());
		body.put("title", problem.getTitle());
		if (problem.getType() != null && !problem.getType().toString().equals("about:blank")) {
			body.put("type", problem.getType().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return JSON.writeValueAsBytes(body);
	}

}
