package org.chokepoint.importer;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the importer ({@code chokepoint.import.*}).
 *
 * @param onStartup whether start-up imports the data when the database is empty or holds
 * another data version (default true)
 * @param dir the folder imported at start-up (default empty: the data shipped with the
 * application)
 * @param timeout the longest an import transaction may run (default 30m)
 * @param writerThreads how many transactions stage trade flows at the same time, 1 to 16
 * (default 2)
 * @param batchSize trade flows per staging transaction, at least 1 (default 5000)
 */
@ConfigurationProperties("chokepoint.import")
public record ImportProperties(@DefaultValue("true") boolean onStartup, Path dir, @DefaultValue("30m") Duration timeout,
		@DefaultValue("2") int writerThreads, @DefaultValue("5000") int batchSize) {

	public ImportProperties {
		if (writerThreads < 1 || writerThreads > 16) {
			throw new IllegalArgumentException(
					"chokepoint.import.writer-threads must be 1 to 16, not " + writerThreads);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("chokepoint.import.batch-size must be at least 1, not " + batchSize);
		}
	}

}
