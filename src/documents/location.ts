/** A 1-based position in a source file, taken from the YAML AST. `file` is relative to the working directory, `/`-separated. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}
