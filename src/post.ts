import * as core from '@actions/core';

async function run(): Promise<void> {
  core.info('Nothing to save.');
}

run().catch((error: unknown) => {
  // A post step never fails the job: what it saves is an optimisation.
  core.warning(error instanceof Error ? error.message : String(error));
});
