/**
 * Servlet filters around Spring MVC: an {@code Accept} header that can't be parsed is a
 * 406 at once, and a body over {@code chokepoint.http.max-body-size}
 * ({@link HttpProperties}) a 413; the analyses' GET answers are kept as bytes with a
 * strong ETag and a gzip form and served from there ({@link AnswerCacheFilter},
 * {@link AnswerCache}, {@code chokepoint.answer-cache.*}), keyed by the data version a
 * feature provides through {@link AnswerVersion}. They write their problem details
 * through {@code org.chokepoint.web}, the only package they use.
 */
package org.chokepoint.http;
