package org.chokepoint.importer;

import java.util.List;
import java.util.stream.Collectors;

/** An import that was refused: nothing was written. Carries every error of the run. */
public class ImportFailedException extends RuntimeException {

	private final List<ImportError> errors;

	public ImportFailedException(List<ImportError> errors) {
		super(errors.size() + " error(s), nothing was imported:\n"
				+ errors.stream().map(ImportError::toString).collect(Collectors.joining("\n")));
		this.errors = List.copyOf(errors);
	}

	public List<ImportError> errors() {
		return this.errors;
	}

}
