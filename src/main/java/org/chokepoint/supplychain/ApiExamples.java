package org.chokepoint.supplychain;

/**
 * Example answers for the OpenAPI description: real excerpts of the shipped data's
 * answers (the calls of README.md), shortened where a list is long.
 */
final class ApiExamples {

	static final String CHAIN_SUMMARY = "EU NdFeB magnets, 2026 (excerpt: one input, one single point of failure)";

	/**
	 * {@code GET /api/chains/ndfeb-magnet?consumer=EU&year=2026&asOf=2026-02-15},
	 * shortened.
	 */
	static final String CHAIN = """
			{
			  "product": "ndfeb-magnet",
			  "consumer": "EU",
			  "year": 2026,
			  "asOf": "2026-02-15",
			  "threshold": 0.5,
			  "chinaExposure": 0.922368996112207,
			  "unknownShare": 0.07679331208158986,
			  "chinaFreeShare": 0.000837691806203078,
			  "worstInput": "magnet-rare-earths",
			  "inputs": [
			    {
			      "item": "ndfeb-magnet",
			      "kind": "PRODUCT",
			      "leaf": false,
			      "chinaExposure": 0.922368996112207,
			      "unknownShare": 0.07679331208158986,
			      "chinaFreeShare": 0.000837691806203078,
			      "stages": [
			        {
			          "stage": "MANUFACTURING",
			          "basis": "BUYER_SOURCING",
			          "hhi": 7681.25,
			          "weightIn": 1.0,
			          "unknownShare": 0.07499999999999996,
			          "facts": [{"basis": "BUYER_SOURCING", "buyer": "EU", "year": 2026, "source": "guardian-2026-02-critical-minerals-alliance"}],
			          "suppliers": [
			            {"country": "CHN", "share": 0.875, "allied": false, "source": "guardian-2026-02-critical-minerals-alliance"},
			            {"country": "EU", "share": 0.05, "allied": true, "source": "guardian-2026-02-critical-minerals-alliance"}
			          ]
			        }
			      ]
			    }
			  ],
			  "singlePointsOfFailure": [
			    {
			      "product": "ndfeb-magnet",
			      "item": "magnet-rare-earths",
			      "stage": "REFINING",
			      "country": "CHN",
			      "share": 0.8443148699772663,
			      "kind": "CHOKEPOINT",
			      "alternatives": [
			        {"country": "MYS", "worldShare": 0.04486350490253709, "allied": false, "agreements": []},
			        {"country": "USA", "worldShare": 0.011897763878765079, "allied": true,
			         "agreements": ["g7-critical-minerals-action-plan-2025", "msp"]}
			      ],
			      "stockpileDaysOfCover": null
			    }
			  ],
			  "dataGaps": [{"item": "dysprosium", "stage": "REFINING"}],
			  "paths": []
			}""";

	static final String EXPOSURE_SUMMARY = "EU, 2026 (excerpt: the first two products)";

	/**
	 * {@code GET /api/exposure?consumer=EU&year=2026&asOf=2026-02-15}, the first two
	 * items.
	 */
	static final String EXPOSURE = """
			{
			  "consumer": "EU",
			  "year": 2026,
			  "items": [
			    {
			      "product": "battery-electric-car",
			      "chinaExposure": 0.9760325679401097,
			      "unknownShare": 0.01904196028594076,
			      "chinaFreeShare": 0.00492547177394953,
			      "worstInput": "graphite",
			      "singlePointsOfFailure": 9
			    },
			    {
			      "product": "li-ion-battery-cell",
			      "chinaExposure": 0.9760325679401097,
			      "unknownShare": 0.01904196028594076,
			      "chinaFreeShare": 0.00492547177394953,
			      "worstInput": "graphite",
			      "singlePointsOfFailure": 6
			    }
			  ]
			}""";

	/** The same as CSV ({@code Accept: text/csv}), the first two rows. */
	static final String EXPOSURE_CSV = """
			consumer,year,product,china_exposure_fraction,unknown_share_fraction,china_free_share_fraction,worst_input,single_points_of_failure
			EU,2026,battery-electric-car,0.9760325679401097,0.01904196028594076,0.00492547177394953,graphite,9
			EU,2026,li-ion-battery-cell,0.9760325679401097,0.01904196028594076,0.00492547177394953,graphite,6
			""";

	static final String CONCENTRATION_SUMMARY = "Gallium, 2024 (USGS MCS 2026)";

	/** {@code GET /api/minerals/gallium/concentration?year=2024}. */
	static final String CONCENTRATION = """
			{
			  "mineral": "gallium",
			  "year": 2024,
			  "stages": [
			    {
			      "stage": "REFINING",
			      "year": 2024,
			      "source": "usgs-mcs-2026-gallium",
			      "hhi": 9789.488029547883,
			      "highlyConcentrated": true,
			      "top3Share": 1.0,
			      "chinaShare": 0.9893867924528302,
			      "unknownShare": 0.0,
			      "producers": [
			        {"country": "CHN", "share": 0.9893867924528302},
			        {"country": "RUS", "share": 0.007075471698113208},
			        {"country": "JPN", "share": 0.003537735849056604},
			        {"country": "USA", "share": 0.0}
			      ]
			    }
			  ]
			}""";

	private ApiExamples() {
	}

}
