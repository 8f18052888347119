// `npm run bench [-- NAME [args...]]`: runs bench/NAME.bench.ts, or every benchmark when no name is given.
// Benchmarks print figures; they are never timed tests. Each exports `run(args: string[]): Promise<void>`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (name === '--list' || name === 'help') {
  console.log(`benchmarks: ${available.join(', ')}`);
  process.exit(0);
}
const chosen = name && !name.startsWith('-') ? [name] : available;
for (const b of chosen) {
  if (!available.includes(b)) {
    console.error(`no benchmark named "${b}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench ${b}`);
  const mod = (await import(pathToFileURL(path.join(here, `${b}.bench.ts`)).href)) as { run: (a: string[]) => Promise<void> };
  await mod.run(name && !name.startsWith('-') ? args : []);
}
