import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies } from 'semver';

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

/**
 * What `npm ci` checks for its EBADENGINE warning: every locked package's `engines.node` admits
 * the Node that runs us (the machines run Node 20; package.json says `>=20`).
 */
describe('the locked dependencies', () => {
  const lock = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockedPackage>;
  };

  it(`all admit Node ${process.version} in their engines`, () => {
    const refusing = Object.entries(lock.packages)
      .map(([path, entry]) => ({ path, node: Array.isArray(entry.engines) ? undefined : entry.engines?.node }))
      .filter(({ node }) => node !== undefined && !satisfies(process.version, node, { includePrerelease: true }))
      .map(({ path, node }) => `${path} wants node ${node}`);
    expect(refusing).toEqual([]);
  });
});
