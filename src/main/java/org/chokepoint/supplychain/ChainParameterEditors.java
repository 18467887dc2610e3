package org.chokepoint.supplychain;

import java.beans.PropertyEditorSupport;

import org.chokepoint.supplymix.Sourcing;

import org.springframework.beans.PropertyEditorRegistrar;
import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * The words of {@code sourcing}, {@code engine} and {@code detail} read by editors in
 * every controller's data binder, each by its converter (same words, same errors). The
 * conversion service would find the same converters, but its look-up compares the
 * parameter's annotations with those of every other parameter of the type, reflectively
 * (about 2 % of a cold chain answer's time at the benchmark's I size;
 * docs/performance.md); an editor is asked first. Given to every binder by the binding
 * initializer ({@code org.chokepoint.web.ParameterEditors}).
 */
@Component
class ChainParameterEditors implements PropertyEditorRegistrar {

	private final SourcingConverter sourcing;

	private final ChainEngineConverter engine;

	private final DetailConverter detail;

	ChainParameterEditors(SourcingConverter sourcing, ChainEngineConverter engine, DetailConverter detail) {
		this.sourcing = sourcing;
		this.engine = engine;
		this.detail = detail;
	}

	@Override
	public void registerCustomEditors(PropertyEditorRegistry registry) {
		registry.registerCustomEditor(Sourcing.class, editor(this.sourcing));
		registry.registerCustomEditor(ChainEngine.class, editor(this.engine));
		registry.registerCustomEditor(Detail.class, editor(this.detail));
	}

	private static PropertyEditorSupport editor(Converter<String, ?> converter) {
		return new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				setValue(text == null ? null : converter.convert(text));
			}
		};
	}

}
