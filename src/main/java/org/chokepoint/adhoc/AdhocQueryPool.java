package org.chokepoint.adhoc;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads ad-hoc queries run on: {@code chokepoint.cypher.concurrency} of them, with
 * {@code chokepoint.cypher.queue} places to wait. However many ad-hoc queries arrive,
 * only that many reach the database at once, so the analyses and the health check always
 * get their turn; one that finds no place is refused at once.
 */
@Component
class AdhocQueryPool implements DisposableBean {

	private final ThreadPoolExecutor executor;

	AdhocQueryPool(CypherProperties properties) {
		AtomicInteger count = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(
				properties.concurrency(), properties.concurrency(), 0, TimeUnit.MILLISECONDS, properties.queue() == 0
						? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(properties.queue()),
				runnable -> {
					Thread thread = new Thread(runnable, "adhoc-cypher-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * Queues the work, or throws {@link RejectedExecutionException} when every thread and
	 * every place in the queue is taken.
	 */
	<T> Future<T> submit(Callable<T> work) {
		return this.executor.submit(work);
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
