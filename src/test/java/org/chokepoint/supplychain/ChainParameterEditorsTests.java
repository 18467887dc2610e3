package org.chokepoint.supplychain;

import org.chokepoint.supplymix.Sourcing;
import org.chokepoint.web.CountingConversionService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.WebDataBinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The chain's words bound by the editors every controller's data binder gets: read as
 * their converters read them, without a look-up in the conversion service.
 */
class ChainParameterEditorsTests {

	private final CountingConversionService conversions = new CountingConversionService();

	private WebDataBinder binder() {
		WebDataBinder binder = new WebDataBinder(null);
		binder.setConversionService(this.conversions);
		new ChainParameterEditors(new SourcingConverter(), new ChainEngineConverter(), new DetailConverter())
			.registerCustomEditors(binder);
		return binder;
	}

	@Test
	void wordsAreReadInAnyCaseWithoutTheConversionService() {
		WebDataBinder binder = binder();
		assertThat(binder.convertIfNecessary(" DIRECT ", Sourcing.class)).isEqualTo(Sourcing.DIRECT);
		assertThat(binder.convertIfNecessary("traced", Sourcing.class)).isEqualTo(Sourcing.TRACED);
		assertThat(binder.convertIfNecessary("Cypher", ChainEngine.class)).isEqualTo(ChainEngine.CYPHER);
		assertThat(binder.convertIfNecessary("full", Detail.class)).isEqualTo(Detail.FULL);
		assertThat(this.conversions.lookUps()).as("look-ups in the conversion service").isZero();
	}

	@Test
	void anotherWordIsATypeMismatchWithTheConvertersReason() {
		WebDataBinder binder = binder();
		assertThatExceptionOfType(TypeMismatchException.class)
			.isThrownBy(() -> binder.convertIfNecessary("xyz", Sourcing.class))
			.withRootCauseInstanceOf(IllegalArgumentException.class)
			.withStackTraceContaining("must be traced or direct, not 'xyz'");
		assertThatExceptionOfType(TypeMismatchException.class)
			.isThrownBy(() -> binder.convertIfNecessary("all", Detail.class));
		assertThatExceptionOfType(TypeMismatchException.class)
			.isThrownBy(() -> binder.convertIfNecessary("neo", ChainEngine.class));
	}

}
