/**
 * itsm-kit/topology: what a failing database impacts, and which alerting CI is the root cause.
 * Run: npx tsx examples/topology.ts
 */
import { createTopology } from '../src/topology';

const topo = createTopology({
  cis: [
    { id: 'checkout', name: 'Checkout', ciClass: 'business_service' },
    { id: 'app', name: 'checkout-app', ciClass: 'application' },
    { id: 'vm', name: 'vm-17', ciClass: 'server' },
    { id: 'db', name: 'orders-db', ciClass: 'database' },
  ],
  relationships: [
    { from: 'checkout', to: 'app', type: 'depends_on' },
    { from: 'app', to: 'vm', type: 'hosted_on' },
    { from: 'app', to: 'db', type: 'depends_on' },
  ],
});

for (const hit of topo.impactedBy('db')) console.log(`db impacts ${hit.ciId} in ${hit.hops} hop(s): ${hit.path.join(' <- ')}`);
console.log(`services impacted by db: ${topo.impactedServices('db').join(', ')}`);
console.log(`app depends on: ${topo.dependenciesOf('app').map((r) => r.ciId).join(', ')}`);
const [root] = topo.rootCauseCandidates(['checkout', 'app', 'db']);
console.log(`root cause of alerts on checkout, app, db: ${root?.ciId} (impacts ${root?.impactedCiIds.join(', ')})`);
