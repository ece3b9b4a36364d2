/**
 * A local fake of Google Cloud Monitoring's ListTimeSeries (GET /v3/projects/{p}/timeSeries) as the
 * official `@google-cloud/monitoring` client speaks it over REST (`fallback: true`). There is no
 * Cloud Monitoring emulator; this is the documented stand-in, as the Cloud Run fake is.
 *
 * What it models, and from where:
 * - Every request's query parameters (as the nested ListTimeSeriesRequest they spell) and every
 *   response are checked against the message definitions in the protos shipped inside
 *   `@google-cloud/monitoring` (packages/gcp's checkProtoJson with that package's protos.json). A bad
 *   request gets 400 INVALID_ARGUMENT; a bad response is a bug in the fake: 500, recorded in
 *   `schemaProblems`, and `assertClean()` fails the test.
 * - Filters: the subset of the Monitoring filter language the gate's docs use: terms joined by AND,
 *   each `metric.type`, `resource.type`, `metric.labels.KEY` or `resource.labels.KEY` `=` a quoted
 *   string. `metric.type` is required, as the API requires it. Anything else is 400, as the API's
 *   "Could not parse filter" would be for a wrong one (the real language is larger: the fake refuses
 *   what it does not model rather than guess).
 * - Points: a series is returned when it has points whose end time falls in [startTime, endTime];
 *   only those points, newest first, as the API returns them. No aggregation (the provider asks for
 *   none). Series are seeded by the test (`addPoint`), as Cloud Run's built-in DELTA metrics are
 *   written by Google, not by clients.
 * - Faults: `denyPermission()` answers 403 PERMISSION_DENIED naming monitoring.timeSeries.list.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import protosJson from '@google-cloud/monitoring/build/protos/protos.json' with { type: 'json' };
import protobuf from 'protobufjs';
import { checkProtoJson } from '@ml-deploy/gcp';
import { LOOPBACK } from './free-port';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface SeededSeries {
  metric: { type: string; labels: Record<string, string> };
  resource: { type: string; labels: Record<string, string> };
  metricKind: 'DELTA' | 'CUMULATIVE' | 'GAUGE';
  valueType: 'INT64' | 'DOUBLE' | 'DISTRIBUTION';
  points: Array<{ start: number; end: number; value: Json }>;
}

export interface CloudMonitoringFake {
  url: string;
  /** Adds one point (ms since the epoch for its period) to the series with these labels, creating it. */
  addPoint(series: Omit<SeededSeries, 'points'>, point: { start: number; end: number; value: Json }): void;
  calls: Array<{ path: string; filter: string | undefined; status: number }>;
  schemaProblems: string[];
  denyPermission(on?: boolean): void;
  assertClean(): void;
  stop(): Promise<void>;
}

let root: protobuf.Root | undefined;
const monitoringRoot = (): protobuf.Root => (root ??= protobuf.Root.fromJSON(protosJson as protobuf.INamespace));

const TERM = /^(metric\.type|resource\.type|metric\.labels\.[A-Za-z_][A-Za-z0-9_]*|resource\.labels\.[A-Za-z_][A-Za-z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"$/;

export function parseFilter(filter: string): Array<[string, string]> | string {
  const terms = filter.split(/\s+AND\s+/).map((t) => t.trim());
  const out: Array<[string, string]> = [];
  for (const t of terms) {
    const m = TERM.exec(t);
    if (!m) return `Could not parse filter term '${t}' (the fake knows metric.type, resource.type, metric.labels.K, resource.labels.K = "value", joined by AND)`;
    out.push([m[1]!, m[2]!.replace(/\\(.)/g, '$1')]);
  }
  if (!out.some(([k]) => k === 'metric.type')) return 'The filter must name a metric.type';
  return out;
}

function rfc3339(ms: number): string {
  return new Date(ms).toISOString();
}

export async function startCloudMonitoringFake(): Promise<CloudMonitoringFake> {
  const series: SeededSeries[] = [];
  const calls: CloudMonitoringFake['calls'] = [];
  const schemaProblems: string[] = [];
  let denied = false;

  const send = (res: ServerResponse, status: number, body: Json) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, code: string, message: string) => send(res, status, { error: { code: status, message, status: code } });

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const m = /^\/v3\/projects\/([^/]+)\/timeSeries$/.exec(url.pathname);
    const filter = url.searchParams.get('filter') ?? undefined;
    const record = (status: number) => calls.push({ path: url.pathname, filter, status });
    if (req.method !== 'GET' || !m) {
      record(404);
      return error(res, 404, 'NOT_FOUND', `the fake serves GET /v3/projects/*/timeSeries only, not ${req.method} ${url.pathname}`);
    }
    if (denied) {
      record(403);
      return error(res, 403, 'PERMISSION_DENIED', "Permission monitoring.timeSeries.list denied (or the resource may not exist).");
    }
    // The query parameters spell a ListTimeSeriesRequest (nested fields with dots); check them.
    const request: Json = { name: `projects/${m[1]}` };
    for (const [k, v] of url.searchParams) {
      if (k === '$alt') continue;
      const path = k.split('.');
      let o = request;
      for (const p of path.slice(0, -1)) o = o[p] ??= {};
      o[path.at(-1)!] = /^\d+$/.test(v) && ['pageSize'].includes(k) ? Number(v) : v;
    }
    const problems = checkProtoJson('google.monitoring.v3.ListTimeSeriesRequest', request, monitoringRoot());
    if (problems.length) {
      record(400);
      return error(res, 400, 'INVALID_ARGUMENT', `Invalid request: ${problems.join('; ')}`);
    }
    if (!filter || !request.interval?.endTime) {
      record(400);
      return error(res, 400, 'INVALID_ARGUMENT', 'Field filter and interval.endTime are required');
    }
    const terms = parseFilter(filter);
    if (typeof terms === 'string') {
      record(400);
      return error(res, 400, 'INVALID_ARGUMENT', terms);
    }
    const from = Date.parse(request.interval.startTime ?? request.interval.endTime);
    const to = Date.parse(request.interval.endTime);
    const matches = (s: SeededSeries) =>
      terms.every(([k, v]) => {
        if (k === 'metric.type') return s.metric.type === v;
        if (k === 'resource.type') return s.resource.type === v;
        const [scope, , label] = k.split('.');
        return (scope === 'metric' ? s.metric.labels : s.resource.labels)[label!] === v;
      });
    const out = series
      .filter(matches)
      .map((s) => ({ s, points: s.points.filter((p) => p.end >= from && p.end <= to).sort((a, b) => b.end - a.end) }))
      .filter((x) => x.points.length > 0)
      .map(({ s, points }) => ({
        metric: s.metric,
        resource: s.resource,
        metricKind: s.metricKind,
        valueType: s.valueType,
        points: points.map((p) => ({ interval: { startTime: rfc3339(p.start), endTime: rfc3339(p.end) }, value: p.value })),
      }));
    const body: Json = out.length ? { timeSeries: out } : {};
    const bad = checkProtoJson('google.monitoring.v3.ListTimeSeriesResponse', body, monitoringRoot());
    if (bad.length) {
      schemaProblems.push(...bad);
      record(500);
      return error(res, 500, 'INTERNAL', `the fake built a response its protos reject: ${bad.join('; ')}`);
    }
    record(200);
    send(res, 200, body);
  };

  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${port}`,
    calls,
    schemaProblems,
    addPoint(def, point) {
      const key = JSON.stringify([def.metric, def.resource]);
      let s = series.find((x) => JSON.stringify([x.metric, x.resource]) === key);
      if (!s) series.push((s = { ...structuredClone(def), points: [] }));
      s.points.push(point);
    },
    denyPermission(on = true) {
      denied = on;
    },
    assertClean() {
      if (schemaProblems.length) throw new Error(`the Cloud Monitoring fake sent responses its protos reject:\n${schemaProblems.join('\n')}`);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
