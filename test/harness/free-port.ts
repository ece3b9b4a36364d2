import { createServer } from 'node:net';

/** Host every harness server binds to: never a public interface. */
export const LOOPBACK = '127.0.0.1';

/**
 * A TCP port that was free on 127.0.0.1 a moment ago. The OS picks it (port 0), so two
 * parallel jest workers do not collide the way a fixed or random port range would; the small
 * race between closing this probe and the caller binding is accepted.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') {
        probe.close();
        reject(new Error('free-port: the OS returned no TCP address for port 0'));
        return;
      }
      const { port } = address;
      probe.close(() => resolve(port));
    });
  });
}
