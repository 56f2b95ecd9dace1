import type { ChannelFacts, ReachSource, StructureLink } from '../paths/reachTypes.js';
import type { Visibility } from '../visibility/index.js';
import { KIND, type GraphProjection } from './graphProjection.js';
import { projectedFacts, type Adjacent, type ProjectedFacts } from './projectedFacts.js';

const sources = new WeakMap<ProjectedFacts, ReachSource>();

/**
 * The reach source over the in-memory projection, under one caller's view: the projected facts
 * (src/projection/projectedFacts.ts) addressed by id, as the per-hop rules read them. The
 * per-hop reach (`computeReach`) and the backward search of exposure run on it; the memory
 * engine's own search reads the facts directly (src/projection/arraySearch.ts).
 */
export function projectedReachSource(g: GraphProjection, view: Visibility): ReachSource {
  const facts = projectedFacts(g, view);
  let source = sources.get(facts);
  if (!source) {
    source = sourceOf(facts);
    sources.set(facts, source);
  }
  return source;
}

function sourceOf(facts: ProjectedFacts): ReachSource {
  const service = (sid: string) => facts.indexOf(sid, KIND.Service);
  return {
    footholds(agent) {
      const a = facts.indexOf(agent, KIND.Officer);
      return Promise.resolve(a === undefined ? undefined : facts.footholdsAt(a));
    },
    channelsOfServices(services) {
      const out = new Map<string, readonly Adjacent[]>();
      for (const sid of services) {
        const s = service(sid);
        out.set(sid, s === undefined ? [] : facts.adjacencyAt(s));
      }
      return Promise.resolve(out);
    },
    channels(ids) {
      const out = new Map<string, ChannelFacts>();
      for (const id of ids) {
        const c = facts.indexOf(id, KIND.LiaisonChannel);
        const found = c === undefined ? null : facts.channelAt(c);
        if (found) out.set(id, found);
      }
      return Promise.resolve(out);
    },
    operationsOf(services, channels) {
      const out = [];
      for (const sid of services) {
        const s = service(sid);
        if (s !== undefined) out.push(...facts.operationsAt(s));
      }
      for (const cid of channels) {
        const c = facts.indexOf(cid, KIND.LiaisonChannel);
        if (c !== undefined) out.push(...facts.operationsAt(c));
      }
      return Promise.resolve(out);
    },
    structureOf(services) {
      const out = new Map<string, readonly StructureLink[]>();
      for (const sid of services) {
        const s = service(sid);
        const links = s === undefined ? [] : facts.structureAt(s);
        if (links.length > 0) out.set(sid, links);
      }
      return Promise.resolve(out);
    },
    agents: () => Promise.resolve(facts.agents()),
    spansOf(id, label) {
      const i = facts.indexOf(id, KIND[label]);
      return Promise.resolve(i === undefined ? undefined : facts.nodeSpans(i));
    },
  };
}
