// The files written from the Report's one definition (src/core/report/schema.ts): the published JSON Schema, and the
// validator parseReport runs, compiled ahead of time by ajv so that no bundle carries ajv's compiler or compiles
// at start. `npm run schema` writes them; __tests__/report-model.test.ts fails while either differs.
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { REPORT_SCHEMA } from '../src/core/report/schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PUBLISHED_SCHEMA_FILE = path.join(root, 'schema/report.v1.schema.json');
export const REPORT_VALIDATOR_FILE = path.join(root, 'src/core/report/schema-validator.ts');

const VALIDATOR_HEADER = `/* eslint-disable */
// @ts-nocheck
// Written by \`npm run schema\` from src/core/report/schema.ts: ajv's standalone validator of the Report schema. Do
// not edit: change the schema and run npm run schema.
`;

/** The published schema, formatted as prettier formats the repository. */
async function publishedSchema(): Promise<string> {
  const options = { ...(await prettier.resolveConfig(PUBLISHED_SCHEMA_FILE)), parser: 'json' };
  return prettier.format(JSON.stringify(REPORT_SCHEMA), options);
}

function validatorSource(): string {
  const ajv = new Ajv2020({
    strict: true,
    // Each error carries the schema node that failed: parseReport's message quotes its title and limits.
    verbose: true,
    // Lengths in UTF-16 units: counting code points takes a helper that ajv's standalone code can only
    // require(), which an ES module cannot. The schema's only length limit is "not empty", the same either way.
    // ajv warns that the option is deprecated (strict mode still throws on any problem with the schema).
    unicode: false,
    logger: false,
    code: { source: true, esm: true },
  });
  const code = standaloneCode.default(ajv, ajv.compile(REPORT_SCHEMA));
  if (code.includes('require(')) throw new Error('the compiled validator needs a helper at run time');
  return `${VALIDATOR_HEADER}${code}\n`;
}

/** Each file's path and the text it must hold. */
export async function reportSchemaFiles(): Promise<{ file: string; text: string }[]> {
  return [
    { file: PUBLISHED_SCHEMA_FILE, text: await publishedSchema() },
    { file: REPORT_VALIDATOR_FILE, text: validatorSource() },
  ];
}
