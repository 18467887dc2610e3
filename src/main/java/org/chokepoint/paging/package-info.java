/**
 * The shape of every list endpoint: which page a client asked for ({@link Paging},
 * checked, a bad value a 400 naming the parameter) and the page answered ({@link Paged},
 * with the list's total), with the one way a paged Cypher query is run. Uses
 * {@code org.chokepoint.web} only.
 */
package org.chokepoint.paging;
