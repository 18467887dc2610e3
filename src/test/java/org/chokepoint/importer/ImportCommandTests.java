package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chokepoint.importer.ImportCommand.Request;
import org.junit.jupiter.api.Test;

class ImportCommandTests {

	@Test
	void aFullImportByDefault() {
		assertThat(ImportCommand.request(new String[] { "import" })).isEqualTo(new Request(null, false, null));
		assertThat(ImportCommand.request(new String[] { "import", "--dir", "data" }))
			.isEqualTo(new Request("data", false, null));
		assertThat(ImportCommand.request(new String[] { "import", "--dir=data" }))
			.isEqualTo(new Request("data", false, null));
	}

	@Test
	void tradeOnlyAddsTheFolder() {
		assertThat(ImportCommand.request(new String[] { "import", "--dir", "baci-2024", "--trade-only" }))
			.isEqualTo(new Request("baci-2024", true, null));
		assertThatThrownBy(() -> ImportCommand.request(new String[] { "import", "--trade-only" }))
			.hasMessage("--trade-only needs --dir PATH, the folder holding trade_flows.csv");
	}

	@Test
	void removeTradeNamesOneGroup() {
		assertThat(ImportCommand.request(new String[] { "import", "--remove-trade", "cepii-baci:2023" }))
			.isEqualTo(new Request(null, false, new TradeGroup("cepii-baci", 2023)));
		assertThat(ImportCommand.request(new String[] { "import", "--remove-trade=cepii-baci:2023" }).remove())
			.isEqualTo(new TradeGroup("cepii-baci", 2023));
		assertThatThrownBy(() -> ImportCommand.request(new String[] { "import", "--remove-trade" }))
			.hasMessageContaining("--remove-trade needs SOURCE:YEAR");
		assertThatThrownBy(
				() -> ImportCommand.request(new String[] { "import", "--remove-trade", "x:2023", "--dir", "d" }))
			.hasMessage("--remove-trade takes no --dir nor --trade-only");
		assertThatThrownBy(() -> ImportCommand.request(new String[] { "import", "--remove-trade", "2023" }))
			.hasMessageContaining("give SOURCE:YEAR");
	}

}
