/**
 * Reads a public action's action.yml, so tests feed inputs exactly as the runner would: every
 * default filled in from action.yml, overrides on top, blanks treated as unset.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface ActionYml {
  name: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

export function loadActionYml(action: string): ActionYml {
  return parse(readFileSync(join(repoRoot, action, 'action.yml'), 'utf8')) as ActionYml;
}

/** The inputs the runner would pass: defaults from action.yml, then `overrides`. */
export function runnerInputs(action: string, overrides: Record<string, string> = {}): Record<string, string> {
  const yml = loadActionYml(action);
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(yml.inputs ?? {})) {
    if (spec.default !== undefined) out[name] = String(spec.default);
  }
  for (const name of Object.keys(overrides)) {
    if (!(name in (yml.inputs ?? {}))) throw new Error(`test bug: ${action} has no input '${name}'`);
  }
  return { ...out, ...overrides };
}

/** An InputReader over runnerInputs, as runAction builds it from the runner. */
export function inputReader(action: string, overrides: Record<string, string> = {}): (name: string) => string | undefined {
  const all = runnerInputs(action, overrides);
  return (name) => {
    const v = all[name];
    return v === undefined || v.trim() === '' ? undefined : v;
  };
}

/** INPUT_* environment variables as the runner sets them (upper case, spaces to underscores). */
export function runnerInputEnv(action: string, overrides: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(runnerInputs(action, overrides))) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}
