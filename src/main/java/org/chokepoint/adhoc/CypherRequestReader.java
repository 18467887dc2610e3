package org.chokepoint.adhoc;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.chokepoint.web.BadParameterException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads the body of {@code POST /api/cypher} by hand rather than with
 * {@code @RequestBody}: the size limit holds before anything is buffered, and every
 * problem names the field it is about. JSON numbers become longs when whole and doubles
 * otherwise (the types Cypher has).
 */
@Component
class CypherRequestReader {

	private final JsonMapper mapper;

	private final CypherProperties properties;

	CypherRequestReader(JsonMapper mapper, CypherProperties properties) {
		this.mapper = mapper;
		this.properties = properties;
	}

	CypherRequest read(HttpServletRequest request) throws IOException {
		long limit = this.properties.maxRequestSize().toBytes();
		if (request.getContentLengthLong() > limit) {
			throw tooLarge(limit);
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) limit + 1);
		}
		if (body.length > limit) {
			throw tooLarge(limit);
		}
		JsonNode root;
		try {
			root = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new BadParameterException("body", "is not valid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new BadParameterException("body",
					"must be a JSON object: {\"query\": \"MATCH ...\", \"parameters\": {...}}");
		}
		for (String field : root.propertyNames()) {
			if (!field.equals("query") && !field.equals("parameters")) {
				throw new BadParameterException(field, "is not a field of the body, which has query and parameters");
			}
		}
		JsonNode query = root.get("query");
		if (query == null || query.isNull() || (query.isString() && query.stringValue().isBlank())) {
			throw new BadParameterException("query", "is required: one Cypher statement");
		}
		if (!query.isString()) {
			throw new BadParameterException("query", "must be a string");
		}
		JsonNode parameters = root.get("parameters");
		if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
			throw new BadParameterException("parameters",
					"must be a JSON object of names to values, e.g. {\"iso3\": \"CHN\"}");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> values = parameters == null || parameters.isNull() ? Map.of()
				: (Map<String, Object>) value(parameters);
		return new CypherRequest(query.stringValue(), values);
	}

	private static CypherQueryException tooLarge(long limit) {
		return new CypherQueryException(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
				"The request body is larger than " + limit + " bytes (chokepoint.cypher.max-request-size).",
				Map.of("maxBytes", limit));
	}

	private static Object value(JsonNode node) {
		if (node.isObject()) {
			Map<String, Object> map = new LinkedHashMap<>();
			node.properties().forEach(entry -> map.put(entry.getKey(), value(entry.getValue())));
			return map;
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>();
			node.values().forEach(element -> list.add(value(element)));
			return list;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isString()) {
			return node.stringValue();
		}
		return null;
	}

}
