package org.chokepoint.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.RequestDispatcher;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report as a problem detail: for what Tomcat refuses before the
 * application sees it (request line or headers over
 * {@code server.max-http-request-header-size}, an encoded slash or another invalid
 * character in the URL). Replaces Tomcat's HTML report.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		String message = response.getMessage();
		if ((message == null || message.isBlank()) && throwable != null) {
			message = throwable.getMessage();
		}
		if ((message == null || message.isBlank())
				&& request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable cause) {
			message = cause.getMessage();
		}
		String detail = ProblemErrorController.detail(status, message);
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.getOutputStream().write(ProblemWriter.json(ProblemWriter.problem(status, detail, null)));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response can't take a body: nothing more to say
		}
	}

}
