import { Kind } from 'graphql';
import type {
  FieldNode,
  GraphQLCompositeType,
  GraphQLNamedType,
  GraphQLResolveInfo,
  GraphQLType,
  SelectionSetNode,
} from 'graphql';
import { LABELS } from '../model/index.js';

/**
 * Which stored properties a relationship field must read for the selection under it:
 * `other`, the keys of the entity at the other end (undefined: all of them); `link`, the keys
 * of the link itself (undefined: all). Entities read a missing key later through the entity
 * loader (see `stored`), so theirs may be a projection; link fields have no such fallback,
 * so a link is projected only when nothing but its id, type or ends is asked.
 */
export interface Projection {
  readonly other: readonly string[] | undefined;
  readonly link: readonly string[] | undefined;
}

/** GraphQL types whose objects are entity records. */
const ENTITY_TYPES: ReadonlySet<string> = new Set([...LABELS, 'Entity', 'Target']);

/** Fields of entities whose stored property has another name. */
const STORED_AS: Readonly<Record<string, string>> = { sources: 'citations' };

/** Link fields that read no stored property of the link (besides the ends). */
const LINK_FIELDS_WITHOUT_PROPS: ReadonlySet<string> = new Set(['__typename', 'type']);

/**
 * The named type under lists and non-nulls. Structural on purpose: graphql's own predicates
 * (`getNamedType`, `isLeafType`) throw when the schema's objects come from the other build of
 * graphql (ESM vs CommonJS), as they do under the test runner.
 */
function namedType(type: GraphQLType): GraphQLNamedType {
  let inner: GraphQLType = type;
  while ('ofType' in inner) inner = inner.ofType;
  return inner;
}

/** Scalars and enums: types without fields of their own. */
const isLeaf = (type: GraphQLNamedType): boolean => !('getFields' in type);

interface Selected {
  readonly node: FieldNode;
  readonly parent: GraphQLCompositeType | undefined;
}

/** The fields under a selection set, through inline fragments and fragment spreads. */
function selectedFields(
  info: GraphQLResolveInfo,
  selectionSet: SelectionSetNode | undefined,
  parent: GraphQLCompositeType | undefined,
  out: Selected[] = [],
): Selected[] {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      out.push({ node: selection, parent });
      continue;
    }
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
    const condition = fragment?.typeCondition?.name.value;
    const type = condition ? info.schema.getType(condition) : parent;
    selectedFields(info, fragment?.selectionSet, type as GraphQLCompositeType | undefined, out);
  }
  return out;
}

/** The named type a selected field returns, when its parent type defines it. */
function returnTypeName(field: Selected): { name: string; leaf: boolean } | undefined {
  if (!field.parent || !('getFields' in field.parent)) return undefined;
  const definition = field.parent.getFields()[field.node.name.value];
  if (!definition) return undefined;
  const named = namedType(definition.type);
  return { name: named.name, leaf: isLeaf(named) };
}

/** The stored keys the selections of an entity read directly (always with `id`). */
function entityKeys(entityFields: readonly Selected[]): string[] {
  const keys = new Set(['id']);
  for (const field of entityFields) {
    const type = returnTypeName(field);
    const name = field.node.name.value;
    if (name in STORED_AS) keys.add(STORED_AS[name] ?? name);
    else if (type?.leaf && name !== '__typename') keys.add(name);
  }
  return [...keys].sort();
}

/** The projection of a field returning entities themselves (a service's country). */
function entitiesProjection(info: GraphQLResolveInfo, type: GraphQLCompositeType): Projection {
  const fields = info.fieldNodes.flatMap((node) => selectedFields(info, node.selectionSet, type));
  return { other: entityKeys(fields), link: [] };
}

/** The projection of a field returning links, whose entity-typed fields hold the other end. */
function linksProjection(info: GraphQLResolveInfo, linkType: GraphQLCompositeType): Projection {
  const linkFields = info.fieldNodes.flatMap((node) =>
    selectedFields(info, node.selectionSet, linkType),
  );
  const entityFields: Selected[] = [];
  let linkProps: 'none' | 'id' | 'all' = 'none';
  for (const field of linkFields) {
    const type = returnTypeName(field);
    const name = field.node.name.value;
    if (type && ENTITY_TYPES.has(type.name)) {
      const entityType = info.schema.getType(type.name) as GraphQLCompositeType;
      selectedFields(info, field.node.selectionSet, entityType, entityFields);
    } else if (name === 'id') {
      if (linkProps === 'none') linkProps = 'id';
    } else if (!LINK_FIELDS_WITHOUT_PROPS.has(name)) linkProps = 'all';
  }
  return {
    other: entityKeys(entityFields),
    link: linkProps === 'all' ? undefined : linkProps === 'id' ? ['id'] : [],
  };
}

function computeProjection(info: GraphQLResolveInfo): Projection {
  const type = namedType(info.returnType) as GraphQLCompositeType;
  return ENTITY_TYPES.has(type.name) ? entitiesProjection(info, type) : linksProjection(info, type);
}

interface Cached {
  readonly fieldNodes: readonly FieldNode[];
  readonly returnType: GraphQLResolveInfo['returnType'];
  readonly projection: Projection;
}

/**
 * Projections by field node. Apollo parses a document once and keeps it, so this runs once
 * per field of a query, not per parent; an entry serves only the same merged field nodes.
 */
const cache = new WeakMap<FieldNode, Cached>();

const sameNodes = (a: readonly FieldNode[], b: readonly FieldNode[]): boolean =>
  a.length === b.length && a.every((node, i) => node === b[i]);

/** The projection of the relationship field being resolved (see `Projection`). */
export function projectionOf(info: GraphQLResolveInfo): Projection {
  const key = info.fieldNodes[0];
  if (!key) return { other: undefined, link: undefined };
  const cached = cache.get(key);
  if (
    cached &&
    cached.returnType === info.returnType &&
    sameNodes(cached.fieldNodes, info.fieldNodes)
  )
    return cached.projection;
  const projection = computeProjection(info);
  cache.set(key, { fieldNodes: info.fieldNodes, returnType: info.returnType, projection });
  return projection;
}
