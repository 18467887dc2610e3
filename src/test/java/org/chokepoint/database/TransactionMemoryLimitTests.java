package org.chokepoint.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Telling a transaction's memory limit from other database errors, as the driver and
 * Spring Data Neo4j hand them over (the codes Neo4j 5 and earlier versions use; the real
 * error is met in {@code TradeImportLimitIT}).
 */
class TransactionMemoryLimitTests {

	@Test
	void theLimitIsFoundWhereverItIsInTheCauses() {
		TransientException limit = new TransientException("Neo.TransientError.General.MemoryPoolOutOfMemoryError",
				"The allocation of an extra 129.3 MiB would use more than the limit 256.0 MiB."
						+ " db.memory.transaction.max threshold reached");
		assertThat(TransactionMemoryLimit.reached(limit)).isTrue();
		assertThat(TransactionMemoryLimit.reached(new TransientDataAccessResourceException(limit.getMessage(), limit)))
			.isTrue();
		assertThat(TransactionMemoryLimit
			.reached(new ClientException("Neo.ClientError.General.TransactionOutOfMemoryError", "too much"))).isTrue();
	}

	@Test
	void otherErrorsAreNotIt() {
		assertThat(TransactionMemoryLimit
			.reached(new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"))).isFalse();
		assertThat(TransactionMemoryLimit.reached(new ClientException("Neo.ClientError.Statement.SyntaxError",
				"the words mention memory, the code does not")))
			.isFalse();
		assertThat(TransactionMemoryLimit.reached(new IllegalStateException("OutOfMemory in a message only")))
			.isFalse();
		assertThat(TransactionMemoryLimit.reached(null)).isFalse();
	}

}
