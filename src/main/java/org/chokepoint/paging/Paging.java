package org.chokepoint.paging;

import java.util.Map;

import org.chokepoint.web.BadParameterException;

/**
 * Which page of a list a client asked for: {@code page} counts from 0, {@code size} is 1
 * to {@value #MAX_SIZE} items ({@value #DEFAULT_SIZE} when not given).
 *
 * @param page the 0-based page number
 * @param size the number of items per page
 */
public record Paging(int page, int size) {

	/** The page size when the request gives none. */
	public static final int DEFAULT_SIZE = 50;

	/** The largest page a client may ask for. */
	public static final int MAX_SIZE = 500;

	/** Checks the request parameters; out of range is a {@link BadParameterException}. */
	public static Paging of(int page, int size) {
		if (page < 0) {
			throw new BadParameterException("page", "must be 0 or more, was " + page);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new BadParameterException("size", "must be between 1 and " + MAX_SIZE + ", was " + size);
		}
		return new Paging(page, size);
	}

	/** The Cypher parameters {@code $skip} and {@code $limit} of a paged query. */
	public Map<String, Object> parameters() {
		return Map.of("skip", (long) this.page * this.size, "limit", (long) this.size);
	}

}
