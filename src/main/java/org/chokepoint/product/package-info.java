/**
 * Products (components and end products): {@code GET /api/products} (paged) and
 * {@code /api/products/{id}}: its bill of materials, what requires it, its manufacturers
 * by year and source, and buyers' known sourcing of it.
 */
package org.chokepoint.product;
