/**
 * Child of `bench -- hostile`: opens one .cwb with the codec (as host, renderer and CLI do) and prints
 * {code, ms, aboveBaselineMB}: the outcome, the wall time of the open, and the peak resident memory above
 * what the process held just before it.
 */
import { readFileSync } from 'node:fs';
import { resourceUsage } from 'node:process';
import { decodeProject } from '../../core/project-file/codec.ts';

const bytes = new Uint8Array(readFileSync(process.argv[2]));
const baseline = process.memoryUsage().rss;
const t0 = performance.now();
const result = decodeProject(bytes);
const ms = performance.now() - t0;
const peak = resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ code: result.ok ? 'opens' : result.error.code, message: result.ok ? '' : result.error.message.slice(0, 200), ms, aboveBaselineMB: Math.max(0, peak - baseline) / 1024 ** 2 })}\n`);
