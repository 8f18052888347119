// `npm run gazetteer`: writes resources/gazetteer/cities.json, the offline place table the data-centre and
// user-site editors look cities up in, from the city-timezones package (see gazetteer-table.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gazetteerTable } from './gazetteer-table.ts';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const source = JSON.parse(readFileSync(require.resolve('city-timezones/data/cityMap.json'), 'utf8'));
const table = gazetteerTable(source);
const out = path.join(root, 'resources', 'gazetteer', 'cities.json');
const text = `${JSON.stringify(table)}\n`;
writeFileSync(out, text);
console.log(`${path.relative(root, out)}: ${table.rows.length} places, ${table.zones.length} time zones, ${(text.length / 1024).toFixed(0)} KiB`);
