package org.chokepoint.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.PropertyEditorRegistrar;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The parameter editors given to Spring MVC's binding initializer: every binder it
 * initialises gets them; an initializer they can't be given to fails the start.
 */
class ParameterEditorsTests {

	private final PropertyEditorRegistrar strict = new StrictParameterConversion();

	@Test
	void everyBinderTheInitializerMakesGetsTheEditors() {
		RequestMappingHandlerAdapter adapter = new RequestMappingHandlerAdapter();
		adapter.setWebBindingInitializer(new ConfigurableWebBindingInitializer());
		ParameterEditors.give(adapter, new PropertyEditorRegistrar[] { this.strict });
		WebDataBinder binder = new WebDataBinder(null, "year");
		adapter.getWebBindingInitializer().initBinder(binder);
		assertThat(binder.findCustomEditor(Integer.class, null)).as("the strict grammar's editor").isNotNull();
		assertThat(binder.convertIfNecessary("2019", Integer.class)).isEqualTo(2019);
		assertThatExceptionOfType(TypeMismatchException.class)
			.as("Integer.decode's +2019, which the default editor reads")
			.isThrownBy(() -> binder.convertIfNecessary("+2019", Integer.class));
	}

	@Test
	void anInitializerTheyCantBeGivenToFails() {
		RequestMappingHandlerAdapter adapter = new RequestMappingHandlerAdapter();
		adapter.setWebBindingInitializer(binder -> {
		});
		assertThatIllegalStateException()
			.isThrownBy(() -> ParameterEditors.give(adapter, new PropertyEditorRegistrar[] { this.strict }))
			.withMessageContaining("not a ConfigurableWebBindingInitializer");
		ConfigurableWebBindingInitializer taken = new ConfigurableWebBindingInitializer();
		taken.setPropertyEditorRegistrar(registry -> {
		});
		adapter.setWebBindingInitializer(taken);
		assertThatIllegalStateException()
			.isThrownBy(() -> ParameterEditors.give(adapter, new PropertyEditorRegistrar[] { this.strict }))
			.withMessageContaining("already");
	}

}
