/** archcheck's repository: SARIF's `informationUri`, and the root of every rule's docs page. */
export const REPOSITORY_URL = 'https://github.com/archcheck/archcheck';

/** The page that explains rule `id` (docs/rules/<id>.md, on the default branch; a test keeps one per rule). */
export function ruleDocsUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${encodeURIComponent(id)}.md`;
}
