/** archcheck's version, printed by `--version` and written into SARIF. A test keeps it equal to package.json's. */
export const VERSION = '0.1.0';

/** Where people read about archcheck: SARIF's `informationUri`, links to rule docs. */
export const PROJECT_URL = 'https://github.com/archcheck/archcheck';
