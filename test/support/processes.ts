/** A second Plenary server process, for tests of what crosses processes on one PostgreSQL. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export /** Starts `plenary serve` on the test's database and resolves with its address. */
function spawnPlenary(
  databaseUrlForChild: string,
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/plenary.mjs', 'serve', '--port', '0', '--host', '127.0.0.1', '--no-demo'],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrlForChild, PLENARY_LOG: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`plenary serve did not start in 60 s:\n${out}\n${err}`)),
      60_000,
    );
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = out.match(/serving http:\/\/localhost:(\d+)\//)?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        async close() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`plenary serve exited with ${code}:\n${out}\n${err}`));
    });
  });
}
