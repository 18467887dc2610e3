// Every node is keyed on its business key: ISO3 codes, bloc codes and slugs.
// Minerals and products are both :Item (one slug space); countries and blocs are both :Party
// (one code space: a country's code is its ISO3 code), so a fact can name either without a guess.
CREATE CONSTRAINT country_iso3 IF NOT EXISTS FOR (n:Country) REQUIRE n.iso3 IS UNIQUE;
CREATE CONSTRAINT bloc_code IF NOT EXISTS FOR (n:Bloc) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT mineral_id IF NOT EXISTS FOR (n:Mineral) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT trade_measure_id IF NOT EXISTS FOR (n:TradeMeasure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT item_id IF NOT EXISTS FOR (n:Item) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT party_code IF NOT EXISTS FOR (n:Party) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT data_version_key IF NOT EXISTS FOR (n:DataVersion) REQUIRE n.key IS UNIQUE;
