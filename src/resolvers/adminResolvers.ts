import { auditorFor, type Touched } from '../audit/index.js';
import { grantRefusal, mayGrant, parseApiKeyInput, type ApiKeyRecord } from '../auth/index.js';
import { listAuditEntries, listOf, mapOf, str, type AuditFilter } from '../cypher/index.js';
import { ApiError, badInput, ErrorCode, notFound, shown } from '../errors/index.js';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers.js';
import { CLASSIFICATIONS, type Classification } from '../model/index.js';
import type { Row } from '../neo4j/index.js';
import { page } from './connections.js';
import { checkFirst, decodeCursor } from './cursor.js';

const ORDERING = 'AUDIT:AT:DESC';

/** An ISO 8601 instant argument, normalised to the stored form (UTC, milliseconds). */
function instant(value: string | null | undefined, argument: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time))
    throw badInput(
      `'${argument}' must be an ISO 8601 instant such as 2026-11-23T10:00:00Z; got ${shown(value)}.`,
      { argument },
    );
  return new Date(time).toISOString();
}

/** What an audit entry names of a key: its id; keys are not classified. */
const keyTouched = (record: ApiKeyRecord): Touched => ({
  id: record.id,
  props: { classification: 'UNCLASSIFIED' },
});

/** A key as answered: never its hash. */
const summary = ({
  hash: _hash,
  revokedAt,
  ...rest
}: Omit<ApiKeyRecord, 'hash'> & { hash?: string }) => ({
  ...rest,
  revokedAt: revokedAt ?? null,
});

/** An audit entry as stored, for the answer. */
function auditEntryOf(row: Row) {
  const entry = mapOf(row['entry'], 'entry');
  const ids = (key: string) => listOf(entry[key]).map((id) => str(id, key));
  const classification = str(entry['classification'], 'classification');
  if (!(CLASSIFICATIONS as readonly string[]).includes(classification))
    throw new TypeError(`audit entry with classification ${classification}`);
  return {
    id: str(entry['id'], 'id'),
    at: str(entry['at'], 'at'),
    subject: str(entry['subject'], 'subject'),
    via: str(entry['via'], 'via'),
    role: str(entry['role'], 'role'),
    operation: str(entry['operation'], 'operation'),
    requestId: str(entry['requestId'], 'requestId'),
    before: ids('before'),
    after: ids('after'),
    omitted: Number(entry['omitted'] ?? 0),
    classification: classification as Classification,
  };
}

/** Admins' fields: the audit log and API keys (roles in access.ts). */
export const adminResolvers: { Query: QueryResolvers; Mutation: MutationResolvers } = {
  Query: {
    auditLog: async (_p, { first, after, filter }, ctx) => {
      const size = checkFirst(first, ctx.limits.pageMaxSize);
      const position = after ? decodeCursor(ORDERING, after) : undefined;
      const conditions: AuditFilter = {
        ...(filter?.subject ? { subject: filter.subject } : {}),
        ...(filter?.operation ? { operation: filter.operation } : {}),
        ...(filter?.touching ? { touching: filter.touching } : {}),
        ...(filter?.since ? { since: instant(filter.since, 'filter.since') } : {}),
        ...(filter?.until ? { until: instant(filter.until, 'filter.until') } : {}),
      };
      const rows = await ctx.executor.read(
        listAuditEntries(conditions, size, position, ctx.visibility),
      );
      const { edges, pageInfo } = page(
        rows,
        size,
        after,
        ORDERING,
        auditEntryOf,
        (row) => {
          const entry = mapOf(row['entry'], 'entry');
          return { key: str(entry['at'], 'at'), id: str(entry['id'], 'id') };
        },
        // The log has no totalCount: counting it would cost a scan of every entry.
        () => Promise.resolve(0),
      );
      return { edges: [...edges], pageInfo };
    },
    // Only keys the caller could have issued: one above it is not even named.
    apiKeys: async (_p, _a, ctx) =>
      (await ctx.apiKeys.list()).filter((key) => mayGrant(ctx.caller, key)).map(summary),
  },
  Mutation: {
    createApiKey: async (_p, { input }, ctx, info) => {
      const parsed = parseApiKeyInput({ ...input, nationality: input.nationality ?? null });
      if ('problems' in parsed)
        throw badInput(`The key was not made: ${parsed.problems.join('; ')}.`, {
          problems: parsed.problems,
        });
      const refused = grantRefusal(ctx.caller, parsed.input);
      if (refused !== undefined)
        throw new ApiError(ErrorCode.FORBIDDEN, refused, { argument: 'input' });
      const audit = auditorFor(ctx.caller, ctx.requestId, info.fieldName);
      const made = await ctx.executor.writeTransaction(async (tx) => {
        const created = await ctx.apiKeys.create(parsed.input, tx);
        await audit.record(tx, { before: [], after: [keyTouched(created.record)] });
        return created;
      });
      return { key: made.key, apiKey: summary(made.record) };
    },
    revokeApiKey: async (_p, { id }, ctx, info) => {
      const audit = auditorFor(ctx.caller, ctx.requestId, info.fieldName);
      const revoked = await ctx.executor.writeTransaction(async (tx) => {
        // A key the caller could not have issued answers as a missing one, so that a lower
        // admin learns nothing of the keys above it.
        const record = await ctx.apiKeys.revoke(id, tx, (key) => mayGrant(ctx.caller, key));
        if (!record)
          throw notFound(
            `No stored API key that you could have issued has id ${shown(id)}; keys from API_KEYS or API_KEYS_FILE are revoked by removing them from there.`,
            { argument: 'id' },
          );
        await audit.record(tx, { before: [keyTouched(record)], after: [keyTouched(record)] });
        return record;
      });
      ctx.apiKeys.forget(id);
      return summary(revoked);
    },
  },
};
