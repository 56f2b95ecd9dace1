/**
 * A small graph document whose values are awkward for CSV: quotes, commas and line breaks in
 * text, accents and other scripts, non-empty lists, markings, qualified and unspecified dates,
 * attestations, an explicit link id, a false boolean, an insider's link to an organization.
 */
const cite = [{ source: 'awkward-source', section: 'all, of "it"' }];

export const awkwardDocument = {
  sources: [
    {
      id: 'awkward-source',
      kind: 'EXTERNAL',
      title: 'A "quoted", comma-laden title',
      publisher: 'Éditions de l’Ouest, 北京',
      url: 'https://example.org/a?b=c,d',
      date: '1999-XX',
    },
  ],
  countries: [
    { id: 'awk-aaa', code: 'AAA', name: 'Aland, "the" first', sources: cite, from: '1950~' },
    {
      id: 'awk-bbb',
      code: 'BBB',
      name: 'Bé',
      aliases: ['B, one', 'B "two"'],
      sources: cite,
      classification: 'SECRET',
      releasableTo: ['GBR', 'USA'],
    },
  ],
  services: [
    {
      id: 'awk-svc-1',
      name: 'Service, "one"',
      acronym: 'S1',
      kind: 'SIGINT',
      country: 'awk-aaa',
      from: '194X',
      to: '1990?',
      attested: '1960/1970-05',
      notes: 'First line,\nsecond "line"\n\nthird\tline',
      sources: cite,
    },
    {
      id: 'awk-svc-2',
      name: 'Service two',
      kind: 'SECURITY',
      country: 'awk-bbb',
      sources: cite,
      classification: 'CONFIDENTIAL',
      releasableTo: ['AAA'],
      succeeded: [{ service: 'awk-svc-1', from: '1991', sources: cite }],
      partOf: [{ service: 'awk-svc-1', from: '1991-02', to: '1999-12-31', sources: cite }],
    },
  ],
  organizations: [{ id: 'awk-org', name: 'Org', kind: 'MEDIA', sources: cite }],
  officers: [
    {
      id: 'awk-officer',
      name: 'Ó Briain, "Seán"',
      born: '1920-02-29',
      nationality: 'awk-aaa',
      sources: cite,
      serves: [
        {
          service: 'awk-svc-1',
          role: 'OFFICER',
          post: 'Desk, "B"',
          from: '1945%',
          sources: cite,
          classification: 'SECRET',
          releasableTo: ['GBR'],
        },
      ],
      agentOf: [
        {
          id: 'awk-insider-link',
          organization: 'awk-org',
          kind: 'INSIDER',
          confidence: 'SUSPECTED',
          sources: cite,
        },
      ],
    },
  ],
  channels: [
    {
      id: 'awk-channel',
      name: 'Channel',
      scope: 'BILATERAL',
      disciplines: ['SIGINT', 'HUMINT'],
      thirdPartyRule: false,
      sources: cite,
      parties: [
        { service: 'awk-svc-1', sources: cite },
        { service: 'awk-svc-2', from: '1980', sources: cite },
      ],
    },
  ],
  operations: [
    {
      id: 'awk-op',
      name: 'Operation',
      codename: 'CODE, "NAME"',
      summary: 'Line one\nLine two',
      sources: cite,
      conductedBy: [{ service: 'awk-svc-2', sources: cite }],
      through: [{ channel: 'awk-channel', sources: cite }],
      participants: [{ officer: 'awk-officer', role: 'lead, "de facto"', sources: cite }],
      targeted: [{ target: 'awk-org', sources: cite }],
    },
  ],
};
