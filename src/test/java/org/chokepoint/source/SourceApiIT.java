package org.chokepoint.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.chokepoint.ApiTestBase;
import org.chokepoint.ChokepointTest;
import org.chokepoint.Fixture;
import org.chokepoint.paging.Paged;
import org.chokepoint.source.SourceDetails.FactCount;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.annotation.Autowired;

@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class SourceApiIT extends ApiTestBase {

	@Autowired
	Driver driver;

	@Test
	void listsTheSources() {
		Paged<SourceSummary> page = this.api.getOk("/api/sources", new TypeReference<>() {
		});
		assertThat(page).isEqualTo(new Paged<>(List.of(
				new SourceSummary("src-a", "Official statistics A", "Survey A", 2026L, "https://example.org/a",
						"official"),
				new SourceSummary("src-b", "Industry report B", "Press B", 2025L, "https://example.org/b",
						"secondary")),
				0, 50, 2));
	}

	@Test
	void aSourceCountsTheFactsThatCiteItByType() {
		// src-a: 2 memberships, 3 mine figures, the 3 gallium refiners, 2 reserves, 2
		// import reliances,
		// 3 partners and 1 item of the partnership, 1 stockpile
		assertThat(this.api.getOk("/api/sources/src-a", SourceDetails.class)).isEqualTo(new SourceDetails("src-a",
				"Official statistics A", "Survey A", 2026L, "https://example.org/a", "official", "fixture",
				List.of(new FactCount("COVERS", 1), new FactCount("HAS_RESERVES", 2),
						new FactCount("IMPORT_RELIANCE", 2), new FactCount("MEMBER_OF", 2), new FactCount("MINES", 3),
						new FactCount("PARTY_TO", 3), new FactCount("REFINES", 3), new FactCount("STOCKPILES", 1))));
	}

	@Test
	void theCountsAreKeptAtImportAndCountedWhenNoneAreKept() {
		Map<String, Map<String, Long>> kept = Fixture.assertFactCountsKeptAreThoseCounted(this.driver);
		// the sourcing rows' SOURCES relationships (trade flows: TradeImportIT)
		assertThat(kept.get("src-b")).containsEntry("SOURCES", 2L);
		SourceDetails details = this.api.getOk("/api/sources/src-b", SourceDetails.class);
		assertThat(details.facts()).extracting(FactCount::type)
			.isSorted()
			.containsExactlyElementsOf(kept.get("src-b").keySet());
		assertThat(details.facts()).extracting(FactCount::count).containsExactlyElementsOf(kept.get("src-b").values());
		// a database imported before the counts were kept: counted on the call
		try {
			this.driver.executableQuery("MATCH (s:Source {id: 'src-b'}) REMOVE s.factTypes, s.factCounts").execute();
			assertThat(this.api.getOk("/api/sources/src-b", SourceDetails.class)).isEqualTo(details);
		}
		finally {
			this.driver
				.executableQuery("MATCH (s:Source {id: 'src-b'}) SET s.factTypes = $types, s.factCounts = $counts")
				.withParameters(Map.of("types", List.copyOf(kept.get("src-b").keySet()), "counts",
						List.copyOf(kept.get("src-b").values())))
				.execute();
		}
	}

	@Test
	void anUnknownSourceIsA404NamingTheKey() {
		assertThat(this.api.problem("/api/sources/hearsay", 404))
			.isEqualTo(Map.of("title", "Not Found", "status", 404, "detail", "No source with key 'hearsay'", "instance",
					"/api/sources/hearsay", "kind", "source", "key", "hearsay"));
	}

}
