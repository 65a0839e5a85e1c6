/** archcheck's version, printed by `--version` and written into SARIF. A test keeps it equal to package.json's. */
export const VERSION = '0.1.0';
