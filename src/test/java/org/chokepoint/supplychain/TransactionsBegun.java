package org.chokepoint.supplychain;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the database transactions some work begins on the calling thread (other threads'
 * are not counted): those the application's transaction manager begins, and the one
 * Spring Data Neo4j's client begins for a query run where Spring synchronizes
 * transactions but none is open (as under {@code Propagation.SUPPORTS}), which it keeps
 * bound to the thread until the scope ends.
 */
final class TransactionsBegun {

	private TransactionsBegun() {
	}

	/**
	 * How many transactions {@code work} began on this thread, run in a scope that
	 * synchronizes transactions without opening one. Both ways of counting are checked
	 * first (a read transaction begun, a query run in such a scope), so a count of 0 is
	 * not a counter that sees nothing.
	 * @param fresh run just before the work, outside the scope: what the work would read
	 * only once in a while is read there (the data version, trusted for a second, so the
	 * work does not read it)
	 */
	static int during(PlatformTransactionManager transactions, Neo4jClient client, Runnable fresh, Runnable work) {
		Thread caller = Thread.currentThread();
		AtomicInteger begun = new AtomicInteger();
		TransactionExecutionListener counter = new TransactionExecutionListener() {
			@Override
			public void beforeBegin(TransactionExecution transaction) {
				if (Thread.currentThread() == caller) {
					begun.incrementAndGet();
				}
			}
		};
		TransactionTemplate supports = new TransactionTemplate(transactions);
		supports.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
		supports.setReadOnly(true);
		ConfigurableTransactionManager manager = (ConfigurableTransactionManager) transactions;
		manager.addListener(counter);
		try {
			new TransactionTemplate(transactions).executeWithoutResult(status -> {
			});
			if (begun.get() != 1) {
				throw new IllegalStateException("The listener saw " + begun.get() + " transactions of 1 begun");
			}
			Boolean seen = supports.execute(status -> {
				client.query("RETURN 1").run();
				return !TransactionSynchronizationManager.getResourceMap().isEmpty();
			});
			if (!Boolean.TRUE.equals(seen) || begun.get() != 1) {
				throw new IllegalStateException("A query's own transaction was not seen");
			}
			fresh.run();
			Boolean bound = supports.execute(status -> {
				work.run();
				return !TransactionSynchronizationManager.getResourceMap().isEmpty();
			});
			return begun.get() - 1 + (Boolean.TRUE.equals(bound) ? 1 : 0);
		}
		finally {
			manager.getTransactionExecutionListeners().remove(counter);
		}
	}

}
