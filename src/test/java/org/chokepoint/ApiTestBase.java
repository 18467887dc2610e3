package org.chokepoint;

import org.chokepoint.importer.ImportService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of the API tests: the basic fixture imported once per class (importing is
 * idempotent, so classes sharing the application context don't disturb each other), and
 * {@link #api} calling the running server. Subclasses carry
 * {@code @ChokepointTest(properties = "chokepoint.import.on-startup=false")}.
 */
public abstract class ApiTestBase {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JsonMapper json;

	protected Api api;

	@BeforeAll
	static void importBasicFixture(@Autowired ImportService importService) {
		importService.importDirectory(Fixture.BASIC);
	}

	@BeforeEach
	void connect() {
		this.api = new Api(this.port, this.json);
	}

}
