package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which command lines are one-shot commands, run without the web server and on a free
 * Bolt port of their own ({@link ChokepointApplication#main}): {@code PortsInUseIT} runs
 * an {@code import} while it holds the configured Bolt port; {@code report} takes the
 * same branch.
 */
class ChokepointApplicationTests {

	@Test
	void importAndReportAreOneShotCommandsTheServerIsNot() {
		assertThat(ChokepointApplication.isOneShotCommand(new String[] { "import", "--dir=data" })).isTrue();
		assertThat(ChokepointApplication.isOneShotCommand(new String[] { "report" })).isTrue();
		assertThat(ChokepointApplication.isOneShotCommand(new String[0])).isFalse();
		assertThat(ChokepointApplication.isOneShotCommand(new String[] { "--server.port=0", "report" })).isFalse();
		assertThat(ChokepointApplication.isOneShotCommand(new String[] { "backup", "--to=x.dump" })).isFalse();
	}

}
