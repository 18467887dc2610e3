package org.chokepoint.http;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat copies an answer to the socket through a buffer per connection, 8KB by default:
 * a 60 kB chain answer took eight writes to the socket, and the client read it in as many
 * pieces. {@code chokepoint.http.write-buffer} ({@link HttpProperties}, 64KB) sets that
 * buffer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WriteBufferConfiguration {

	/** Tomcat's name of the setting, on its connector. */
	static final String PROPERTY = "socket.appWriteBufSize";

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> answerWriteBuffer(HttpProperties properties) {
		String bytes = Long.toString(properties.writeBuffer().toBytes());
		return factory -> factory.addConnectorCustomizers(connector -> {
			if (!connector.setProperty(PROPERTY, bytes)) {
				throw new IllegalStateException("Tomcat's connector did not take " + PROPERTY + "=" + bytes);
			}
		});
	}

}
