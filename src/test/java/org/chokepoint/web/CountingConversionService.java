package org.chokepoint.web;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;

/**
 * A conversion service that counts the look-ups made in it: to check that a parameter is
 * bound by an editor, without the conversion service.
 */
public final class CountingConversionService extends DefaultConversionService {

	private final AtomicInteger lookUps = new AtomicInteger();

	@Override
	public boolean canConvert(TypeDescriptor sourceType, TypeDescriptor targetType) {
		this.lookUps.incrementAndGet();
		return super.canConvert(sourceType, targetType);
	}

	/** The look-ups made so far. */
	public int lookUps() {
		return this.lookUps.get();
	}

}
