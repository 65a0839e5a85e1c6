import type { ValidateFunction } from 'ajv';

/** schema/archcheck.schema.json compiled ahead of time (scripts/build-schema-validator.mjs). */
declare const validate: ValidateFunction;
export = validate;
