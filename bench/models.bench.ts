import { parseAlert, priorityOf } from '../src/models';
import { measure, printTable } from './_lib/measure';

/** Model parsing throughput, against a bare JSON round trip of the same alert as the baseline. */
export default function run(): void {
  const alert = {
    id: 'a-1', source: 'prometheus', status: 'firing', severity: 'critical',
    labels: { alertname: 'DbDown', host: 'db-1', service: 'orders', env: 'prod' },
    annotations: { summary: 'database down' }, startsAt: '2026-11-23T08:00:00Z', ciId: 'db-1',
  };
  const text = JSON.stringify(alert);
  const baseline = measure('JSON.parse(alert)', () => (JSON.parse(text) as { id: string }).id.length);
  const parse = measure('parseAlert', () => (parseAlert(alert).ok ? 1 : 0));
  const prio = measure('priorityOf', (i) => priorityOf((i % 3) + 1, ((i >> 2) % 3) + 1));
  printTable('models', [baseline, parse, prio], baseline);
}
