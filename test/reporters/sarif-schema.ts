import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// The SARIF 2.1.0 schema as published to SchemaStore by the OASIS TC (2.1.0-rtm.5, draft-04), shipped by
// @microsoft/jest-sarif; we only read the file, not the package's matchers (they fetch over the network).
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// Both are CommonJS whose module.exports also carries itself as `.default`, the typed way in.
// unicodeRegExp off: the schema's `language` pattern has a stray `]` that only the u flag rejects.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);

/** Validates a SARIF log against the SARIF 2.1.0 JSON schema; `validateSarif.errors` says why not. */
export const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
