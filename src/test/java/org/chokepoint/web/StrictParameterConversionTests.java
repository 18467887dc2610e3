package org.chokepoint.web;

import org.junit.jupiter.api.Test;

import org.springframework.web.bind.WebDataBinder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors every controller's data binder gets: text parameters bound as given,
 * without a look-up in the conversion service; numbers by the strict grammar.
 */
class StrictParameterConversionTests {

	private static WebDataBinder binder(CountingConversionService conversions) {
		WebDataBinder binder = new WebDataBinder(null);
		binder.setConversionService(conversions);
		new StrictParameterConversion().registerCustomEditors(binder);
		return binder;
	}

	@Test
	void textIsBoundAsGivenWithoutTheConversionService() {
		CountingConversionService conversions = new CountingConversionService();
		WebDataBinder binder = binder(conversions);
		assertThat(binder.convertIfNecessary(" USA ", String.class)).isEqualTo(" USA ");
		assertThat(binder.convertIfNecessary("", String.class)).as("a blank kept, not made null").isEqualTo("");
		assertThat(binder.convertIfNecessary("ndfeb-magnet", String.class)).isEqualTo("ndfeb-magnet");
		assertThat(conversions.lookUps()).as("look-ups in the conversion service").isZero();
	}

	@Test
	void numbersByTheStrictGrammar() {
		CountingConversionService conversions = new CountingConversionService();
		WebDataBinder binder = binder(conversions);
		assertThat(binder.convertIfNecessary(" 0.5 ", double.class)).isEqualTo(0.5);
		assertThat(binder.convertIfNecessary("2024", Integer.class)).isEqualTo(2024);
		assertThat(conversions.lookUps()).isZero();
	}

}
