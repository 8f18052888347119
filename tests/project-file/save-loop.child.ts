/**
 * Child process of kill-during-save.test.ts: saves project A and project B alternately to one path, forever,
 * with the real writeProjectFile, until the test SIGKILLs it. Prints "ready" once loaded, starts saving when
 * a line arrives on stdin (so the test can start the next saver while this one runs), prints "saved <n>"
 * after each completed save, and exits if stdin closes (the test went away).
 * Usage: node save-loop.mjs <target> <a> <b> [first: 0 = A first, 1 = B first] [mode: save | export]
 * mode export writes the way exportWrite does (project-store-atomic, a .bak required, no decoding).
 */
import { readFileSync, rmSync } from 'node:fs';
import { writeFileAtomic } from '../../electron/services/project-store-atomic.ts';
import { writeProjectFile } from '../../electron/services/project-store.ts';

const [target, aPath, bPath, first = '0', mode = 'save'] = process.argv.slice(2);
const write =
  mode === 'export'
    ? (path: string, bytes: Uint8Array) =>
        writeFileAtomic(path, bytes, { backup: true, requireBackup: true }).then(
          () => ({ ok: true as const }),
          (e: unknown) => ({ ok: false as const, error: { code: 'io', message: String(e) } }),
        )
    : writeProjectFile;
const versions = [readFileSync(aPath), readFileSync(bPath)];

process.stdin.on('end', () => process.exit(0));
// Warm up (module loading, JIT, the random source) on a scratch file, so that kills land in real saves.
const scratch = `${target}.warmup-${process.pid}`;
await write(scratch, versions[0]);
rmSync(scratch);
rmSync(`${scratch}.bak`, { force: true });
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
for (let n = 0; ; n++) {
  const result = await write(target, versions[(n + Number(first)) % 2]);
  if (!result.ok) {
    process.stderr.write(`${result.error.code}: ${result.error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`saved ${n + 1}\n`);
}
