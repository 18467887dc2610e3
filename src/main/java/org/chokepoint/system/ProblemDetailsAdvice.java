package org.chokepoint.system;

import java.time.LocalDate;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the API answers is an RFC 9457 problem detail. Besides Spring's own cases (which
 * {@link ResponseEntityExceptionHandler} covers: unknown path, wrong method, missing parameter,
 * ...) it maps the domain's {@link NotFoundException} to 404 with {@code kind} and {@code key},
 * and {@link BadParameterException} and malformed parameters to 400 with {@code parameter}.
 *
 * <p>Being a {@code ResponseEntityExceptionHandler}, it replaces the one Spring Boot registers for
 * {@code spring.mvc.problemdetails.enabled}: there is one advice, not two.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setProperty("kind", ex.kind());
		problem.setProperty("key", ex.key());
		return problem;
	}

	/** A refused import: every error, located; nothing was written. */
	@ExceptionHandler
	ProblemDetail importRefused(org.chokepoint.importer.ImportFailedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.errors().size() + " error(s) in the import files; nothing was imported");
		problem.setTitle("Import refused");
		problem.setProperty("errors", ex.errors().stream().map(Object::toString).toList());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail badParameter(BadParameterException ex) {
		return badParameter(ex.parameter(), ex.getMessage());
	}

	/** A parameter that can't be read as its type: {@code page=x}, {@code inForceOn=2025-13-01}. */
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

}
