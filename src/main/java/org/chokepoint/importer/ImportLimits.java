package org.chokepoint.importer;

/**
 * Bounds on what an import reads, checked before reading (sizes) or while reading
 * (errors); see {@link ImportProperties}.
 *
 * @param maxFileSize the largest file but trade_flows.csv, in bytes
 * @param maxTradeFlowsSize the largest trade_flows.csv, in bytes
 * @param maxTotalSize the largest folder (all its files), in bytes
 * @param maxErrorsPerFile errors listed per file; the rest are counted
 * @param maxErrors errors listed in all; the rest are counted
 */
record ImportLimits(long maxFileSize, long maxTradeFlowsSize, long maxTotalSize, int maxErrorsPerFile, int maxErrors) {

	static final ImportLimits DEFAULT = new ImportLimits(16L << 20, 1L << 30, 1L << 30, 100, 1000);

	long maxSize(ImportFile file) {
		return file == ImportFile.TRADE_FLOWS ? this.maxTradeFlowsSize : this.maxFileSize;
	}

}
