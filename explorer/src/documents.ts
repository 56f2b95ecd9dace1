import { graphql } from './gql/index.js';

// The explorer's operations. `npm run codegen` reads every graphql() call here and writes their
// result and variable types to ./gql, so a field the schema lacks fails the type check. The three
// queries ask for their graph's GraphML only when `$graphml` is true (the export button).

graphql(`
  fragment ExplorerGraph on Graph {
    nodes {
      id
      label
      name
      properties
    }
    edges {
      id
      source
      target
      kind
      properties
    }
  }
`);

graphql(`
  fragment ExplorerPath on ExplainingPath {
    nodes {
      id
    }
    links {
      id
      type
      start
      end
    }
    window {
      from
      to
    }
  }
`);

graphql(`
  fragment ExplorerCitation on Citation {
    source {
      id
      title
      author
      date
      publisher
      url
      file
    }
    lines
    quote
    section
  }
`);

/** Entities whose names, aliases or codes match the words typed. */
export const SearchDocument = graphql(`
  query ExplorerSearch($text: String!) {
    search(text: $text, first: 15) {
      score
      entity {
        __typename
        id
        name
      }
    }
  }
`);

/** What a hostile service could reach through an agent, drawn. */
export const ReachDocument = graphql(`
  query ExplorerReach(
    $agent: ID!
    $direction: ReachDirection!
    $maxHops: Int!
    $during: WindowInput
    $disciplines: [Discipline!]
    $minConfidence: Confidence!
    $thirdPartyRule: ThirdPartyRule!
    $graphml: Boolean! = false
  ) {
    penetrationReach(
      agent: $agent
      direction: $direction
      maxHops: $maxHops
      during: $during
      disciplines: $disciplines
      minConfidence: $minConfidence
      thirdPartyRule: $thirdPartyRule
    ) {
      agent {
        id
        name
      }
      window {
        from
        to
      }
      channels {
        channel {
          id
          name
        }
        hops
        exposure
        path {
          ...ExplorerPath
        }
      }
      services {
        service {
          id
          name
          acronym
        }
        hops
        exposure
        path {
          ...ExplorerPath
        }
      }
      operations {
        operation {
          id
          name
        }
        hops
        exposure
        path {
          ...ExplorerPath
        }
      }
      graph {
        ...ExplorerGraph
        graphml @include(if: $graphml)
      }
    }
  }
`);

/** Who can reach a channel or service, drawn. */
export const ExposureDocument = graphql(`
  query ExplorerExposure(
    $target: ID!
    $direction: ReachDirection!
    $maxHops: Int!
    $during: WindowInput
    $disciplines: [Discipline!]
    $minConfidence: Confidence!
    $thirdPartyRule: ThirdPartyRule!
    $graphml: Boolean! = false
  ) {
    exposure(
      target: $target
      direction: $direction
      maxHops: $maxHops
      during: $during
      disciplines: $disciplines
      minConfidence: $minConfidence
      thirdPartyRule: $thirdPartyRule
    ) {
      target {
        id
        name
      }
      count
      share
      agentsConsidered
      agents {
        agent {
          id
          name
        }
        hops
        exposure
        path {
          ...ExplorerPath
        }
      }
      graph {
        ...ExplorerGraph
        graphml @include(if: $graphml)
      }
    }
  }
`);

/** The k shortest time-respecting paths between two entities, drawn. */
export const PathsDocument = graphql(`
  query ExplorerPaths(
    $from: ID!
    $to: ID!
    $k: Int!
    $maxHops: Int
    $during: WindowInput
    $kinds: [LinkType!]
    $graphml: Boolean! = false
  ) {
    paths(from: $from, to: $to, k: $k, maxHops: $maxHops, during: $during, kinds: $kinds) {
      paths {
        ...ExplorerPath
      }
      graph {
        ...ExplorerGraph
        graphml @include(if: $graphml)
      }
    }
  }
`);

/** An entity's fields and citations, for the side panel. */
export const EntityDocument = graphql(`
  query ExplorerEntity($id: ID!) {
    node(id: $id) {
      __typename
      id
      name
      aliases
      notes
      classification
      releasableTo
      sources {
        ...ExplorerCitation
      }
      ... on Country {
        code
        from
        to
      }
      ... on Service {
        acronym
        serviceKind: kind
        from
        to
      }
      ... on Organization {
        organizationKind: kind
        from
        to
      }
      ... on Officer {
        born
        died
      }
      ... on LiaisonChannel {
        scope
        form
        structure
        disciplines
        sharing
        thirdPartyRule
        from
        to
      }
      ... on Operation {
        codename
        summary
        outcome
        from
        to
      }
    }
  }
`);

/** A link's fields and citations (OF links are not Link objects: the API refuses them). */
export const LinkDocument = graphql(`
  query ExplorerLink($id: ID!) {
    link(id: $id) {
      __typename
      id
      type
      classification
      releasableTo
      sources {
        ...ExplorerCitation
      }
      ... on ChannelParty {
        partyRole: role
        from
        to
      }
      ... on Employment {
        serviceRole: role
        post
        from
        to
      }
      ... on Posting {
        post
        from
        to
      }
      ... on Conduct {
        conductRole: role
      }
      ... on Participation {
        participationRole: role
      }
      ... on Succession {
        from
      }
      ... on Penetration {
        kind
        confidence
        from
        to
      }
    }
  }
`);
