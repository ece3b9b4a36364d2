/**
 * Promise.all that waits for every promise to settle, then rejects with the first rejection in
 * order: a refused query never leaves its siblings in flight, answering after the gate has moved
 * on or after the process meant to exit.
 */
export async function settleAll<T extends readonly unknown[]>(ps: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(ps);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
