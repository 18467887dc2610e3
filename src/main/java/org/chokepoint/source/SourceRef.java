package org.chokepoint.source;

/**
 * The source of a fact, as embedded in other features' answers: where the number came
 * from.
 *
 * @param id the source's key, for {@code /api/sources/{id}}
 * @param title as published
 * @param url where to read it
 * @param quality {@code official}, {@code secondary} or {@code estimate}
 */
public record SourceRef(String id, String title, String url, String quality) {
}
