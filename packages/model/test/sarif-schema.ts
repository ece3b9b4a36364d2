/**
 * The official SARIF 2.1.0 JSON schema (draft-04), as shipped by @microsoft/jest-sarif, compiled
 * with the ajv 6 that package depends on (ajv 8 dropped draft-04).
 */
import { createRequire } from 'node:module';

interface Ajv6 {
  addMetaSchema(s: object): void;
  compile(s: object): SarifValidator;
}

export type SarifValidator = ((data: unknown) => boolean) & { errors?: Array<{ dataPath: string; message: string }> | null };

export function sarifValidator(): SarifValidator {
  const req = createRequire(import.meta.url);
  const pkg = req.resolve('@microsoft/jest-sarif/package.json');
  const inPkg = createRequire(pkg);
  const AjvCtor = inPkg('ajv') as new (opts: object) => Ajv6;
  const ajv = new AjvCtor({ schemaId: 'auto', validateSchema: false, allErrors: true });
  ajv.addMetaSchema(inPkg('ajv/lib/refs/json-schema-draft-04.json') as object);
  return ajv.compile(inPkg('./lib/schemas/sarif-2.1.0-rtm.5.json') as object);
}

/** Schema errors of a SARIF log, as readable lines; empty when valid. */
export function sarifErrors(log: unknown, validate: SarifValidator = sarifValidator()): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
}
