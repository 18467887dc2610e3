package org.chokepoint;

import java.util.Iterator;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON as the documents show it: a 2-space indent, and an object or a list on one line
 * ({@code {"iso3": "AGO", "name": "Angola"}}) when that line, indent and key included, is
 * at most {@value #WIDTH} characters; otherwise one member per line. Scalars are written
 * by Jackson, as the application writes them.
 */
final class DocJson {

	/** The longest line an object or a list is kept on (a trailing comma not counted). */
	static final int WIDTH = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DocJson() {
	}

	static String pretty(JsonNode node) {
		StringBuilder out = new StringBuilder();
		write(out, node, 0, 0);
		return out.toString();
	}

	/**
	 * Writes {@code node} where the current line already holds {@code used} characters.
	 */
	private static void write(StringBuilder out, JsonNode node, int indent, int used) {
		String inline = inline(node);
		if (!node.isContainer() || node.isEmpty() || used + inline.length() <= WIDTH) {
			out.append(inline);
			return;
		}
		String inner = " ".repeat(indent + 2);
		out.append(node.isObject() ? "{" : "[").append('\n');
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				String key = JSON.writeValueAsString(field.getKey()) + ": ";
				out.append(inner).append(key);
				write(out, field.getValue(), indent + 2, inner.length() + key.length());
				out.append(fields.hasNext() ? ",\n" : "\n");
			}
		}
		else {
			for (int i = 0; i < node.size(); i++) {
				out.append(inner);
				write(out, node.get(i), indent + 2, inner.length());
				out.append(i < node.size() - 1 ? ",\n" : "\n");
			}
		}
		out.append(" ".repeat(indent)).append(node.isObject() ? "}" : "]");
	}

	/** One line, with a space after every colon and comma. */
	static String inline(JsonNode node) {
		if (node.isObject()) {
			StringBuilder out = new StringBuilder("{");
			node.properties().forEach(field -> {
				if (out.length() > 1) {
					out.append(", ");
				}
				out.append(JSON.writeValueAsString(field.getKey())).append(": ").append(inline(field.getValue()));
			});
			return out.append('}').toString();
		}
		if (node.isArray()) {
			StringBuilder out = new StringBuilder("[");
			for (int i = 0; i < node.size(); i++) {
				out.append(i > 0 ? ", " : "").append(inline(node.get(i)));
			}
			return out.append(']').toString();
		}
		return JSON.writeValueAsString(node);
	}

}
