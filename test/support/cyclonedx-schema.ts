// Checks SBOMs against the official CycloneDX JSON schema, as @cyclonedx/cyclonedx-library ships it (with the
// SPDX licence and JSF signature schemas it references), through the library's own validator.
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';

const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot5);

/** The schema's complaints about `bom` as JSON text; empty when it is a valid CycloneDX 1.5 BOM. */
export async function cycloneDxSchemaErrors(bom: unknown): Promise<unknown[]> {
  const errors = await validator.validate(typeof bom === 'string' ? bom : JSON.stringify(bom));
  return errors === null ? [] : Array.isArray(errors) ? errors : [errors];
}
