// Question: how does consumer $consumer get each of $products, stage by stage, how much of it
// depends on China, and where are the chokepoints? (domain.md, "The supply chain of a product, for
// a consumer" and "The metrics")
//
// :param products => ['ndfeb-magnet']
// :param consumer => 'EU'
// :param year => 2024
// :param threshold => 0.5
// :param cuts => []
//
// $products null answers every product: one row each, the exposure table of GET /api/exposure and,
// with its chokepoints, the single points of failure of GET /api/spof.
//
// $cuts is a disruption (empty for the plain analysis): a list of
// {country: 'CHN', items: ['gallium'], stages: null or ['REFINING'], targets: [] (all buyers but the
// country itself) or ['USA'], fraction: 1.0}; a path that uses a cut edge keeps (1 - fraction) of
// its weight. Buyers that are members of a targeted bloc are targeted too.
//
// The chain is computed stage by stage, never by enumerating paths: each stage carries, per
// supplier, the weight of the paths that reach it (w) and the part of it that already passed
// through China (t). Cost: linear in the supply facts of the chain.
//
// Facts used: per (item, stage), the global output shares (MINES/REFINES/MANUFACTURES) of the newest
// year <= $year, then the best source (official, secondary, estimate), then the smallest source id;
// per (buyer, item, stage) the same rule over the buyer's SOURCES facts, which replace the global
// shares for that buyer. A stage without any fact up to $year is a data gap and is skipped.
//
// Columns (shares are fractions 0..1 of one unit of the product's supply), one row per product, the
// most China-exposed first:
//   product: the product id
//   chinaExposure, unknownShare, chinaFreeShare, remainingSupply: the product's figures, those of
//     the worst input chain (highest China exposure, then lowest China-free share)
//   worstInput: that input chain's leaf item
//   chokepoints: [{item, stage, country, share, kind}] where a supplier's stage share (the largest
//     of the item's positions) is at least $threshold: CHOKEPOINT, or SOLE_SOURCE at 1
//   inputs: per leaf position, its input chain's figures
//   stages: per position and stage: weightIn, hhi (0-10,000, of the supply that reaches the stage,
//     the unknown part not counted), unknown (weight ending at the unknown supplier), basis (GLOBAL,
//     BUYER_SOURCING or MIXED), and suppliers [{country, share (stage share), china (part that
//     touched China)}]
//   gaps: positions and stages left out for lack of any data
//   facts: per item and stage, the split used: global {year, source, split} and per-buyer sourcing
MATCH (consumer:Party {code: $consumer})
MATCH (product:Product)
WHERE $products IS NULL OR product.id IN $products
CALL (product, consumer) {
  MATCH bom = (product)-[:REQUIRES*0..12]->(:Item)
  WITH consumer, collect(DISTINCT [n IN nodes(bom) | n.id]) AS positions
  UNWIND positions AS position
  WITH consumer, positions, last(position) AS itemId
  WITH DISTINCT consumer, positions, itemId
  MATCH (item:Item {id: itemId})
  CALL (item) {
    OPTIONAL MATCH (x:Country)-[f:MINES|REFINES|MANUFACTURES]->(item)
    WHERE f.year <= $year
    OPTIONAL MATCH (s:Source {id: f.source})
    WITH CASE type(f) WHEN 'MINES' THEN 'MINING' WHEN 'REFINES' THEN 'REFINING' ELSE 'MANUFACTURING' END AS stage,
         f.year AS year, f.source AS source,
         CASE s.quality WHEN 'official' THEN 0 WHEN 'secondary' THEN 1 ELSE 2 END AS rank,
         collect(CASE WHEN f.share IS NOT NULL THEN [x.iso3, f.share] END) AS split
    WHERE year IS NOT NULL
    ORDER BY stage, year DESC, rank, source
    WITH stage, collect({year: year, source: source, split: split})[0] AS chosen
    RETURN collect({stage: stage, year: chosen.year, source: chosen.source, split: chosen.split}) AS global
  }
  CALL (item) {
    OPTIONAL MATCH (b:Party)-[f:SOURCES {item: item.id}]->(x:Party)
    WHERE f.year <= $year
    OPTIONAL MATCH (s:Source {id: f.source})
    WITH b.code AS buyer, f.stage AS stage, f.year AS year, f.source AS source,
         CASE s.quality WHEN 'official' THEN 0 WHEN 'secondary' THEN 1 ELSE 2 END AS rank,
         collect([x.code, f.share]) AS split
    WHERE buyer IS NOT NULL
    ORDER BY buyer, stage, year DESC, rank, source
    WITH buyer, stage, collect({year: year, source: source, split: split})[0] AS chosen
    RETURN collect({buyer: buyer, stage: stage, year: chosen.year, source: chosen.source, split: chosen.split}) AS sourcing
  }
  WITH consumer, positions, item, global, sourcing,
       CASE WHEN item:Product THEN ['MANUFACTURING'] ELSE ['REFINING', 'MINING'] END AS candidateStages
  WITH consumer, positions,
       collect({
         id: item.id,
         stages: [st IN candidateStages WHERE any(g IN global WHERE g.stage = st) OR any(o IN sourcing WHERE o.stage = st) | {
           stage: st,
           global: coalesce(head([g IN global WHERE g.stage = st | g.split]), []),
           globalYear: head([g IN global WHERE g.stage = st | g.year]),
           globalSource: head([g IN global WHERE g.stage = st | g.source]),
           sourcing: [o IN sourcing WHERE o.stage = st]
         }],
         gaps: [st IN candidateStages WHERE NOT any(g IN global WHERE g.stage = st) AND NOT any(o IN sourcing WHERE o.stage = st)]
       }) AS facts
  // Disruption targets: a targeted bloc targets its members too
  UNWIND (CASE WHEN size($cuts) = 0 THEN [null] ELSE $cuts END) AS cut
  OPTIONAL MATCH (member:Country)-[:MEMBER_OF]->(targetBloc:Bloc)
  WHERE cut IS NOT NULL AND targetBloc.code IN cut.targets
  WITH consumer, positions, facts, cut, collect(member.iso3) AS members
  WITH consumer, positions, facts,
       [c IN collect(CASE WHEN cut IS NOT NULL THEN cut {.country, .items, .stages, .fraction, targets: cut.targets + members} END) WHERE c IS NOT NULL] AS cuts
  // Parents before children: positions by depth
  UNWIND positions AS position
  WITH consumer, facts, cuts, position
  ORDER BY size(position)
  WITH consumer, facts, cuts, collect(position) AS positions
  WITH facts, positions, reduce(done = [], position IN positions |
    done + [reduce(
      state = CASE WHEN size(position) = 1
        THEN {position: position, holders: [[consumer.code, 1.0, 0.0]], ut: 0.0, uc: 0.0, stages: []}
        ELSE head([d IN done WHERE d.position = position[0..-1] | {position: position, holders: d.holders, ut: d.ut, uc: d.uc, stages: []}])
      END,
      st IN head([f IN facts WHERE f.id = last(position) | f.stages]) |
      // One stage: every holder buys the item from its own sourcing where known, else at global shares.
      head([choices IN [[h IN state.holders |
          head([own IN [[o IN st.sourcing WHERE o.buyer = h[0] | o.split]] | {
            h: h,
            own: size(own) > 0,
            split: CASE WHEN size(own) > 0 THEN head(own) ELSE st.global END
          }])]] |
        head([flat IN [reduce(acc = [], c IN choices | acc + [xs IN c.split |
            head([m IN [reduce(m = 1.0, cut IN cuts |
                CASE WHEN cut.country = xs[0] AND last(position) IN cut.items
                       AND (cut.stages IS NULL OR st.stage IN cut.stages)
                       AND (CASE WHEN size(cut.targets) = 0 THEN c.h[0] <> xs[0] ELSE c.h[0] IN cut.targets END)
                  THEN m * (1.0 - cut.fraction) ELSE m END)] |
              [xs[0], c.h[1] * xs[1] * m, (CASE WHEN xs[0] = 'CHN' THEN c.h[1] ELSE c.h[2] END) * xs[1] * m]])])] |
          head([suppliers IN [[k IN reduce(keys = [], x IN flat | CASE WHEN x[0] IN keys THEN keys ELSE keys + [x[0]] END) |
              [k, reduce(w = 0.0, x IN flat | CASE WHEN x[0] = k THEN w + x[1] ELSE w END),
                  reduce(t = 0.0, x IN flat | CASE WHEN x[0] = k THEN t + x[2] ELSE t END)]]] |
            head([u IN [reduce(u = [0.0, 0.0], c IN choices |
                head([r IN [CASE WHEN 1.0 - reduce(s = 0.0, xs IN c.split | s + xs[1]) > 0
                                 THEN 1.0 - reduce(s = 0.0, xs IN c.split | s + xs[1]) ELSE 0.0 END] |
                  [u[0] + c.h[1] * r, u[1] + c.h[2] * r]]))] |
              head([weightIn IN [reduce(w = 0.0, h IN state.holders | w + h[1])] | {
                position: position,
                holders: suppliers,
                ut: state.ut + u[1],
                uc: state.uc + u[0] - u[1],
                stages: state.stages + [{
                  stage: st.stage,
                  weightIn: weightIn,
                  unknown: u[0],
                  hhi: CASE WHEN weightIn > 0
                    THEN reduce(hhi = 0.0, s IN suppliers | hhi + (100.0 * s[1] / weightIn) ^ 2) END,
                  basis: CASE
                    WHEN all(c IN choices WHERE c.own) THEN 'BUYER_SOURCING'
                    WHEN none(c IN choices WHERE c.own) THEN 'GLOBAL'
                    ELSE 'MIXED' END,
                  suppliers: [s IN suppliers | {country: s[0], share: s[1], china: s[2]}]
                }]
              }])
            ])
          ])
        ])
      ])
    )]
  ) AS computed
  // Input chains: one per leaf position (an item without inputs)
  WITH facts, computed,
       [d IN computed WHERE NOT any(e IN computed WHERE size(e.position) = size(d.position) + 1 AND e.position[0..-1] = d.position) |
         head([figures IN [{
             remaining: reduce(w = d.ut + d.uc, h IN d.holders | w + h[1]),
             china: reduce(t = d.ut, h IN d.holders | t + h[2]),
             unknown: d.uc}] | {
           item: last(d.position),
           position: d.position,
           remainingSupply: figures.remaining,
           chinaExposure: CASE WHEN figures.remaining > 0 THEN figures.china / figures.remaining END,
           unknownShare: CASE WHEN figures.remaining > 0 THEN figures.unknown / figures.remaining END,
           chinaFreeShare: CASE WHEN figures.remaining > 0 THEN 1.0 - (figures.china + figures.unknown) / figures.remaining END
         }])] AS inputs
  UNWIND inputs AS input
  WITH facts, computed, inputs, input
  ORDER BY coalesce(input.chinaExposure, -1.0) DESC, input.chinaFreeShare ASC
  WITH facts, computed, inputs, collect(input)[0] AS worst
  // Single points of failure: a supplier's largest stage share over the item's positions
  CALL (computed) {
    UNWIND computed AS d
    UNWIND d.stages AS st
    UNWIND st.suppliers AS s
    WITH last(d.position) AS item, st.stage AS stage, s.country AS country, max(s.share) AS share
    WITH item, stage, country, share
    ORDER BY share DESC, item, stage, country
    WHERE share >= $threshold
    RETURN collect({item: item, stage: stage, country: country, share: share,
                    kind: CASE WHEN share >= 1.0 - 1e-9 THEN 'SOLE_SOURCE' ELSE 'CHOKEPOINT' END}) AS chokepoints
  }
  RETURN worst.chinaExposure AS chinaExposure,
         worst.unknownShare AS unknownShare,
         worst.chinaFreeShare AS chinaFreeShare,
         reduce(m = 1.0, i IN inputs | CASE WHEN i.remainingSupply < m THEN i.remainingSupply ELSE m END) AS remainingSupply,
         worst.item AS worstInput,
         chokepoints,
         inputs,
         [d IN computed | {position: d.position, stages: d.stages}] AS stages,
         reduce(g = [], f IN facts | g + [st IN f.gaps | {item: f.id, stage: st}]) AS gaps,
         facts
}
RETURN product.id AS product,
       chinaExposure,
       unknownShare,
       chinaFreeShare,
       remainingSupply,
       worstInput,
       chokepoints,
       inputs,
       stages,
       gaps,
       facts
ORDER BY coalesce(chinaExposure, -1.0) DESC, product
