/** Rewrites package.json's `exports` map from the modules under src/ (see scripts/modules.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { exportsMap, publicModules } from './modules';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
pkg.exports = exportsMap(publicModules());
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log('exports:', Object.keys(pkg.exports).join(' '));
