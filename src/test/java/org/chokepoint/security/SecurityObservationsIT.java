package org.chokepoint.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Spring Security records no observation of its own by default
 * ({@code chokepoint.security.observations}): a request leaves the HTTP request metrics,
 * and no timer of the security filter chain.
 */
@ChokepointTest
class SecurityObservationsIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	@Test
	void aRequestIsMeasuredWithoutTimersOfTheSecurityFilterChain() {
		Api api = new Api(this.port, this.json);
		assertThat(api.get("/api/countries?size=1").statusCode()).isEqualTo(200);
		assertThat(api.get("/api/admin/import").statusCode()).isEqualTo(401);
		assertThat(this.meters.find("http.server.requests").timers()).isNotEmpty();
		assertThat(this.meters.getMeters()).extracting(meter -> meter.getId().getName())
			.noneMatch(name -> name.startsWith("spring.security"));
	}

}
