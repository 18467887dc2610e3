/**
 * System: start-up (schema, then data), the command line, error responses as RFC 9457 problem
 * details, and where-is-everything logging.
 */
package org.chokepoint.system;
