import { shown } from '../errors/index.js';
import type { z } from 'zod';
import {
  attestationProblem,
  isOrdered,
  linkId,
  spansOf,
  type Dating,
  explicitLinkIdProblem,
  LINKS,
  type Label,
  type LinkType,
} from '../model/index.js';
import {
  SECTION_NAMES,
  SECTIONS,
  type Citation,
  type GraphDocument,
  type Section,
} from './graphDocument.js';
import { withSearchProps } from '../search/index.js';
import { fieldPath, ImportError, type ImportProblem, type Place } from './importProblem.js';

/** Property values as Neo4j stores them: scalars and lists of strings, no nested maps. */
export type StoredValue = string | number | boolean | readonly string[];
export type StoredProps = Readonly<Record<string, StoredValue>>;

export interface NodeRow {
  readonly id: string;
  readonly props: StoredProps;
}

export interface LinkRow {
  readonly id: string;
  readonly type: LinkType;
  readonly start: string;
  readonly end: string;
  /** Labels the end node may have (from the link spec); narrowed when the plan is resolved. */
  readonly endLabels: readonly Label[];
  readonly props: StoredProps;
  /**
   * True when the document gave the id; otherwise it is derived from start, type and end, so a
   * link with this id can exist only between these two nodes.
   */
  readonly explicitId: boolean;
  /** Where the link was declared, for problems found when resolving it. */
  readonly at: Place;
}

/** A validated document turned into rows, ready to resolve against the database and write. */
export interface GraphPlan {
  readonly sources: readonly NodeRow[];
  readonly nodes: ReadonlyMap<Label, readonly NodeRow[]>;
  readonly links: readonly LinkRow[];
  /** Ids of sources cited but not defined in the document, with one place each is cited. */
  readonly citedSources: ReadonlyMap<string, Place>;
}

/** Sections that hold entities, with their label. */
export const SECTION_LABEL = {
  countries: 'Country',
  services: 'Service',
  organizations: 'Organization',
  officers: 'Officer',
  channels: 'LiaisonChannel',
  operations: 'Operation',
} as const satisfies Record<Exclude<Section, 'sources'>, Label>;

/**
 * Validates a graph document section by section and turns it into rows. Every problem found is
 * reported at once (file, entry, field); any problem refuses the whole document with an
 * `ImportError`. References to ids the document does not define are left for `resolvePlan`,
 * which checks them against the database.
 *
 * @param input one value per section name (an array of entries each)
 * @param fileOf how a section is named in problems (`officers.yaml`, or `officers`)
 */
export function planGraph(
  input: Readonly<Record<string, unknown>>,
  fileOf: (section: Section) => string,
): GraphPlan {
  const problems: ImportProblem[] = [];
  for (const key of Object.keys(input)) {
    if (!(SECTION_NAMES as string[]).includes(key)) {
      problems.push({
        file: key,
        message: `unknown section; expected ${SECTION_NAMES.join(', ')}`,
      });
    }
  }
  const document = parseSections(input, fileOf, problems);
  if (problems.length > 0) throw new ImportError(problems);

  const plan = buildRows(document, fileOf, problems);
  if (problems.length > 0) throw new ImportError(problems);
  return plan;
}

function parseSections(
  input: Readonly<Record<string, unknown>>,
  fileOf: (section: Section) => string,
  problems: ImportProblem[],
): GraphDocument {
  const parsed: Record<string, unknown[]> = {};
  for (const section of SECTION_NAMES) {
    const raw = input[section];
    parsed[section] = [];
    if (raw === undefined || raw === null) continue;
    const file = fileOf(section);
    if (!Array.isArray(raw)) {
      problems.push({ file, message: 'expected a list of entries' });
      continue;
    }
    const schema: z.ZodType = SECTIONS[section];
    raw.forEach((entry: unknown, index) => {
      const result = schema.safeParse(entry);
      const id = idOf(entry);
      if (result.success) {
        (parsed[section] as unknown[]).push(result.data);
        return;
      }
      for (const issue of result.error.issues) {
        const field = fieldPath(issue.path);
        const received = valueAt(entry, issue.path);
        problems.push({
          file,
          entry: index,
          ...(id === undefined ? {} : { id }),
          ...(field === undefined ? {} : { field }),
          message:
            received === undefined ? issue.message : `${issue.message}; got ${shown(received)}`,
        });
      }
    });
  }
  return parsed as unknown as GraphDocument;
}

function buildRows(
  document: GraphDocument,
  fileOf: (section: Section) => string,
  problems: ImportProblem[],
): GraphPlan {
  const declared = new Map<string, { label: Label | 'Source'; at: Place }>();
  const nodes = new Map<Label, NodeRow[]>();
  const links: LinkRow[] = [];
  const citedSources = new Map<string, Place>();
  /** Indexes in `links` of insiders' AGENT_OF links, which end at an organization. */
  const agentOfOrganization = new Set<number>();
  const definedSources = new Set(document.sources.map((s) => s.id));

  const declare = (id: string, label: Label | 'Source', at: Place): void => {
    const previous = declared.get(id);
    if (previous) {
      problems.push({
        ...at,
        field: 'id',
        message: `id "${id}" is already used by ${describe(previous.at)}; ids are unique across the whole graph`,
      });
      return;
    }
    declared.set(id, { label, at });
  };
  const cite = (
    citations: readonly Citation[],
    at: Place,
  ): { citations: string[]; sourceIds: string[] } => {
    for (const citation of citations) {
      if (!definedSources.has(citation.source) && !citedSources.has(citation.source))
        citedSources.set(citation.source, at);
    }
    return {
      citations: citations.map((c) => JSON.stringify(c)),
      sourceIds: [...new Set(citations.map((c) => c.source))],
    };
  };
  const windowProps = (
    from: string | undefined,
    to: string | undefined,
    at: Place,
    dating: Dating,
    attested?: string,
  ): Record<string, string> => {
    if (from !== undefined && to !== undefined && !isOrdered(from, to)) {
      problems.push({
        ...at,
        field: fieldJoin(at.field, 'to'),
        message: `the window ends (${to}) before it starts (${from})`,
      });
    }
    const attestation = attestationProblem({ from, to, attested });
    if (attestation !== undefined)
      problems.push({
        ...at,
        field: fieldJoin(at.field, 'attested'),
        message: `the attestation ${attestation}`,
      });
    return {
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(attested === undefined ? {} : { attested }),
      ...spansOf({ from, to, attested }, dating),
    };
  };
  const access = (entry: {
    classification?: string | undefined;
    releasableTo?: readonly string[] | undefined;
  }) => ({
    classification: entry.classification ?? 'UNCLASSIFIED',
    releasableTo: entry.releasableTo ?? [],
  });

  const sources: NodeRow[] = document.sources.map((source, index) => {
    const at: Place = { file: fileOf('sources'), entry: index, id: source.id };
    declare(source.id, 'Source', at);
    return { id: source.id, props: compact({ ...source }) };
  });

  const addLink = (
    type: LinkType,
    start: string,
    end: string,
    props: Record<string, StoredValue | undefined>,
    at: Place,
    explicitId?: string,
  ): void => {
    const idProblem =
      explicitId === undefined ? undefined : explicitLinkIdProblem(explicitId, type, start, end);
    if (idProblem !== undefined)
      problems.push({ ...at, field: fieldJoin(at.field, 'id'), message: idProblem });
    links.push({
      id: explicitId ?? linkId(start, type, end),
      type,
      start,
      end,
      endLabels: LINKS[type].end,
      props: compact(props),
      explicitId: explicitId !== undefined,
      at,
    });
  };

  type EntryBase = {
    id: string;
    name: string;
    aliases?: string[] | undefined;
    notes?: string | undefined;
    sources: Citation[];
    classification?: string | undefined;
    releasableTo?: string[] | undefined;
  };
  type LinkBase = {
    sources: readonly Citation[];
    classification?: string | undefined;
    releasableTo?: readonly string[] | undefined;
  };
  const rowsOf = (label: Label): NodeRow[] => {
    const rows = nodes.get(label) ?? [];
    nodes.set(label, rows);
    return rows;
  };
  /** Declares an entry and returns its place, its common properties and link helpers. */
  const begin = (section: Exclude<Section, 'sources'>, entry: EntryBase, index: number) => {
    const at: Place = { file: fileOf(section), entry: index, id: entry.id };
    declare(entry.id, SECTION_LABEL[section], at);
    const common = {
      id: entry.id,
      name: entry.name,
      aliases: entry.aliases ?? [],
      aliasesText: (entry.aliases ?? []).join(' | '),
      notes: entry.notes,
      ...cite(entry.sources, at),
      ...access(entry),
    };
    /** A nested link declared at `field[i]`, with its own citations and window. */
    const link = (
      type: LinkType,
      field: string,
      i: number,
      ends: { start: string; end: string },
      l: LinkBase & { id?: string | undefined; attested?: string | undefined },
      extra: Record<string, StoredValue | undefined>,
      from?: string,
      to?: string,
    ): void => {
      const where: Place = { ...at, field: `${field}[${i}]` };
      const window = windowProps(from, to, where, 'link', l.attested);
      addLink(
        type,
        ends.start,
        ends.end,
        { ...extra, ...window, ...cite(l.sources, where), ...access(l) },
        where,
        l.id,
      );
    };
    /** A link declared by a property of the entity (country, nationality); it shares the entity's citations. */
    const entityLink = (type: LinkType, end: string | undefined, field: string): void => {
      if (end !== undefined)
        addLink(
          type,
          entry.id,
          end,
          // Undated: it holds as long as both its ends (src/model/timeSpans.ts).
          { ...cite(entry.sources, at), ...access(entry), ...spansOf({}, 'link') },
          { ...at, field },
        );
    };
    return { at, common, link, entityLink };
  };

  document.countries.forEach((e, index) => {
    const { at, common } = begin('countries', e, index);
    rowsOf('Country').push({
      id: e.id,
      props: compact({
        ...common,
        code: e.code,
        ...windowProps(e.from, e.to, at, 'existence', e.attested),
      }),
    });
  });
  document.services.forEach((e, index) => {
    const { at, common, link, entityLink } = begin('services', e, index);
    rowsOf('Service').push({
      id: e.id,
      props: compact({
        ...common,
        acronym: e.acronym,
        kind: e.kind,
        ...windowProps(e.from, e.to, at, 'existence', e.attested),
      }),
    });
    entityLink('OF', e.country, 'country');
    e.succeeded?.forEach((l, i) => {
      link('SUCCEEDED', 'succeeded', i, { start: e.id, end: l.service }, l, {}, l.from);
    });
    e.partOf?.forEach((l, i) => {
      link('PART_OF', 'partOf', i, { start: e.id, end: l.service }, l, {}, l.from, l.to);
    });
  });
  document.organizations.forEach((e, index) => {
    const { at, common, entityLink } = begin('organizations', e, index);
    rowsOf('Organization').push({
      id: e.id,
      props: compact({
        ...common,
        kind: e.kind,
        ...windowProps(e.from, e.to, at, 'existence', e.attested),
      }),
    });
    entityLink('OF', e.country, 'country');
  });
  document.officers.forEach((e, index) => {
    const { at, common, link, entityLink } = begin('officers', e, index);
    if (e.born !== undefined && e.died !== undefined && !isOrdered(e.born, e.died)) {
      problems.push({ ...at, field: 'died', message: `died (${e.died}) before born (${e.born})` });
    }
    rowsOf('Officer').push({
      id: e.id,
      // A person's validity (for time filters) is their life, when known.
      props: compact({
        ...common,
        born: e.born,
        died: e.died,
        ...spansOf({ from: e.born, to: e.died }, 'existence'),
      }),
    });
    entityLink('OF', e.nationality, 'nationality');
    e.serves?.forEach((l, i) => {
      link(
        'SERVES',
        'serves',
        i,
        { start: e.id, end: l.service },
        l,
        { role: l.role, post: l.post },
        l.from,
        l.to,
      );
    });
    e.postedTo?.forEach((l, i) => {
      link(
        'POSTED_TO',
        'postedTo',
        i,
        { start: e.id, end: l.channel },
        l,
        { post: l.post },
        l.from,
        l.to,
      );
    });
    e.agentOf?.forEach((l, i) => {
      const where: Place = { ...at, field: `agentOf[${i}]` };
      if ((l.service === undefined) === (l.organization === undefined)) {
        problems.push({
          ...where,
          message:
            'expected exactly one of "service" (the hostile service) or "organization" (an insider\'s recipient)',
        });
        return;
      }
      if (l.organization !== undefined && l.kind !== 'INSIDER') {
        problems.push({
          ...where,
          field: `agentOf[${i}].organization`,
          message: `only an INSIDER's link can end at an organization; got kind ${l.kind}`,
        });
        return;
      }
      const end = l.service ?? l.organization ?? '';
      link(
        'AGENT_OF',
        'agentOf',
        i,
        { start: e.id, end },
        l,
        { kind: l.kind, confidence: l.confidence },
        l.from,
        l.to,
      );
      if (l.organization !== undefined) agentOfOrganization.add(links.length - 1);
    });
  });
  document.channels.forEach((e, index) => {
    const { at, common, link } = begin('channels', e, index);
    rowsOf('LiaisonChannel').push({
      id: e.id,
      props: compact({
        ...common,
        scope: e.scope,
        form: e.form,
        structure: e.structure,
        disciplines: e.disciplines ?? [],
        sharing: e.sharing,
        thirdPartyRule: e.thirdPartyRule,
        ...windowProps(e.from, e.to, at, 'fact', e.attested),
      }),
    });
    e.parties?.forEach((l, i) => {
      link(
        'PARTY_TO',
        'parties',
        i,
        { start: l.service, end: e.id },
        l,
        { role: l.role },
        l.from,
        l.to,
      );
    });
  });
  document.operations.forEach((e, index) => {
    const { at, common, link } = begin('operations', e, index);
    rowsOf('Operation').push({
      id: e.id,
      props: compact({
        ...common,
        codename: e.codename,
        summary: e.summary,
        outcome: e.outcome,
        ...windowProps(e.from, e.to, at, 'fact', e.attested),
      }),
    });
    e.conductedBy?.forEach((l, i) => {
      link('CONDUCTED', 'conductedBy', i, { start: l.service, end: e.id }, l, { role: l.role });
    });
    e.through?.forEach((l, i) => {
      link('THROUGH', 'through', i, { start: e.id, end: l.channel }, l, {});
    });
    e.participants?.forEach((l, i) => {
      link('TOOK_PART', 'participants', i, { start: l.officer, end: e.id }, l, { role: l.role });
    });
    e.targeted?.forEach((l, i) => {
      link('TARGETED', 'targeted', i, { start: e.id, end: l.target }, l, {});
    });
  });

  for (const index of agentOfOrganization) {
    const link = links[index];
    if (link) links[index] = { ...link, endLabels: ['Organization'] };
  }
  for (const [index, link] of links.entries()) {
    if (link.type === 'AGENT_OF' && !agentOfOrganization.has(index))
      links[index] = { ...link, endLabels: ['Service'] };
  }

  const linkIds = new Map<string, Place>();
  for (const link of links) {
    const previous = linkIds.get(link.id);
    if (previous) {
      problems.push({
        ...link.at,
        message: `link ${link.id} is declared twice (also at ${describe(previous)}); give one an explicit "id"`,
      });
    } else linkIds.set(link.id, link.at);
  }
  // References inside the document must point at the right kind of entity now; others wait for
  // the database (resolvePlan).
  for (const link of links) {
    const startLabel = declared.get(link.start)?.label;
    const endLabel = declared.get(link.end)?.label;
    if (
      startLabel !== undefined &&
      !(LINKS[link.type].start as readonly string[]).includes(startLabel)
    ) {
      problems.push({
        ...link.at,
        message: `"${link.start}" is a ${startLabel}; ${link.type} starts at ${LINKS[link.type].start.join(' or ')}`,
      });
    }
    if (endLabel !== undefined && !(link.endLabels as readonly string[]).includes(endLabel)) {
      problems.push({
        ...link.at,
        message: `"${link.end}" is a ${endLabel}; expected ${link.endLabels.join(' or ')}`,
      });
    }
  }
  return { sources, nodes: withSearchProps(nodes), links, citedSources };
}

/** Drops undefined values: Neo4j stores no nulls and `SET n = $props` must replace cleanly. */
function compact(props: Readonly<Record<string, StoredValue | undefined>>): StoredProps {
  const out: Record<string, StoredValue> = {};
  for (const [key, value] of Object.entries(props)) if (value !== undefined) out[key] = value;
  return out;
}

function idOf(entry: unknown): string | undefined {
  if (typeof entry === 'object' && entry !== null && 'id' in entry && typeof entry.id === 'string')
    return entry.id;
  return undefined;
}

function valueAt(entry: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = entry;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function fieldJoin(base: string | undefined, field: string): string {
  return base === undefined ? field : `${base}.${field}`;
}

/** `officers.yaml entry 3 (kim-philby)`. */
export function describe(at: Place): string {
  return `${at.file}${at.entry === undefined ? '' : ` entry ${at.entry}`}${at.id === undefined ? '' : ` (${at.id})`}${at.field === undefined ? '' : ` ${at.field}`}`;
}
