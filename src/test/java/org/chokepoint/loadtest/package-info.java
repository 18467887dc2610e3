/**
 * The load test: a command line in the test sources, not part of the application's jar
 * nor of the test suite (run through the {@code benchmark} Maven profile). It starts the
 * packaged application (or targets a running one), runs concurrent clients mixing chain
 * analyses, scenarios and ad-hoc Cypher, and reports throughput, latency percentiles,
 * errors and the server's memory. See README.md, "Load test".
 */
package org.chokepoint.loadtest;
