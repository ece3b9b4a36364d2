/**
 * push-image: copy an image by digest from the source registry to the target, registry to
 * registry (packages/oci copyImage), with each side's credentials; for ECR targets, check the
 * repository and its immutable tags before anything is written. Outputs, report and summary say
 * what was copied, mounted or already there, and what the target answered for the digest.
 */
import { type ActionContext, codeSpan, ConfigurationError, md, UserError } from '@ml-deploy/action-kit';
import { type EcrRepositoryCheck, parseEcrHost } from '@ml-deploy/aws';
import { copyImage, type CopyReport, CopyImageError, RegistryError, type RegistryClientOptions } from '@ml-deploy/oci';
import type { Inputs } from './inputs';
import { type CloudCredentials, credentialProvider, resolveAuth } from './registry-auth';

export interface Deps extends Pick<ActionContext, 'logger' | 'summary' | 'setOutput' | 'secrets'> {
  cloud: CloudCredentials;
  /** ECR repository lookups for an ECR target (DescribeRepositories, DescribeImages). */
  checkEcrRepository(region: string | undefined, repository: string, registryId: string | undefined, tags: string[]): Promise<EcrRepositoryCheck>;
  writeReport(report: PushReport): Promise<string>;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Retry pacing (tests make it quick). */
  registry?: Pick<RegistryClientOptions, 'attempts' | 'baseDelayMs'>;
}

export interface PushReport {
  result: 'pushed' | 'failed';
  source: string;
  target: string;
  auth: { source: string; target: string };
  digest?: string;
  tags: string[];
  copy?: Omit<CopyReport, 'verified'> & { verified?: CopyReport['verified'] };
  error?: { kind: string; message: string; blob?: string };
}

export class PushFailedError extends UserError {
  override readonly name = 'PushFailedError';
}

export async function run(inputs: Inputs, deps: Deps): Promise<PushReport> {
  const { logger } = deps;
  const sourceAuth = resolveAuth(inputs.source);
  const targetAuth = resolveAuth(inputs.target);
  const tags = [...new Set([...(inputs.target.ref.tag ? [inputs.target.ref.tag] : []), ...inputs.tags])];
  const targetRepo = `${inputs.target.ref.registry ?? 'docker.io'}/${inputs.target.ref.repository}`;
  const report: PushReport = { result: 'failed', source: inputs.source.reference, target: targetRepo, auth: { source: sourceAuth, target: targetAuth }, tags };
  logger.info(`source ${inputs.source.reference} (auth: ${sourceAuth}); target ${targetRepo} (auth: ${targetAuth})${tags.length ? `, tags ${tags.join(', ')}` : ''}`);

  const providerCtx = {
    cloud: deps.cloud,
    githubToken: inputs['github-token'],
    githubActor: deps.env.GITHUB_ACTOR,
    region: inputs.region,
    onSecret: (v: string) => deps.secrets.add(v),
  };
  const side = (auth: typeof sourceAuth, s: Inputs['source'], names: { user: string; password: string }): RegistryClientOptions => {
    const provider = credentialProvider(s, auth, providerCtx, names);
    return {
      env: deps.env,
      onSecret: (v) => deps.secrets.add(v),
      log: (m) => logger.info(m),
      ...(deps.signal ? { signal: deps.signal } : {}),
      ...deps.registry,
      ...(provider ? { credentials: provider } : {}),
    };
  };

  let ecr: EcrRepositoryCheck | undefined;
  let copy: CopyReport;
  try {
    if (targetAuth === 'ecr') {
      const host = parseEcrHost(inputs.target.ref.registry ?? '');
      ecr = await deps.checkEcrRepository(host?.region ?? inputs.region, inputs.target.ref.repository, host?.registryId, tags);
      logger.info(`ECR repository ${inputs.target.ref.repository}: tags ${ecr.immutableTags ? 'immutable' : 'mutable'}${Object.keys(ecr.existingTags).length ? `; existing: ${Object.entries(ecr.existingTags).map(([t, d]) => `${t}=${d}`).join(', ')}` : ''}`);
    }
    copy = await copyImage(inputs.source.reference, inputs.target.reference, {
      source: side(sourceAuth, inputs.source, { user: 'source-username', password: 'source-password' }),
      target: side(targetAuth, inputs.target, { user: 'username', password: 'password' }),
      tags,
      mount: inputs.mount,
      chunkBytes: inputs['chunk-size'],
      log: (m) => logger.info(m),
      beforeWrite: async (digest) => {
        report.digest = digest;
        if (!ecr?.immutableTags) return;
        const clash = Object.entries(ecr.existingTags).filter(([, d]) => d !== digest);
        if (clash.length > 0) {
          throw new ConfigurationError(
            `the ECR repository ${inputs.target.ref.repository} has immutable tags, and ${clash.map(([t, d]) => `'${t}' already names ${d}`).join(', ')}; the source is ${digest}. Choose a new tag; nothing was pushed`,
          );
        }
      },
    });
  } catch (err) {
    if (err instanceof CopyImageError) {
      report.copy = err.partial;
      report.digest = err.partial.digest;
    }
    if (err instanceof RegistryError || err instanceof UserError) {
      report.error = { kind: err instanceof RegistryError ? err.kind : 'configuration', message: deps.secrets.redact(err.message) };
      if (err instanceof CopyImageError && err.failedDigest) report.error.blob = err.failedDigest;
    } else {
      report.error = { kind: 'internal', message: deps.secrets.redact((err as Error).message) };
    }
    await finish(report, deps);
    if (err instanceof RegistryError && !err.isUsersToFix) throw err;
    if (err instanceof RegistryError) throw new PushFailedError(err.message);
    throw err;
  }
  report.result = 'pushed';
  report.digest = copy.digest;
  report.copy = copy;
  deps.setOutput('image', copy.target);
  deps.setOutput('image-digest', copy.digest);
  deps.setOutput('digest', copy.digest);
  deps.setOutput('tags', tags.map((t) => `${targetRepo}:${t}`).join('\n'));
  await finish(report, deps);
  return report;
}

async function finish(report: PushReport, deps: Deps): Promise<void> {
  const path = await deps.writeReport(report);
  deps.setOutput('report', path);
  writeSummary(report, deps);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

function writeSummary(report: PushReport, deps: Deps): void {
  const s = deps.summary;
  s.heading('push-image');
  if (report.result === 'pushed') {
    s.status('ok', `**Pushed** ${report.target}@${report.digest} — the target serves the same digest as the source.`);
  } else {
    s.status('failed', `**Push failed**: ${report.error?.message ?? 'unknown error'}`);
  }
  s.keyValues([
    ['Source', codeSpan(report.source)],
    ['Target', codeSpan(report.target)],
    ['Digest', report.digest ? codeSpan(report.digest) : undefined],
    ['Tags', report.tags.length ? md(report.tags.map((t) => codeSpan(t).markdown).join(' ')) : undefined],
    ['Auth', `source: ${report.auth.source}, target: ${report.auth.target}`],
  ]);
  const c = report.copy;
  if (c) {
    const t = c.totals;
    s.table(
      ['Blobs', 'Count', 'Size'],
      [
        ['copied (streamed registry to registry)', t.copied, formatBytes(t.bytesCopied)],
        ['mounted (linked from the source repository)', t.mounted, formatBytes(t.bytesMounted)],
        ['skipped (already on the target)', t.skipped, formatBytes(t.bytesSkipped)],
      ],
    );
    if (t.resumes || t.restarts) s.paragraph(`Uploads resumed after a failure: ${t.resumes}; started again from byte 0: ${t.restarts}. Bytes sent: ${formatBytes(t.bytesSent)}.`);
    if (c.manifests.length) {
      s.table(
        ['Manifest', 'Platform', 'Type', ''],
        c.manifests.map((m) => [codeSpan(m.digest), m.platform ?? '', m.mediaType.replace(/^application\//, ''), m.action]),
      );
    }
    if (c.verified?.length) s.table(['On the target', 'Digest'], c.verified.map((v) => [codeSpan(v.reference), codeSpan(v.digest)]));
  }
  if (report.result === 'failed') {
    const next = report.error?.blob
      ? `Blob ${report.error.blob} did not land. No manifest or tag was written, so nothing points at a partial image. Run the step again: blobs already on the target are skipped.`
      : report.error?.kind === 'unauthorized' || report.error?.kind === 'denied'
        ? 'Check the credentials for the registry named above and that they may pull the source and push the target.'
        : 'Fix the cause above and run the step again; it is safe to repeat.';
    s.paragraph(`**What to do next:** ${next}`);
  }
}
