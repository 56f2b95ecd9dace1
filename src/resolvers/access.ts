import { roleAtLeast, type Role } from '../auth/index.js';
import type { Context } from '../context/index.js';
import { ApiError, ErrorCode } from '../errors/index.js';
import type { Resolvers } from '../generated/resolvers.js';

/**
 * The least role each root field needs. Readers read entities, lists, search, neighbourhoods and
 * timelines; analysts also run the path analyses; editors write; admins import and manage keys
 * and read the audit log. A root field missing here needs `reader` (a query) or `admin` (a
 * mutation), so a new field is closed until someone opens it.
 */
export const REQUIRED_ROLE: Readonly<Record<'Query' | 'Mutation', Readonly<Record<string, Role>>>> =
  {
    Query: {
      penetrationReach: 'analyst',
      exposure: 'analyst',
      brokers: 'analyst',
      paths: 'analyst',
      auditLog: 'admin',
      apiKeys: 'admin',
    },
    Mutation: {
      createCountry: 'editor',
      updateCountry: 'editor',
      deleteCountry: 'editor',
      createService: 'editor',
      updateService: 'editor',
      deleteService: 'editor',
      createOrganization: 'editor',
      updateOrganization: 'editor',
      deleteOrganization: 'editor',
      createOfficer: 'editor',
      updateOfficer: 'editor',
      deleteOfficer: 'editor',
      createChannel: 'editor',
      updateChannel: 'editor',
      deleteChannel: 'editor',
      createOperation: 'editor',
      updateOperation: 'editor',
      deleteOperation: 'editor',
      createLink: 'editor',
      updateLink: 'editor',
      deleteLink: 'editor',
      importGraph: 'admin',
      createApiKey: 'admin',
      revokeApiKey: 'admin',
    },
  };

const withArticle = (role: Role): string => `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;

type RootResolver = (parent: unknown, args: unknown, ctx: Context, info: unknown) => unknown;

/** The root resolvers of a type, each refusing a caller below the field's role (FORBIDDEN). */
function guard(
  type: 'Query' | 'Mutation',
  fields: Readonly<Record<string, unknown>>,
): Record<string, RootResolver> {
  const fallback: Role = type === 'Query' ? 'reader' : 'admin';
  return Object.fromEntries(
    Object.entries(fields).map(([field, resolver]) => {
      const role = REQUIRED_ROLE[type][field] ?? fallback;
      const resolve = resolver as RootResolver;
      const guarded: RootResolver = (parent, args, ctx, info) => {
        if (!roleAtLeast(ctx.caller, role))
          throw new ApiError(
            ErrorCode.FORBIDDEN,
            `'${field}' needs the ${role} role or above; you are ${ctx.caller.via === 'anonymous' ? 'an anonymous reader' : withArticle(ctx.caller.role)}.`,
            { field, role, yours: ctx.caller.role },
          );
        return resolve(parent, args, ctx, info);
      };
      return [field, guarded];
    }),
  );
}

/** The resolver map with every Query and Mutation field behind its role. */
export function withRoles(resolvers: Resolvers): Resolvers {
  return {
    ...resolvers,
    Query: guard('Query', resolvers.Query ?? {}),
    Mutation: guard('Mutation', resolvers.Mutation ?? {}),
  };
}
