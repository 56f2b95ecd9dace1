import { auditorFor } from '../audit/index.js';
import type { Behalf, ImportSummary } from '../import/index.js';
import {
  createEntity,
  createLink,
  deleteEntity,
  deleteLink,
  ENTITY_SECTIONS,
  formatProblem,
  ImportError,
  importDocument,
  updateEntity,
  updateLink,
  type EntitySection,
} from '../import/index.js';
import { ApiError, ErrorCode } from '../errors/index.js';
import type { Context } from '../context/index.js';
import type { MutationResolvers } from '../generated/resolvers.js';

/**
 * Refused writes become one coded error: BAD_USER_INPUT for a bad value, FORBIDDEN for a write
 * the caller's clearance does not allow, CONFLICT when an id is taken, else NOT_FOUND (an id
 * naming nothing the caller can see); every problem is listed with its place.
 */
function asApiError(error: unknown): unknown {
  if (!(error instanceof ImportError)) return error;
  const kinds = new Set(error.problems.map((p) => p.kind ?? 'invalid'));
  const code = kinds.has('invalid')
    ? ErrorCode.BAD_USER_INPUT
    : kinds.has('forbidden')
      ? ErrorCode.FORBIDDEN
      : kinds.has('conflict')
        ? ErrorCode.CONFLICT
        : ErrorCode.NOT_FOUND;
  const lines = error.problems.map(formatProblem);
  return new ApiError(code, `Nothing was written: ${lines.join('; ')}`, {
    problems: error.problems.map(({ file, entry, id, field, message }) => ({
      file,
      entry,
      id,
      field,
      message,
    })),
  });
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asApiError(error);
  }
}

const counts = (record: Readonly<Record<string, number>>) =>
  Object.entries(record).map(([kind, count]) => ({ kind, count }));
const importResult = (summary: ImportSummary) => ({
  written: counts(summary.written),
  totals: counts(summary.totals),
});

/** The write's caller (what it may see and write) and the audit entry of this mutation. */
const behalfOf = (ctx: Context, info: { fieldName: string }): Behalf => ({
  writer: ctx.caller,
  audit: auditorFor(ctx.caller, ctx.requestId, info.fieldName),
});

type Info = { fieldName: string };

function entityMutations(section: EntitySection) {
  return {
    create: (_p: unknown, { input }: { input: object }, ctx: Context, info: Info) =>
      guarded(() =>
        createEntity(ctx.executor, section, input as Record<string, unknown>, behalfOf(ctx, info)),
      ),
    update: (_p: unknown, { id, input }: { id: string; input: object }, ctx: Context, info: Info) =>
      guarded(() =>
        updateEntity(
          ctx.executor,
          section,
          id,
          input as Record<string, unknown>,
          behalfOf(ctx, info),
        ),
      ),
    remove: (_p: unknown, { id }: { id: string }, ctx: Context, info: Info) =>
      guarded(() => deleteEntity(ctx.executor, ENTITY_SECTIONS[section], id, behalfOf(ctx, info))),
  };
}

const countries = entityMutations('countries');
const services = entityMutations('services');
const organizations = entityMutations('organizations');
const officers = entityMutations('officers');
const channels = entityMutations('channels');
const operations = entityMutations('operations');

/** Writes: each one transaction (see src/import/mutateGraph.ts). */
export const mutationResolvers: MutationResolvers = {
  createCountry: countries.create,
  updateCountry: countries.update,
  deleteCountry: countries.remove,
  createService: services.create,
  updateService: services.update,
  deleteService: services.remove,
  createOrganization: organizations.create,
  updateOrganization: organizations.update,
  deleteOrganization: organizations.remove,
  createOfficer: officers.create,
  updateOfficer: officers.update,
  deleteOfficer: officers.remove,
  createChannel: channels.create,
  updateChannel: channels.update,
  deleteChannel: channels.remove,
  createOperation: operations.create,
  updateOperation: operations.update,
  deleteOperation: operations.remove,
  createLink: (_p, { input }, ctx, info) =>
    guarded(() => createLink(ctx.executor, input, behalfOf(ctx, info))),
  updateLink: (_p, { id, input }, ctx, info) =>
    guarded(() => updateLink(ctx.executor, id, input, behalfOf(ctx, info))),
  deleteLink: (_p, { id }, ctx, info) =>
    guarded(() => deleteLink(ctx.executor, id, behalfOf(ctx, info))),
  importGraph: (_p, { document }, ctx, info) =>
    guarded(async () =>
      importResult(await importDocument(ctx.executor, document, behalfOf(ctx, info))),
    ),
};
