package org.chokepoint.country;

/**
 * A bloc in the list of blocs: a consumer in its own right, like a country.
 *
 * @param code the bloc's code, e.g. {@code EU}
 * @param members how many countries are members of it
 */
record BlocSummary(String code, String name, long members) {
}
