package org.chokepoint.security;

import java.util.List;

import org.chokepoint.browser.BrowserLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Reads are open, writes need the admin. The API is stateless (HTTP basic, no session, no
 * cookie), so CSRF protection has nothing to protect and is off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	/**
	 * Spring Security's own observations, off unless
	 * {@code chokepoint.security.observations} is true: with them every request runs each
	 * filter of the chain inside an observation of its own.
	 */
	@Bean
	SecurityObservationSettings securityObservations(SecurityProperties properties) {
		return properties.observations() ? SecurityObservationSettings.withDefaults().build()
				: SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
		boolean adminEnabled = properties.adminPassword() != null && !properties.adminPassword().isBlank();
		if (!adminEnabled) {
			log.info(
					"No chokepoint.security.admin-password set: the admin endpoints (/api/admin/**) refuse every call");
		}
		http.csrf(csrf -> csrf.disable())
			.cors(Customizer.withDefaults())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(Customizer.withDefaults())
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers("/api/admin/**")
					.access((authentication,
							context) -> new org.springframework.security.authorization.AuthorizationDecision(
									adminEnabled && authentication.get()
										.getAuthorities()
										.stream()
										.anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"))));
				// read-only analyses that take a request body; ad-hoc Cypher is the
				// admin's when chokepoint.security.adhoc-requires-admin is on
				// (NetworkExposure)
				if (properties.adhocRequiresAdmin()) {
					requests.requestMatchers(HttpMethod.POST, "/api/cypher").hasRole("ADMIN");
				}
				requests.requestMatchers(HttpMethod.POST, "/api/scenarios", "/api/cypher").permitAll();
				requests.requestMatchers(HttpMethod.GET, "/**").permitAll();
				requests.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
				requests.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
				requests.requestMatchers("/error").permitAll();
				requests.anyRequest().denyAll();
			});
		return http.build();
	}

	/**
	 * A URL the firewall refuses (an encoded slash or percent, a semicolon, a backslash,
	 * a control character) is a 400 saying why; the error page turns it into a problem
	 * detail.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, ex) -> {
			if (!response.isCommitted()) {
				response.sendError(HttpStatus.BAD_REQUEST.value(), ex.getMessage());
			}
		};
	}

	@Bean
	UserDetailsService users(SecurityProperties properties, PasswordEncoder encoder) {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		if (properties.adminPassword() != null && !properties.adminPassword().isBlank()) {
			users.createUser(User.withUsername(properties.adminUsername())
				.password(encoder.encode(properties.adminPassword()))
				.roles("ADMIN")
				.build());
		}
		// InMemoryUserDetailsManager finds users case-insensitively: the name must match
		// exactly
		return username -> {
			if (!username.equals(properties.adminUsername())) {
				throw new org.springframework.security.core.userdetails.UsernameNotFoundException("no such user");
			}
			return users.loadUserByUsername(username);
		};
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(List.copyOf(properties.corsAllowedOrigins()));
		cors.setAllowedMethods(List.of("GET", "POST"));
		cors.setAllowedHeaders(List.of("Content-Type", "Accept", "Authorization", "If-None-Match"));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.corsAllowedOrigins().isEmpty()) {
			source.registerCorsConfiguration("/api/**", cors);
		}
		// the Browser guide is public, read-only HTML; Neo4j Browser may have been opened
		// at another
		// loopback name than the guide's, and asks with Cache-Control and Pragma (a
		// preflight)
		CorsConfiguration guide = new CorsConfiguration();
		guide.addAllowedOrigin("*");
		guide.setAllowedMethods(List.of("GET"));
		guide.addAllowedHeader("*");
		source.registerCorsConfiguration(BrowserLinks.GUIDE_PATH, guide);
		return source;
	}

}
