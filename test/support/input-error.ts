import { InputError } from '../../src/core/errors.js';

/** Runs `run` and returns the InputError it throws; any other outcome fails the test. */
export function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
