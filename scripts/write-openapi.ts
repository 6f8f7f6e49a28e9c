/** Writes the OpenAPI document generated from the routes' schemas to docs/openapi.json. */
import { writeFileSync } from 'node:fs';
import { generateOpenApi } from './openapi.js';

writeFileSync('docs/openapi.json', `${JSON.stringify(await generateOpenApi(), null, 2)}\n`);
console.log('wrote docs/openapi.json');
