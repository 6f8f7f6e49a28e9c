/**
 * Generated artefacts are committed; this fails when they drift from the code:
 * the SQL migrations (drizzle-kit generate finds nothing new) and docs/openapi.json.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { generateOpenApi } from './openapi.js';

let failed = false;

// drizzle-kit reads `out` relative to the working folder, so the copy lives inside the project.
mkdirSync('node_modules/.cache', { recursive: true });
const dir = path.relative('.', mkdtempSync('node_modules/.cache/plenary-drift-'));
try {
  cpSync('src/db/migrations', path.join(dir, 'migrations'), { recursive: true });
  const config = path.join(dir, 'drizzle.config.mjs');
  writeFileSync(
    config,
    `export default { dialect: 'postgresql', schema: './src/db/schema.ts', out: './${dir}/migrations' };\n`,
  );
  const before = readdirSync(path.join(dir, 'migrations')).length;
  const output = execFileSync(
    'npx',
    ['drizzle-kit', 'generate', '--config', config, '--name', 'drift'],
    { stdio: 'pipe', encoding: 'utf8' },
  );
  if (/error/i.test(output)) throw new Error(`drizzle-kit failed: ${output}`);
  const after = readdirSync(path.join(dir, 'migrations')).length;
  if (after !== before) {
    console.error(
      'Schema drift: src/db/schema.ts has changes without a migration. Run `npm run db:generate`.',
    );
    failed = true;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const generated = `${JSON.stringify(await generateOpenApi(), null, 2)}\n`;
let committed = '';
try {
  committed = readFileSync('docs/openapi.json', 'utf8');
} catch {}
if (generated !== committed) {
  console.error('OpenAPI drift: docs/openapi.json differs from the routes. Run `npm run openapi`.');
  failed = true;
}

if (failed) process.exit(1);
console.log('No drift: migrations and docs/openapi.json match the code.');
