package org.chokepoint.supplychain;

import java.util.List;
import java.util.Map;

import org.chokepoint.database.CypherFile;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs {@code cypher/queries/concentration.cypher}: HHI, top-3 and China share per stage.
 */
@Service
@Transactional(readOnly = true)
class ConcentrationService {

	/** Above this HHI a market is highly concentrated. */
	static final double HIGHLY_CONCENTRATED = 2500;

	private static final String CONCENTRATION = CypherFile.load("concentration");

	private final Neo4jClient client;

	private final Catalogue catalogue;

	ConcentrationService(Neo4jClient client, Catalogue catalogue) {
		this.client = client;
		this.catalogue = catalogue;
	}

	@SuppressWarnings("unchecked")
	Concentration of(String mineral, int year) {
		this.catalogue.requireMineral(mineral);
		List<Concentration.StageConcentration> stages = this.client.query(CONCENTRATION)
			.bindAll(Map.of("mineral", mineral, "year", year))
			.fetch()
			.all()
			.stream()
			.map(r -> {
				double hhi = ((Number) r.get("hhi")).doubleValue();
				return new Concentration.StageConcentration(Stage.valueOf((String) r.get("stage")),
						((Number) r.get("year")).longValue(), (String) r.get("source"), hhi, hhi > HIGHLY_CONCENTRATED,
						((Number) r.get("top3Share")).doubleValue(), ((Number) r.get("chinaShare")).doubleValue(),
						((Number) r.get("unknownShare")).doubleValue(),
						((List<Map<String, Object>>) r.get("producers")).stream()
							.map(p -> new Concentration.Producer((String) p.get("country"),
									((Number) p.get("share")).doubleValue()))
							.toList());
			})
			.toList();
		return new Concentration(mineral, year, stages);
	}

}
