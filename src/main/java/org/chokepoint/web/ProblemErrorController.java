package org.chokepoint.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page ({@code /error}) as a problem detail, in place of Spring Boot's JSON or
 * HTML: what the servlet container and Spring Security answer with {@code sendError}
 * (401, 403, a URL the firewall refuses, ...) gets the same RFC 9457 shape as the
 * controllers' errors.
 */
@Controller
class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping("${server.error.path:/error}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer number ? number : HttpStatus.NOT_FOUND.value();
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (status >= 500 && exception != null) {
			log.error("{} {}: {}", status, uri, exception.toString());
		}
		String detail = detail(status, message instanceof String text ? text : null);
		ProblemWriter.write(response, ProblemWriter.problem(status, detail, uri instanceof String path ? path : null));
	}

	/**
	 * The container's message when it says more than the status's name; otherwise what
	 * the status means here.
	 */
	static String detail(int status, String message) {
		HttpStatus known = HttpStatus.resolve(status);
		String reason = known == null ? "" : known.getReasonPhrase();
		if (message != null && !message.isBlank() && !message.equalsIgnoreCase(reason) && status < 500) {
			return message;
		}
		return switch (status) {
			case 400 -> "The request is malformed and was refused before it reached the application";
			case 401 -> "Authentication required: this endpoint needs the admin's credentials (HTTP basic)";
			case 403 -> "Not allowed: reading is open; writing (import, admin) needs the admin";
			case 404 -> "No such resource";
			case 405 -> "This method is not allowed here";
			case 413 -> "The request is too large";
			default -> status >= 500 ? "Internal error; the server log has the details" : reason;
		};
	}

}
