package org.chokepoint.csv;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chokepoint.web.ProblemWriter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A {@code format} query parameter on {@code /api} that is neither {@code csv} nor
 * {@code json} is a 400 problem detail naming the parameter, before any handler runs
 * (content negotiation would answer a bare 406, which tells nobody that the parameter was
 * the problem). Only the API: other pages may use {@code format} as they like.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class FormatParameterFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals("/api") || path.startsWith("/api/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String[] values = request.getParameterValues(CsvConfiguration.FORMAT);
		if (values != null) {
			String problem = (values.length > 1) ? "may be given once, was given " + values.length + " times"
					: CsvConfiguration.FORMATS.containsKey(values[0].strip().toLowerCase(Locale.ROOT)) ? null
							: "must be csv or json, was '" + shown(values[0]) + "'";
			if (problem != null) {
				var detail = ProblemWriter.problem(400, "Parameter 'format' " + problem, request.getRequestURI());
				detail.setProperty("parameter", CsvConfiguration.FORMAT);
				ProblemWriter.write(response, detail);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static String shown(String value) {
		return value.length() <= 40 ? value : value.substring(0, 37) + "...";
	}

}
