package org.chokepoint.browser;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves Neo4j Browser, the web application under {@code browser/} in the
 * {@code neo4j-browser} jar, as classpath resources: {@code /browser/} is its
 * {@code index.html}, which loads the rest by relative paths.
 */
@Configuration(proxyBeanMethods = false)
class BrowserConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(BrowserLinks.BROWSER_PATH + "**").addResourceLocations("classpath:/browser/");
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController(BrowserLinks.BROWSER_PATH)
			.setViewName("forward:" + BrowserLinks.BROWSER_PATH + "index.html");
		registry.addRedirectViewController("/browser", BrowserLinks.BROWSER_PATH);
	}

}
