// Question: how does consumer $consumer get each of $products, stage by stage, how much of it
// depends on China, and where are the chokepoints? (domain.md, "The supply chain of a product, for
// a consumer" and "The metrics")
//
// :param products => ['ndfeb-magnet']
// :param consumer => 'EU'
// :param year => 2026
// :param sourcing => 'traced'
// :param threshold => 0.5
// :param cuts => []
//
// $products null answers every product: one row each, the exposure table of GET /api/exposure and,
// with its chokepoints, the single points of failure of GET /api/spof.
//
// $cuts is a disruption (empty for the plain analysis): a list of
// {country: 'CHN', items: ['gallium'], stages: null or ['REFINING'], targets: [] (all buyers) or
// ['USA'], fraction: 1.0}; a path that uses a cut edge keeps (1 - fraction) of its weight. Buyers
// that are members of a targeted bloc are targeted too; a cutting bloc cuts its members' supply; a
// cut never touches a party's supply to itself (the same party, or a bloc and its member).
//
// The chain is computed stage by stage, never by enumerating paths: each stage carries, per
// supplier, the weight of the paths that reach it (w) and the part of it that already passed
// through China (t). Cost: linear in the supply facts of the chain.
//
// Facts used: per (item, stage), the global output shares (MINES/REFINES/MANUFACTURES) of the newest
// year <= $year, then the best source (official, secondary, estimate), then the smallest source id,
// among groups with at least one numeric share; per (buyer, item, stage) the buyer's supply mix ($sourcing: 'traced', the producers its supply
// comes from through re-exports, or 'direct', its partners as bought), which replaces the global
// shares for that buyer. The mixes are the SOURCING_SPLIT relationships that the importer derives
// from output, trade flows, sourcing rows and reliance (supplymix.SupplyMixes: tracing solves a
// linear system, which plain Cypher cannot, so it is done once per import and stored); per (item,
// stage) those of the newest year <= $year they hold from. A buyer with neither a mix nor global
// shares skips the stage (a data gap for that buyer, listed with the weight that skipped) and buys
// at the stage below. Weight that reaches the bottom of its input chain without passing any stage
// with data ends at the unknown supplier. The bill of materials is unfolded to its full depth.
//
// Columns (shares are fractions 0..1 of one unit of the product's supply), one row per product, the
// most China-exposed first:
//   product: the product id
//   chinaExposure, unknownShare, chinaFreeShare, remainingSupply: the product's figures, those of
//     the worst input chain (highest China exposure, then lowest China-free share, then the smallest
//     leaf item id, then the first position by item ids); the three shares are put into 0..1 and add
//     up to 1
//   worstInput: that input chain's leaf item
//   chokepoints: [{item, stage, country, share, kind}] where a supplier's stage share (the largest
//     of the item's positions) is at least $threshold: CHOKEPOINT, or SOLE_SOURCE at 1
//   inputs: per leaf position (positions by depth, then by their item ids), its input chain's figures
//   stages: per position and stage: weightIn, hhi (0-10,000, of the supply that reaches the stage,
//     the unknown part not counted), unknown (weight ending at the unknown supplier), basis (GLOBAL,
//     BUYER_SOURCING or MIXED), ownBuyers (the holders that bought at their own mix there), and
//     suppliers [{country, share (stage share), china (part that touched China)}]
//   gaps: [{item, stage, buyer, weight}]: stages a buyer skipped for lack of data, with the weight
//     that skipped (the largest over the item's positions; buyers holding no weight are not listed)
//   facts: per item (by id) and stage, the split used: global {year, source, split (countries by iso3)}
//     and per-buyer sourcing (buyers by code)
MATCH (consumer:Party {code: $consumer})
CALL () {
  OPTIONAL MATCH (member:Country)-[:MEMBER_OF]->(bloc:Bloc)
  WITH bloc.code AS bloc, collect(member.iso3) AS members
  WHERE bloc IS NOT NULL
  RETURN collect({bloc: bloc, members: members}) AS blocs
}
MATCH (product:Product)
WHERE $products IS NULL OR product.id IN $products
CALL (product, consumer, blocs) {
  MATCH bom = (product)-[:REQUIRES*0..]->(:Item)
  WITH consumer, blocs, collect(DISTINCT [n IN nodes(bom) | n.id]) AS positions
  UNWIND positions AS position
  WITH consumer, blocs, positions, last(position) AS itemId
  WITH DISTINCT consumer, blocs, positions, itemId
  MATCH (item:Item {id: itemId})
  CALL (item) {
    OPTIONAL MATCH (x:Country)-[f:MINES|REFINES|MANUFACTURES]->(item)
    WHERE f.year <= $year
    OPTIONAL MATCH (s:Source {id: f.source})
    // a group's countries by iso3: their shares are summed in this order
    WITH x, f, s
    ORDER BY x.iso3, f.share
    WITH CASE type(f) WHEN 'MINES' THEN 'MINING' WHEN 'REFINES' THEN 'REFINING' ELSE 'MANUFACTURING' END AS stage,
         f.year AS year, f.source AS source,
         CASE s.quality WHEN 'official' THEN 0 WHEN 'secondary' THEN 1 ELSE 2 END AS rank,
         collect(CASE WHEN f.share IS NOT NULL THEN [x.iso3, f.share] END) AS split
    // a group without any numeric share (all published as text) says nothing about who supplies
    WHERE year IS NOT NULL AND size(split) > 0
    ORDER BY stage, year DESC, rank, source
    WITH stage, collect({year: year, source: source, split: split})[0] AS chosen
    RETURN collect({stage: stage, year: chosen.year, source: chosen.source, split: chosen.split}) AS global
  }
  CALL (item) {
    // the buyers' mixes of the newest year <= $year they hold from, per stage
    OPTIONAL MATCH (:Party)-[f:SOURCING_SPLIT {sourcing: $sourcing}]->(item)
    WHERE f.year <= $year
    WITH f.stage AS stage, max(f.year) AS asOf
    WHERE stage IS NOT NULL
    MATCH (b:Party)-[f:SOURCING_SPLIT {sourcing: $sourcing, stage: stage, year: asOf}]->(item)
    WITH b.code AS buyer, stage, f, split(f.suppliers, ',') AS codes
    ORDER BY buyer
    RETURN collect({buyer: buyer, stage: stage, year: f.dataYear, source: f.source, kind: f.kind,
                    split: [i IN range(0, size(f.shares) - 1) | [codes[i], f.shares[i]]]}) AS sourcing
  }
  WITH consumer, blocs, positions, item, global, sourcing,
       CASE WHEN item:Product THEN ['MANUFACTURING'] ELSE ['REFINING', 'MINING'] END AS candidateStages
  ORDER BY item.id
  WITH consumer, blocs, positions,
       collect({
         id: item.id,
         candidates: candidateStages,
         stages: [st IN candidateStages WHERE any(g IN global WHERE g.stage = st) OR any(o IN sourcing WHERE o.stage = st) | {
           stage: st,
           global: coalesce(head([g IN global WHERE g.stage = st | g.split]), []),
           globalYear: head([g IN global WHERE g.stage = st | g.year]),
           globalSource: head([g IN global WHERE g.stage = st | g.source]),
           sourcing: [o IN sourcing WHERE o.stage = st]
         }]
       }) AS facts
  // Disruption targets: a targeted bloc targets its members too
  UNWIND (CASE WHEN size($cuts) = 0 THEN [null] ELSE $cuts END) AS cut
  OPTIONAL MATCH (member:Country)-[:MEMBER_OF]->(targetBloc:Bloc)
  WHERE cut IS NOT NULL AND targetBloc.code IN cut.targets
  WITH consumer, blocs, positions, facts, cut, collect(member.iso3) AS members
  WITH consumer, blocs, positions, facts,
       [c IN collect(CASE WHEN cut IS NOT NULL THEN cut {.country, .items, .stages, .fraction, targets: cut.targets + members} END) WHERE c IS NOT NULL] AS cuts
  // Parents before children: positions by depth, then by their item ids
  UNWIND positions AS position
  WITH consumer, blocs, facts, cuts, position
  ORDER BY size(position), position
  WITH consumer, blocs, facts, cuts, collect(position) AS positions
  // holders: [code, w (weight), t (part that touched China), n (part that passed no stage with data)]
  WITH facts, positions, reduce(done = [], position IN positions |
    done + [reduce(
      state = CASE WHEN size(position) = 1
        THEN {position: position, holders: [[consumer.code, 1.0, 0.0, 1.0]], ut: 0.0, uc: 0.0, stages: [], gaps: []}
        ELSE head([d IN done WHERE d.position = position[0..-1] | {position: position, holders: d.holders, ut: d.ut, uc: d.uc, stages: [], gaps: []}])
      END,
      stageName IN head([f IN facts WHERE f.id = last(position) | f.candidates]) |
      head([st IN [head([f IN facts WHERE f.id = last(position) | head([x IN f.stages WHERE x.stage = stageName])])] |
      CASE WHEN st IS NULL
      // No data for anyone: every holder's weight skips the stage
      THEN state {.*, gaps: state.gaps + [h IN state.holders WHERE h[1] > 0 | {item: last(position), stage: stageName, buyer: h[0], weight: h[1]}]}
      // One stage: every holder buys the item from its own mix where known, else at global shares;
      // with neither it skips the stage.
      ELSE head([choices IN [[h IN state.holders |
          head([own IN [[o IN st.sourcing WHERE o.buyer = h[0] | o.split]] | {
            h: h,
            own: size(own) > 0,
            buys: size(own) > 0 OR st.globalYear IS NOT NULL,
            split: CASE WHEN size(own) > 0 THEN head(own) ELSE st.global END
          }])]] |
        head([buying IN [[c IN choices WHERE c.buys]] |
        head([skipping IN [[c IN choices WHERE NOT c.buys]] |
        head([flat IN [reduce(acc = [], c IN buying | acc + [xs IN c.split |
            head([m IN [CASE
                WHEN c.h[0] = xs[0]
                  OR xs[0] IN coalesce(head([b IN blocs WHERE b.bloc = c.h[0] | b.members]), [])
                  OR c.h[0] IN coalesce(head([b IN blocs WHERE b.bloc = xs[0] | b.members]), [])
                THEN 1.0
                ELSE reduce(m = 1.0, cut IN cuts |
                  CASE WHEN (cut.country = xs[0] OR xs[0] IN coalesce(head([b IN blocs WHERE b.bloc = cut.country | b.members]), []))
                         AND last(position) IN cut.items
                         AND (cut.stages IS NULL OR st.stage IN cut.stages)
                         AND (size(cut.targets) = 0 OR c.h[0] IN cut.targets)
                    THEN m * (1.0 - cut.fraction) ELSE m END)
                END] |
              [xs[0], c.h[1] * xs[1] * m, (CASE WHEN xs[0] = 'CHN' THEN c.h[1] ELSE c.h[2] END) * xs[1] * m]])])] |
          head([suppliers IN [[k IN reduce(keys = [], x IN flat | CASE WHEN x[0] IN keys THEN keys ELSE keys + [x[0]] END) |
              [k, reduce(w = 0.0, x IN flat | CASE WHEN x[0] = k THEN w + x[1] ELSE w END),
                  reduce(t = 0.0, x IN flat | CASE WHEN x[0] = k THEN t + x[2] ELSE t END)]]] |
            head([carried IN [[s IN suppliers | [s[0], s[1], s[2], 0.0]] + [c IN skipping | c.h]] |
            head([u IN [reduce(u = [0.0, 0.0], c IN buying |
                head([r IN [CASE WHEN 1.0 - reduce(s = 0.0, xs IN c.split | s + xs[1]) > 0
                                 THEN 1.0 - reduce(s = 0.0, xs IN c.split | s + xs[1]) ELSE 0.0 END] |
                  [u[0] + c.h[1] * r, u[1] + c.h[2] * r]]))] |
              head([weightIn IN [reduce(w = 0.0, c IN buying | w + c.h[1])] | {
                position: position,
                holders: [k IN reduce(keys = [], x IN carried | CASE WHEN x[0] IN keys THEN keys ELSE keys + [x[0]] END) |
                  [k, reduce(w = 0.0, x IN carried | CASE WHEN x[0] = k THEN w + x[1] ELSE w END),
                      reduce(t = 0.0, x IN carried | CASE WHEN x[0] = k THEN t + x[2] ELSE t END),
                      reduce(n = 0.0, x IN carried | CASE WHEN x[0] = k THEN n + x[3] ELSE n END)]],
                ut: state.ut + u[1],
                uc: state.uc + u[0] - u[1],
                gaps: state.gaps + [c IN skipping WHERE c.h[1] > 0 | {item: last(position), stage: st.stage, buyer: c.h[0], weight: c.h[1]}],
                stages: state.stages + CASE WHEN size(buying) = 0 THEN [] ELSE [{
                  stage: st.stage,
                  weightIn: weightIn,
                  unknown: u[0],
                  hhi: CASE WHEN weightIn > 0
                    THEN reduce(hhi = 0.0, s IN suppliers | hhi + (100.0 * s[1] / weightIn) ^ 2) END,
                  basis: CASE
                    WHEN all(c IN buying WHERE c.own) THEN 'BUYER_SOURCING'
                    WHEN none(c IN buying WHERE c.own) THEN 'GLOBAL'
                    ELSE 'MIXED' END,
                  ownBuyers: [c IN buying WHERE c.own | c.h[0]],
                  suppliers: [s IN suppliers | {
                    country: s[0],
                    share: CASE WHEN s[1] >= 1.0 THEN 1.0 WHEN s[1] > 0.0 THEN s[1] ELSE 0.0 END,
                    china: CASE WHEN s[2] >= 1.0 THEN 1.0 WHEN s[2] > 0.0 THEN s[2] ELSE 0.0 END}]
                }] END
              }])
            ])
            ])
          ])
        ])
        ])
        ])
      ])
      END
      ])
    )]
  ) AS computed
  // Input chains: one per leaf position (an item without inputs); weight that passed no stage with
  // data ends at the unknown supplier; the shares are put into 0..1 and add up to 1
  WITH facts, computed,
       [d IN computed WHERE NOT any(e IN computed WHERE size(e.position) = size(d.position) + 1 AND e.position[0..-1] = d.position) |
         head([figures IN [{
             remaining: reduce(w = d.ut + d.uc, h IN d.holders | w + h[1]),
             china: reduce(t = d.ut, h IN d.holders | t + h[2]),
             unknown: reduce(n = d.uc, h IN d.holders | n + h[3])}] |
           head([e IN [CASE WHEN figures.remaining > 0 THEN
                 CASE WHEN figures.china / figures.remaining >= 1.0 THEN 1.0
                      WHEN figures.china / figures.remaining > 0.0 THEN figures.china / figures.remaining ELSE 0.0 END END] |
           head([u IN [CASE WHEN figures.remaining > 0 THEN
                 CASE WHEN figures.unknown / figures.remaining >= 1.0 - e THEN 1.0 - e
                      WHEN figures.unknown / figures.remaining > 0.0 THEN figures.unknown / figures.remaining ELSE 0.0 END END] | {
             item: last(d.position),
             position: d.position,
             remainingSupply: figures.remaining,
             chinaExposure: e,
             unknownShare: CASE WHEN u > 0.0 THEN u WHEN u IS NOT NULL THEN 0.0 END,
             chinaFreeShare: CASE WHEN figures.remaining > 0 THEN
               CASE WHEN 1.0 - e - u >= 1.0 THEN 1.0 WHEN 1.0 - e - u > 0.0 THEN 1.0 - e - u ELSE 0.0 END END
           }])])])] AS inputs
  UNWIND inputs AS input
  WITH facts, computed, inputs, input
  ORDER BY coalesce(input.chinaExposure, -1.0) DESC, input.chinaFreeShare ASC, input.item, input.position
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
  // Gaps: per (item, stage, buyer), the largest weight that skipped over the item's positions
  CALL (computed) {
    UNWIND computed AS d
    UNWIND d.gaps AS g
    WITH g.item AS item, g.stage AS stage, g.buyer AS buyer, max(g.weight) AS weight
    ORDER BY item, stage, buyer
    RETURN collect({item: item, stage: stage, buyer: buyer, weight: weight}) AS gaps
  }
  RETURN worst.chinaExposure AS chinaExposure,
         worst.unknownShare AS unknownShare,
         worst.chinaFreeShare AS chinaFreeShare,
         reduce(m = 1.0, i IN inputs | CASE WHEN i.remainingSupply < m THEN i.remainingSupply ELSE m END) AS remainingSupply,
         worst.item AS worstInput,
         chokepoints,
         inputs,
         [d IN computed | {position: d.position, stages: d.stages}] AS stages,
         gaps,
         [f IN facts | {id: f.id, stages: f.stages}] AS facts
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
