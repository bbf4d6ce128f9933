import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `owner` in the matcher file; `::remove-matcher owner=…::` takes it off again. */
export const GO_PROBLEM_MATCHER_OWNER = 'setup-go-arm64';

/**
 * The problem matcher for `go build`, `go vet` and `go test` output, shipped at `.github/matchers/go.json`.
 * Both this module in src/entries/ and the bundle in dist/setup/ sit two directories below the repository root,
 * which is where the runner checks the action out, so the same relative path finds the file from either.
 */
export function goProblemMatcherFile(moduleUrl: string = import.meta.url): string {
  return path.resolve(path.dirname(fileURLToPath(moduleUrl)), '../../.github/matchers/go.json');
}
