package org.chokepoint.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkExposureTests {

	static SecurityProperties security(String password, boolean adhocRequiresAdmin) {
		return new SecurityProperties("admin", password, List.of(), adhocRequiresAdmin, false);
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST" })
	void loopbackNeedsNothing(String address) {
		assertThat(NetworkExposure.refusal(address, security(null, false))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "::", "192.168.1.10", "example.org", " " })
	void anOpenAddressWithoutAPasswordIsRefusedSayingWhatToSet(String address) {
		assertThat(NetworkExposure.refusal(address, security(null, true)))
			.hasValueSatisfying(reason -> assertThat(reason).startsWith("Refusing to start: HTTP would listen on ")
				.contains("chokepoint.security.admin-password is not set")
				.contains("listen on 127.0.0.1"));
	}

	@Test
	void noAddressAtAllMeansEveryInterface() {
		assertThat(NetworkExposure.refusal(null, security("", true)))
			.hasValueSatisfying(reason -> assertThat(reason).contains("every interface"));
	}

	@Test
	void aShortPasswordIsRefused() {
		assertThat(NetworkExposure.refusal("0.0.0.0", security("1234567", true)))
			.hasValueSatisfying(reason -> assertThat(reason).contains("shorter than 8 characters"));
	}

	@Test
	void openAdhocCypherIsRefused() {
		assertThat(NetworkExposure.refusal("0.0.0.0", security("12345678", false))).hasValueSatisfying(
				reason -> assertThat(reason).contains("chokepoint.security.adhoc-requires-admin=false"));
	}

	@Test
	void anOpenAddressWithAuthenticationStarts() {
		assertThat(NetworkExposure.refusal("0.0.0.0", security("12345678", true))).isEmpty();
		assertThat(NetworkExposure.refusal("192.168.1.10", security("a long secret", true))).isEmpty();
	}

}
