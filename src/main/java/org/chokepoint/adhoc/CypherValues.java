package org.chokepoint.adhoc;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/**
 * Turns Neo4j values into values Jackson writes as plain JSON: numbers stay numbers
 * (integers as longs; NaN and infinities, which JSON lacks, as strings), temporal values
 * become ISO 8601 strings (a date-time with a named zone keeps it in brackets, as Neo4j
 * prints it), durations ISO 8601 durations, points {@code {srid, x, y[, z]}}, lists and
 * maps recursively (map keys sorted), and nodes, relationships and paths the records
 * below. Elements are identified by their {@code elementId}, never by the deprecated
 * numeric id.
 */
final class CypherValues {

	private static final TypeSystem TYPES = TypeSystem.getDefault();

	private CypherValues() {
	}

	/** A node: its element id, labels and properties. */
	record NodeJson(String elementId, List<String> labels, Map<String, Object> properties) {
	}

	/**
	 * A relationship: its element id, type, the element ids of its ends, and properties.
	 */
	record RelationshipJson(String elementId, String type, String startElementId, String endElementId,
			Map<String, Object> properties) {
	}

	/** A path: its nodes in order, and the relationships between them in order. */
	record PathJson(List<NodeJson> nodes, List<RelationshipJson> relationships) {
	}

	static Object toJson(Value value) {
		if (value == null || value.isNull()) {
			return null;
		}
		var type = value.type();
		if (type.equals(TYPES.NODE())) {
			return node(value.asNode());
		}
		if (type.equals(TYPES.RELATIONSHIP())) {
			return relationship(value.asRelationship());
		}
		if (type.equals(TYPES.PATH())) {
			return path(value.asPath());
		}
		if (type.equals(TYPES.LIST())) {
			List<Object> list = new ArrayList<>(value.size());
			value.values().forEach(v -> list.add(toJson(v)));
			return list;
		}
		if (type.equals(TYPES.MAP())) {
			return properties(value);
		}
		if (type.equals(TYPES.INTEGER())) {
			return value.asLong();
		}
		if (type.equals(TYPES.FLOAT())) {
			double d = value.asDouble();
			return Double.isFinite(d) ? d : Double.toString(d);
		}
		if (type.equals(TYPES.BOOLEAN())) {
			return value.asBoolean();
		}
		if (type.equals(TYPES.STRING())) {
			return value.asString();
		}
		if (type.equals(TYPES.BYTES())) {
			return value.asByteArray(); // Jackson writes base64
		}
		if (type.equals(TYPES.DATE())) {
			return value.asLocalDate().toString();
		}
		if (type.equals(TYPES.TIME())) {
			return value.asOffsetTime().toString();
		}
		if (type.equals(TYPES.LOCAL_TIME())) {
			return value.asLocalTime().toString();
		}
		if (type.equals(TYPES.LOCAL_DATE_TIME())) {
			return value.asLocalDateTime().toString();
		}
		if (type.equals(TYPES.DATE_TIME())) {
			return dateTime(value.asZonedDateTime());
		}
		if (type.equals(TYPES.DURATION())) {
			return value.asIsoDuration().toString();
		}
		if (type.equals(TYPES.POINT())) {
			return point(value.asPoint());
		}
		return value.toString();
	}

	static NodeJson node(Node node) {
		List<String> labels = new ArrayList<>();
		node.labels().forEach(labels::add);
		return new NodeJson(node.elementId(), labels, properties(node));
	}

	static RelationshipJson relationship(Relationship relationship) {
		return new RelationshipJson(relationship.elementId(), relationship.type(), relationship.startNodeElementId(),
				relationship.endNodeElementId(), properties(relationship));
	}

	static PathJson path(Path path) {
		List<NodeJson> nodes = new ArrayList<>();
		path.nodes().forEach(n -> nodes.add(node(n)));
		List<RelationshipJson> relationships = new ArrayList<>();
		path.relationships().forEach(r -> relationships.add(relationship(r)));
		return new PathJson(nodes, relationships);
	}

	private static Map<String, Object> properties(MapAccessor map) {
		Map<String, Object> json = new TreeMap<>();
		for (String key : map.keys()) {
			json.put(key, toJson(map.get(key)));
		}
		return json;
	}

	private static String dateTime(ZonedDateTime dateTime) {
		return dateTime.getZone() instanceof ZoneOffset ? dateTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
				: dateTime.format(DateTimeFormatter.ISO_ZONED_DATE_TIME);
	}

	private static Map<String, Object> point(Point point) {
		Map<String, Object> json = new TreeMap<>();
		json.put("srid", point.srid());
		json.put("x", point.x());
		json.put("y", point.y());
		if (!Double.isNaN(point.z())) {
			json.put("z", point.z());
		}
		return json;
	}

}
