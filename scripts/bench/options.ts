// Command-line flags of `npm run bench`.
import { parseArgs } from 'node:util';

/** Rows the bench knows, numbered as in the README's Performance table. */
export const ALL_ROWS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** Rows that run actions/setup-go beside the action. */
export const SETUP_GO_ROWS = [2, 3] as const;

/** Where the published actions/setup-go (its action.yml and dist/) is looked for unless --setup-go names it. */
export const DEFAULT_SETUP_GO_DIR = '.bench/actions-setup-go';

export interface BenchOptions {
  rows: Set<number>;
  /** Samples per side for every row; undefined keeps each row's own default. */
  runs: number | undefined;
  /** One sample per side: checks the bench itself, not the figures. */
  quick: boolean;
  /** A checkout of actions/setup-go as published (action.yml and dist/), relative to the repository root. */
  setupGoDir: string;
}

export const USAGE = `Usage: npm run bench -- [--rows 3,5] [--runs N] [--quick] [--setup-go DIR]

  --rows 3,5      run only these rows (${ALL_ROWS.join(', ')}); all by default
  --runs N        samples per side for every row (default: per row, 2 to 10)
  --quick         one sample per side, to check the bench itself (the figures mean little)
  --setup-go DIR  actions/setup-go as published (action.yml and dist/), for rows ${SETUP_GO_ROWS.join(' and ')}
                  (default: ${DEFAULT_SETUP_GO_DIR})
`;

export class UsageError extends Error {}

export function parseBenchArgs(argv: string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        rows: { type: 'string' },
        runs: { type: 'string' },
        quick: { type: 'boolean', default: false },
        'setup-go': { type: 'string', default: DEFAULT_SETUP_GO_DIR },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) throw new UsageError('');

  const rows = new Set<number>(ALL_ROWS);
  if (values.rows !== undefined) {
    rows.clear();
    for (const word of values.rows.split(/[\s,]+/).filter(Boolean)) {
      const row = Number(word);
      if (!(ALL_ROWS as readonly number[]).includes(row)) {
        throw new UsageError(
          `--rows: "${word}" is not a row; use numbers from ${ALL_ROWS.join(', ')}, e.g. --rows 3,5`,
        );
      }
      rows.add(row);
    }
    if (rows.size === 0) throw new UsageError('--rows names no row; e.g. --rows 3,5');
  }

  let runs: number | undefined;
  if (values.runs !== undefined) {
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) {
      throw new UsageError(`--runs: "${values.runs}" is not a whole number of samples ≥ 1; e.g. --runs 5`);
    }
  }
  if (values.quick && runs !== undefined) throw new UsageError('--quick and --runs exclude each other');
  if (values['setup-go'] === '')
    throw new UsageError('--setup-go names no directory; e.g. --setup-go ../setup-go');
  return { rows, runs: values.quick ? 1 : runs, quick: values.quick, setupGoDir: values['setup-go'] };
}

/** Samples per side for a row whose own default is `rowDefault`. */
export function runsFor(options: BenchOptions, rowDefault: number): number {
  return options.runs ?? rowDefault;
}
