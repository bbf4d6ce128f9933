import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
// Through the library's public API, as a tool composing it would.
import {
  gatherPlatformFacts,
  InputError,
  machineArchitecture,
  parseArchitectureInput,
  proveNative,
  toolchainArchFor,
} from '../src/index.js';
import type { ArchitectureInput, MachineArch, PlatformFacts } from '../src/index.js';

const execFileAsync = promisify(execFile);

/** Facts as gatherPlatformFacts reports them on each kind of machine (sysctl and uname answers end in a newline). */
const MACHINES: Record<string, PlatformFacts> = {
  'Apple Silicon, native node': {
    platform: 'darwin',
    processArch: 'arm64',
    sysctlArm64: '1\n',
    sysctlProcTranslated: '0\n',
    unameMachine: 'arm64\n',
  },
  'Apple Silicon, node under Rosetta 2': {
    platform: 'darwin',
    processArch: 'x64',
    sysctlArm64: '1\n',
    sysctlProcTranslated: '1\n',
    unameMachine: 'x86_64\n',
  },
  'Intel Mac (no hw.optional.arm64)': {
    platform: 'darwin',
    processArch: 'x64',
    sysctlProcTranslated: '0\n',
    unameMachine: 'x86_64\n',
  },
  'Intel Mac (hw.optional.arm64 = 0)': {
    platform: 'darwin',
    processArch: 'x64',
    sysctlArm64: '0\n',
    unameMachine: 'x86_64\n',
  },
  'linux arm64': { platform: 'linux', processArch: 'arm64', unameMachine: 'aarch64\n' },
  'linux amd64': { platform: 'linux', processArch: 'x64', unameMachine: 'x86_64\n' },
  'linux arm64, 32-bit node': { platform: 'linux', processArch: 'arm', unameMachine: 'aarch64\n' },
  'linux, uname failed': { platform: 'linux', processArch: 'arm64' },
  'windows amd64': { platform: 'win32', processArch: 'x64' },
};

function machine(name: keyof typeof MACHINES): MachineArch {
  return machineArchitecture(MACHINES[name] as PlatformFacts);
}

describe('parseArchitectureInput', () => {
  it.each([
    ['auto', 'auto'],
    ['', 'auto'],
    [' Auto ', 'auto'],
    ['arm64', 'arm64'],
    ['ARM64', 'arm64'],
    ['aarch64', 'arm64'],
    ['AArch64', 'arm64'],
    ['amd64', 'amd64'],
    ['x64', 'amd64'],
    ['X64', 'amd64'],
    ['x86_64', 'amd64'],
  ])('%j → %s', (value, expected) => {
    expect(parseArchitectureInput(value)).toBe(expected);
  });

  it.each(['arm', 'x86', 'i386', 'arm64e', 'universal', 'toString', 'amd64,arm64'])(
    'rejects %j naming the input and the valid values',
    (value) => {
      let error: unknown;
      try {
        parseArchitectureInput(value);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).input).toBe('architecture');
      expect((error as InputError).message).toContain(JSON.stringify(value));
      expect((error as InputError).fix).toMatch(/auto .*arm64 \(or aarch64\).*amd64 \(or x64, x86_64\)/);
    },
  );
});

describe('machineArchitecture', () => {
  it.each([
    ['Apple Silicon, native node', 'darwin', 'arm64', 'arm64', false],
    ['Apple Silicon, node under Rosetta 2', 'darwin', 'arm64', 'x64', true],
    ['Intel Mac (no hw.optional.arm64)', 'darwin', 'amd64', 'x64', false],
    ['Intel Mac (hw.optional.arm64 = 0)', 'darwin', 'amd64', 'x64', false],
    ['linux arm64', 'linux', 'arm64', 'arm64', false],
    ['linux amd64', 'linux', 'amd64', 'x64', false],
    ['linux arm64, 32-bit node', 'linux', 'arm64', 'arm', false],
    ['linux, uname failed', 'linux', 'arm64', 'arm64', false],
    ['windows amd64', 'windows', 'amd64', 'x64', false],
  ])('%s', (name, goos, machineArch, processArch, rosetta) => {
    expect(machine(name)).toEqual({ goos, machineArch, processArch, rosetta });
  });

  it('knows Apple Silicon from proc_translated alone when hw.optional.arm64 could not be read', () => {
    expect(
      machineArchitecture({ platform: 'darwin', processArch: 'x64', sysctlProcTranslated: '1' }).machineArch,
    ).toBe('arm64');
  });

  it('reads the real facts of this machine the way go sees it', async () => {
    const facts = await gatherPlatformFacts();
    expect(facts.platform).toBe(process.platform);
    expect(facts.processArch).toBe(process.arch);
    if (process.platform !== 'win32') {
      expect(facts.unameMachine).toBe((await execFileAsync('uname', ['-m'])).stdout);
    }
    if (process.platform !== 'darwin') {
      expect(facts).not.toHaveProperty('sysctlArm64');
      expect(facts).not.toHaveProperty('sysctlProcTranslated');
    }
    const { stdout } = await execFileAsync('go', ['env', 'GOHOSTOS', 'GOHOSTARCH'], {
      env: { ...process.env, GOTOOLCHAIN: 'local' },
    });
    const [hostOs, hostArch] = stdout.trim().split('\n');
    expect(machineArchitecture(facts)).toMatchObject({ goos: hostOs, machineArch: hostArch, rosetta: false });
  });
});

describe('toolchainArchFor', () => {
  it.each([
    ['Apple Silicon, native node', 'auto', 'arm64'],
    ['Apple Silicon, node under Rosetta 2', 'auto', 'arm64'],
    ['Apple Silicon, node under Rosetta 2', 'amd64', 'amd64'],
    ['Intel Mac (no hw.optional.arm64)', 'auto', 'amd64'],
    ['linux arm64', 'auto', 'arm64'],
    ['linux arm64', 'amd64', 'amd64'],
    ['linux amd64', 'auto', 'amd64'],
    ['linux amd64', 'arm64', 'arm64'],
  ] as const)('%s, architecture: %s → %s', (name, requested, expected) => {
    expect(toolchainArchFor(requested, machine(name))).toBe(expected);
  });
});

describe('proveNative', () => {
  function prove(name: string, requested: ArchitectureInput, headerArch: string, goHostArch = headerArch) {
    const m = machine(name);
    return proveNative({ requested, machine: m, headerArch, goHostArch, goHostOs: m.goos });
  }

  it.each([
    ['Apple Silicon, native node', 'auto', 'arm64'],
    ['Apple Silicon, native node', 'arm64', 'arm64'],
    ['Apple Silicon, node under Rosetta 2', 'auto', 'arm64'],
    ['Intel Mac (no hw.optional.arm64)', 'auto', 'amd64'],
    ['Intel Mac (no hw.optional.arm64)', 'amd64', 'amd64'],
    ['linux arm64', 'auto', 'arm64'],
    ['linux amd64', 'auto', 'amd64'],
    ['windows amd64', 'auto', 'amd64'],
  ] as const)('%s, architecture: %s, %s toolchain → ok, native', (name, requested, arch) => {
    const proof = prove(name, requested, arch);
    expect(proof).toMatchObject({ verdict: 'ok', native: true, rosetta: false, toolchainArch: arch });
    expect(proof.message).toMatch(new RegExp(`/${arch} on this .*/${arch} machine: native \\(`));
  });

  it('the toolchain auto picks on Apple Silicon is native even when node runs under Rosetta 2', () => {
    const m = machine('Apple Silicon, node under Rosetta 2');
    const arch = toolchainArchFor(parseArchitectureInput('auto'), m);
    const proof = proveNative({
      requested: 'auto',
      machine: m,
      headerArch: arch,
      goHostArch: arch,
      goHostOs: 'darwin',
    });
    expect(proof).toMatchObject({
      verdict: 'ok',
      native: true,
      machineArch: 'arm64',
      toolchainArch: 'arm64',
    });
  });

  it.each(['Apple Silicon, native node', 'Apple Silicon, node under Rosetta 2'])(
    '%s: an amd64 toolchain asked for by name runs under Rosetta 2 → warn',
    (name) => {
      const proof = prove(name, 'amd64', 'amd64');
      expect(proof).toMatchObject({ verdict: 'warn', native: false, rosetta: true, machineArch: 'arm64' });
      expect(proof.message).toContain('under Rosetta 2, several times slower');
      expect(proof.message).toContain('`architecture: amd64`');
      expect(proof.message).toContain('`architecture: arm64`');
    },
  );

  it('Apple Silicon: an amd64 toolchain nobody asked for → fail, saying how to fix it', () => {
    const proof = prove('Apple Silicon, node under Rosetta 2', 'auto', 'amd64');
    expect(proof).toMatchObject({ verdict: 'fail', native: false, rosetta: true });
    expect(proof.message).toContain('runs under Rosetta 2, several times slower');
    expect(proof.message).toContain('this node process runs under Rosetta 2 as well');
    expect(proof.message).toMatch(/Set `architecture: arm64` \(or remove `architecture: amd64`/);
  });

  it('a toolchain other than the one asked for → fail', () => {
    const proof = prove('Apple Silicon, native node', 'arm64', 'amd64');
    expect(proof).toMatchObject({ verdict: 'fail', rosetta: true });
    expect(proof.message).toContain('`architecture: arm64` asked for arm64');
  });

  it('linux arm64 with an amd64 toolchain asked for by name → warn, without Rosetta', () => {
    const proof = prove('linux arm64', 'amd64', 'amd64');
    expect(proof).toMatchObject({ verdict: 'warn', native: false, rosetta: false });
    expect(proof.message).toContain('does not run natively');
    expect(proof.message).not.toContain('Rosetta');
  });

  it('linux amd64 with a 386 toolchain under auto → fail', () => {
    expect(prove('linux amd64', 'auto', '386')).toMatchObject({
      verdict: 'fail',
      native: false,
      rosetta: false,
    });
  });

  it('a header that disagrees with GOHOSTARCH → fail', () => {
    const proof = prove('linux arm64', 'auto', 'arm64', 'amd64');
    expect(proof).toMatchObject({ verdict: 'fail', native: false });
    expect(proof.message).toContain('bin/go is a binary for arm64 but `go env GOHOSTARCH` says amd64');
  });

  it('a toolchain for another OS → fail', () => {
    const m = machine('linux arm64');
    const proof = proveNative({
      requested: 'auto',
      machine: m,
      headerArch: 'arm64',
      goHostArch: 'arm64',
      goHostOs: 'darwin',
    });
    expect(proof.verdict).toBe('fail');
    expect(proof.message).toContain('`go env GOHOSTOS` says darwin, not linux');
  });
});
