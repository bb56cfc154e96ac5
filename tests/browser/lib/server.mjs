// Starts the built Collection Store server (src/Api/bin/Debug/net10.0) as its own process on a free loopback
// port with a temp SQLite file, a random signing key and a known admin password, in Development so /demo and
// /client/* are served. Every test file gets a fresh server; stop() ends it and removes the temp folder.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait.mjs';

export const repositoryRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const adminPassword = 'browser-tests-admin-password';

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * @param {{ accessTokenLifetime?: string, clockSkew?: string }} [options]
 * @returns {Promise<{ origin: string, graphqlUrl: string, log: () => string, stop: () => Promise<void> }>}
 */
export async function startServer(options = {}) {
  const dll = process.env.COLLECTIONSTORE_API_DLL ?? join(repositoryRoot, 'src/Api/bin/Debug/net10.0/CollectionStore.Api.dll');
  if (!existsSync(dll)) throw new Error(`The server is not built: ${dll} is missing (run dotnet build).`);
  const directory = mkdtempSync(join(tmpdir(), 'collectionstore-browser-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    ASPNETCORE_ENVIRONMENT: 'Development',
    Urls: origin,
    ConnectionStrings__Store: `Data Source=${join(directory, 'store.db')}`,
    Schema__Path: join(repositoryRoot, 'schema.graphql'),
    Auth__SigningKey: randomBytes(32).toString('base64'),
    Auth__BootstrapAdmin__Password: adminPassword,
    Demo__ClientPath: join(repositoryRoot, 'src/Client/dist'),
    Demo__PagePath: join(repositoryRoot, 'src/Client/demo'),
    Logging__LogLevel__Default: 'Warning',
  };
  if (options.accessTokenLifetime) env.Auth__AccessTokenLifetime = options.accessTokenLifetime;
  if (options.clockSkew) env.Auth__ClockSkew = options.clockSkew;
  const child = spawn('dotnet', [dll], { cwd: directory, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let exited = false;
  const exit = new Promise((done) => child.on('exit', () => { exited = true; done(); }));

  const stop = async () => {
    if (!exited) child.kill('SIGTERM');
    await exit;
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    await waitFor(async () => {
      if (exited) throw new Error(`The server exited while starting:\n${output}`);
      try {
        return (await fetch(`${origin}/health`)).ok;
      } catch {
        return false;
      }
    }, { timeoutMs: 60_000, what: 'the server to become healthy' });
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, graphqlUrl: `${origin}/graphql`, log: () => output, stop };
}
