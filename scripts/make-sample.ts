// `npm run sample [-- --servers N --seed S --weeks W --out FILE]`: writes the bundled sample project
// resources/samples/17-into-3.cwb (or a scaled estate for benchmarks). The file is reproducible: the
// generator is seeded and the codec's timestamp is fixed, so the same options give the same bytes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeProject, encodeProject } from '../core/project-file/codec.ts';
import { SAMPLE_DEFAULTS, generateProject } from '../core/sample/generate.ts';

/** The codec's "saved at" for the bundled sample: fixed, so the file only changes when the estate does. */
const SAMPLE_SAVED_UTC = '2026-03-09T00:00:00Z';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    servers: { type: 'string', default: String(SAMPLE_DEFAULTS.servers) },
    seed: { type: 'string', default: SAMPLE_DEFAULTS.seed },
    weeks: { type: 'string', default: String(SAMPLE_DEFAULTS.weeks) },
    out: { type: 'string', default: path.join(root, 'resources', 'samples', '17-into-3.cwb') },
  },
});

const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const t0 = performance.now();
const project = generateProject({ seed: values.seed, servers: Number(values.servers), weeks: Number(values.weeks) });
const t1 = performance.now();
const bytes = encodeProject(project, { appVersion: version, nowUtc: SAMPLE_SAVED_UTC, createdUtc: SAMPLE_SAVED_UTC });
const t2 = performance.now();
const check = decodeProject(bytes);
if (!check.ok) {
  console.error(`the encoded sample does not decode: ${check.error.code}: ${check.error.message}`);
  process.exit(1);
}
mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, bytes);
const e = project.estate;
console.log(
  `${path.relative(root, values.out)}: ${(bytes.length / 1e6).toFixed(2)} MB; ${e.servers.length} servers, ` +
    `${e.applications.length} applications, ${e.flows.length} flows, ${e.wanLinks.length} WAN links, ${project.series.hours} h; ` +
    `generated in ${(t1 - t0).toFixed(0)} ms, encoded in ${(t2 - t1).toFixed(0)} ms`,
);
