/**
 * google-gax's main module (which `@google-cloud/run`'s clients require even in REST mode) reads
 * the CommonJS `__dirname` when it loads, to find gRPC proto files it never uses in REST mode. In an
 * ES module bundle there is no `__dirname` and the load throws; give it this module's folder.
 * Imported first by clients.ts so it runs before the clients' modules.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const g = globalThis as { __dirname?: string };
g.__dirname ??= dirname(fileURLToPath(import.meta.url));
