/**
 * The load test: a command line, not part of the application or of the test suite. It starts the
 * packaged application (or targets a running one), runs concurrent clients mixing chain analyses,
 * scenarios and ad-hoc Cypher, and reports throughput, latency percentiles, errors and the
 * server's memory. See README.md, "Load test".
 */
package org.chokepoint.loadtest;
