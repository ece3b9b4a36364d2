import { describe, expect, it } from '@jest/globals';
import { formatImageReference, isImageReference, parseImageReference } from '@ml-deploy/oci';

const D = 'a'.repeat(64);

describe('parseImageReference', () => {
  it.each([
    ['nginx', { registry: undefined, repository: 'nginx', tag: undefined, digest: undefined }],
    ['team/model:1.2', { registry: undefined, repository: 'team/model', tag: '1.2', digest: undefined }],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/model-server:v3', { registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com', repository: 'model-server', tag: 'v3', digest: undefined }],
    [`localhost:5000/m@sha256:${D}`, { registry: 'localhost:5000', repository: 'm', tag: undefined, digest: `sha256:${D}` }],
    [`ghcr.io/org/m:tag@sha256:${D}`, { registry: 'ghcr.io', repository: 'org/m', tag: 'tag', digest: `sha256:${D}` }],
    ['localhost/m', { registry: 'localhost', repository: 'm', tag: undefined, digest: undefined }],
    ['registry.example/model:1', { registry: 'registry.example', repository: 'model', tag: '1', digest: undefined }],
  ])('%s', (text, want) => {
    const ref = parseImageReference(text);
    expect(ref).toEqual(want);
    if (isImageReference(ref)) expect(formatImageReference(ref)).toBe(text);
  });

  it.each([
    ['', /not of the form/],
    ['repo:tag:extra', /not of the form/],
    ['Repo/Model', /lower case/],
    [' nginx', /white space/],
    ['nginx:', /not of the form/],
    [`m@sha256:${D.slice(1)}`, /64 lower-case hex/],
    [`m@sha256:${D}0`, /64 lower-case hex/],
    [`m@sha256:${D.toUpperCase()}`, /64 lower-case hex/],
    [`m@sha256:${D.slice(0, 63)}A`, /64 lower-case hex/],
    [`m@sha512:${D}`, /128 lower-case hex/],
    [`m@md5:${D}`, /not supported/],
    ['m@sha256:xyz', /not of the form/],
    ['m:-bad', /not of the form/],
  ])('rejects %j', (text, why) => {
    const ref = parseImageReference(text);
    expect(isImageReference(ref)).toBe(false);
    expect((ref as { error: string }).error).toMatch(why);
  });
});
