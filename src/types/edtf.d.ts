/** The part of the `edtf` package (no published types) that src/model/partialDate.ts uses. */
declare module 'edtf' {
  /** Parses an EDTF string into its tree (`{ type, level, values, ... }`); throws when invalid. */
  export function parse(input: string): unknown;
}
