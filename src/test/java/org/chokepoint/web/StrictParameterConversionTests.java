package org.chokepoint.web;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.web.bind.WebDataBinder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors every controller's data binder gets: text parameters bound as given,
 * without a look-up in the conversion service; numbers by the strict grammar.
 */
class StrictParameterConversionTests {

	/** A conversion service that counts the look-ups made in it. */
	private static final class Counting extends DefaultConversionService {

		final AtomicInteger lookUps = new AtomicInteger();

		@Override
		public boolean canConvert(TypeDescriptor sourceType, TypeDescriptor targetType) {
			this.lookUps.incrementAndGet();
			return super.canConvert(sourceType, targetType);
		}

	}

	private static WebDataBinder binder(Counting conversions) {
		WebDataBinder binder = new WebDataBinder(null);
		binder.setConversionService(conversions);
		new StrictParameterConversion().registerCustomEditors(binder);
		return binder;
	}

	@Test
	void textIsBoundAsGivenWithoutTheConversionService() {
		Counting conversions = new Counting();
		WebDataBinder binder = binder(conversions);
		assertThat(binder.convertIfNecessary(" USA ", String.class)).isEqualTo(" USA ");
		assertThat(binder.convertIfNecessary("", String.class)).as("a blank kept, not made null").isEqualTo("");
		assertThat(binder.convertIfNecessary("ndfeb-magnet", String.class)).isEqualTo("ndfeb-magnet");
		assertThat(conversions.lookUps).as("look-ups in the conversion service").hasValue(0);
	}

	@Test
	void numbersByTheStrictGrammar() {
		Counting conversions = new Counting();
		WebDataBinder binder = binder(conversions);
		assertThat(binder.convertIfNecessary(" 0.5 ", double.class)).isEqualTo(0.5);
		assertThat(binder.convertIfNecessary("2024", Integer.class)).isEqualTo(2024);
		assertThat(conversions.lookUps).hasValue(0);
	}

}
