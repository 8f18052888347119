#!/usr/bin/env node
// `cwb`: runs the TypeScript CLI (scripts/cli/main.ts) through tsx's loader API.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../scripts/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
