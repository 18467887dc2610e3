package org.chokepoint.source;

/** A source in the list of sources. */
record SourceSummary(String id, String title, String publisher, Long year, String url, String quality) {
}
