package org.chokepoint.supplychain;

import java.beans.PropertyEditorSupport;

import org.chokepoint.supplymix.Sourcing;

import org.springframework.core.convert.converter.Converter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The words of {@code sourcing}, {@code engine} and {@code detail} read by editors in
 * every controller's data binder, each by its converter (same words, same errors). The
 * conversion service would find the same converters, but its look-up compares the
 * parameter's annotations with those of every other parameter of the type, reflectively
 * (about 2 % of a cold chain answer's time at the benchmark's I size;
 * docs/performance.md); an editor is asked first.
 */
@ControllerAdvice
class ChainParameterEditors {

	private final SourcingConverter sourcing;

	private final ChainEngineConverter engine;

	private final DetailConverter detail;

	ChainParameterEditors(SourcingConverter sourcing, ChainEngineConverter engine, DetailConverter detail) {
		this.sourcing = sourcing;
		this.engine = engine;
		this.detail = detail;
	}

	/**
	 * Only for the parameters of these names (a parameter's binder is named after it): a
	 * binder is made per parameter and request, and the others have no use for these
	 * editors. A parameter of these types under another name is read by the same
	 * converter through the conversion service.
	 */
	@InitBinder({ "sourcing", "engine", "detail" })
	void chainWords(WebDataBinder binder) {
		binder.registerCustomEditor(Sourcing.class, editor(this.sourcing));
		binder.registerCustomEditor(ChainEngine.class, editor(this.engine));
		binder.registerCustomEditor(Detail.class, editor(this.detail));
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
