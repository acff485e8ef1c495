// A scenario run twice, in Node and in headless Chromium, against the BUILT root entry of itsm-kit.
// Plain JavaScript so the browser loads it as it is. It returns JSON-serializable results to compare.
export function runScenario(lib) {
  const out = {};
  out.priorities = [1, 2, 3].flatMap((i) => [1, 2, 3].map((u) => lib.priorityOf(i, u)));
  const bad = lib.parseIncident({ id: 'x', impact: 9 });
  out.invalidPaths = bad.ok ? [] : bad.error.issues.map((i) => i.path);
  out.errorIsTyped = !bad.ok && bad.error instanceof lib.ItsmValidationError;
  const alert = lib.parseAlert({
    id: 'a-1', source: 'prom', status: 'firing', severity: 'critical',
    labels: JSON.parse('{"alertname":"DbDown","__proto__":"x"}'), startsAt: '2026-11-23T08:00:00Z',
  });
  out.protoLabelRejected = !alert.ok;
  out.prototypeClean = Object.getPrototypeOf({}).x === undefined;
  return out;
}
