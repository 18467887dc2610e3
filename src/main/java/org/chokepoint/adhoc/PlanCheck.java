package org.chokepoint.adhoc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;

/**
 * The first line of defence: what Neo4j says a query would do, from the summary of
 * {@code EXPLAIN <query>} (planned, never run). Only a {@code READ_ONLY} query passes;
 * Neo4j reports writes as {@code WRITE_ONLY} or {@code READ_WRITE}, schema and
 * administration commands and {@code dbms.*} procedures as {@code SCHEMA_WRITE}. Some
 * things plan as read-only yet reach outside a read query, so the plan is walked too:
 * {@code LOAD CSV} (files and URLs), {@code CALL { ... } IN TRANSACTIONS} (commits on its
 * own), {@code SHOW}/{@code TERMINATE} commands, anything planned for the {@code system}
 * database, and any procedure not on the allow-list (a procedure's declared mode says
 * nothing about file or network access).
 */
final class PlanCheck {

	private PlanCheck() {
	}

	/**
	 * Why the query may not run, or empty. The plan is walked first, for the most
	 * specific reason (a {@code dbms} procedure, an administration command); the query
	 * type decides the rest.
	 */
	static Optional<String> refusal(ResultSummary explained, Predicate<String> isAllowedProcedure) {
		if (explained.hasPlan()) {
			Deque<Plan> todo = new ArrayDeque<>();
			todo.push(explained.plan());
			while (!todo.isEmpty()) {
				Plan plan = todo.pop();
				Optional<String> refusal = refusal(plan, isAllowedProcedure);
				if (refusal.isPresent()) {
					return refusal;
				}
				plan.children().forEach(todo::push);
			}
		}
		QueryType type = explained.queryType();
		if (type == QueryType.SCHEMA_WRITE) {
			return Optional
				.of("schema changes and administration are not allowed: Neo4j plans this query as SCHEMA_WRITE");
		}
		if (type != QueryType.READ_ONLY) {
			return Optional.of("writes are not allowed: Neo4j plans this query as " + type);
		}
		if (!explained.hasPlan()) {
			return Optional.of("Neo4j gave no plan for this query, so it can't be checked");
		}
		return Optional.empty();
	}

	private static Optional<String> refusal(Plan plan, Predicate<String> isAllowedProcedure) {
		// operator types read like "ProcedureCall@neo4j": the operator, then the database
		// it runs on
		String[] parts = plan.operatorType().split("@", 2);
		String operator = parts[0];
		if (operator.equals("LoadCSV")) {
			return Optional.of("LOAD CSV is not allowed: it reads files and URLs");
		}
		if (operator.startsWith("Transaction")) {
			return Optional.of("CALL { ... } IN TRANSACTIONS is not allowed: it commits on its own");
		}
		if (operator.startsWith("Show") || operator.startsWith("Terminate")
				|| operator.equals("AdministrationCommand")) {
			return Optional.of("administration commands are not allowed");
		}
		if (parts.length > 1 && parts[1].toLowerCase(Locale.ROOT).equals("system")) {
			return Optional.of("queries on the system database are not allowed");
		}
		if (operator.equals("ProcedureCall")) {
			Value details = plan.arguments().get("Details");
			String text = details == null || details.isNull() ? "" : details.asString();
			int bracket = text.indexOf('(');
			String procedure = (bracket < 0 ? text : text.substring(0, bracket)).strip();
			if (!isAllowedProcedure.test(procedure)) {
				return Optional.of("procedure " + procedure + " is not allowed");
			}
		}
		return Optional.empty();
	}

}
