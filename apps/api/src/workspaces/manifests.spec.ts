import { join } from 'node:path';
import { readManifest } from './demo-seed.js';
import { manifestFiles, readApplyManifest } from './manifest-apply.js';

// `npm start` seeds every manifest in tenants/ and refuses to boot on an invalid one, so each
// shipped manifest must pass both readers (the seed's and `tenants:apply`'s), reserved slugs included.
describe('shipped tenant manifests', () => {
  const dir = join(process.cwd(), 'tenants');
  const files = manifestFiles(dir);

  it('finds the demo and the northwind agency', () => {
    expect(files.map((f) => f.split('/').slice(-2, -1)[0]).sort()).toEqual(['demo', 'northwind-agency']);
  });

  it.each(files)('%s parses for seeding and for tenants:apply', (file) => {
    expect(readManifest(file).slug).toMatch(/^[a-z0-9-]+$/);
    expect(readApplyManifest(file).slug).toBe(readManifest(file).slug);
  });
});
