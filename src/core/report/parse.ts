// Reads a Report that came from a file (this run's, another job's, a cached base, a pull request's artifact):
// it is checked against the Report's schema (schema.ts) before anything reads it. Plain data in, plain data out.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { targetKey, type Report } from './report.js';
import { REPORT_SCHEMA } from './schema.js';
import compiledValidator from './schema-validator.js';

/** The keywords of REPORT_SCHEMA that the wording below reads. */
interface SchemaNode {
  $ref?: string;
  title?: string;
  type?: string | readonly string[];
  const?: unknown;
  enum?: readonly unknown[];
  required?: readonly string[];
  properties?: Record<string, SchemaNode>;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
}

/** REPORT_SCHEMA's validator, compiled by `npm run schema`; each error carries the schema node that failed. */
const validateReport = compiledValidator as unknown as ValidateFunction<Report>;

/** A property's schema, its `$ref` (always into REPORT_SCHEMA's `$defs`) followed. */
function resolved(node: SchemaNode | undefined): SchemaNode {
  if (node?.$ref === undefined) return node ?? {};
  const name = node.$ref.replace('#/$defs/', '') as keyof typeof REPORT_SCHEMA.$defs;
  return { ...REPORT_SCHEMA.$defs[name], ...(node.title === undefined ? {} : { title: node.title }) };
}

function listed(words: readonly string[], conjunction: 'and' | 'or'): string {
  return words.length < 2
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`;
}

function typeWords(type: string, node: SchemaNode): string {
  switch (type) {
    case 'object':
      return node.required?.length ? `an object with ${listed(node.required, 'and')}` : 'an object';
    case 'array':
      return node.minItems ? `a list of at least ${node.minItems}` : 'a list';
    case 'integer':
      return node.minimum === undefined ? 'a whole number' : `a whole number, ${node.minimum} or more`;
    case 'string':
      if (node.pattern !== undefined) return `text matching ${node.pattern}`;
      return node.minLength ? `text of at least ${node.minLength} character(s)` : 'text';
    case 'boolean':
      return 'true or false';
    default:
      return type;
  }
}

/** What a value must be, in words: the node's title, else its constant, choices or type and limits. */
function expectedValue(node: SchemaNode): string {
  if (node.title !== undefined) return node.title;
  if (node.const !== undefined) return JSON.stringify(node.const);
  const choices = node.enum?.map((value) => JSON.stringify(value));
  if (choices) return `one of ${listed(choices, 'or')}`;
  return listed(
    [node.type ?? []].flat().map((type) => typeWords(type, node)),
    'or',
  );
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** `targets[0].attribution[1].sizeBytes` for the instance path `/targets/0/attribution/1/sizeBytes`, and the value. */
function locate(json: unknown, instancePath: string): { field: string; value: unknown } {
  let field = '';
  let value = json;
  for (const raw of instancePath.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) field += `[${key}]`;
    else field += /^[A-Za-z_$][\w$]*$/.test(key) ? `${field ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`;
    value = (value as Record<string, unknown> | undefined)?.[key];
  }
  return { field, value };
}

/** One sentence for the first schema error: the field, what it must be, and what it is instead. */
function problem(json: unknown, error: ErrorObject): string {
  const { field, value } = locate(json, error.instancePath);
  const node = error.parentSchema as SchemaNode;
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    return `${field ? `${field}.` : ''}${missing} is missing (${expectedValue(resolved(node.properties?.[missing]))})`;
  }
  if (field === '') return `it holds ${describeValue(value)}`;
  if (error.keyword === 'const') return `${field} is ${describeValue(value)}, not ${expectedValue(node)}`;
  return `${field} is not ${expectedValue(node)}; it is ${describeValue(value)}`;
}

/**
 * Checks that parsed JSON is a schema v1 Report and returns it. The error names `source`, the first field that
 * is wrong and what it must be. Fields the schema does not know are kept, as later v1 Reports may add some.
 */
export function parseReport(json: unknown, source: string): Report {
  const fail = (what: string): never => {
    throw new Error(`${source} is not a setup-go-arm64 report (schema v1): ${what}`);
  };
  if (!validateReport(json)) return fail(problem(json, validateReport.errors?.[0] as ErrorObject));
  const keys = json.targets.map(targetKey);
  const duplicate = keys.find((key, i) => keys.indexOf(key) !== i);
  if (duplicate) fail(`target ${duplicate} appears twice`);
  return json;
}
