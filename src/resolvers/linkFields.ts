import type { GraphQLResolveInfo } from 'graphql';
import {
  dayWindow,
  str,
  type EntityRecord,
  type LinkFieldSpec,
  type LinkRecord,
} from '../cypher/index.js';
import type { Context } from '../context/index.js';
import { badInput } from '../errors/index.js';
import { isOrdered, type Interval } from '../model/index.js';
import { projectionOf } from './projection.js';

/** The time arguments of relationship fields and list filters. */
export interface TimeArgs {
  readonly at?: string | null;
  readonly during?: { readonly from?: string | null; readonly to?: string | null } | null;
}

/** Validates `at` / `during` and turns them into a day window (undefined = no time filter). */
export function timeWindow(args: TimeArgs): Interval | undefined {
  if (args.at && args.during) {
    throw badInput("Give either 'at' (one date) or 'during' (a window), not both.", {
      arguments: ['at', 'during'],
    });
  }
  const from = args.during?.from;
  const to = args.during?.to;
  if (from && to && !isOrdered(from, to)) {
    throw badInput(`'during' ends (${to}) before it starts (${from}); give from <= to.`, {
      argument: 'during',
    });
  }
  return dayWindow(args.at, args.during);
}

/** Resolves a relationship field through the request's loader for that field and window. */
export function linkField(spec: LinkFieldSpec) {
  return async (
    parent: EntityRecord,
    args: TimeArgs,
    { loaders }: Context,
    info: GraphQLResolveInfo,
  ): Promise<LinkRecord[]> => {
    const rows = await loaders
      .links(spec, timeWindow(args), projectionOf(info))
      .load(str(parent.props['id'], 'id'));
    return rows.map((row) =>
      spec.direction === 'OUT'
        ? { type: spec.type, props: row.link, start: parent, end: row.other }
        : { type: spec.type, props: row.link, start: row.other, end: row.via ?? parent },
    );
  };
}

/** Resolves a single-valued relationship (a service's country): the other end of the first link. */
export function oneLinked(spec: LinkFieldSpec) {
  return async (
    parent: EntityRecord,
    _args: unknown,
    { loaders }: Context,
    info: GraphQLResolveInfo,
  ): Promise<EntityRecord | null> => {
    const rows = await loaders
      .links(spec, undefined, projectionOf(info))
      .load(str(parent.props['id'], 'id'));
    return rows[0]?.other ?? null;
  };
}

/** Resolves a relationship field to the entities at the other end (no link properties). */
export function linkedEntities(spec: LinkFieldSpec) {
  return async (
    parent: EntityRecord,
    _args: unknown,
    { loaders }: Context,
    info: GraphQLResolveInfo,
  ): Promise<EntityRecord[]> => {
    const rows = await loaders
      .links(spec, undefined, projectionOf(info))
      .load(str(parent.props['id'], 'id'));
    return rows.map((row) => row.other);
  };
}
