import { ItsmError, ItsmValidationError } from '../_lib/errors';
import { ALERT_SEVERITIES, type Alert } from '../models/alert';
import type { SuppressionCause, SuppressionReason } from './decisions';
import type { FingerprintRecord } from './fp-table';
import { EMPTY_FINGERPRINTS, FingerprintWriter } from './fp-table';
import { copyDict } from './own';
import type { ParkedAlert } from './parked';
import { packParked } from './parked';
import type { CorrelatorState, GroupRecord, InhibitEntry } from './state';
import { EMPTY_TABLE, TableWriter } from './table';

// Reading a state of itsm-kit 0.1.0 (layout v1): every table was a BucketTable; fingerprint records
// kept the latest alert id and their groups by key, parked alerts kept the alert object, and groups
// kept their identity and, once open, their title and an empty id list. The tables are rebuilt with
// the v2 writers, so their layout is valid by construction; every value is checked on the way, and a
// malformed one fails the whole upgrade. Nothing is dropped, except a fingerprint's group key whose
// group record is gone when the rule ids are not given (v2 code ignores such a group too).

const SUBJECT = 'correlator input';
const SEQ_SPAN = 2 ** 32;
// Rule indexes stay far below this (config limit); it keeps `r * 2^32 + seq` an exact integer.
const MAX_RULE_INDEX = 2 ** 20;
// What the v2 fingerprint table can encode (key length as one character, group and history counts).
const MAX_FP_LENGTH = 65_535;
const MAX_GROUPS = 255;
const MAX_HISTORY = 127;
const REASONS: readonly string[] = ['inhibited', 'maintenance', 'flapping', 'paused'] satisfies readonly SuppressionReason[];
const SEVERITIES: readonly string[] = ALERT_SEVERITIES;

type Obj = Readonly<Record<string, unknown>>;

function fail(where: string, reason: string): never {
  throw ItsmValidationError.at(SUBJECT, ['state'], `is a state of itsm-kit 0.1.0 (layout v1) that cannot be upgraded: ${where} ${reason}`);
}

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function obj(x: unknown, where: string): Obj {
  return isObj(x) ? x : fail(where, 'is not an object');
}

function finite(x: unknown, where: string): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : fail(where, 'is not a finite number');
}

function count(x: unknown, where: string): number {
  return Number.isSafeInteger(x) && (x as number) >= 0 ? (x as number) : fail(where, 'is not a non-negative integer');
}

function str(x: unknown, where: string): string {
  return typeof x === 'string' ? x : fail(where, 'is not a string');
}

function timeOrNull(x: unknown, where: string): number | null {
  return x === null ? null : finite(x, where);
}

function strings(x: unknown, where: string): string[] {
  if (!Array.isArray(x)) fail(where, 'is not an array');
  return x.map((s, i) => str(s, `${where}.${i}`));
}

/** A record of strings, copied without a prototype (own enumerable keys only). */
function stringMap(x: unknown, where: string): Record<string, string> {
  const m = obj(x, where);
  for (const k of Object.keys(m)) str(m[k], `${where}.${k}`);
  return copyDict(m as Record<string, string>);
}

/** The `[key, value]` entries of a v1 BucketTable, checked: buckets are arrays of string keys and values, `n` counts them. */
function entriesOf(table: unknown, name: string): Array<[string, unknown]> {
  const t = obj(table, name);
  const n = count(t.n, `${name}.n`);
  if (!Array.isArray(t.b)) fail(`${name}.b`, 'is not an array');
  const out: Array<[string, unknown]> = [];
  const buckets = t.b as readonly unknown[];
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i];
    if (b === null) continue;
    if (!Array.isArray(b) || b.length === 0 || b.length % 2 !== 0) fail(`${name}.b.${i}`, 'is not null or a non-empty [key, value, ...] array');
    for (let j = 0; j < b.length; j += 2) out.push([str(b[j], `${name}.b.${i}.${j}`), b[j + 1]]);
  }
  if (out.length !== n) fail(`${name}.n`, `is ${n} but the table holds ${out.length} entries`);
  return out;
}

/** Stores every entry in a fresh writer, refusing a key seen twice. */
function rebuild<V>(name: string, entries: ReadonlyArray<readonly [string, V]>): TableWriter<V> {
  const w = new TableWriter<V>(EMPTY_TABLE);
  for (const [key, value] of entries) {
    if (w.get(key) !== undefined) fail(name, `holds the key ${JSON.stringify(key)} twice`);
    w.set(key, value);
  }
  return w;
}

/** A v1 group record as v2 holds it: no identity; once opened, no pending ids and no title (see `openGroup`). */
function groupOf(x: unknown, where: string): GroupRecord {
  const g = obj(x, where);
  const r = count(g.r, `${where}.r`);
  if (r >= MAX_RULE_INDEX) fail(`${where}.r`, 'is not a rule index');
  str(g.i, `${where}.i`);
  const st: GroupRecord['st'] = g.st === 0 || g.st === 1 || g.st === 2 ? g.st : fail(`${where}.st`, 'is not 0, 1 or 2');
  const sv = count(g.sv, `${where}.sv`);
  if (sv > 4) fail(`${where}.sv`, 'is not a severity rank (0 to 4)');
  const p = count(g.p, `${where}.p`);
  if (p > 5) fail(`${where}.p`, 'is not a priority (0 to 5)');
  const a = strings(g.a, `${where}.a`);
  if (st !== 0 && a.length > 0) fail(`${where}.a`, 'lists alert ids of a group that is no longer pending');
  if (!Array.isArray(g.ci) || g.ci.length % 2 !== 0) fail(`${where}.ci`, 'is not a [ciId, count, ...] array');
  const ci = g.ci as readonly unknown[];
  for (let j = 0; j < ci.length; j += 2) {
    str(ci[j], `${where}.ci.${j}`);
    count(ci[j + 1], `${where}.ci.${j + 1}`);
  }
  if (g.root !== null) str(g.root, `${where}.root`);
  if (g.sx !== undefined && g.sx !== 1) fail(`${where}.sx`, 'is not 1');
  const title = str(g.title, `${where}.title`);
  const core: Omit<GroupRecord, 'title' | 'a' | 'ci' | 'root' | 'ra' | 'rt' | 'sx'> = {
    r,
    st,
    f: finite(g.f, `${where}.f`),
    l: finite(g.l, `${where}.l`),
    n: count(g.n, `${where}.n`),
    fc: count(g.fc, `${where}.fc`),
    sv,
    p,
  };
  const tail = { ci: ci.slice() as Array<string | number>, root: g.root as string | null, ra: timeOrNull(g.ra, `${where}.ra`), rt: timeOrNull(g.rt, `${where}.rt`) };
  const rec: GroupRecord = st === 0 ? { ...core, title, a, ...tail } : { ...core, title: '', ...tail };
  return g.sx === 1 ? { ...rec, sx: 1 } : rec;
}

/** The group number v2 keeps for group `key` (rule index * 2^32 + sequence). */
function groupNumberOf(key: string, g: GroupRecord, where: string): number {
  const seq = key.slice(key.lastIndexOf('#') + 1);
  if (!/^[0-9]{1,10}$/.test(seq) || Number(seq) >= SEQ_SPAN || key.lastIndexOf('#') < 1) fail(where, `has the key ${JSON.stringify(key)}, which is not "ruleId#sequence"`);
  return g.r * SEQ_SPAN + Number(seq);
}

/** The number of a group key with no group record, from the index of its rule id in `ruleIds`. */
function danglingNumber(key: string, ruleIds: readonly string[] | undefined): number | undefined {
  const hash = key.lastIndexOf('#');
  const seq = key.slice(hash + 1);
  const r = ruleIds === undefined || hash < 1 ? -1 : ruleIds.indexOf(key.slice(0, hash));
  return r < 0 || !/^[0-9]{1,10}$/.test(seq) || Number(seq) >= SEQ_SPAN ? undefined : r * SEQ_SPAN + Number(seq);
}

function fingerprintRecordOf(x: unknown, where: string, groupNumbers: ReadonlyMap<string, number>, ruleIds: readonly string[] | undefined): FingerprintRecord {
  const f = obj(x, where);
  const s: FingerprintRecord['s'] = f.s === 0 || f.s === 1 ? f.s : fail(`${where}.s`, 'is not 0 or 1');
  str(f.a, `${where}.a`);
  const keys = strings(f.g, `${where}.g`);
  if (keys.length > MAX_GROUPS) fail(`${where}.g`, `lists more than ${MAX_GROUPS} groups`);
  const g: number[] = [];
  // A key whose group record is gone (resolved and forgotten while the alert still fires) is numbered
  // from its rule id when the rules are known; otherwise it is dropped, which v2 tolerates (the
  // alert's later decisions then list no incident key for it).
  for (const key of keys) {
    const num = groupNumbers.get(key) ?? danglingNumber(key, ruleIds);
    if (num !== undefined) g.push(num);
  }
  const h = f.h === undefined ? [] : (Array.isArray(f.h) ? f.h : fail(`${where}.h`, 'is not an array')).map((x: unknown, i: number) => finite(x, `${where}.h.${i}`));
  if (h.length > MAX_HISTORY) fail(`${where}.h`, `holds more than ${MAX_HISTORY} times`);
  const core = { s, t: finite(f.t, `${where}.t`), c: count(f.c, `${where}.c`), g, h };
  return f.fu === undefined ? core : { ...core, fu: finite(f.fu, `${where}.fu`) };
}

function causeOf(x: unknown, reason: string, where: string): SuppressionCause {
  const c = obj(x, where);
  if (c.kind !== reason) fail(`${where}.kind`, `is not the reason ${JSON.stringify(reason)}`);
  if (c.kind === 'paused') return { kind: 'paused', ruleId: str(c.ruleId, `${where}.ruleId`) };
  // packParked keeps only the pausing rule of a cause; the others are checked for their kind only.
  return c as unknown as SuppressionCause;
}

function parkedOf(x: unknown, where: string): ParkedAlert {
  const p = obj(x, where);
  const reason = str(p.reason, `${where}.reason`);
  if (!REASONS.includes(reason)) fail(`${where}.reason`, 'is not a suppression reason');
  const a = obj(p.alert, `${where}.alert`);
  const severity = str(a.severity, `${where}.alert.severity`);
  if (!SEVERITIES.includes(severity)) fail(`${where}.alert.severity`, 'is not an alert severity');
  if (a.ciId !== undefined) str(a.ciId, `${where}.alert.ciId`);
  const alert: Alert = {
    id: str(a.id, `${where}.alert.id`),
    source: str(a.source, `${where}.alert.source`),
    status: 'firing',
    severity: severity as Alert['severity'],
    labels: stringMap(a.labels, `${where}.alert.labels`),
    annotations: stringMap(a.annotations, `${where}.alert.annotations`),
    startsAt: '',
    ...(a.ciId === undefined ? {} : { ciId: a.ciId as string }),
  };
  return packParked(alert, reason as SuppressionReason, causeOf(p.cause, reason, `${where}.cause`), timeOrNull(p.u, `${where}.u`));
}

function inhibitOf(x: unknown, where: string): InhibitEntry {
  const e = obj(x, where);
  const tg = obj(e.tg, `${where}.tg`);
  for (const k of Object.keys(tg)) if (tg[k] !== 1) fail(`${where}.tg.${k}`, 'is not 1');
  return { src: stringMap(e.src, `${where}.src`), tg: copyDict(tg as Record<string, 1>) };
}

function upgradeV1(s: Obj, ruleIds: readonly string[] | undefined): CorrelatorState {
  const groupEntries = entriesOf(s.groups, 'groups').map(([key, v]) => [key, groupOf(v, `groups[${JSON.stringify(key)}]`)] as const);
  const groups = rebuild('groups', groupEntries);
  const groupNumbers = new Map<string, number>();
  for (const [key, g] of groupEntries) groupNumbers.set(key, groupNumberOf(key, g, `groups[${JSON.stringify(key)}]`));

  const fps = new FingerprintWriter(EMPTY_FINGERPRINTS);
  for (const [fp, v] of entriesOf(s.fps, 'fps')) {
    const where = `fps[${JSON.stringify(fp)}]`;
    if (fp.length === 0 || fp.length > MAX_FP_LENGTH) fail(where, 'has a key that is not a fingerprint');
    if (fps.find(fp)) fail('fps', `holds the key ${JSON.stringify(fp)} twice`);
    fps.set(fp, fingerprintRecordOf(v, where, groupNumbers, ruleIds));
  }

  const keyed = (name: string) => entriesOf(s[name], name).map(([k, v]) => [k, str(v, `${name}[${JSON.stringify(k)}]`)] as const);
  return {
    v: 2,
    seq: count(s.seq, 'seq'),
    open: count(s.open, 'open'),
    tracked: count(s.tracked, 'tracked'),
    next: timeOrNull(s.next, 'next'),
    fps: fps.result(),
    groups: groups.result(),
    index: rebuild('index', keyed('index')).result(),
    inhibit: rebuild('inhibit', entriesOf(s.inhibit, 'inhibit').map(([k, v]) => [k, inhibitOf(v, `inhibit[${JSON.stringify(k)}]`)] as const)).result(),
    parked: rebuild('parked', entriesOf(s.parked, 'parked').map(([k, v]) => [k, parkedOf(v, `parked[${JSON.stringify(k)}]`)] as const)).result(),
    cis: rebuild('cis', keyed('cis')).result(),
  };
}

/** True for a v1 state (`v: 1`), which {@link upgradeCorrelatorState} reads. */
export function isV1State(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { v?: unknown }).v === 1;
}

/**
 * Reads a correlator state stored by itsm-kit 0.1.0 (layout v1) as the equivalent state of this
 * version (layout v2); a v2 state is returned as is. The input is never mutated. `ingest` and `tick`
 * upgrade a v1 state themselves, on every call it is passed to, so persist the state they return (or
 * upgrade stored states once with this function). Pass the ids of the config's rules, in order, as
 * `ruleIds` (`correlator.config.rules.map((r) => r.id)`): a still-firing alert of a group that was
 * resolved and forgotten then keeps naming that incident, as 0.1.0 did; without them that one key
 * is dropped. Throws an ItsmValidationError at `state` when the state is malformed, naming what is
 * wrong.
 *
 * @example
 * const stored = JSON.parse(text); // saved by itsm-kit 0.1.0
 * const state = upgradeCorrelatorState(stored); // state.v === 2
 * correlator.tick(state, Date.parse('2026-11-23T08:00:00Z'));
 */
export function upgradeCorrelatorState(state: unknown, ruleIds?: readonly string[]): CorrelatorState {
  if (isV1State(state)) {
    try {
      return upgradeV1(state as Obj, ruleIds);
    } catch (e) {
      if (e instanceof ItsmError) throw e;
      throw ItsmValidationError.at(SUBJECT, ['state'], `is a state of itsm-kit 0.1.0 (layout v1) that cannot be upgraded: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (typeof state !== 'object' || state === null || (state as { v?: unknown }).v !== 2 || !Array.isArray((state as { fps?: { k?: unknown } }).fps?.k)) {
    throw ItsmValidationError.at(SUBJECT, ['state'], 'must be a state from initialState(), ingest() or tick()');
  }
  return state as CorrelatorState;
}
