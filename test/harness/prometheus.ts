/**
 * A real Prometheus server (Debian's `prometheus` package) for integration tests, scraping the
 * targets a test gives it every second, on 127.0.0.1 and a free port, with its TSDB and log in a
 * temp directory. `waitForValue` waits on what Prometheus has ingested (a state), never on time.
 *
 * Also a small exporter (`startExporter`): an HTTP server whose /metrics serves counters and
 * histograms the test sets, in the text exposition format, so a test knows the exact counts
 * Prometheus should hand back.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOOPBACK, freePort } from './free-port';
import { startServerProcess } from './server-process';

export interface PrometheusServer {
  readonly url: string;
  readonly logPath: string;
  logTail(lines?: number): string;
  /** Instant query at `time` (default now); the vector's samples. */
  query(q: string, time?: Date): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  /** Polls until `q` (a scalar-valued vector query) returns `value` as of now; returns that time. */
  waitForValue(q: string, value: number, timeoutMs?: number): Promise<Date>;
  stop(): Promise<void>;
}

/** ML_DEPLOY_PROMETHEUS, else Debian's /usr/bin/prometheus, else `prometheus` on PATH. */
export function prometheusBinary(): string {
  const fromEnv = process.env.ML_DEPLOY_PROMETHEUS;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/prometheus') ? '/usr/bin/prometheus' : 'prometheus';
}

export async function startPrometheus(targets: string[], opts: { startTimeoutMs?: number } = {}): Promise<PrometheusServer> {
  const port = await freePort();
  const url = `http://${LOOPBACK}:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'ml-deploy-prometheus-'));
  const config = join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      '  - job_name: test',
      '    static_configs:',
      `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`,
      '',
    ].join('\n'),
  );
  const proc = await startServerProcess({
    name: 'prometheus',
    command: prometheusBinary(),
    args: [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=${LOOPBACK}:${port}`, '--log.level=warn'],
    logPath: join(dir, 'prometheus.log'),
    ready: async () => (await fetch(`${url}/-/ready`)).status === 200,
    url,
    startTimeoutMs: opts.startTimeoutMs ?? 30_000,
    installHint: 'Install Debian\'s prometheus (apt-get install prometheus) or set ML_DEPLOY_PROMETHEUS',
  });
  const query: PrometheusServer['query'] = async (q, time) => {
    const u = new URL(`${url}/api/v1/query`);
    u.searchParams.set('query', q);
    if (time) u.searchParams.set('time', (time.getTime() / 1000).toFixed(3));
    const body = (await (await fetch(u)).json()) as { status: string; data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> }; error?: string };
    if (body.status !== 'success') throw new Error(`prometheus: ${q}: ${body.error}`);
    return body.data.result;
  };
  return {
    url,
    logPath: proc.logPath,
    logTail: proc.logTail,
    stop: proc.stop,
    query,
    async waitForValue(q, value, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let last = 'nothing';
      for (;;) {
        const now = new Date();
        const r = await query(q, now);
        last = r.length ? r.map((s) => s.value[1]).join(',') : 'no series';
        if (r.length === 1 && Number(r[0]!.value[1]) === value) return now;
        if (Date.now() > deadline) throw new Error(`prometheus: ${q} is ${last}, waited ${timeoutMs} ms for ${value}\n${proc.logTail(20)}`);
        await new Promise((done) => setTimeout(done, 200));
      }
    },
  };
}

/** Counters and histograms in the text exposition format, set by the test. */
export interface Exporter {
  readonly target: string;
  /** Adds to a counter (created at 0 on first use). */
  inc(name: string, labels: Record<string, string>, by?: number): void;
  /** Records `values` into histogram `name` with upper bounds `le`. */
  observe(name: string, labels: Record<string, string>, le: number[], values: number[]): void;
  stop(): Promise<void>;
}

export async function startExporter(): Promise<Exporter> {
  const counters = new Map<string, { name: string; labels: Record<string, string>; value: number }>();
  const histograms = new Map<string, { name: string; labels: Record<string, string>; le: number[]; counts: number[]; sum: number; count: number }>();
  const fmt = (labels: Record<string, string>): string =>
    `{${Object.entries(labels)
      .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
      .join(',')}}`;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    const lines: string[] = [];
    for (const c of counters.values()) lines.push(`${c.name}${fmt(c.labels)} ${c.value}`);
    for (const h of histograms.values()) {
      let cum = 0;
      h.le.forEach((b, i) => {
        cum += h.counts[i]!;
        lines.push(`${h.name}_bucket${fmt({ ...h.labels, le: String(b) })} ${cum}`);
      });
      lines.push(`${h.name}_bucket${fmt({ ...h.labels, le: '+Inf' })} ${h.count}`, `${h.name}_sum${fmt(h.labels)} ${h.sum}`, `${h.name}_count${fmt(h.labels)} ${h.count}`);
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(`${lines.join('\n')}\n`);
  });
  const port = await freePort();
  await new Promise<void>((done) => server.listen(port, LOOPBACK, done));
  return {
    target: `${LOOPBACK}:${port}`,
    inc(name, labels, by = 1) {
      const k = name + fmt(labels);
      const c = counters.get(k) ?? { name, labels, value: 0 };
      c.value += by;
      counters.set(k, c);
    },
    observe(name, labels, le, values) {
      const k = name + fmt(labels);
      const h = histograms.get(k) ?? { name, labels, le, counts: le.map(() => 0), sum: 0, count: 0 };
      for (const v of values) {
        const i = le.findIndex((b) => v <= b);
        if (i >= 0) h.counts[i]!++;
        h.sum += v;
        h.count++;
      }
      histograms.set(k, h);
    },
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
