package org.chokepoint.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request body type: a JSON property it does not have is a 400 naming the property,
 * not silently ignored (a misspelt {@code fracton} would otherwise run the scenario with
 * the default). Response types stay lenient, so clients reading them with older records
 * keep working.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RejectUnknownProperties {

}
