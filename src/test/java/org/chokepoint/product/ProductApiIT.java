package org.chokepoint.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chokepoint.Fixture.SRC_B;
import static org.chokepoint.Fixture.assertSameRecord;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.chokepoint.ApiTestBase;
import org.chokepoint.ChokepointTest;
import org.chokepoint.paging.Paged;
import org.chokepoint.product.ProductDetails.BomLine;
import org.chokepoint.production.Producer;
import org.chokepoint.production.ProducerGroup;
import org.chokepoint.production.SourcingFact;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.annotation.Autowired;

@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class ProductApiIT extends ApiTestBase {

	@Autowired
	Driver driver;

	static final BomLine MAGNETS_IN_A_TURBINE = new BomLine("wind-turbine", "Wind turbine", "PRODUCT", 650.0,
			"kg per turbine", 2024, SRC_B, null);

	@Test
	void listsProductsByNameWithTheirKind() {
		Paged<ProductSummary> page = this.api.getOk("/api/products", new TypeReference<>() {
		});
		assertThat(page)
			.isEqualTo(new Paged<>(List.of(new ProductSummary("ndfeb-magnet", "NdFeB permanent magnet", "COMPONENT"),
					new ProductSummary("wind-turbine", "Wind turbine", "END_PRODUCT")), 0, 50, 2));
	}

	@Test
	void magnetsNeedRareEarthsGoIntoTurbinesAndTheEuBuysMostOfThemFromChina() {
		ProductDetails magnet = this.api.getOk("/api/products/ndfeb-magnet", ProductDetails.class);
		assertSameRecord(magnet, new ProductDetails("ndfeb-magnet", "NdFeB permanent magnet", "COMPONENT", null,
				List.of(new BomLine("rare-earths", "Rare earths", "MINERAL", 0.3, "kg per kg", 2024, SRC_B, null)),
				List.of(MAGNETS_IN_A_TURBINE),
				List.of(new ProducerGroup("MANUFACTURING", 2024, SRC_B, null, null,
						List.of(new Producer("CHN", "China", null, null, 0.92, null, null),
								new Producer("JPN", "Japan", null, null, 0.07, null, null)),
						0.01)),
				List.of(new SourcingFact("EU", "European Union", "CHN", "China", "MANUFACTURING", 2024, 0.875, 17500.0,
						"t", SRC_B, "midpoint of 17000-18000"),
						new SourcingFact("EU", "European Union", "EU", "European Union", "MANUFACTURING", 2024, 0.05,
								1000.0, "t", SRC_B, "made in the EU"))));
	}

	@Test
	void aBuyerGivenListsThatBuyersSourcingRowsOnly() {
		ProductDetails all = this.api.getOk("/api/products/ndfeb-magnet", ProductDetails.class);
		assertThat(all.sourcing()).extracting(SourcingFact::buyer).containsOnly("EU").hasSize(2);
		// by code or by name; the rest of the answer is the same
		assertThat(this.api.getOk("/api/products/ndfeb-magnet?buyer=EU", ProductDetails.class)).isEqualTo(all);
		assertThat(this.api.getOk("/api/products/ndfeb-magnet?buyer=european%20union", ProductDetails.class))
			.isEqualTo(all);
		ProductDetails usa = this.api.getOk("/api/products/ndfeb-magnet?buyer=USA", ProductDetails.class);
		assertThat(usa.sourcing()).isEmpty();
		assertThat(usa).isEqualTo(all.withSupply(all.producers(), List.of()));
		assertThat(this.api.problem("/api/products/ndfeb-magnet?buyer=ATLANTIS", 404))
			.containsEntry("kind", "country or bloc")
			.containsEntry("key", "ATLANTIS");
	}

	@Test
	void aLargeAnswerIsGzippedForAClientThatAcceptsItOnly() throws Exception {
		// the details of a product with 400 sourcing rows: about 100 kB of JSON
		this.driver.executableQuery("""
				MATCH (eu:Bloc {code: 'EU'}), (cn:Country {iso3: 'CHN'})
				UNWIND range(1, 400) AS k
				CREATE (eu)-[:SOURCES {item: 'ndfeb-magnet', stage: 'MANUFACTURING', year: 1000 + k, share: 0.5,
				  source: 'src-b', note: 'gzip test'}]->(cn)
				""").execute();
		try {
			HttpClient http = HttpClient.newHttpClient();
			URI uri = URI.create("http://localhost:" + this.port + "/api/products/ndfeb-magnet");
			HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(uri).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			HttpResponse<byte[]> gzipped = http.send(
					HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
			assertThat(plain.body().length).isGreaterThan(50_000);
			assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
			assertThat(gzipped.body().length).isLessThan(plain.body().length / 5);
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
				assertThat(in.readAllBytes()).isEqualTo(plain.body());
			}
		}
		finally {
			this.driver.executableQuery("MATCH ()-[f:SOURCES {note: 'gzip test'}]->() DELETE f").execute();
		}
	}

	@Test
	void aTurbineNeeds650KgOfMagnetsAndNothingRequiresIt() {
		ProductDetails turbine = this.api.getOk("/api/products/wind-turbine", ProductDetails.class);
		assertSameRecord(turbine,
				new ProductDetails(
						"wind-turbine", "Wind turbine", "END_PRODUCT", null, List.of(new BomLine("ndfeb-magnet",
								"NdFeB permanent magnet", "PRODUCT", 650.0, "kg per turbine", 2024, SRC_B, null)),
						List.of(), List.of(), List.of()));
	}

	@Test
	void anUnknownProductIsA404NamingTheKey() {
		assertThat(this.api.problem("/api/products/flux-capacitor", 404))
			.isEqualTo(Map.of("title", "Not Found", "status", 404, "detail", "No product with key 'flux-capacitor'",
					"instance", "/api/products/flux-capacitor", "kind", "product", "key", "flux-capacitor"));
	}

}
