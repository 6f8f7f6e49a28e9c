#!/usr/bin/env node
// The plenary command: runs the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
if (process.argv[2] !== 'serve' || code !== 0) process.exitCode = code;
