import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import {
  EnumValue,
  hostileDate,
  hostileId,
  hostileJson,
  hostileNumber,
  hostileString,
  wrongValue,
  type FuzzValue,
  bool,
  nat,
  pick,
  type Gen,
  type KnownIds,
} from './hostileValues.js';

/** A GraphQL operation as text, with its variables (undefined: none sent). */
export interface WrittenOperation {
  readonly query: string;
  readonly variables: Record<string, FuzzValue> | undefined;
  /** Root fields it asks for, e.g. `Query.services`. */
  readonly rootFields: readonly string[];
}

/** How an operation is shaped: ordinary, very deep, or with many aliases on the root. */
export type OperationShape = 'ordinary' | 'deep' | 'aliases';

/**
 * Writes a random operation of the schema: random root fields of Query or Mutation, random
 * selections (fragments on interfaces and unions included) and arguments drawn from hostile
 * values, given inline or as variables (sometimes declared with the wrong type, undeclared or
 * left out), with required arguments sometimes missing and unknown fields sometimes asked for.
 */
export function writeOperation(
  g: Gen,
  schema: GraphQLSchema,
  ids: KnownIds,
  shape: OperationShape = 'ordinary',
): WrittenOperation {
  const writer = new OperationWriter(g, schema, ids, shape);
  return writer.write();
}

class OperationWriter {
  private readonly declarations: string[] = [];
  private readonly variables: Record<string, FuzzValue> = {};
  private readonly maxDepth: number;
  private hugeList = false;

  constructor(
    private readonly g: Gen,
    private readonly schema: GraphQLSchema,
    private readonly ids: KnownIds,
    private readonly shape: OperationShape,
  ) {
    this.maxDepth = shape === 'deep' ? g(() => fc.integer({ min: 10, max: 30 })) : nat(g, 4);
  }

  write(): WrittenOperation {
    const g = this.g;
    const mutation = this.schema.getMutationType();
    const root: GraphQLObjectType | null | undefined =
      mutation && nat(g, 9) < 4 ? mutation : this.schema.getQueryType();
    if (!root) throw new Error('the schema has no Query type');
    const fields = Object.values(root.getFields());
    const count =
      this.shape === 'aliases'
        ? g(() => fc.integer({ min: 20, max: 45 }))
        : root === mutation
          ? pick(g, [1, 1, 1, 1, 1, 1, 1, 1, 2])
          : pick(g, [1, 1, 1, 2, 3]);
    const same = pick(g, fields);
    const chosen = Array.from({ length: count }, () =>
      this.shape === 'aliases' ? same : pick(g, fields),
    );
    const selections = chosen.map((field, i) => {
      const alias = count > 1 ? `f${i}: ` : '';
      return `${alias}${field.name}${this.args(field.args)}${this.subSelection(field.type, 1)}`;
    });
    if (nat(g, 30) === 0) selections.push('noSuchField');
    const keyword = root === mutation ? 'mutation' : 'query';
    const header =
      this.declarations.length > 0 ? `${keyword} Fuzz(${this.declarations.join(', ')})` : keyword;
    return {
      query: `${header} { ${selections.join(' ')} }`,
      variables: this.declarations.length > 0 || nat(g, 9) === 0 ? this.variables : undefined,
      rootFields: chosen.map((f) => `${root.name}.${f.name}`),
    };
  }

  private args(args: readonly GraphQLArgument[]): string {
    const g = this.g;
    const given = args.filter((arg) => (isNonNullType(arg.type) ? nat(g, 12) > 0 : nat(g, 9) < 4));
    if (given.length === 0) return '';
    return `(${given.map((arg) => `${arg.name}: ${this.argValue(arg)}`).join(', ')})`;
  }

  /** An argument's value, inline or through a variable. */
  private argValue(arg: GraphQLArgument): string {
    const g = this.g;
    const value = this.inputValue(arg.type, 0, arg.name);
    if (bool(g)) return literal(value);
    const name = `v${this.declarations.length}`;
    const declared =
      nat(g, 9) === 0
        ? pick(g, ['String', 'Int', 'Boolean', '[ID!]!', 'JSON', 'Nope', 'ID!'])
        : String(arg.type);
    const form = nat(g, 19);
    if (form === 0) return `$${name}`; // used, never declared
    this.declarations.push(`$${name}: ${declared}`);
    if (form !== 1) this.variables[name] = value; // form 1: declared, value left out
    return `$${name}`;
  }

  private inputValue(type: GraphQLInputType, depth: number, name: string): FuzzValue {
    const g = this.g;
    if (nat(g, 14) === 0) return wrongValue(g);
    if (isNonNullType(type)) {
      return nat(g, 19) === 0 ? null : this.inputValue(type.ofType, depth, name);
    }
    if (isListType(type)) {
      const inner = type.ofType;
      if (!this.hugeList && nat(g, 14) === 0) {
        // One huge list per operation, of about 50 kB, 900 kB or 2 MB (over MAX_BODY_BYTES).
        this.hugeList = true;
        const one = this.inputValue(inner, depth + 1, name);
        const size = (JSON.stringify(one) as string | undefined)?.length ?? 4;
        const bytes = pick(g, [50_000, 900_000, 2_000_000]);
        return Array.from({ length: Math.max(1, Math.floor(bytes / (size + 1))) }, () => one);
      }
      return Array.from({ length: nat(g, 4) }, () => this.inputValue(inner, depth + 1, name));
    }
    if (isInputObjectType(type)) {
      if (depth > 4) return {};
      const entries: [string, FuzzValue][] = [];
      for (const field of Object.values(type.getFields())) {
        const wanted = isNonNullType(field.type) ? nat(g, 12) > 0 : nat(g, 9) < 4;
        if (wanted) entries.push([field.name, this.inputValue(field.type, depth + 1, field.name)]);
      }
      if (nat(g, 19) === 0) entries.push(['nope', 'x']);
      return Object.fromEntries(entries);
    }
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      if (nat(g, 7) > 0) return new EnumValue(pick(g, values));
      return bool(g) ? new EnumValue('NOT_A_VALUE') : pick(g, values);
    }
    return this.scalar(type.name, name);
  }

  private scalar(scalar: string, name: string): FuzzValue {
    const g = this.g;
    switch (scalar) {
      case 'ID':
        return name === 'source' && bool(g) ? pick(g, this.ids.sources) : hostileId(g, this.ids);
      case 'String':
        return hostileString(g, this.ids);
      case 'Int':
      case 'Float':
        return hostileNumber(g);
      case 'Boolean':
        return bool(g);
      case 'PartialDate':
        return hostileDate(g);
      case 'JSON':
        return hostileJson(g);
      default:
        return hostileString(g, this.ids);
    }
  }

  /** The selection of a field of `type` (empty for a leaf), `depth` levels below the root. */
  private subSelection(type: GraphQLOutputType, depth: number): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return '';
    return ` { ${this.selectionsOf(named, depth).join(' ')} }`;
  }

  private selectionsOf(named: GraphQLNamedType, depth: number): string[] {
    const g = this.g;
    const deep = this.shape === 'deep';
    if (isUnionType(named)) {
      const members = deep ? [pick(g, named.getTypes())] : someOf(g, named.getTypes(), 3);
      return [
        '__typename',
        ...members.map((m) => `... on ${m.name}${this.subSelection(m, depth)}`),
      ];
    }
    if (!isObjectType(named) && !isInterfaceType(named)) return ['__typename'];
    const fields: GraphQLField<unknown, unknown>[] = Object.values(named.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const inner = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    // A deep operation follows one path down (into an implementation half the time at an
    // interface), so that its size grows with its depth and not exponentially.
    if (deep && isInterfaceType(named) && depth < this.maxDepth && bool(g)) {
      const impl = pick(g, this.schema.getPossibleTypes(named));
      return [`... on ${impl.name}${this.subSelection(impl, depth)}`];
    }
    let picked: GraphQLField<unknown, unknown>[];
    if (depth >= this.maxDepth || inner.length === 0) {
      picked = leaves.length > 0 ? someOf(g, leaves, 4) : [];
    } else if (deep) {
      picked = [pick(g, inner)];
    } else {
      picked = someOf(g, fields, 4);
    }
    const out = picked.map((f) => {
      const alias = nat(g, 9) === 0 ? `a${depth}${f.name}: ` : '';
      return `${alias}${f.name}${this.args(f.args)}${this.subSelection(f.type, depth + 1)}`;
    });
    if (!deep && isInterfaceType(named) && bool(g)) {
      const impl = pick(g, this.schema.getPossibleTypes(named));
      out.push(`... on ${impl.name}${this.subSelection(impl, depth)}`);
    }
    if (out.length === 0 || nat(g, 9) === 0) out.push('__typename');
    return out;
  }
}

/** One to `max` of `items` (not empty), in their order. */
function someOf<T>(g: Gen, items: readonly T[], max: number): T[] {
  return g(() => fc.subarray([...items], { minLength: 1, maxLength: Math.min(max, items.length) }));
}

/** A value as a GraphQL literal; NaN and the infinities print as themselves (a parse error). */
export function literal(value: FuzzValue): string {
  if (value === null) return 'null';
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return `[${value.map((v: FuzzValue) => literal(v)).join(', ')}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `{${Object.entries(value as Record<string, FuzzValue>)
    .map(([k, v]) => `${k}: ${literal(v)}`)
    .join(', ')}}`;
}
