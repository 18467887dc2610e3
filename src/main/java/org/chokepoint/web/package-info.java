/**
 * What every answer of the API shares: errors as RFC 9457 problem details (one advice for
 * the controllers' errors, one for an unreachable database, the error page and Tomcat's
 * own error report in the same shape), the exceptions a feature throws for them
 * ({@link NotFoundException} 404, {@link BadParameterException} 400 naming the parameter,
 * {@link BodyTooLargeException} 413), how request bodies are read
 * ({@link RejectUnknownProperties}, duplicate properties refused), how answers write
 * doubles (the shortest decimal that reads back as the same double) and the OpenAPI
 * description. Depends on no other package of the application: the features use it, never
 * the other way round (a feature's own exception is handled in that feature, as the
 * importer's refused import is).
 */
package org.chokepoint.web;
