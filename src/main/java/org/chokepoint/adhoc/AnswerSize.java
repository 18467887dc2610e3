package org.chokepoint.adhoc;

import java.util.Map;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

import org.springframework.http.HttpStatus;

/**
 * Counts the size of an answer as its records arrive, before they are turned into JSON,
 * and stops at {@code chokepoint.cypher.max-answer-size}: the row cap alone let one row
 * holding a list of ten million numbers through (79 MB). The count is the length of the
 * JSON the values become, near enough (strings by their UTF-16 length plus quotes,
 * numbers at most 24 characters, element ids and keys included), and walking a value
 * stops as soon as the budget is spent.
 */
final class AnswerSize {

	private static final TypeSystem TYPES = TypeSystem.getDefault();

	private final long limit;

	private long used;

	AnswerSize(long limit) {
		this.limit = limit;
	}

	/** Adds one record's values; throws the 422 when the answer grows past the cap. */
	void add(Iterable<Value> values) {
		for (Value value : values) {
			count(value);
		}
	}

	long used() {
		return this.used;
	}

	private void count(Value value) {
		if (value == null || value.isNull()) {
			grow(4);
			return;
		}
		var type = value.type();
		if (type.equals(TYPES.STRING())) {
			grow(value.asString().length() + 3L);
		}
		else if (type.equals(TYPES.LIST())) {
			grow(2);
			for (Value element : value.values()) {
				count(element);
			}
		}
		else if (type.equals(TYPES.MAP())) {
			properties(value);
		}
		else if (type.equals(TYPES.NODE())) {
			Node node = value.asNode();
			grow(node.elementId().length() + 48L);
			node.labels().forEach(label -> grow(label.length() + 3L));
			properties(node);
		}
		else if (type.equals(TYPES.RELATIONSHIP())) {
			relationship(value.asRelationship());
		}
		else if (type.equals(TYPES.PATH())) {
			Path path = value.asPath();
			grow(32);
			for (Node node : path.nodes()) {
				grow(node.elementId().length() + 48L);
				node.labels().forEach(label -> grow(label.length() + 3L));
				properties(node);
			}
			path.relationships().forEach(this::relationship);
		}
		else if (type.equals(TYPES.BYTES())) {
			grow(value.asByteArray().length * 4L / 3 + 4);
		}
		else {
			grow(24);
		}
	}

	private void relationship(Relationship relationship) {
		grow(relationship.elementId().length() + relationship.startNodeElementId().length()
				+ relationship.endNodeElementId().length() + relationship.type().length() + 80L);
		properties(relationship);
	}

	private void properties(MapAccessor map) {
		grow(2);
		for (String key : map.keys()) {
			grow(key.length() + 4L);
			count(map.get(key));
		}
	}

	private void grow(long bytes) {
		this.used += bytes;
		if (this.used > this.limit) {
			throw new CypherQueryException(HttpStatus.UNPROCESSABLE_CONTENT, "Answer too large",
					"The answer grew past " + this.limit
							+ " bytes (chokepoint.cypher.max-answer-size) and was stopped; return fewer or smaller"
							+ " values, e.g. with LIMIT or by returning properties rather than whole lists.",
					Map.of("limit", "chokepoint.cypher.max-answer-size", "maxBytes", this.limit));
		}
	}

}
