// An import writes the bulk of a new data version (the trade flows) in many small transactions,
// between country nodes labelled :StagedCountry that no query sees, then switches them in with the
// rest of the data in one transaction (importer/ImportService). They are looked up by ISO3 code.
CREATE INDEX staged_country_iso3 IF NOT EXISTS FOR (n:StagedCountry) ON (n.iso3);
