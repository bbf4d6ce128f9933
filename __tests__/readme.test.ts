// The README documents what action.yml declares, and its commands are the ones package.json runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};
const scripts = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

function tableRows(heading: string): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';
  return [...section.matchAll(/^\| `([a-z-]+)` /gm)].map((match) => match[1] as string);
}

describe('README', () => {
  it('has a row for every input and output of action.yml, and none that it lacks', () => {
    expect(tableRows('Inputs').sort()).toEqual(Object.keys(action.inputs).sort());
    expect(tableRows('Outputs').sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it('shows every input in a workflow snippet', () => {
    const snippets = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
    const missing = Object.keys(action.inputs).filter(
      (name) => !new RegExp(`^\\s*#?\\s*${name}:`, 'm').test(snippets),
    );
    expect(missing).toEqual([]);
  });

  it('gives the two copy-paste commands, and both scripts exist', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
    expect(scripts.demo).toBeDefined();
    expect(scripts.test).toBeDefined();
  });
});
