// Runs installAtomically in its own process, with a slow populate, so tests can race two real installs or kill
// one mid-way. Prints JSON lines: {"event":"populating","staging":...} once populate has begun writing, then
// {"event":"installed",...} with the result.
// Usage: node --import tsx test/support/install-worker.ts <toolCache> <version> <arch> <populateMs> [goFile]
// With goFile, populate waits (after "populating") until that file exists, so a test can line two workers up.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { installAtomically } from '../../src/io/toolchain/install.js';

const [toolCache, version, arch, populateMs, goFile] = process.argv.slice(2);
if (!toolCache || !version || !arch || !populateMs) {
  throw new Error('usage: install-worker.ts <toolCache> <version> <arch> <populateMs>');
}

const result = await installAtomically(
  { toolCache, version, arch },
  { installedBy: process.pid },
  async (staging) => {
    await mkdir(path.join(staging, 'bin'), { recursive: true });
    await writeFile(path.join(staging, 'bin', 'go'), `#!/bin/sh\necho ${process.pid}\n`, { mode: 0o755 });
    console.log(JSON.stringify({ event: 'populating', staging }));
    while (goFile && !(await stat(goFile).catch(() => undefined))) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The rest of the toolchain arrives slowly, as a big extraction would.
    for (let file = 0; file < 10; file++) {
      await new Promise((resolve) => setTimeout(resolve, Number(populateMs) / 10));
      await writeFile(path.join(staging, `part-${file}`), `${process.pid}\n`);
    }
    await writeFile(path.join(staging, 'VERSION'), `go${version}\n`);
  },
);
console.log(JSON.stringify({ event: 'installed', pid: process.pid, ...result }));
