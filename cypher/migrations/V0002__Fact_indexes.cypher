// Facts are looked up by year and source; a mineral or product is an "item" whatever its label.
CREATE INDEX mines_year IF NOT EXISTS FOR ()-[r:MINES]-() ON (r.year);
CREATE INDEX refines_year IF NOT EXISTS FOR ()-[r:REFINES]-() ON (r.year);
CREATE INDEX manufactures_year IF NOT EXISTS FOR ()-[r:MANUFACTURES]-() ON (r.year);
CREATE INDEX sources_item_stage IF NOT EXISTS FOR ()-[r:SOURCES]-() ON (r.item, r.stage);
CREATE INDEX country_name IF NOT EXISTS FOR (n:Country) ON (n.name);
CREATE INDEX mineral_name IF NOT EXISTS FOR (n:Mineral) ON (n.name);
CREATE INDEX product_name IF NOT EXISTS FOR (n:Product) ON (n.name);
