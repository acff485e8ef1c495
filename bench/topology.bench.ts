import type { Relationship } from '../src/models';
import { createTopology } from '../src/topology';
import { fmt, measure, printTable } from './_lib/measure';

/** A seeded linear congruential generator, so every run walks the same graph. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * A layered 2,000-CI CMDB: 50 services -> 400 apps -> 800 VMs -> 150 hosts, 500 databases and 100
 * switches (connected_to in a ring), each app on 2 VMs and 1-2 databases, each VM on a host, each host
 * connected to a switch.
 */
export function layeredCmdb(seed = 42): { cis: { id: string; name: string; ciClass: string }[]; relationships: Relationship[] } {
  const rnd = lcg(seed);
  const pick = (prefix: string, n: number) => `${prefix}-${Math.floor(rnd() * n)}`;
  const layer = (prefix: string, n: number, ciClass: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, name: `${prefix}-${i}`, ciClass }));
  const cis = [
    ...layer('svc', 50, 'business_service'), ...layer('app', 400, 'application'), ...layer('vm', 800, 'server'),
    ...layer('host', 150, 'server'), ...layer('db', 500, 'database'), ...layer('sw', 100, 'network'),
  ];
  const rels = new Map<string, Relationship>();
  const add = (from: string, type: Relationship['type'], to: string) => rels.set(`${from} ${type} ${to}`, { from, to, type });
  for (let i = 0; i < 400; i++) {
    add(pick('svc', 50), 'depends_on', `app-${i}`);
    add(`app-${i}`, 'hosted_on', pick('vm', 800));
    add(`app-${i}`, 'hosted_on', pick('vm', 800));
    add(`app-${i}`, 'depends_on', pick('db', 500));
    if (rnd() < 0.5) add(`app-${i}`, 'depends_on', pick('db', 500));
  }
  for (let i = 0; i < 800; i++) add(`vm-${i}`, 'runs_on', pick('host', 150));
  for (let i = 0; i < 500; i++) add(`db-${i}`, 'runs_on', pick('vm', 800));
  for (let i = 0; i < 150; i++) add(`host-${i}`, 'connected_to', pick('sw', 100));
  for (let i = 0; i < 100; i++) add(`sw-${i}`, 'connected_to', `sw-${(i + 1) % 100}`);
  return { cis, relationships: [...rels.values()] };
}

/** impactedBy / dependenciesOf throughput on 2,000 CIs, against a bare Map lookup of a CI's direct neighbours. */
export default function run(): void {
  const def = layeredCmdb();
  const topo = createTopology(def);
  const ids = def.cis.map((c) => c.id);
  const direct = new Map<string, string[]>();
  for (const r of def.relationships) direct.set(r.to, [...(direct.get(r.to) ?? []), r.from]);
  const at = (i: number) => ids[(i * 7919) % ids.length]!;
  const groups = Array.from({ length: 64 }, (_, g) => Array.from({ length: 20 }, (_, k) => at(g * 20 + k)));

  console.log(`graph: ${fmt(def.cis.length)} CIs, ${fmt(def.relationships.length)} relationships`);
  const baseline = measure('Map.get(direct dependants)', (i) => direct.get(at(i))?.length ?? 0);
  const rows = [
    baseline,
    measure('impactedBy (all hops)', (i) => topo.impactedBy(at(i)).length),
    measure('impactedBy (hops: 4)', (i) => topo.impactedBy(at(i), { hops: 4 }).length),
    measure('dependenciesOf (all hops)', (i) => topo.dependenciesOf(at(i)).length),
    measure('hasPath (hops: 4)', (i) => (topo.hasPath(at(i), at(i + 1), { hops: 4 }) ? 1 : 0)),
    measure('rootCauseCandidates (20 CIs)', (i) => topo.rootCauseCandidates(groups[i % 64]!).length),
    measure('createTopology (2,000 CIs)', () => createTopology(def).size, { minMs: 500, batch: 1 }),
  ];
  const sizes = ids.map((id) => topo.impactedBy(id).length);
  console.log(`impactedBy result size: mean ${fmt(sizes.reduce((a, b) => a + b, 0) / sizes.length, 1)}, max ${fmt(Math.max(...sizes))}`);
  printTable('topology (2,000-CI layered CMDB)', rows, baseline);
}
