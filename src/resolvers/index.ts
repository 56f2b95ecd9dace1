import { toGEXF, toGraphML } from '../export/index.js';
import type { Resolvers } from '../generated/resolvers.js';
import { entityResolvers } from './entityResolvers.js';
import { linkResolvers } from './linkResolvers.js';
import { mutationResolvers } from './mutationResolvers.js';
import { withRoles } from './access.js';
import { adminResolvers } from './adminResolvers.js';
import { analysisResolvers } from './analysisResolvers.js';
import { pathResolvers } from './pathResolvers.js';
import { queryResolvers } from './queryResolvers.js';
import { shortestPathResolvers } from './shortestPathResolvers.js';
import { JSONScalar, PartialDateScalar } from './scalars.js';

/** Every resolver, keyed by type; each root field behind its role (see access.ts). */
export const resolvers: Resolvers = withRoles({
  Query: {
    ...queryResolvers,
    ...pathResolvers.Query,
    ...analysisResolvers.Query,
    ...shortestPathResolvers.Query,
    ...adminResolvers.Query,
  },
  Mutation: { ...mutationResolvers, ...adminResolvers.Mutation },
  PartialDate: PartialDateScalar,
  JSON: JSONScalar,
  ...entityResolvers,
  ...linkResolvers,
  Reach: pathResolvers.Reach,
  ReachedChannel: pathResolvers.ReachedChannel,
  ReachedService: pathResolvers.ReachedService,
  ExposedOperation: pathResolvers.ExposedOperation,
  ReachWindow: pathResolvers.ReachWindow,
  ExplainingPath: pathResolvers.ExplainingPath,
  Paths: shortestPathResolvers.Paths,
  Graph: { graphml: (g) => toGraphML(g), gexf: (g) => toGEXF(g) },
  Exposure: analysisResolvers.Exposure,
  ExposedTo: analysisResolvers.ExposedTo,
  Broker: analysisResolvers.Broker,
  TimelineEvent: analysisResolvers.TimelineEvent,
  ServiceConnection: { totalCount: (c) => c.count() },
  OfficerConnection: { totalCount: (c) => c.count() },
  ChannelConnection: { totalCount: (c) => c.count() },
  OperationConnection: { totalCount: (c) => c.count() },
  OrganizationConnection: { totalCount: (c) => c.count() },
  CountryConnection: { totalCount: (c) => c.count() },
  PenetrationConnection: { totalCount: (c) => c.count() },
});
