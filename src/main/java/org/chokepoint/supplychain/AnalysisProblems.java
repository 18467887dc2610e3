package org.chokepoint.supplychain;

import java.util.Comparator;

import org.chokepoint.web.BadParameterException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The analyses' bad parameters as 400 problem details naming the parameter, in the words
 * of {@link ParameterRules}: a value that can't be read as its type ("must be a whole
 * number such as 2024, not '1e309'"), one that breaks a rule ("must be between 0 and 1,
 * not NaN": numbers are echoed as the client wrote them, keys are not), a missing one
 * ("is required"). Scoped to the analyses' controllers and ordered first, as
 * {@code adhoc}'s advice is; everything else falls through to the application-wide advice
 * in {@code system}.
 */
@RestControllerAdvice(assignableTypes = { ChainController.class, ConsumerOverviewController.class,
		ConcentrationController.class, ScenarioController.class, TrendController.class, WorldMatrixController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnalysisProblems {

	@ExceptionHandler
	ProblemDetail missing(MissingServletRequestParameterException ex) {
		return problem(ex.getParameterName(), "is required");
	}

	@ExceptionHandler
	ProblemDetail unreadable(MethodArgumentTypeMismatchException ex) {
		return problem(ex.getName(), "must be " + ParameterRules.format(ex.getParameter()) + ", not '"
				+ ParameterRules.clip(String.valueOf(ex.getValue())) + "'");
	}

	/**
	 * A request parameter that breaks its rule: the first one, in the order of the
	 * method's parameters.
	 */
	@ExceptionHandler
	ProblemDetail invalid(HandlerMethodValidationException ex, WebRequest request) {
		ParameterValidationResult result = ex.getParameterValidationResults()
			.stream()
			.min(Comparator.comparingInt(r -> r.getMethodParameter().getParameterIndex()))
			.orElseThrow();
		MethodParameter parameter = result.getMethodParameter();
		String name = parameter.getParameterName();
		MessageSourceResolvable error = result.getResolvableErrors().get(0);
		String raw = request.getParameter(name);
		boolean number = Number.class.isAssignableFrom(parameter.getNestedParameterType())
				|| parameter.getNestedParameterType().isPrimitive();
		return problem(name,
				error.getDefaultMessage() + (number && raw != null ? ", not " + ParameterRules.clip(raw.strip()) : ""));
	}

	/**
	 * A body field that breaks its rule: the first by name, so that the answer does not
	 * vary.
	 */
	@ExceptionHandler
	ProblemDetail invalidBody(MethodArgumentNotValidException ex) {
		FieldError error = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.min(Comparator.comparing(FieldError::getField))
			.orElseThrow();
		return problem(error.getField(),
				error.getDefaultMessage() + ", not " + ParameterRules.clip(String.valueOf(error.getRejectedValue())));
	}

	/**
	 * As {@code system}'s advice answers a {@link BadParameterException}: the same detail
	 * and property.
	 */
	private static ProblemDetail problem(String parameter, String message) {
		BadParameterException ex = new BadParameterException(parameter, message);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setProperty("parameter", ex.parameter());
		return problem;
	}

}
