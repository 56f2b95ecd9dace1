import type { Context } from '../context/index.js';
import type { EntityRecord, Props } from '../cypher/index.js';
import { text } from './props.js';

/** The whole node of a bare or projected record, through the request's entity loader. */
async function fullProps(entity: EntityRecord, ctx: Context): Promise<Props> {
  const id = text(entity.props, 'id');
  const full = await ctx.loaders.entity.load(id);
  if (!full) throw new TypeError(`entity ${id} vanished while its fields were read`);
  return full.props;
}

/**
 * A field of an entity read from its stored property `key`: synchronously from the record
 * when it holds the key (every full record does), else after loading the whole node, so a
 * reference or projection answers exactly what a full record would.
 */
export function stored<R>(key: string, read: (props: Props) => R) {
  return (entity: EntityRecord, _args: unknown, ctx: Context): R | Promise<R> =>
    entity.only === undefined || entity.only.has(key)
      ? read(entity.props)
      : fullProps(entity, ctx).then(read);
}
