package org.chokepoint.guide;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * The Chokepoint guide for Neo4j Browser: its steps, and their HTML in the Browser's
 * guide format ({@code <slide>} elements; a {@code pre.runnable} block goes into the
 * editor when clicked). Built from the query files on every call, so it shows what the
 * files hold.
 */
final class Guide {

	static final String TITLE = "Chokepoint: critical-mineral supply chains";

	private Guide() {
	}

	/** The steps, each query read from its file now. */
	static List<GuideStep> steps() {
		return List.of(step("Chokepoint", text("""
				<p>Where does the supply of gallium, rare-earth magnets or antimony really come from, and where is
				the single point of failure? This guide walks through the graph with the queries the REST API
				runs: the files of <code>cypher/queries/</code>.</p>
				<p>The Browser connects as the user <code>neo4j</code> with the password the application was
				given (<code>NEO4J_PASSWORD</code>, see the README's Security section).</p>
				<p>Click a grey block to put it into the editor, then run it (Ctrl+Enter or the play button).
				Run the <code>:param</code> block of a step first: it sets the query's parameters.</p>
				<ol><li>The model</li><li>The EU's magnets</li><li>China's share per mineral and stage</li>
				<li>The chokepoints of a consumer</li><li>A scenario</li><li>Where a fact comes from</li></ol>""")),
				step("1. The model",
						text("""
								<p>Countries and blocs (<code>:Party</code>) mine, refine and manufacture items (<code>:Item</code>:
								minerals and products), each fact with its <code>year</code>, <code>share</code> of world output
								(0..1) and <code>source</code>. Products <code>REQUIRES</code> minerals and other products (the
								bill of materials); buyers' own <code>SOURCES</code> replace world shares; countries
								<code>IMPOSES</code> trade measures that <code>RESTRICTS</code> items.</p>
								<pre>(Country)-[:MINES|REFINES|MANUFACTURES {year, share, source}]->(Item)
								(Product)-[:REQUIRES]->(Mineral|Product)
								(Country|Bloc)-[:SOURCES {item, stage, share}]->(Country|Bloc)
								(Country)-[:IMPOSES]->(TradeMeasure)-[:RESTRICTS]->(Item)
								(Country|Bloc)-[:PARTY_TO]->(Agreement)-[:COVERS]->(Item)
								(Source {id, title, publisher, year, url, quality})</pre>
								<p>The magnet's bill of materials, its main producers and the measures on its inputs:</p>"""),
						query("model")),
				step("2. The EU's magnets", text("""
						<p>How does the EU get NdFeB magnets, stage by stage, and how much of that supply passes
						through China? One row: <code>chinaExposure</code> (the part of one unit of supply whose path
						touches China, 0..1), <code>unknownShare</code>, <code>chinaFreeShare</code> and the
						<code>worstInput</code> that decides them; <code>stages</code> lists, per item and stage, the
						suppliers and their stage share. <code>GET /api/chains/ndfeb-magnet?consumer=EU</code> runs this
						file.</p>"""), query("chain")),
				step("3. China's share per mineral and stage",
						text("""
								<p>How concentrated is world output of a mineral at each stage? <code>hhi</code> (0-10,000; above
								2,500 is highly concentrated), <code>top3Share</code>, <code>chinaShare</code> and
								<code>unknownShare</code> (what the source does not attribute to a country). Change
								<code>$mineral</code> (<code>'germanium'</code>, <code>'magnet-rare-earths'</code>,
								<code>'graphite'</code>...) and run again. <code>GET /api/minerals/gallium/concentration</code>
								runs this file.</p>"""),
						query("concentration")),
				step("4. The chokepoints of a consumer",
						text("""
								<p>A supplier with a stage share of <code>$threshold</code> (0.5) or more is a
								<em>chokepoint</em>, one with 1 a <em>sole source</em>. Step 2's query for every product
								(<code>$products</code> null): one row per product, most China-exposed first, with its
								<code>chokepoints</code>, as <code>GET /api/exposure</code> and <code>GET /api/spof</code>.</p>"""),
						query("chain", Map.of("products", "null")), text("""
								<p>What softens a chokepoint: allied alternative suppliers, and a stockpile.
								<code>GET /api/spof?consumer=EU</code> adds both, from these two queries.</p>
								<p>With whom does the EU share an agreement in force, and what does it cover?</p>"""),
						query("allies"), text("<p>How many days of supply do Japan's stockpiles cover?</p>"),
						query("stockpile")),
				step("5. A scenario", text("""
						<p>Which trade measures were in force the day China banned gallium, germanium and antimony
						exports to the United States?</p>"""), query("measures-in-force"), text("""
						<p>What if China stopped selling magnets to the EU? The chain query of step 2 with a disruption
						in <code>$cuts</code>: <code>remainingSupply</code> is what is left of one unit of supply, the
						other figures are shares of what remains. <code>POST /api/scenarios</code> builds
						such cuts from the measures in force.</p>"""), query("chain", Map.of("cuts",
						"[{country: 'CHN', items: ['ndfeb-magnet'], stages: null, targets: ['EU'], fraction: 1.0}]"))),
				step("6. Where a fact comes from", text("""
						<p>Every fact names its year and its source. China's rare-earth output in 2024, with the
						publication behind each figure. <code>GET /api/sources/{id}</code> answers the same for one
						source.</p>"""), query("source")), step("Next", text("""
						<p>Every file of <code>cypher/queries/</code> runs in this Browser the same way: its header
						lists its <code>:param</code> lines and its columns. The REST API answers the same questions
						as JSON or CSV (<code>Accept: text/csv</code>): see <code>/swagger-ui.html</code>.</p>""")));
	}

	/** The guide as the Browser's {@code :play} expects it. */
	static String html() {
		String slides = steps().stream().map(Guide::slide).collect(Collectors.joining("\n"));
		return """
				<!DOCTYPE html>
				<html>
				<head><meta charset="utf-8"><title>%s</title></head>
				<body>
				<article class="guide">
				<carousel class="deck container-fluid">
				%s
				</carousel>
				</article>
				</body>
				</html>
				""".formatted(HtmlUtils.htmlEscape(TITLE), slides);
	}

	private static String slide(GuideStep step) {
		StringBuilder html = new StringBuilder("<slide class=\"row-fluid\">\n<div class=\"col-sm-12\">\n<h3>")
			.append(HtmlUtils.htmlEscape(step.title()))
			.append("</h3>\n");
		for (GuideStep.Part part : step.parts()) {
			if (part instanceof GuideStep.Text text) {
				html.append(text.html()).append('\n');
			}
			else if (part instanceof GuideStep.Query query) {
				html.append(query(query));
			}
		}
		return html.append("</div>\n</slide>").toString();
	}

	private static String query(GuideStep.Query part) {
		StringBuilder html = new StringBuilder();
		List<GuideQuery.Parameter> parameters = part.parameters();
		if (!parameters.isEmpty()) {
			html.append("<p>Parameters of <code>")
				.append(part.query().path())
				.append("</code>:</p>\n")
				.append(runnable(parameterCommands(parameters)));
		}
		html.append("<p>")
			.append(HtmlUtils.htmlEscape(part.query().question()))
			.append(" (<code>")
			.append(part.query().path())
			.append("</code>)</p>\n")
			.append(runnable(part.query().text().strip()));
		return html.toString();
	}

	/**
	 * The {@code :param} commands of one query, one per line; with several, each but the
	 * last ends with {@code ;} so that the Browser runs them one after the other.
	 */
	static String parameterCommands(List<GuideQuery.Parameter> parameters) {
		return parameters.stream().map(GuideQuery.Parameter::command).collect(Collectors.joining(";\n"));
	}

	private static String runnable(String code) {
		return "<pre class=\"pre-scrollable code runnable\">" + HtmlUtils.htmlEscape(code) + "</pre>\n";
	}

	private static GuideStep step(String title, GuideStep.Part... parts) {
		return new GuideStep(title, List.of(parts));
	}

	private static GuideStep.Text text(String html) {
		return new GuideStep.Text(html);
	}

	private static GuideStep.Query query(String name) {
		return query(name, Map.of());
	}

	private static GuideStep.Query query(String name, Map<String, String> overrides) {
		return new GuideStep.Query(GuideQuery.load(name), overrides);
	}

}
