// Every npm script runs on the Node 24 pinned as the `node` devDependency (npm puts
// node_modules/.bin first on PATH). After `npm ci --ignore-scripts` that binary is missing and npm
// silently falls back to the system Node: fail fast instead of running on the wrong runtime.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `InstaGrowth OS needs Node 24 but this script runs on Node ${process.versions.node}.\n` +
      'Run `npm install` (without --ignore-scripts) so the pinned `node` devDependency installs, ' +
      'or use Node 24 from .nvmrc (`nvm use`).',
  );
  process.exit(1);
}
