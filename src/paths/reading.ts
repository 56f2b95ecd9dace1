import type {
  ChannelFacts,
  EventSpans,
  Footholds,
  Membership,
  OperationLink,
  Reading,
  ReachSource,
  StructureLink,
} from './reachTypes.js';

/** An event under the certain reading: its inner span, and its outer one when it has no certain day. */
const eventIn = <T extends EventSpans>(o: T): T => ({
  ...o,
  validity: o.certain,
  ...(o.certain.from > o.certain.to ? { whole: o.validity } : {}),
});

const membershipIn = (m: Membership): Membership => ({
  ...m,
  validity: m.certain,
  serviceValidity: m.serviceCertain,
});

/**
 * The source as one reading sees it: under CERTAIN every `validity` is the element's inner span,
 * so the traversal (which reads `validity` only) computes certain reach; POSSIBLE is the source
 * itself. Each channel is converted once.
 */
export function readingOf(source: ReachSource, reading: Reading): ReachSource {
  if (reading === 'POSSIBLE') return source;
  let view = certainViews.get(source);
  if (!view) {
    view = certainView(source);
    certainViews.set(source, view);
  }
  return view;
}

/**
 * One certain view per source: the searches of an exposure or of brokers (one per agent, all on
 * one source) share it, so each channel is converted once for all of them.
 */
const certainViews = new WeakMap<ReachSource, ReachSource>();

function certainView(source: ReachSource): ReachSource {
  const seen = new WeakMap<ChannelFacts, ChannelFacts>();
  const channelIn = (c: ChannelFacts): ChannelFacts => {
    let out = seen.get(c);
    if (!out) {
      out = { ...c, validity: c.certain, parties: c.parties.map(membershipIn) };
      seen.set(c, out);
    }
    return out;
  };
  type Adjacent = { readonly membership: Membership; readonly channel: ChannelFacts };
  const lists = new WeakMap<readonly Adjacent[], readonly Adjacent[]>();
  /** A service's adjacency under the certain reading; converted once per list a source keeps. */
  const adjacentIn = (list: readonly Adjacent[]): readonly Adjacent[] => {
    let out = lists.get(list);
    if (!out) {
      out = list.map(({ membership, channel }) => {
        const converted = channelIn(channel);
        // The channel's own converted party, so the membership is converted once too.
        const party = converted.parties[channel.parties.indexOf(membership)];
        return { membership: party ?? membershipIn(membership), channel: converted };
      });
      lists.set(list, out);
    }
    return out;
  };
  const footholdsIn = (f: Footholds): Footholds => ({
    agent: f.agent,
    penetrations: f.penetrations.map((p) => ({ ...p, validity: p.certain })),
    serves: f.serves.map((s) => ({
      ...s,
      validity: s.certain,
      serviceValidity: s.serviceCertain,
    })),
    postings: f.postings.map((p) => ({ ...p, validity: p.certain })),
    operations: f.operations.map(eventIn),
  });
  const structureIn = (l: StructureLink): StructureLink => ({
    ...l,
    validity: l.certain,
    componentValidity: l.componentCertain,
    wholeValidity: l.wholeCertain,
  });
  const structures = new WeakMap<readonly StructureLink[], readonly StructureLink[]>();
  /** A service's structure links under the certain reading; once per list a source keeps. */
  const structuresIn = (links: readonly StructureLink[]): readonly StructureLink[] => {
    let out = structures.get(links);
    if (!out) {
      out = links.map(structureIn);
      structures.set(links, out);
    }
    return out;
  };
  const operationIn = (o: OperationLink): OperationLink => eventIn(o);
  return {
    async footholds(agent) {
      const facts = await source.footholds(agent);
      return facts && footholdsIn(facts);
    },
    async channelsOfServices(services) {
      const adjacency = await source.channelsOfServices(services);
      return new Map([...adjacency].map(([sid, list]) => [sid, adjacentIn(list)]));
    },
    async channels(ids) {
      const found = await source.channels(ids);
      return new Map([...found].map(([id, c]) => [id, channelIn(c)]));
    },
    async operationsOf(services, channels) {
      return (await source.operationsOf(services, channels)).map(operationIn);
    },
    async structureOf(services) {
      const found = await source.structureOf(services);
      return new Map([...found].map(([sid, links]) => [sid, structuresIn(links)]));
    },
    agents: () => source.agents(),
    async spansOf(id, label) {
      const spans = await source.spansOf(id, label);
      return spans && { validity: spans.certain, certain: spans.certain };
    },
  };
}
