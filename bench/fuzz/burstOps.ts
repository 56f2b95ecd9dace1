import fc from 'fast-check';
import type { ApiKeyInput } from '../../src/auth/apiKeyRecord.js';
import { CLASSIFICATIONS, type Classification } from '../../src/model/index.js';
import type { CountedWrite, ElementEffect, FieldValue } from './acknowledgedWrites.js';

/**
 * The writers of a burst: keys at every clearance, three roles and two nationalities. The reader
 * may write nothing; editors may not import; a writer marks what it writes at most at its own
 * clearance, and one with a nationality makes it releasable to that nation only.
 */
export const BURST_WRITERS = {
  top: { name: 'burst top', role: 'admin', clearance: 'TOP_SECRET', nationality: null },
  secret: { name: 'burst secret', role: 'editor', clearance: 'SECRET', nationality: null },
  gbr: { name: 'burst gbr', role: 'admin', clearance: 'SECRET', nationality: 'GBR' },
  usa: { name: 'burst usa', role: 'editor', clearance: 'TOP_SECRET', nationality: 'USA' },
  low: { name: 'burst low', role: 'admin', clearance: 'CONFIDENTIAL', nationality: null },
  reader: { name: 'burst reader', role: 'reader', clearance: 'TOP_SECRET', nationality: null },
} as const satisfies Record<string, ApiKeyInput>;
export type BurstWriter = keyof typeof BURST_WRITERS;

/** Every id a burst writes starts with this, and nothing else in the graph does. */
export const BURST_PREFIX = 'fzb-';

/** The ids of one burst and the historical entities its links may end at. */
export interface BurstWorld {
  /** Services the writers create, update, import and delete. */
  readonly services: readonly string[];
  /** The burst's own SECRET channel, made before the burst; a create of its id must fail. */
  readonly channel: string;
  /** Ends of PARTY_TO links: the burst's channel and historical ones. */
  readonly channels: readonly string[];
  /** A historical officer, start of SERVES links. */
  readonly officer: string;
  /** An explicit link id that PARTY_TO and SERVES links both try to take. */
  readonly sharedLinkId: string;
  /** The citation every write gives (a historical source). */
  readonly citation: { readonly source: string; readonly section: string };
}

/** The world of a burst whose links end at these historical channels and officer. */
export function burstWorld(
  historicalChannels: readonly string[],
  officer: string,
  source: string,
): BurstWorld {
  const channel = `${BURST_PREFIX}chan`;
  return {
    services: ['a', 'b', 'c'].map((s) => `${BURST_PREFIX}svc-${s}`),
    channel,
    channels: [channel, ...historicalChannels],
    officer,
    sharedLinkId: `${BURST_PREFIX}shared-link`,
    citation: { source, section: 'Lead section' },
  };
}

/** The derived ids of the links a burst may create that end at `service` (all, without one). */
export function derivedLinkIds(world: BurstWorld, service?: string): string[] {
  return (service === undefined ? world.services : [service]).flatMap((s) => [
    ...world.channels.map((c) => `${s}/PARTY_TO/${c}`),
    `${world.officer}/SERVES/${s}`,
  ]);
}

/** One write a client sends. `level` is the marking asked for, capped at the writer's clearance. */
export type BurstOp =
  | { kind: 'create'; id: string; name: string; level: number; acronym: string | null }
  | { kind: 'update'; id: string; field: PatchedField; word: string; level: number }
  | { kind: 'import'; id: string; name: string; level: number }
  | { kind: 'delete'; id: string }
  | { kind: 'partyTo'; service: string; channel: string; shared: boolean; level: number }
  | { kind: 'serves'; service: string; shared: boolean; level: number }
  | { kind: 'updateLink'; id: string; to: string }
  | { kind: 'deleteLink'; id: string };
export type BurstOpKind = BurstOp['kind'];
type PatchedField = 'name' | 'acronym' | 'notes' | 'classification';

/** A client of a burst: who it is and what it sends, each write after a pause (ms). */
export interface BurstClient {
  readonly writer: BurstWriter;
  readonly ops: readonly (readonly [BurstOp, number])[];
}

/** `count` clients of `opsPerClient` writes each on the ids of `world`. */
export function burstClientsArbitrary(
  world: BurstWorld,
  count: number,
  opsPerClient: number,
): fc.Arbitrary<BurstClient[]> {
  const word = fc.constantFrom('alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot');
  const level = fc.nat(3);
  const service = fc.constantFrom(...world.services);
  const op: fc.Arbitrary<BurstOp> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('create' as const),
        // Now and then the id of the burst's channel: an entity of another label holds it.
        id: fc.oneof({ weight: 9, arbitrary: service }, fc.constant(world.channel)),
        name: word,
        level,
        acronym: fc.option(word),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('update' as const),
        id: service,
        field: fc.constantFrom<PatchedField>('name', 'acronym', 'notes', 'classification'),
        word,
        level,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('import' as const),
        id: service,
        name: word,
        level,
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), id: service }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('partyTo' as const),
        service,
        channel: fc.constantFrom(...world.channels),
        shared: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, fc.constant(true)),
        level,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('serves' as const),
        service,
        shared: fc.boolean(),
        level,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('updateLink' as const),
        id: fc.constantFrom(...derivedLinkIds(world)),
        to: fc.constantFrom('1990', '1991', '1992'),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('deleteLink' as const),
        id: fc.constantFrom(world.sharedLinkId, ...derivedLinkIds(world)),
      }),
    },
  );
  const client = fc.record({
    writer: fc.constantFrom<BurstWriter>('top', 'top', 'secret', 'gbr', 'usa', 'low', 'reader'),
    ops: fc.array(fc.tuple(op, fc.nat(15)), { minLength: opsPerClient, maxLength: opsPerClient }),
  });
  return fc.array(client, { minLength: count, maxLength: count });
}

/** A write as sent, and what it does when acknowledged. */
export interface BurstRequest {
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
  /** The root field, non-null in an acknowledged answer. */
  readonly field: string;
  /** How the ledger counts it, and the id it counts under. */
  readonly counted: CountedWrite;
  readonly id: string;
  readonly effects: readonly ElementEffect[];
}

const CREATE_SERVICE =
  'mutation CreateService($input: ServiceInput!) { createService(input: $input) { id } }';
const UPDATE_SERVICE =
  'mutation UpdateService($id: ID!, $input: ServicePatch!) { updateService(id: $id, input: $input) { id } }';
const DELETE_SERVICE =
  'mutation DeleteService($id: ID!) { deleteService(id: $id) { id linksDeleted } }';
const IMPORT_GRAPH =
  'mutation ImportGraph($document: JSON!) { importGraph(document: $document) { written { kind count } } }';
const CREATE_LINK = 'mutation CreateLink($input: LinkInput!) { createLink(input: $input) { id } }';
const UPDATE_LINK =
  'mutation UpdateLink($id: ID!, $input: LinkPatch!) { updateLink(id: $id, input: $input) { id } }';
const DELETE_LINK = 'mutation DeleteLink($id: ID!) { deleteLink(id: $id) { id } }';

/** The marking a writer gives at `level`: capped at its clearance, releasable to its nation. */
export function markOf(
  writer: BurstWriter,
  level: number,
): { classification: Classification; releasableTo?: string[] } {
  const { clearance, nationality } = BURST_WRITERS[writer];
  const cap = CLASSIFICATIONS.indexOf(clearance);
  const classification = CLASSIFICATIONS[Math.min(level, cap)] ?? 'UNCLASSIFIED';
  return nationality === null
    ? { classification }
    : { classification, releasableTo: [nationality] };
}

/** The fields a marking sets, as the ledger spells them. */
const markFields = (mark: ReturnType<typeof markOf>): Record<string, FieldValue> => ({
  classification: mark.classification,
  releasableTo: mark.releasableTo?.join(',') ?? null,
});

/** Every field a create or a delete sets (a delete sets all to null). */
const GONE = {
  exists: false,
  name: null,
  acronym: null,
  notes: null,
  classification: null,
  releasableTo: null,
};
const LINK_GONE = { exists: false, to: null, classification: null, releasableTo: null };

/** The request of `op` sent by `writer`, and its effects when acknowledged. */
export function burstRequest(world: BurstWorld, writer: BurstWriter, op: BurstOp): BurstRequest {
  const sources = [world.citation];
  const entity = (id: string, fields: Record<string, FieldValue>): ElementEffect => ({
    id,
    label: 'entity',
    fields,
  });
  const link = (id: string, fields: Record<string, FieldValue>): ElementEffect => ({
    id,
    label: 'link',
    fields,
  });
  switch (op.kind) {
    case 'create': {
      const mark = markOf(writer, op.level);
      const input = { id: op.id, name: op.name, kind: 'SECURITY', sources, ...mark };
      return {
        query: CREATE_SERVICE,
        variables: { input: op.acronym === null ? input : { ...input, acronym: op.acronym } },
        field: 'createService',
        counted: 'create',
        id: op.id,
        effects: [
          entity(op.id, {
            exists: true,
            name: op.name,
            acronym: op.acronym,
            notes: null,
            ...markFields(mark),
          }),
        ],
      };
    }
    case 'update': {
      const value =
        op.field === 'classification' ? markOf(writer, op.level).classification : op.word;
      return {
        query: UPDATE_SERVICE,
        variables: { id: op.id, input: { [op.field]: value } },
        field: 'updateService',
        counted: 'other',
        id: op.id,
        effects: [entity(op.id, { [op.field]: value })],
      };
    }
    case 'import': {
      const mark = markOf(writer, op.level);
      const service = { id: op.id, name: op.name, kind: 'SECURITY', sources, ...mark };
      return {
        query: IMPORT_GRAPH,
        variables: { document: { services: [service] } },
        field: 'importGraph',
        counted: 'other',
        id: op.id,
        // An upsert replaces every property of an existing entity.
        effects: [
          entity(op.id, {
            exists: true,
            name: op.name,
            acronym: null,
            notes: null,
            ...markFields(mark),
          }),
        ],
      };
    }
    case 'delete':
      return {
        query: DELETE_SERVICE,
        variables: { id: op.id },
        field: 'deleteService',
        counted: 'delete',
        id: op.id,
        effects: [
          entity(op.id, GONE),
          ...derivedLinkIds(world, op.id).map((id) => link(id, LINK_GONE)),
        ],
      };
    case 'partyTo':
    case 'serves': {
      const mark = markOf(writer, op.level);
      const [type, start, end] =
        op.kind === 'partyTo'
          ? (['PARTY_TO', op.service, op.channel] as const)
          : (['SERVES', world.officer, op.service] as const);
      const id = op.shared ? world.sharedLinkId : `${start}/${type}/${end}`;
      const input = {
        type,
        start,
        end,
        sources,
        ...(type === 'PARTY_TO' ? { role: 'MEMBER' } : {}),
        ...(op.shared ? { id } : {}),
        ...mark,
      };
      return {
        query: CREATE_LINK,
        variables: { input },
        field: 'createLink',
        counted: 'createLink',
        id,
        effects: [link(id, { exists: true, to: null, ...markFields(mark) })],
      };
    }
    case 'updateLink':
      return {
        query: UPDATE_LINK,
        variables: { id: op.id, input: { to: op.to } },
        field: 'updateLink',
        counted: 'other',
        id: op.id,
        effects: [link(op.id, { to: op.to })],
      };
    case 'deleteLink':
      return {
        query: DELETE_LINK,
        variables: { id: op.id },
        field: 'deleteLink',
        counted: 'deleteLink',
        id: op.id,
        effects: [link(op.id, LINK_GONE)],
      };
  }
}
