package org.chokepoint.browser;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves Neo4j Browser, the web application under {@code browser/} in the
 * {@code neo4j-browser} jar, as classpath resources: {@code /browser/} with a query is
 * its {@code index.html}, which loads the rest by relative paths; bare, it redirects to
 * the start link ({@link BrowserStartController}).
 */
@Configuration(proxyBeanMethods = false)
class BrowserConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(BrowserLinks.BROWSER_PATH + "**").addResourceLocations("classpath:/browser/");
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/browser", BrowserLinks.BROWSER_PATH);
	}

}
