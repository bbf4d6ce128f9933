// What a bundled entry of dist/ makes node load: the entry and the chunks it imports statically, directly or
// through other chunks, before any of its code runs; and the chunks it can load later through import().
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface BundleClosure {
  /** The entry and every chunk loaded with it, absolute paths. */
  atStart: string[];
  /** Chunks named by an `import()` anywhere in those files, loaded only when that code runs. */
  onDemand: string[];
}

const STATIC_IMPORT = /\bfrom "(\.\.?\/[^"]+)"/g;
const DYNAMIC_IMPORT = /\bimport\("(\.\.?\/[^"]+)"\)/g;

export async function bundleClosure(entry: string): Promise<BundleClosure> {
  const atStart = new Set<string>();
  const onDemand = new Set<string>();
  const pending = [path.resolve(entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (atStart.has(file)) continue;
    atStart.add(file);
    const code = await readFile(file, 'utf8');
    const near = (relative: string) => path.resolve(path.dirname(file), relative);
    for (const [, relative] of code.matchAll(STATIC_IMPORT)) pending.push(near(relative as string));
    for (const [, relative] of code.matchAll(DYNAMIC_IMPORT)) onDemand.add(near(relative as string));
  }
  return { atStart: [...atStart], onDemand: [...onDemand].filter((chunk) => !atStart.has(chunk)) };
}
