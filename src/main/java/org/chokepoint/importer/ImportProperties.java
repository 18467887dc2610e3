package org.chokepoint.importer;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
 * @param batchSize rows per transaction of a full import's staging (trade flows, output
 * facts, sourcing rows) and of its clean-up (deletions), at least 1 (default 5000)
 * @param maxFileSize the largest import file but trade_flows.csv (default 16MB); a larger
 * one is refused before it is read
 * @param maxTradeFlowsSize the largest trade_flows.csv (default 1GB)
 * @param maxTotalSize the largest folder, all its files together (default 1GB)
 * @param maxErrorsPerFile errors listed per file when an import is refused; the rest are
 * counted (default 100)
 * @param maxErrors errors listed in all; the rest are counted (default 1000)
 */
@ConfigurationProperties("chokepoint.import")
public record ImportProperties(@DefaultValue("true") boolean onStartup, Path dir, @DefaultValue("30m") Duration timeout,
		@DefaultValue("2") int writerThreads, @DefaultValue("5000") int batchSize,
		@DefaultValue("16MB") DataSize maxFileSize, @DefaultValue("1GB") DataSize maxTradeFlowsSize,
		@DefaultValue("1GB") DataSize maxTotalSize, @DefaultValue("100") int maxErrorsPerFile,
		@DefaultValue("1000") int maxErrors) {

	public ImportProperties {
		if (writerThreads < 1 || writerThreads > 16) {
			throw new IllegalArgumentException(
					"chokepoint.import.writer-threads must be 1 to 16, not " + writerThreads);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("chokepoint.import.batch-size must be at least 1, not " + batchSize);
		}
		if (maxFileSize.toBytes() < 1 || maxTradeFlowsSize.toBytes() < 1 || maxTotalSize.toBytes() < 1) {
			throw new IllegalArgumentException("chokepoint.import.max-file-size, max-trade-flows-size and"
					+ " max-total-size must be at least 1 byte");
		}
		if (maxErrorsPerFile < 1 || maxErrors < 1) {
			throw new IllegalArgumentException(
					"chokepoint.import.max-errors-per-file and max-errors must be at least 1");
		}
	}

	ImportLimits limits() {
		return new ImportLimits(this.maxFileSize.toBytes(), this.maxTradeFlowsSize.toBytes(),
				this.maxTotalSize.toBytes(), this.maxErrorsPerFile, this.maxErrors);
	}

}
