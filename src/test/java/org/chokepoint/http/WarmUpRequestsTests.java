package org.chokepoint.http;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kind of a request: the warm-up's only with this run's token, an analyst's with
 * none, a wrong one, or without the filter; the same seen from the thread answering it.
 */
class WarmUpRequestsTests {

	private final WarmUpRequests filter = new WarmUpRequests();

	private MockHttpServletRequest filtered(String token) throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/chains/ndfeb-magnet");
		if (token != null) {
			request.addHeader(WarmUpRequests.HEADER, token);
		}
		this.filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		return request;
	}

	@Test
	void onlyThisRunsTokenMakesAWarmUpRequest() throws Exception {
		MockHttpServletRequest warmUp = filtered(this.filter.token());
		assertThat(WarmUpRequests.kind(warmUp)).isEqualTo(WarmUpRequests.WARM_UP).isEqualTo(1);
		assertThat(WarmUpRequests.isWarmUp(warmUp)).isTrue();
		for (String token : new String[] { null, "", "0".repeat(32), this.filter.token() + "0",
				new WarmUpRequests().token() }) {
			MockHttpServletRequest other = filtered(token);
			assertThat(WarmUpRequests.kind(other)).as("token %s", token).isEqualTo(WarmUpRequests.ANALYST).isEqualTo(0);
			assertThat(WarmUpRequests.isWarmUp(other)).isFalse();
		}
		MockHttpServletRequest unfiltered = new MockHttpServletRequest("GET", "/api/chains/ndfeb-magnet");
		unfiltered.addHeader(WarmUpRequests.HEADER, this.filter.token());
		assertThat(WarmUpRequests.kind(unfiltered)).as("a request the filter did not see")
			.isEqualTo(WarmUpRequests.ANALYST);
	}

	@Test
	void theThreadAnsweringARequestSeesItsKind() throws Exception {
		assertThat(WarmUpRequests.currentKind()).as("outside a request").isEqualTo(WarmUpRequests.ANALYST);
		try {
			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(filtered(this.filter.token())));
			assertThat(WarmUpRequests.currentKind()).isEqualTo(WarmUpRequests.WARM_UP);
			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(filtered(null)));
			assertThat(WarmUpRequests.currentKind()).isEqualTo(WarmUpRequests.ANALYST);
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

}
