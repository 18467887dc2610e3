package org.chokepoint.guide;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chokepoint.database.CypherFile;

/**
 * A query of {@code cypher/queries/} as the guide shows it: its text, unchanged, and the
 * {@code :param} lines of its header comment ({@code // :param name => expression}).
 *
 * @param name the file's name without {@code .cypher}
 * @param question the header's {@code // Question:} line, without the prefix
 * @param parameters the header's parameters, in file order
 * @param text the whole file
 */
public record GuideQuery(String name, String question, List<Parameter> parameters, String text) {

	private static final Pattern PARAMETER = Pattern.compile("^//\\s*:param\\s+(\\w+)\\s*=>\\s*(.+?)\\s*$",
			Pattern.MULTILINE);

	private static final Pattern QUESTION = Pattern.compile("^//\\s*Question:\\s*(.+)$", Pattern.MULTILINE);

	public GuideQuery {
		parameters = List.copyOf(parameters);
	}

	/** Reads {@code cypher/queries/<name>.cypher} from the classpath. */
	public static GuideQuery load(String name) {
		return parse(name, CypherFile.load(name));
	}

	static GuideQuery parse(String name, String text) {
		Matcher question = QUESTION.matcher(text);
		Matcher parameter = PARAMETER.matcher(text);
		List<Parameter> parameters = new java.util.ArrayList<>();
		while (parameter.find()) {
			parameters.add(new Parameter(parameter.group(1), parameter.group(2)));
		}
		return new GuideQuery(name, question.find() ? question.group(1).trim() : name, parameters, text);
	}

	/** The file's path in the repository, e.g. {@code cypher/queries/chain.cypher}. */
	public String path() {
		return "cypher/queries/" + this.name + ".cypher";
	}

	/**
	 * A query parameter as Neo4j Browser sets it: the right-hand side is a Cypher
	 * expression that the Browser evaluates on the server ({@code date('2024-12-03')},
	 * {@code []}, {@code 'EU'}).
	 *
	 * @param name the parameter's name, without {@code $}
	 * @param expression its value as a Cypher expression
	 */
	public record Parameter(String name, String expression) {

		/** The Browser command, e.g. {@code :param consumer => 'EU'}. */
		public String command() {
			return ":param " + this.name + " => " + this.expression;
		}

	}

}
