// Validates electron-builder.yml against electron-builder's own schema, offline (npm run dist cannot run here:
// it downloads the Electron zip). Also checks that the files it names exist after a build.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'node_modules', 'app-builder-lib', 'package.json'));
const yaml = require('js-yaml');
const { validateConfiguration } = require('./out/util/config/config.js');

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
await validateConfiguration(config, { isEnabled: false, add() {} });
const missing = [config.linux.icon, 'resources/icons/icon.png'].filter((p) => !existsSync(join(root, p)));
if (missing.length) throw new Error(`electron-builder.yml names missing files: ${missing.join(', ')}`);
console.log('electron-builder.yml: valid');
