package org.chokepoint.http;

/**
 * The version of the data the cached answers are of ({@link AnswerCache}): a feature that
 * owns the data says what it is, so this package needs none of its internals. A change of
 * version means no answer of the old one is served again.
 */
public interface AnswerVersion {

	/** The version of the data now (any text; equal texts are the same data). */
	String current();

}
