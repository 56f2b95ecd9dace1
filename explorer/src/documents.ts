import { graphql } from './gql/index.js';

// The explorer's operations. `npm run codegen` reads every graphql() call here and writes their
// result and variable types to ./gql, so a field the schema lacks fails the type check. The three
// queries ask for their graph's GraphML only when `$graphml` is true (the export button).
// Reach asks every reached element for all its windows, each with its explaining path: the side
// panel lists them, the timelines draw them and the day slider dims by them.

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

graphql(`
  fragment ExplorerReachWindow on ReachWindow {
    window {
      from
      to
    }
    hops
    exposure
    path {
      ...ExplorerPath
    }
  }
`);

graphql(`
  fragment ExplorerReached on ReachedElement {
    hops
    exposure
    certainty
    earliest
    path {
      ...ExplorerPath
    }
    windows {
      ...ExplorerReachWindow
    }
    possibleWindows {
      ...ExplorerReachWindow
    }
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
    $certainty: Certainty!
    $structure: StructureRule!
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
      certainty: $certainty
      structure: $structure
    ) {
      agent {
        id
        name
      }
      window {
        from
        to
      }
      windows {
        from
        to
      }
      possibleWindows {
        from
        to
      }
      channels {
        channel {
          id
          name
        }
        ...ExplorerReached
      }
      services {
        service {
          id
          name
          acronym
        }
        ...ExplorerReached
      }
      operations {
        operation {
          id
          name
        }
        ...ExplorerReached
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
    $certainty: Certainty!
    $structure: StructureRule!
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
      certainty: $certainty
      structure: $structure
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
        certainty
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

/**
 * The k shortest time-respecting paths between two entities, drawn. With `$possible` (the possible
 * reading asked), the certain reading's paths come too, as many as the API gives (10), so that
 * each possible path can be told certain or not (see pathsDrawing).
 */
export const PathsDocument = graphql(`
  query ExplorerPaths(
    $from: ID!
    $to: ID!
    $k: Int!
    $maxHops: Int
    $during: WindowInput
    $kinds: [LinkType!]
    $certainty: Certainty!
    $possible: Boolean!
    $graphml: Boolean! = false
  ) {
    paths(
      from: $from
      to: $to
      k: $k
      maxHops: $maxHops
      during: $during
      kinds: $kinds
      certainty: $certainty
    ) {
      paths {
        ...ExplorerPath
      }
      graph {
        ...ExplorerGraph
        graphml @include(if: $graphml)
      }
    }
    certain: paths(
      from: $from
      to: $to
      k: 10
      maxHops: $maxHops
      during: $during
      kinds: $kinds
      certainty: CERTAIN
    ) @include(if: $possible) {
      paths {
        nodes {
          id
        }
        links {
          id
        }
        window {
          from
          to
        }
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
        attested
      }
      ... on Service {
        acronym
        serviceKind: kind
        from
        to
        attested
      }
      ... on Organization {
        organizationKind: kind
        from
        to
        attested
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
        attested
      }
      ... on Operation {
        codename
        summary
        outcome
        from
        to
        attested
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
        attested
      }
      ... on Employment {
        serviceRole: role
        post
        from
        to
        attested
      }
      ... on Posting {
        post
        from
        to
        attested
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
      ... on Composition {
        from
        to
        attested
      }
      ... on Penetration {
        kind
        confidence
        from
        to
        attested
      }
    }
  }
`);
