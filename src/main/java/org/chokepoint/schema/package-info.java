/**
 * The schema: versioned, checksummed Cypher migrations from {@code cypher/migrations}, applied at
 * start-up before anything else touches the database.
 */
package org.chokepoint.schema;
