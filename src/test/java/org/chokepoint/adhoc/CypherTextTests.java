package org.chokepoint.adhoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The textual check alone, without a database: what it refuses and what it must let
 * through.
 */
class CypherTextTests {

	static final Set<String> ALLOWED = Set.of("db.labels", "db.schema.visualization");

	static Optional<String> refusal(String query) {
		return CypherText.refusal(query, name -> ALLOWED.stream().anyMatch(name::equalsIgnoreCase));
	}

	@ParameterizedTest
	@ValueSource(strings = { "MATCH (c:Country) // SHOW USERS\nRETURN c",
			"MATCH (c:Country) /* DROP INDEX x; GRANT ROLE admin TO bob */ RETURN c",
			"RETURN 'LOAD CSV FROM \\'file:///etc/passwd\\'' AS s, \"CALL dbms.listConfig()\" AS t",
			"MATCH (n) RETURN n.show AS show_, n.drop, {use: 1} AS m, $use AS p",
			"MATCH (n:Show)-[:DROP]->(m) RETURN `SHOW` AS x", "CALL db.labels() YIELD label RETURN label",
			"call DB.SCHEMA.VISUALIZATION()", "MATCH (a:Country), (b:Mineral) CREATE p = (a)-[:MINES]->(b) RETURN p",
			"RETURN 1 AS one;", "RETURN 'a;b' AS s" })
	void letsThrough(String query) {
		assertThat(refusal(query)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "SHOW USERS | administration commands (SHOW ...) are not allowed",
			"show databases yield name | administration commands (SHOW ...) are not allowed",
			"USE system MATCH (n) RETURN n | the USE clause is not allowed: queries run on the default database",
			"CREATE USER bob SET PASSWORD 'x' | administration and schema commands (CREATE USER ...) are not allowed",
			"CREATE OR REPLACE DATABASE x | administration and schema commands (CREATE OR ...) are not allowed",
			"STOP DATABASE neo4j | administration commands (STOP ...) are not allowed",
			"load csv from 'file:///etc/passwd' as l return l | LOAD CSV is not allowed: it reads files and URLs",
			"CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n | CALL { ... } IN TRANSACTIONS is not allowed: it commits on its own",
			"CALL dbms.listConfig() | procedure dbms.listConfig is not allowed",
			"CALL `dbms`.`listConfig`() | procedure dbms.listConfig is not allowed",
			"CALL `dbms.listConfig`() | procedure dbms.listConfig is not allowed",
			"CALL /* db.labels */ db.ping() | procedure db.ping is not allowed",
			"RETURN apoc.load.json('http://x') AS j | apoc.load.json is not allowed: it reaches outside the database",
			"RETURN 1 AS one; RETURN 2 AS two | one statement per request" })
	void refuses(String query, String reason) {
		assertThat(refusal(query)).contains(reason);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "PROFILE MATCH (n) RETURN n|'        MATCH (n) RETURN n'",
					"CYPHER 5 PROFILE RETURN 1|'CYPHER 5         RETURN 1'",
					"MATCH (n) RETURN n.profile|MATCH (n) RETURN n.profile" })
	void aLeadingProfileIsBlankedForTheExplainSoPositionsHold(String query, String planned) {
		assertThat(AdhocCypherService.withoutProfile(query)).isEqualTo(planned);
	}

}
