package org.chokepoint.http;

import java.io.IOException;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chokepoint.web.ProblemWriter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An {@code Accept} header that is not a list of media types ({@code garbage},
 * {@code *}{@code /*;q=x}) is a 406 problem detail at once: past this point Spring could
 * not even write an error answer for the request (content negotiation would fail on it
 * again), and would send an empty one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AcceptHeaderFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
			try {
				MediaType.parseMediaTypes(accept);
			}
			catch (IllegalArgumentException ex) { // InvalidMediaTypeException, or a bad q
													// value
				String shown = accept.length() <= 100 ? accept : accept.substring(0, 97) + "...";
				var problem = ProblemWriter.problem(406, "Header 'Accept' can't be read: '" + shown + "' ("
						+ ex.getMessage() + "); ask for application/json", request.getRequestURI());
				problem.setProperty("parameter", "Accept");
				ProblemWriter.write(response, problem);
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
