import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { GraphDocument } from '../../src/import/graphDocument.js';
import { HISTORICAL_DIR, SECTION_NAMES } from '../../src/import/index.js';
import { firstDay } from '../../src/model/index.js';

/**
 * The historical dataset as the YAML files say it, parsed here with the `yaml` package and not
 * through the loader, so expectations come from the files and not from the code under test.
 */
export function readHistorical(dir: string = HISTORICAL_DIR): GraphDocument {
  const document: Record<string, unknown> = {};
  for (const section of SECTION_NAMES) {
    document[section] = parse(readFileSync(path.join(dir, `${section}.yaml`), 'utf8')) as unknown;
  }
  return document as unknown as GraphDocument;
}

const sum = <T>(list: readonly T[], count: (item: T) => number): number =>
  list.reduce((total, item) => total + count(item), 0);

/** Nodes per label and links per type that the files declare (the shape of `countGraph`). */
export function expectedTotals(doc: GraphDocument): Record<string, number> {
  return {
    Country: doc.countries.length,
    Service: doc.services.length,
    Organization: doc.organizations.length,
    Officer: doc.officers.length,
    LiaisonChannel: doc.channels.length,
    Operation: doc.operations.length,
    Source: doc.sources.length,
    PARTY_TO: sum(doc.channels, (c) => c.parties?.length ?? 0),
    SERVES: sum(doc.officers, (o) => o.serves?.length ?? 0),
    POSTED_TO: sum(doc.officers, (o) => o.postedTo?.length ?? 0),
    CONDUCTED: sum(doc.operations, (o) => o.conductedBy?.length ?? 0),
    THROUGH: sum(doc.operations, (o) => o.through?.length ?? 0),
    TOOK_PART: sum(doc.operations, (o) => o.participants?.length ?? 0),
    TARGETED: sum(doc.operations, (o) => o.targeted?.length ?? 0),
    OF:
      doc.services.filter((s) => s.country !== undefined).length +
      doc.organizations.filter((o) => o.country !== undefined).length +
      doc.officers.filter((o) => o.nationality !== undefined).length,
    SUCCEEDED: sum(doc.services, (s) => s.succeeded?.length ?? 0),
    PART_OF: sum(doc.services, (s) => s.partOf?.length ?? 0),
    AGENT_OF: sum(doc.officers, (o) => o.agentOf?.length ?? 0),
  };
}

/** Finds an entry by id or fails the test with the id named. */
export function entry<T extends { id: string }>(list: readonly T[], id: string): T {
  const found = list.find((e) => e.id === id);
  if (found === undefined) throw new Error(`the dataset has no entry "${id}"`);
  return found;
}

/** Index of an entry by id in its file (what import problems call `entry`). */
export function indexOf(list: readonly { id: string }[], id: string): number {
  const index = list.findIndex((e) => e.id === id);
  if (index < 0) throw new Error(`the dataset has no entry "${id}"`);
  return index;
}

/** String order as Neo4j compares strings (UTF-16 code units), not locale order. */
export const codeUnitOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Ids of entries in the API's default order: lower-cased name, then id. */
export function idsByName(list: readonly { id: string; name: string }[]): string[] {
  return [...list]
    .sort(
      (a, b) =>
        codeUnitOrder(a.name.toLowerCase(), b.name.toLowerCase()) || codeUnitOrder(a.id, b.id),
    )
    .map((e) => e.id);
}

/** One AGENT_OF link as the files declare it, with its link id. */
export interface DeclaredPenetration {
  readonly id: string;
  readonly agent: string;
  readonly end: string;
  readonly kind: string;
  readonly confidence: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** Every penetration of the files, in the API's order: first day of `from` (unknown last), then id. */
export function penetrations(doc: GraphDocument): DeclaredPenetration[] {
  const all = doc.officers.flatMap((officer) =>
    (officer.agentOf ?? []).map((link) => {
      const end = link.service ?? link.organization ?? '';
      return {
        id: `${officer.id}/AGENT_OF/${end}`,
        agent: officer.id,
        end,
        kind: link.kind,
        confidence: link.confidence,
        from: link.from ?? null,
        to: link.to ?? null,
      };
    }),
  );
  const key = (p: DeclaredPenetration): string => (p.from === null ? '~' : firstDay(p.from));
  return all.sort((a, b) => codeUnitOrder(key(a), key(b)) || codeUnitOrder(a.id, b.id));
}
