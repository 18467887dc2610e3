package org.chokepoint.product;

/**
 * A product in the list of products.
 *
 * @param kind {@code COMPONENT} or {@code END_PRODUCT}
 */
record ProductSummary(String id, String name, String kind) {
}
