import { z } from 'zod';
import {
  CHANNEL_FORMS,
  CHANNEL_SCOPES,
  CHANNEL_STRUCTURES,
  CLASSIFICATIONS,
  CONDUCT_ROLES,
  CONFIDENCES,
  DISCIPLINES,
  ORGANIZATION_KINDS,
  PARTY_ROLES,
  PENETRATION_KINDS,
  SERVICE_KINDS,
  SERVICE_ROLES,
  SHARING_LEVELS,
  dateIntervalProblem,
  partialDateProblem,
} from '../model/index.js';

/**
 * The graph document: the format of the seed files (`seed/historical/*.yaml`, one top-level
 * key per file) and of `importGraph`. Entities carry their outgoing links nested, each with its
 * own citations; see seed/historical/README.md for the prose.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase kebab-case id such as "kim-philby"')
  .max(100, 'expected at most 100 characters');

const partialDate = z.string().superRefine((text, ctx) => {
  const problem = partialDateProblem(text);
  if (problem !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `expected an EDTF date such as 1949, 1949-10, 1949-10-01, 1950~, 1944? or 195X (${problem})`,
    });
  }
});

/** When a source shows a fact in force: one EDTF date or an interval of two (`1984/1985-11`). */
const attestation = z.string().superRefine((text, ctx) => {
  const problem = dateIntervalProblem(text);
  if (problem !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `expected an EDTF date or interval such as 1985, 198X or 1984/1985-11 (${problem})`,
    });
  }
});

/**
 * Control characters (Unicode category Cc: C0, DEL and C1): none belongs in a name or a sentence, and a NUL or an
 * escape sequence would reach every reader, export and terminal the text is shown in. Text that
 * may run over lines (notes, summaries, quotes) may hold tabs and line feeds.
 */
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /(?![\t\n])\p{Cc}/u;
const NO_CONTROL = 'expected text without control characters (U+0000 to U+001F, U+007F to U+009F)';

/** Free text of one line (names, titles, posts, roles), trimmed, of 1 to `max` characters. */
export const lineOfText = (max: number) =>
  z
    .string()
    .trim()
    .refine((value) => !CONTROL.test(value), NO_CONTROL)
    .min(1, 'expected non-empty text')
    .max(max, `expected at most ${max} characters`);

/** Free text that may run over lines, trimmed, of 1 to `max` characters. */
const prose = (max = 2000) =>
  z
    .string()
    .trim()
    .refine((value) => !CONTROL_BUT_LINES.test(value), `${NO_CONTROL} other than tab and line feed`)
    .min(1, 'expected non-empty text')
    .max(max, `expected at most ${max} characters`);

/**
 * What a source record is: one of the dataset's documents (`seed/documents/`, cited by line and
 * quote) or an external reference (cited by section, with its bibliographic data).
 */
export const SOURCE_KINDS = ['DOCUMENT', 'EXTERNAL'] as const;

/** Properties a citation may say it supports (`about: [form]`), besides the fact itself. */
export const CITED_PROPERTIES = [
  'form',
  'scope',
  'structure',
  'sharing',
  'thirdPartyRule',
  'disciplines',
  'from',
  'to',
  'attested',
] as const;

/** A citation: a document of the dataset with line range and verbatim quote, or a public reference with a section. */
export const citationSchema = z.union([
  z.strictObject({
    source: slug,
    lines: z
      .tuple([z.int().min(1), z.int().min(1)])
      .refine(([a, b]) => a <= b, 'expected [first, last] with first <= last'),
    quote: prose(1000),
    about: z.array(z.enum(CITED_PROPERTIES)).min(1).optional(),
  }),
  z.strictObject({
    source: slug,
    section: lineOfText(300),
    about: z.array(z.enum(CITED_PROPERTIES)).min(1).optional(),
  }),
]);

const sources = z
  .array(citationSchema)
  .min(1, 'expected at least one citation: no fact without a source');

/** Access-control properties any entity or link may carry (UNCLASSIFIED when absent). */
const access = {
  classification: z.enum(CLASSIFICATIONS).optional(),
  releasableTo: z
    .array(z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166 alpha-3 code such as "GBR"'))
    .optional(),
};

/** A window: start, end and when a source shows it in force (docs/path-semantics.md, "Time"). */
const window = {
  from: partialDate.optional(),
  to: partialDate.optional(),
  attested: attestation.optional(),
};

const linkBase = {
  id: z
    .string()
    .min(1)
    .max(200)
    .refine((value) => !CONTROL.test(value), NO_CONTROL)
    .optional(),
  sources,
  ...access,
};

export const sourceSchema = z
  .strictObject({
    id: slug,
    kind: z.enum(SOURCE_KINDS).optional(),
    title: lineOfText(500),
    author: lineOfText(500).optional(),
    date: partialDate.optional(),
    publisher: lineOfText(500).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    file: z
      .string()
      .regex(/^[\w.-]+$/, 'expected a file name in seed/documents/')
      .optional(),
  })
  .superRefine((source, ctx) => {
    // A document is read in seed/documents/; a reference declared EXTERNAL must say where to
    // find it (records without a kind, the earlier format, are external when they have no file).
    const kind = source.kind ?? (source.file !== undefined ? 'DOCUMENT' : 'EXTERNAL');
    if (kind === 'DOCUMENT' && source.file === undefined)
      ctx.addIssue({ code: 'custom', path: ['file'], message: 'a DOCUMENT source needs its file' });
    if (source.kind === 'EXTERNAL' && (source.url === undefined || source.publisher === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [source.url === undefined ? 'url' : 'publisher'],
        message: 'an EXTERNAL source needs its url and publisher (with author and date when known)',
      });
  });

const entityBase = {
  id: slug,
  name: lineOfText(300),
  aliases: z.array(lineOfText(300)).optional(),
  notes: prose().optional(),
  sources,
  ...access,
};

export const countrySchema = z.strictObject({
  ...entityBase,
  code: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166 alpha-3 code such as "GBR"'),
  ...window,
});

export const serviceSchema = z
  .strictObject({
    ...entityBase,
    acronym: lineOfText(50).optional(),
    kind: z.enum(SERVICE_KINDS),
    country: slug.optional(),
    ...window,
    succeeded: z
      .array(z.strictObject({ ...linkBase, service: slug, from: partialDate.optional() }))
      .optional(),
    partOf: z.array(z.strictObject({ ...linkBase, service: slug, ...window })).optional(),
  })
  .superRefine(
    (service, ctx) => {
      const succeeded: unknown = service.succeeded;
      if (typeof service.id !== 'string' || !Array.isArray(succeeded)) return;
      succeeded.forEach((link: unknown, index) => {
        if ((link as { service?: unknown } | null)?.service !== service.id) return;
        ctx.addIssue({
          code: 'custom',
          path: ['succeeded', index, 'service'],
          message: 'a service cannot succeed itself: expected the id of the service it succeeded',
        });
      });
    },
    // Checked even when other fields are wrong, so that every problem is reported at once.
    { when: ({ value }) => typeof value === 'object' && value !== null },
  );

export const organizationSchema = z.strictObject({
  ...entityBase,
  kind: z.enum(ORGANIZATION_KINDS),
  country: slug.optional(),
  ...window,
});

export const officerSchema = z.strictObject({
  ...entityBase,
  born: partialDate.optional(),
  died: partialDate.optional(),
  nationality: slug.optional(),
  serves: z
    .array(
      z.strictObject({
        ...linkBase,
        service: slug,
        role: z.enum(SERVICE_ROLES).optional(),
        post: lineOfText(300).optional(),
        ...window,
      }),
    )
    .optional(),
  postedTo: z
    .array(
      z.strictObject({ ...linkBase, channel: slug, post: lineOfText(300).optional(), ...window }),
    )
    .optional(),
  agentOf: z
    .array(
      z.strictObject({
        ...linkBase,
        service: slug.optional(),
        organization: slug.optional(),
        kind: z.enum(PENETRATION_KINDS),
        confidence: z.enum(CONFIDENCES),
        ...window,
      }),
    )
    .optional(),
});

export const channelSchema = z.strictObject({
  ...entityBase,
  scope: z.enum(CHANNEL_SCOPES),
  form: z.enum(CHANNEL_FORMS).optional(),
  structure: z.enum(CHANNEL_STRUCTURES).optional(),
  disciplines: z.array(z.enum(DISCIPLINES)).optional(),
  sharing: z.enum(SHARING_LEVELS).optional(),
  thirdPartyRule: z.boolean().optional(),
  ...window,
  parties: z
    .array(
      z.strictObject({
        ...linkBase,
        service: slug,
        role: z.enum(PARTY_ROLES).optional(),
        ...window,
      }),
    )
    .optional(),
});

export const operationSchema = z.strictObject({
  ...entityBase,
  codename: lineOfText(100).optional(),
  summary: prose().optional(),
  outcome: prose().optional(),
  ...window,
  conductedBy: z
    .array(z.strictObject({ ...linkBase, service: slug, role: z.enum(CONDUCT_ROLES).optional() }))
    .optional(),
  through: z.array(z.strictObject({ ...linkBase, channel: slug })).optional(),
  participants: z
    .array(z.strictObject({ ...linkBase, officer: slug, role: lineOfText(300).optional() }))
    .optional(),
  targeted: z.array(z.strictObject({ ...linkBase, target: slug })).optional(),
});

/** The sections of a graph document, in load order, with the schema of one entry each. */
export const SECTIONS = {
  sources: sourceSchema,
  countries: countrySchema,
  services: serviceSchema,
  organizations: organizationSchema,
  officers: officerSchema,
  channels: channelSchema,
  operations: operationSchema,
} as const;
export type Section = keyof typeof SECTIONS;
export const SECTION_NAMES = Object.keys(SECTIONS) as Section[];

export type SourceEntry = z.infer<typeof sourceSchema>;
export type CountryEntry = z.infer<typeof countrySchema>;
export type ServiceEntry = z.infer<typeof serviceSchema>;
export type OrganizationEntry = z.infer<typeof organizationSchema>;
export type OfficerEntry = z.infer<typeof officerSchema>;
export type ChannelEntry = z.infer<typeof channelSchema>;
export type OperationEntry = z.infer<typeof operationSchema>;
export type Citation = z.infer<typeof citationSchema>;

/** A parsed, schema-valid graph document (references not yet checked). */
export interface GraphDocument {
  readonly sources: readonly SourceEntry[];
  readonly countries: readonly CountryEntry[];
  readonly services: readonly ServiceEntry[];
  readonly organizations: readonly OrganizationEntry[];
  readonly officers: readonly OfficerEntry[];
  readonly channels: readonly ChannelEntry[];
  readonly operations: readonly OperationEntry[];
}
