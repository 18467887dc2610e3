package org.chokepoint.web;

import org.springframework.beans.PropertyEditorRegistrar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Gives every {@link PropertyEditorRegistrar} bean (the strict grammar of numbers and
 * dates, the chain's words) to Spring MVC's binding initializer, which registers their
 * editors in the data binder made for each request parameter. {@code @InitBinder} methods
 * would do the same, but Spring MVC makes a handler method of each per request and calls
 * it reflectively per parameter (about 2 % of a cold chain answer's time at the
 * benchmark's I size; docs/performance.md). A start where the initializer is not Spring
 * Boot's configurable one fails, rather than run without the strict grammar.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ParameterEditors {

	@Bean
	static BeanPostProcessor parameterEditorRegistrars(ObjectProvider<PropertyEditorRegistrar> registrars) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof RequestMappingHandlerAdapter adapter) {
					give(adapter, registrars.orderedStream().toArray(PropertyEditorRegistrar[]::new));
				}
				return bean;
			}
		};
	}

	static void give(RequestMappingHandlerAdapter adapter, PropertyEditorRegistrar[] registrars) {
		if (!(adapter.getWebBindingInitializer() instanceof ConfigurableWebBindingInitializer initializer)) {
			throw new IllegalStateException("Spring MVC's binding initializer is " + adapter.getWebBindingInitializer()
					+ ", not a ConfigurableWebBindingInitializer: the "
					+ "parameter editors (the strict grammar of numbers and dates) can't be given to it");
		}
		if (initializer.getPropertyEditorRegistrars() != null) {
			throw new IllegalStateException("Spring MVC's binding initializer has property editor registrars "
					+ "already; giving ours would replace them");
		}
		initializer.setPropertyEditorRegistrars(registrars);
	}

}
