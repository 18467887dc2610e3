/**
 * Servlet filters that guard every request before Spring MVC sees it: an {@code Accept}
 * header that can't be parsed is a 406 at once, and a body over
 * {@code chokepoint.http.max-body-size} ({@link HttpProperties}) a 413. They write their
 * problem details through {@code org.chokepoint.web}, the only package they use.
 */
package org.chokepoint.http;
