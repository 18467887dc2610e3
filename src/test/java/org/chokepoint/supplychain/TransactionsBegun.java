package org.chokepoint.supplychain;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the transactions the application's transaction manager begins on the calling
 * thread while some work runs (other threads' are not counted).
 */
final class TransactionsBegun {

	private TransactionsBegun() {
	}

	/**
	 * How many transactions {@code work} began on this thread. One read transaction of
	 * its own is begun first and must be counted, so a count of 0 is not a listener that
	 * sees nothing.
	 */
	static int during(PlatformTransactionManager transactions, Runnable work) {
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
		ConfigurableTransactionManager manager = (ConfigurableTransactionManager) transactions;
		manager.addListener(counter);
		try {
			new TransactionTemplate(transactions).executeWithoutResult(status -> {
			});
			if (begun.get() != 1) {
				throw new IllegalStateException("The counter saw " + begun.get() + " transactions of 1 begun");
			}
			work.run();
		}
		finally {
			manager.getTransactionExecutionListeners().remove(counter);
		}
		return begun.get() - 1;
	}

}
