package org.chokepoint.supplychain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chokepoint.database.CypherFile;
import org.chokepoint.supplymix.Sourcing;
import org.chokepoint.web.BadParameterException;
import org.chokepoint.web.NotFoundException;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs what-if disruptions over the consumers' chains, in read-only transactions: a
 * scenario never changes the stored graph. Lost supply is not redistributed to other
 * suppliers. The request's numbers are in range ({@link ParameterRules}, checked by the
 * controller); the rest is checked here.
 */
@Service
@Transactional(readOnly = true)
class ScenarioService {

	static final double DEFAULT_LICENCE_CUT = 0.5;

	/** Losses below this are floating-point noise, not hits. */
	static final double LOSS_TOLERANCE = 1e-12;

	private static final String MEASURES_IN_FORCE = CypherFile.load("measures-in-force");

	private final ChainQuery chains;

	private final Catalogue catalogue;

	private final Neo4jClient client;

	ScenarioService(ChainQuery chains, Catalogue catalogue, Neo4jClient client) {
		this.chains = chains;
		this.catalogue = catalogue;
		this.client = client;
	}

	ScenarioResult run(ScenarioRequest request) {
		int year = (request.year() != null) ? request.year() : LocalDate.now().getYear();
		double licenceCut = (request.licenceCut() != null) ? request.licenceCut() : DEFAULT_LICENCE_CUT;
		Sourcing sourcing = (request.sourcing() != null) ? request.sourcing() : Sourcing.TRACED;
		List<Cut> cuts = new ArrayList<>();
		if (request.country() != null || request.items() != null) {
			cuts.add(cut("", new ScenarioRequest.Disruption(request.country(), request.items(), request.stage(),
					request.targets(), request.fraction())));
		}
		if (request.disruptions() != null) {
			for (int i = 0; i < request.disruptions().size(); i++) {
				if (request.disruptions().get(i) == null) {
					throw new BadParameterException("disruptions[" + i + "]", "must be a disruption object, not null");
				}
				cuts.add(cut("disruptions[" + i + "].", request.disruptions().get(i)));
			}
		}
		LocalDate date = null;
		List<ScenarioResult.MeasureApplied> measures = new ArrayList<>();
		List<String> notModelled = new ArrayList<>();
		List<String> statusUnknown = new ArrayList<>();
		if (request.measuresInForceOn() != null) {
			if (request.measuresInForceOn().isBlank()) {
				// absent means no measures; an empty string in a body is a mistake, not
				// "today"
				throw new BadParameterException("measuresInForceOn", "must be a date YYYY-MM-DD, not ''");
			}
			date = date("measuresInForceOn", request.measuresInForceOn());
			measuresInForce(date, licenceCut, cuts, measures, notModelled, statusUnknown);
		}
		if (cuts.isEmpty() && date == null) {
			throw new BadParameterException("country",
					"is missing: a scenario needs a disruption (country, items, fraction, ...),"
							+ " a list of disruptions, or measuresInForceOn");
		}
		List<String> consumers = consumers(request.consumers(), cuts);
		Set<String> cutItems = new LinkedHashSet<>();
		cuts.forEach(c -> cutItems.addAll(c.items()));
		Map<String, List<String>> boms = this.catalogue.billsOfMaterials();
		List<ScenarioResult.Hit> hits = new ArrayList<>();
		for (String consumer : consumers) {
			for (Map.Entry<String, List<String>> bom : boms.entrySet()) {
				if (bom.getValue().stream().noneMatch(cutItems::contains)) {
					continue;
				}
				ScenarioResult.Hit hit = hit(consumer, bom.getKey(), year, sourcing, cuts, cutItems);
				if (hit != null) {
					hits.add(hit);
				}
			}
		}
		hits.sort(Comparator.comparingDouble(ScenarioResult.Hit::supplyLost)
			.reversed()
			.thenComparing(ScenarioResult.Hit::consumer)
			.thenComparing(ScenarioResult.Hit::product));
		return new ScenarioResult(year, sourcing, date, licenceCut, cuts, measures, notModelled, statusUnknown,
				consumers, hits);
	}

	private ScenarioResult.Hit hit(String consumer, String product, int year, Sourcing sourcing, List<Cut> cuts,
			Set<String> cutItems) {
		ChainComputation after = this.chains.run(product, consumer, year, sourcing, cuts);
		double lost = 1 - after.remainingSupply();
		if (lost <= LOSS_TOLERANCE) {
			return null;
		}
		ChainComputation before = this.chains.run(product, consumer, year, sourcing, List.of());
		List<ScenarioResult.Cause> causes = after.inputs()
			.stream()
			.filter(i -> 1 - i.remainingSupply() > LOSS_TOLERANCE)
			.map(i -> new ScenarioResult.Cause(i.item(), 1 - i.remainingSupply(),
					i.position().stream().filter(cutItems::contains).toList()))
			.toList();
		return new ScenarioResult.Hit(consumer, product, lost, figures(before), figures(after), causes);
	}

	/**
	 * A chain's figures, or null when no supply remains (there are no shares of nothing).
	 */
	private static ChainFigures figures(ChainComputation chain) {
		return chain.chinaExposure() == null ? null : ChainFigures.of(chain);
	}

	private Cut cut(String prefix, ScenarioRequest.Disruption disruption) {
		if (disruption.country() == null || disruption.country().isBlank()) {
			throw new BadParameterException(prefix + "country", "is required (an ISO3 code)");
		}
		if (disruption.items() == null || disruption.items().isEmpty()) {
			throw new BadParameterException(prefix + "items", "must name at least one mineral or product");
		}
		requireParty(prefix + "country", disruption.country());
		for (String item : disruption.items()) {
			long found = this.client.query("MATCH (i:Item {id: $id}) RETURN count(i)")
				.bind(item == null ? "" : item)
				.to("id")
				.fetchAs(Long.class)
				.one()
				.orElse(0L);
			if (found == 0) {
				throw new NotFoundException("mineral or product", String.valueOf(item));
			}
		}
		List<String> targets = disruption.targets() == null ? List.of() : disruption.targets();
		targets.forEach(t -> requireParty(prefix + "targets", t));
		List<Stage> stages = null;
		if (disruption.stage() != null) {
			try {
				stages = List.of(Stage.valueOf(disruption.stage()));
			}
			catch (IllegalArgumentException ex) {
				throw new BadParameterException(prefix + "stage", "must be MINING, REFINING or"
						+ " MANUFACTURING, not '" + ParameterRules.clip(disruption.stage()) + "'");
			}
		}
		double fraction = (disruption.fraction() != null) ? disruption.fraction() : 1.0;
		return new Cut(disruption.country(), disruption.items(), stages, targets, fraction);
	}

	private static LocalDate date(String parameter, String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadParameterException(parameter,
					"must be a date YYYY-MM-DD, not '" + ParameterRules.clip(value) + "'");
		}
	}

	private void requireParty(String parameter, String code) {
		if (code == null || code.length() > 100) {
			throw new BadParameterException(parameter, "must be an ISO3 or bloc code");
		}
		this.catalogue.requireConsumer(code);
	}

	private void measuresInForce(LocalDate date, double licenceCut, List<Cut> cuts,
			List<ScenarioResult.MeasureApplied> applied, List<String> notModelled, List<String> statusUnknown) {
		this.client.query(MEASURES_IN_FORCE).bind(date).to("date").fetch().all().forEach(m -> {
			if ("STATUS_UNKNOWN".equals(m.get("status"))) {
				// in force until a date after which nobody has said (a suspension ran out
				// unreported):
				// said, not silently treated as back in force, and not cut
				statusUnknown.add((String) m.get("measure"));
				return;
			}
			String type = (String) m.get("type");
			@SuppressWarnings("unchecked")
			List<String> items = (List<String>) m.get("items");
			@SuppressWarnings("unchecked")
			List<String> targets = (List<String>) m.get("targets");
			Double fraction = switch (type) {
				case "EXPORT_BAN" -> 1.0;
				case "EXPORT_LICENCE" -> licenceCut;
				default -> null;
			};
			if (fraction == null || items.isEmpty()) {
				notModelled.add((String) m.get("measure"));
				return;
			}
			cuts.add(new Cut((String) m.get("imposer"), items, null, targets, fraction));
			applied.add(new ScenarioResult.MeasureApplied((String) m.get("measure"), (String) m.get("imposer"), type,
					items, targets, fraction));
		});
	}

	private List<String> consumers(List<String> requested, List<Cut> cuts) {
		if (requested != null && !requested.isEmpty()) {
			requested.forEach(c -> requireParty("consumers", c));
			return List.copyOf(new LinkedHashSet<>(requested));
		}
		Set<String> consumers = new LinkedHashSet<>();
		cuts.forEach(c -> consumers.addAll(c.targets()));
		// the buyers with curated sourcing rows (sourcing.csv), not every importer of the
		// trade flows
		// (over 200 on the shipped data): a trade flow is an imports-basis fact with a
		// quantity
		consumers.addAll(this.client.query("""
				MATCH (b:Party)-[f:SOURCES]->()
				WHERE NOT (f.basis = 'imports' AND f.quantity IS NOT NULL)
				RETURN DISTINCT b.code AS code ORDER BY code
				""").fetchAs(String.class).all());
		return List.copyOf(consumers);
	}

}
