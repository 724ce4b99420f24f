import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The README's "Where each route's code lives" table is how a newcomer finds a route's code: every
// domain folder that serves routes must be named in it (a new folder without a row fails here).
const root = process.cwd();
const src = join(root, 'apps/api/src');

function sectionOf(readme: string, heading: string): string {
  const start = readme.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`README has no "${heading}" section`);
  const next = readme.indexOf('\n## ', start + 3);
  return readme.slice(start, next < 0 ? undefined : next);
}

describe("README: where each route's code lives", () => {
  it('names every top-level folder that has a controller', () => {
    const table = sectionOf(readFileSync(join(root, 'README.md'), 'utf8'), "Where each route's code lives");
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'core')
      .filter((d) => readdirSync(join(src, d.name)).some((f) => f.endsWith('.controller.ts')))
      .map((d) => d.name);
    expect(folders.length).toBeGreaterThan(20);
    expect(folders.filter((f) => !table.includes(`\`${f}/\``))).toEqual([]);
  });
});
