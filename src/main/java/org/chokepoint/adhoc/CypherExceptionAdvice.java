package org.chokepoint.adhoc;

import org.chokepoint.web.BadParameterException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for {@code POST /api/cypher}. Scoped to its controller and
 * ordered first, so it neither touches nor depends on the application-wide advice in
 * {@code web}.
 */
@RestControllerAdvice(assignableTypes = CypherController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CypherExceptionAdvice {

	@ExceptionHandler(CypherQueryException.class)
	ResponseEntity<ProblemDetail> query(CypherQueryException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle(ex.title());
		ex.properties().forEach(problem::setProperty);
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.status());
		if (ex.properties().get("retryAfterSeconds") instanceof Number seconds) {
			answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()));
		}
		return answer.body(problem);
	}

	@ExceptionHandler(BadParameterException.class)
	ProblemDetail badParameter(BadParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bad request");
		problem.setProperty("parameter", ex.parameter());
		return problem;
	}

}
