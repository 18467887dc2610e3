package org.chokepoint.web;

/**
 * A request body over {@code chokepoint.http.max-body-size}: answered 413. Thrown by the
 * body's stream as soon as one byte too many is read, so it is unchecked (it passes
 * through JSON readers).
 */
public class BodyTooLargeException extends RuntimeException {

	private final long limit;

	public BodyTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes (chokepoint.http.max-body-size)");
		this.limit = limit;
	}

	public long limit() {
		return this.limit;
	}

}
