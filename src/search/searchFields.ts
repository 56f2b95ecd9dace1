/** The fields of an entity that search reads, in the order ties between them are broken. */
export const SEARCH_FIELDS = [
  'NAME',
  'ACRONYM',
  'ALIAS',
  'CODENAME',
  'CODE',
  'SUMMARY',
  'OUTCOME',
  'NOTES',
  'QUOTE',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * How much a match in each field counts: what names an entity (name, acronym) above what it
 * is also called (each alias, the codename) above a country code and prose that mentions it.
 */
export const FIELD_WEIGHT: Readonly<Record<SearchField, number>> = {
  NAME: 4,
  ACRONYM: 4,
  ALIAS: 2,
  CODENAME: 2,
  CODE: 1,
  SUMMARY: 1,
  OUTCOME: 1,
  NOTES: 1,
  QUOTE: 1,
};

/** Fields whose neighbouring words also match written as one (`FiveEyes` for Five Eyes). */
export const JOINED_FIELDS: ReadonlySet<SearchField> = new Set(['NAME', 'ALIAS', 'CODENAME']);

/** The stored properties the fields come from (citations are JSON, each maybe with a quote). */
export const SEARCHED_PROPERTIES = [
  'name',
  'acronym',
  'aliases',
  'codename',
  'code',
  'summary',
  'outcome',
  'notes',
  'citations',
] as const;

/** The searched properties by name, from their values in SEARCHED_PROPERTIES order. */
export function searchedProps(values: unknown): Record<string, unknown> {
  const list: readonly unknown[] = Array.isArray(values) ? values : [];
  return Object.fromEntries(SEARCHED_PROPERTIES.map((key, i) => [key, list[i]]));
}

/** One field of an entity as search reads it; an entity has one ALIAS and QUOTE per value. */
export interface FieldText {
  readonly field: SearchField;
  readonly text: string;
}

function quoteOf(citation: unknown): string | undefined {
  if (typeof citation !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(citation);
    const quote =
      typeof parsed === 'object' && parsed !== null && 'quote' in parsed ? parsed.quote : undefined;
    return typeof quote === 'string' ? quote : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The searched fields of an entity's stored properties, in field order (aliases and quotes in
 * their stored order); absent and empty ones left out.
 */
export function searchFieldsOf(props: Readonly<Record<string, unknown>>): FieldText[] {
  const fields: FieldText[] = [];
  const add = (field: SearchField, value: unknown): void => {
    if (typeof value === 'string' && value !== '') fields.push({ field, text: value });
  };
  const list = (key: string): readonly unknown[] => {
    const value = props[key];
    return Array.isArray(value) ? value : [];
  };
  add('NAME', props['name']);
  add('ACRONYM', props['acronym']);
  for (const alias of list('aliases')) add('ALIAS', alias);
  add('CODENAME', props['codename']);
  add('CODE', props['code']);
  add('SUMMARY', props['summary']);
  add('OUTCOME', props['outcome']);
  add('NOTES', props['notes']);
  for (const citation of list('citations')) add('QUOTE', quoteOf(citation));
  return fields;
}
