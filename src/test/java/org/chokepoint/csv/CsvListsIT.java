package org.chokepoint.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.chokepoint.ApiTestBase;
import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;

/**
 * The paged lists as CSV ({@code Accept: text/csv}) on the basic fixture: the page's
 * items, a header first.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class CsvListsIT extends ApiTestBase {

	@Test
	void countries() {
		assertThat(csv("/api/countries?page=1&size=3")).isEqualTo("""
				iso3,name\r
				DEU,Germany\r
				JPN,Japan\r
				MYS,Malaysia\r
				""");
	}

	@Test
	void mineralsWithTheirStagesJoinedBySemicolons() {
		assertThat(csv("/api/minerals")).isEqualTo("""
				id,name,basis,stages\r
				gallium,Gallium,contained metal,REFINING\r
				rare-earths,Rare earths,REO equivalent,MINING;REFINING\r
				""");
	}

	@Test
	void products() {
		assertThat(csv("/api/products")).isEqualTo("""
				id,name,kind\r
				ndfeb-magnet,NdFeB permanent magnet,COMPONENT\r
				wind-turbine,Wind turbine,END_PRODUCT\r
				""");
	}

	@Test
	void agreementsWithIsoDatesAndAnEmptyCellForNoEndDate() {
		assertThat(csv("/api/agreements")).isEqualTo("""
				id,name,type,signed,in_force,ended,critical_minerals\r
				MSP,Minerals Security Partnership,PARTNERSHIP,2022-06-14,2022-06-14,,true\r
				""");
	}

	@Test
	void measuresAlsoFilteredByTheDayInForce() {
		assertThat(csv("/api/measures")).isEqualTo(
				"""
						id,name,imposer,type,announced,effective,suspended_from,suspended_until,ended,status_unknown_from,status\r
						CN-2024-46,Ban on gallium exports to the US,CHN,EXPORT_BAN,2024-12-03,2024-12-03,2025-11-10,2026-11-27,,2026-11-28,\r
						US-2025-232,Tariff on steel derivatives,USA,TARIFF,2025-08-15,2025-08-18,,,2025-12-31,,\r
						""");
		assertThat(csv("/api/measures?inForceOn=2025-01-01")).isEqualTo(
				"""
						id,name,imposer,type,announced,effective,suspended_from,suspended_until,ended,status_unknown_from,status\r
						CN-2024-46,Ban on gallium exports to the US,CHN,EXPORT_BAN,2024-12-03,2024-12-03,2025-11-10,2026-11-27,,2026-11-28,IN_FORCE\r
						""");
	}

	@Test
	void sources() {
		assertThat(csv("/api/sources")).isEqualTo("""
				id,title,publisher,year,url,quality\r
				src-a,Official statistics A,Survey A,2026,https://example.org/a,official\r
				src-b,Industry report B,Press B,2025,https://example.org/b,secondary\r
				""");
	}

	@Test
	void anEmptyPageIsItsHeader() {
		assertThat(csv("/api/countries?page=5&size=3")).isEqualTo("iso3,name\r\n");
	}

	@Test
	void anyMediaTypeStillGetsJson() {
		HttpResponse<String> response = this.api.get("/api/countries?size=1", "*/*");
		assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
	}

	@Test
	void aBadParameterIsStillAProblemDetailWhenCsvWasAskedFor() {
		HttpResponse<String> response = this.api.get("/api/countries?size=0", "text/csv");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

	private String csv(String path) {
		HttpResponse<String> response = this.api.get(path, "text/csv");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).contains("text/csv;charset=UTF-8");
		return response.body();
	}

}
