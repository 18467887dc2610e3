package org.chokepoint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * The whole application on its own embedded Neo4j: a random Bolt port, a throwaway
 * database directory under {@code target/}, a random HTTP port. Test classes with the
 * same properties share one application context (and database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface ChokepointTest {

	/**
	 * Extra properties, e.g. {@code chokepoint.import.on-startup=false} for tests that
	 * import fixtures.
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}
