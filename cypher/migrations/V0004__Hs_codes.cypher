// The HS codes of hs_codes.csv are kept as (:HsCode {code, factor, factorSource, note})-[:STANDS_FOR {stage}]->(:Item):
// one node per code (six digits, or a four-digit heading), which the import merges on.
CREATE CONSTRAINT hs_code IF NOT EXISTS FOR (n:HsCode) REQUIRE n.code IS UNIQUE;
