/**
 * Start-up failures told in one line instead of a stack trace: the Bolt port or the HTTP
 * port in use, the database directory held by another process. Each names the setting
 * that changes it and, where this machine tells (Linux's {@code /proc}), the process that
 * holds the port or the directory ({@link Holders}). The analyzers are Spring Boot
 * {@code FailureAnalyzer}s registered in {@code META-INF/spring.factories}; they use no
 * other module.
 */
package org.chokepoint.failure;
