package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The packages' boundaries, checked by the build: each package directly under
 * {@code org.chokepoint} is a module; no two may depend on each other (directly or round
 * a longer cycle), and none may use a type of another's sub-package (its internals).
 * Reads the compiled classes only: no application start, no database.
 */
class ModularityTests {

	/** What every feature may use; these must not use a feature in turn. */
	private static final Set<String> FOUNDATION = Set.of("web", "paging", "csv", "http", "database", "schema");

	private static final ApplicationModules modules = ApplicationModules.of(ChokepointApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
		modules.verify();
	}

	@Test
	void foundationModulesDependOnNoFeature() {
		for (String name : FOUNDATION) {
			ApplicationModule module = modules.getModuleByName(name)
				.orElseThrow(() -> new AssertionError("No module " + name));
			List<String> uses = module.getDirectDependencies(modules)
				.uniqueModules()
				.map(ApplicationModule::getName)
				.toList();
			assertThat(uses).as("modules that %s uses", name).isSubsetOf(FOUNDATION);
		}
	}

}
