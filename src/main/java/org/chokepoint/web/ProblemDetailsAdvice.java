package org.chokepoint.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the API answers is an RFC 9457 problem detail. Besides Spring's own cases
 * (which {@link ResponseEntityExceptionHandler} covers: unknown path, wrong method,
 * missing parameter, ...) it maps the domain's {@link NotFoundException} to 404 with
 * {@code kind} and {@code key}, and {@link BadParameterException} and malformed
 * parameters to 400 with {@code parameter}. A body that can't be read is a 400 naming the
 * property at fault ({@code parameter}: {@code body} when it is the JSON itself), a body
 * over the size limit 413, a content type the endpoint does not take 415 listing those it
 * does ({@code accepted}), an {@code Accept} it can't answer 406.
 *
 * <p>
 * Being a {@code ResponseEntityExceptionHandler}, it replaces the one Spring Boot
 * registers for {@code spring.mvc.problemdetails.enabled}: there is one advice, not two.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setProperty("kind", ex.kind());
		problem.setProperty("key", ex.key());
		if (!ex.suggestions().isEmpty()) {
			problem.setProperty("suggestions", ex.suggestions());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail badParameter(BadParameterException ex) {
		ProblemDetail problem = badParameter(ex.parameter(), ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	/**
	 * A parameter that can't be read as its type: {@code page=x},
	 * {@code inForceOn=2025-13-01}.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (!(ex instanceof MethodArgumentTypeMismatchException mismatch)) {
			return super.handleTypeMismatch(ex, headers, status, request);
		}
		String parameter = mismatch.getName();
		Class<?> type = mismatch.getRequiredType();
		String expected = type == LocalDate.class ? "a date YYYY-MM-DD"
				: type == int.class || type == Integer.class || type == long.class ? "a whole number"
						: type == null ? "another value" : "a " + type.getSimpleName();
		ProblemDetail problem = badParameter(parameter,
				"Parameter '" + parameter + "' must be " + expected + ", was '" + mismatch.getValue() + "'");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static ProblemDetail badParameter(String parameter, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setProperty("parameter", parameter);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail tooLarge(BodyTooLargeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
		problem.setProperty("maxBytes", ex.limit());
		return problem;
	}

	/** The body is not JSON, not the shape expected, or too large while it was read. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodyTooLargeException tooLarge = cause(ex, BodyTooLargeException.class);
		if (tooLarge != null) {
			return handleExceptionInternal(ex, tooLarge(tooLarge), headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		return handleExceptionInternal(ex, unreadable(ex), headers, HttpStatus.BAD_REQUEST, request);
	}

	private static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		UnrecognizedPropertyException unknown = cause(ex, UnrecognizedPropertyException.class);
		if (unknown != null) {
			String name = path(unknown);
			Collection<Object> known = unknown.getKnownPropertyIds();
			return badParameter(name,
					"Parameter '" + name + "' is not a field of the body" + (known == null ? "" : "; the fields are "
							+ known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))));
		}
		MismatchedInputException mismatch = cause(ex, MismatchedInputException.class);
		if (mismatch != null) {
			String name = path(mismatch);
			return badParameter(name, "Parameter '" + name + "' must be " + expected(mismatch.getTargetType()) + ": "
					+ clip(mismatch.getOriginalMessage()));
		}
		StreamConstraintsException limit = cause(ex, StreamConstraintsException.class);
		if (limit != null) {
			return badParameter("body",
					"Parameter 'body' is beyond the JSON reader's limits: " + clip(limit.getOriginalMessage()));
		}
		InputCoercionException range = cause(ex, InputCoercionException.class);
		if (range != null) {
			String name = path(range);
			return badParameter(name, "Parameter '" + name + "' is out of range: " + clip(range.getOriginalMessage()));
		}
		JacksonException json = cause(ex, JacksonException.class);
		if (json != null) {
			String where = json.getLocation() == null ? ""
					: " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
			return badParameter("body",
					"Parameter 'body' is not valid JSON: " + clip(json.getOriginalMessage()) + where);
		}
		return badParameter("body", "Parameter 'body' is required: a JSON object");
	}

	/** A Content-Type the endpoint does not take: 415, listing those it does. */
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> accepted = ex.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
		String given = request.getHeader(HttpHeaders.CONTENT_TYPE);
		String detail = (given == null ? "The request has no Content-Type"
				: "Content-Type '" + clip(given) + "' is not supported here")
				+ (accepted.isEmpty() ? "" : "; send " + String.join(" or ", accepted));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
		problem.setProperty("accepted", accepted);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
	}

	/**
	 * An {@code Accept} the endpoint can't answer, or one that can't be parsed: 406,
	 * written here rather than through content negotiation, which would refuse the
	 * problem detail too.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> producible = ex.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		String detail = producible.isEmpty()
				? "Header 'Accept' can't be read: '" + clip(String.valueOf(accept)) + "'; ask for application/json"
				: "Header 'Accept' asks for '" + clip(String.valueOf(accept)) + "'; this endpoint answers "
						+ String.join(" or ", producible);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, detail);
		problem.setProperty("parameter", "Accept");
		problem.setProperty("producible", producible);
		if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null) {
			HttpServletRequest httpRequest = servlet.getRequest();
			HttpServletResponse response = servlet.getResponse();
			try {
				ProblemDetail written = ProblemWriter.problem(406, detail, httpRequest.getRequestURI());
				problem.getProperties().forEach(written::setProperty);
				ProblemWriter.write(response, written);
			}
			catch (IOException io) {
				// the client is gone
			}
			return null;
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_ACCEPTABLE, request);
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "another value";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == Double.class || type == double.class) {
			return "a number";
		}
		if (type == String.class) {
			return "a string";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a list";
		}
		return "an object (" + type.getSimpleName() + ")";
	}

	/** Where in the body: {@code disruptions[0].fraction}. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(clip(reference.getPropertyName()));
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static String clip(String value) {
		if (value == null) {
			return "";
		}
		return value.length() <= 200 ? value : value.substring(0, 197) + "...";
	}

}
