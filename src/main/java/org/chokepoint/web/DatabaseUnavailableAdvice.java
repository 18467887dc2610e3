package org.chokepoint.web;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The database can't be reached (stopped, restarting, the network): every API call
 * answers a 503 problem detail with {@code Retry-After}, not a 500 with a stack trace.
 * The driver reconnects by itself once the database is back; {@code /actuator/health}
 * says DOWN until then. Ahead of the other advices, which would see these as unexpected
 * errors.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

	/** Seconds a client should wait before trying again. */
	static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

	/** The driver's own exceptions, and Spring Data Neo4j's translation of them. */
	@ExceptionHandler({ ServiceUnavailableException.class, SessionExpiredException.class,
			DataAccessResourceFailureException.class })
	ResponseEntity<ProblemDetail> unavailable(Exception ex) {
		log.warn("Database unavailable: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database can't be reached right now; try again in a few seconds. /actuator/health says when it is back.");
		problem.setTitle("Database unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
			.body(problem);
	}

}
