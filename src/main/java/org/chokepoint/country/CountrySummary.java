package org.chokepoint.country;

/** A country in the list of countries. */
record CountrySummary(String iso3, String name) {
}
