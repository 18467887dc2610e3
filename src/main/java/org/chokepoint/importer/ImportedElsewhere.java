package org.chokepoint.importer;

/**
 * The data version changed without an import by this instance: another instance of a
 * cluster imported, or the external server was loaded under this application. Published
 * when the change is seen (the next time the version is read after it, within the
 * version's trust time), so that what was read of the old data is read again; an import
 * by this instance publishes its {@link ImportReport} instead.
 *
 * @param version the data version now in the database
 */
public record ImportedElsewhere(String version) {
}
