import { z } from 'zod';
import {
  attestationProblem,
  CONDUCT_ROLES,
  CONFIDENCES,
  dateIntervalProblem,
  isOrdered,
  LINK_TYPES,
  linkId,
  LINKS,
  PARTY_ROLES,
  PENETRATION_KINDS,
  SERVICE_ROLES,
  type LinkType,
  partialDateProblem,
  spansOf,
} from '../model/index.js';
import { citationSchema, lineOfText } from './graphDocument.js';
import { fieldPath, ImportError, type ImportProblem } from './importProblem.js';
import type { StoredProps } from './planGraph.js';

const partialDate = z.string().superRefine((text, ctx) => {
  const problem = partialDateProblem(text);
  if (problem !== undefined)
    ctx.addIssue({
      code: 'custom',
      message: `expected an EDTF date such as 1949, 1949-10, 1949-10-01, 1950~ or 195X (${problem})`,
    });
});
const attestation = z.string().superRefine((text, ctx) => {
  const problem = dateIntervalProblem(text);
  if (problem !== undefined)
    ctx.addIssue({
      code: 'custom',
      message: `expected an EDTF date or interval such as 1985 or 1984/1985-11 (${problem})`,
    });
});

/** The properties of a link, as given to createLink / updateLink (nulls already removed). */
const linkPropsSchema = z.strictObject({
  role: lineOfText(300).optional(),
  post: lineOfText(300).optional(),
  kind: z.enum(PENETRATION_KINDS).optional(),
  confidence: z.enum(CONFIDENCES).optional(),
  from: partialDate.optional(),
  to: partialDate.optional(),
  attested: attestation.optional(),
  sources: z
    .array(citationSchema)
    .min(1, 'expected at least one citation: no fact without a source'),
  classification: z.enum(['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET']).optional(),
  releasableTo: z
    .array(z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166 alpha-3 code such as "GBR"'))
    .optional(),
});
export type LinkPropsInput = z.infer<typeof linkPropsSchema>;

/** The properties given as such (besides sources and access). */
const GIVEN = ['role', 'post', 'kind', 'confidence', 'from', 'to', 'attested'] as const;

const ROLE_VOCABULARY: Partial<Record<LinkType, readonly string[]>> = {
  PARTY_TO: PARTY_ROLES,
  SERVES: SERVICE_ROLES,
  CONDUCTED: CONDUCT_ROLES,
};

/**
 * Validates a link's properties for its type (which properties it may carry, the role's
 * vocabulary, AGENT_OF's required kind and confidence, an ordered window) and turns them into
 * stored properties. Problems are reported all at once, at `file` (`input`).
 */
export function linkProps(
  type: LinkType,
  id: string,
  input: unknown,
  file = 'input',
): { props: StoredProps; sourceIds: string[] } {
  if (!(LINK_TYPES as readonly string[]).includes(type))
    throw new ImportError([{ file, field: 'type', message: `unknown link type ${type}` }]);
  const parsed = linkPropsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ImportError(
      parsed.error.issues.map((issue) => ({
        file,
        ...(fieldPath(issue.path) ? { field: fieldPath(issue.path) } : {}),
        message: issue.message,
      })),
    );
  }
  const value = parsed.data;
  const problems: ImportProblem[] = [];
  const allowed: readonly string[] = LINKS[type].properties;
  for (const key of GIVEN) {
    if (value[key] !== undefined && !allowed.includes(key)) {
      problems.push({
        file,
        field: key,
        message: `${type} links carry ${allowed.length ? allowed.join(', ') : 'no properties besides sources'}; '${key}' is not one of them`,
      });
    }
  }
  const vocabulary = ROLE_VOCABULARY[type];
  if (vocabulary && value.role !== undefined && !vocabulary.includes(value.role)) {
    problems.push({
      file,
      field: 'role',
      message: `a ${type} role is one of ${vocabulary.join(', ')}; got "${value.role}"`,
    });
  }
  if (type === 'AGENT_OF' && (value.kind === undefined || value.confidence === undefined)) {
    problems.push({
      file,
      field: value.kind === undefined ? 'kind' : 'confidence',
      message: 'AGENT_OF links need both kind and confidence',
    });
  }
  if (value.from !== undefined && value.to !== undefined && !isOrdered(value.from, value.to)) {
    problems.push({
      file,
      field: 'to',
      message: `the window ends (${value.to}) before it starts (${value.from})`,
    });
  }
  const attested = attestationProblem(value);
  if (attested !== undefined)
    problems.push({ file, field: 'attested', message: `the attestation ${attested}` });
  if (problems.length > 0) throw new ImportError(problems);
  const sourceIds = [...new Set(value.sources.map((c) => c.source))];
  const props: Record<string, string | readonly string[]> = {
    id,
    citations: value.sources.map((c) => JSON.stringify(c)),
    sourceIds,
    classification: value.classification ?? 'UNCLASSIFIED',
    releasableTo: value.releasableTo ?? [],
  };
  for (const key of GIVEN) {
    const v = value[key];
    if (v !== undefined) props[key] = v;
  }
  Object.assign(props, spansOf(value, 'link'));
  return { props, sourceIds };
}

/** Rebuilds the given-properties view of a stored link (the inverse of `linkProps`). */
export function linkInputOf(stored: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [
    'role',
    'post',
    'kind',
    'confidence',
    'from',
    'to',
    'attested',
    'classification',
    'releasableTo',
  ]) {
    if (stored[key] !== undefined && stored[key] !== null) out[key] = stored[key];
  }
  const citations = Array.isArray(stored['citations']) ? stored['citations'] : [];
  out['sources'] = citations.map((json) => JSON.parse(String(json)) as unknown);
  return out;
}

/** The default id of a new link. */
export const defaultLinkId = linkId;
