import { isPartialDate } from '../../src/model/partialDate.js';
import { h } from './dom.js';
import type {
  Certainty,
  Confidence,
  Discipline,
  ExplorerExposureQueryVariables,
  ExplorerPathsQueryVariables,
  ExplorerReachQueryVariables,
  LinkType,
  ReachDirection,
  StructureRule,
  ThirdPartyRule,
  WindowInput,
} from './gql/graphql.js';

/** Every discipline, by name; a Record so a discipline added to the schema fails the build. */
const DISCIPLINES: Record<Discipline, string> = {
  SIGINT: 'SIGINT',
  HUMINT: 'HUMINT',
  IMINT: 'IMINT',
  OSINT: 'OSINT',
  MASINT: 'MASINT',
  COUNTERINTELLIGENCE: 'Counterintelligence',
  COUNTERTERRORISM: 'Counter-terrorism',
  ANALYSIS: 'Analysis',
  CRYPTO: 'Crypto',
};

const LINK_TYPES: Record<LinkType, string> = {
  PARTY_TO: 'PARTY_TO',
  SERVES: 'SERVES',
  POSTED_TO: 'POSTED_TO',
  CONDUCTED: 'CONDUCTED',
  THROUGH: 'THROUGH',
  TOOK_PART: 'TOOK_PART',
  TARGETED: 'TARGETED',
  OF: 'OF',
  SUCCEEDED: 'SUCCEEDED',
  AGENT_OF: 'AGENT_OF',
  PART_OF: 'PART_OF',
};

/** Which query the form asks for, with its variables. */
export type QueryRequest =
  | { readonly query: 'reach'; readonly variables: ExplorerReachQueryVariables }
  | { readonly query: 'exposure'; readonly variables: ExplorerExposureQueryVariables }
  | { readonly query: 'paths'; readonly variables: ExplorerPathsQueryVariables };

export type QueryKind = QueryRequest['query'];

/** A mistake in the form, with what to do about it. */
export class FormProblem extends Error {
  override readonly name = 'FormProblem';
}

/** Adds the discipline and link-type checkboxes the form lists. */
export function fillChoices(form: HTMLFormElement): void {
  const add = (fieldset: Element | null, name: string, choices: Record<string, string>) => {
    for (const [value, label] of Object.entries(choices))
      fieldset?.append(h('label', {}, h('input', { type: 'checkbox', name, value }), ` ${label}`));
  };
  add(form.querySelector('#disciplines'), 'disciplines', DISCIPLINES);
  add(form.querySelector('#kinds'), 'kinds', LINK_TYPES);
}

/** The query chosen in the form. */
export function chosenQuery(form: HTMLFormElement): QueryKind {
  const value = new FormData(form).get('query');
  return value === 'exposure' || value === 'paths' ? value : 'reach';
}

/** Shows the fields of the chosen query only. */
export function showFieldsOf(form: HTMLFormElement, query: QueryKind): void {
  for (const part of form.querySelectorAll<HTMLElement>('[data-for]'))
    part.hidden = !(part.dataset['for'] ?? '').split(' ').includes(query);
}

/** The form's request, or a FormProblem naming the field to mend. */
export function readForm(form: HTMLFormElement): QueryRequest {
  const data = new FormData(form);
  const text = (name: string): string => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const id = (name: string, what: string): string => {
    const value = text(name);
    if (value === '')
      throw new FormProblem(`${what} is empty: search for it and pick a hit, or type its id.`);
    return value;
  };
  const integer = (name: string, what: string, min: number, max = Infinity): number => {
    const value = Number(text(name));
    if (text(name) === '' || !Number.isInteger(value) || value < min || value > max)
      throw new FormProblem(
        `${what} must be a whole number from ${min}${max === Infinity ? ' up' : ` to ${max}`}; got "${text(name)}".`,
      );
    return value;
  };
  const during = readDuring(text('duringFrom'), text('duringTo'));
  // A checkbox left unchecked sends nothing: structure is then ignored.
  const certainty: Certainty = text('certainty') === 'POSSIBLE' ? 'POSSIBLE' : 'CERTAIN';
  const structure: StructureRule = text('structure') === 'FOLLOW' ? 'FOLLOW' : 'IGNORE';
  const query = chosenQuery(form);
  if (query === 'paths') {
    const kinds = data
      .getAll('kinds')
      .filter((k): k is LinkType => typeof k === 'string' && k in LINK_TYPES);
    return {
      query,
      variables: {
        from: id('from', 'From'),
        to: id('to', 'To'),
        k: integer('k', 'k', 1, 10),
        maxHops: text('pathsMaxHops') === '' ? null : integer('pathsMaxHops', 'Most links', 1),
        during,
        kinds: kinds.length > 0 ? kinds : null,
        certainty,
        possible: certainty === 'POSSIBLE',
      },
    };
  }
  const disciplines = data
    .getAll('disciplines')
    .filter((d): d is Discipline => typeof d === 'string' && d in DISCIPLINES);
  const filters = {
    direction: text('direction') as ReachDirection,
    maxHops: integer('maxHops', 'Max hops', 0),
    during,
    disciplines: disciplines.length > 0 ? disciplines : null,
    minConfidence: text('minConfidence') as Confidence,
    thirdPartyRule: text('thirdPartyRule') as ThirdPartyRule,
    certainty,
    structure,
  };
  return query === 'reach'
    ? { query, variables: { agent: id('agent', 'Agent'), ...filters } }
    : { query, variables: { target: id('target', 'Target'), ...filters } };
}

function readDuring(from: string, to: string): WindowInput | null {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (value !== '' && !isPartialDate(value))
      throw new FormProblem(
        `During ${name} must be a year, year-month or date (1949, 1949-10, 1949-10-01); got "${value}".`,
      );
  if (from === '' && to === '') return null;
  return { from: from === '' ? null : from, to: to === '' ? null : to };
}
