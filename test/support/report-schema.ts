// Checks Reports against schema/report.v1.schema.json, for any test that produces one.
import { Ajv2020, type AnySchemaObject, type ErrorObject } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPORT_SCHEMA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../schema/report.v1.schema.json',
);

/**
 * The published schema lets readers ignore fields they do not know (v1 may grow). Our own Reports are held
 * to more: every object closes its properties, so a field the action writes that the schema does not define
 * (one spread in from another object, or a typo) fails here.
 */
function closeEveryObject(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeEveryObject);
  if (schema === null || typeof schema !== 'object') return schema;
  const node = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, closeEveryObject(value)]),
  ) as AnySchemaObject;
  if (node.type === 'object' && node.properties && node.additionalProperties === undefined) {
    node.additionalProperties = false;
  }
  return node;
}

const schema = JSON.parse(readFileSync(REPORT_SCHEMA_FILE, 'utf8')) as AnySchemaObject;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validatePublished = ajv.compile(schema);
const validateStrict = new Ajv2020({ allErrors: true, strict: true }).compile(
  closeEveryObject(schema) as AnySchemaObject,
);

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (error) =>
      `${error.instancePath || '/'} ${error.message ?? ''}${
        error.params && 'additionalProperty' in error.params
          ? `: ${String(error.params.additionalProperty)}`
          : ''
      }`,
  );
}

/** Problems with a Report under the published schema (what any reader may rely on); empty when valid. */
export function reportSchemaErrors(report: unknown): string[] {
  return validatePublished(report) ? [] : describe(validatePublished.errors);
}

/** Problems with a Report we produced: the published schema, with no field it does not describe. */
export function strictReportSchemaErrors(report: unknown): string[] {
  return validateStrict(report) ? [] : describe(validateStrict.errors);
}

/** Fails the calling test, listing every problem, unless `report` is a valid v1 Report with only known fields. */
export function expectValidReport(report: unknown): void {
  expect(strictReportSchemaErrors(report)).toEqual([]);
}
