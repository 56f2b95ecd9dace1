import {
  buildSchema,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/index.js';
import * as model from '../../src/model/index.js';

const schema = buildSchema(loadTypeDefs().join('\n'));
const valuesOf = (name: string): string[] => {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum of the schema`);
  return type.getValues().map((v) => v.value as string);
};

describe('the vocabularies of src/model and the enums of schema/ are the same', () => {
  it.each([
    ['ServiceKind', model.SERVICE_KINDS],
    ['OrganizationKind', model.ORGANIZATION_KINDS],
    ['ChannelScope', model.CHANNEL_SCOPES],
    ['ChannelForm', model.CHANNEL_FORMS],
    ['ChannelStructure', model.CHANNEL_STRUCTURES],
    ['Discipline', model.DISCIPLINES],
    ['SharingLevel', model.SHARING_LEVELS],
    ['PartyRole', model.PARTY_ROLES],
    ['ServiceRole', model.SERVICE_ROLES],
    ['PenetrationKind', model.PENETRATION_KINDS],
    ['Confidence', model.CONFIDENCES],
    ['ConductRole', model.CONDUCT_ROLES],
    ['Classification', model.CLASSIFICATIONS],
    ['LinkType', model.LINK_TYPES],
  ])('%s', (name, values) => {
    expect(valuesOf(name)).toEqual([...values]);
  });

  it('every type and field of the schema has a description', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)
      )
        continue;
      if (!type.description) missing.push(type.name);
      if (
        type instanceof GraphQLObjectType ||
        type instanceof GraphQLInterfaceType ||
        type instanceof GraphQLInputObjectType
      ) {
        const fields: readonly { name: string; description?: string | null }[] = Object.values(
          type.getFields(),
        );
        for (const field of fields) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('partial dates', () => {
  it('cover the days they denote and check the calendar', () => {
    expect(model.firstDay('1949')).toBe('1949-01-01');
    expect(model.lastDay('1952-02')).toBe('1952-02-29');
    expect(model.lastDay('1951')).toBe('1951-12-31');
    expect(model.partialDateProblem('1949-13')).toBe('month 13 is not 01-12');
    expect(model.partialDateProblem('1951-02-29')).toBe('day 29 is not 01-28 in 1951-02');
    expect(model.partialDateProblem('49')).toBe('the shape is not YYYY, YYYY-MM or YYYY-MM-DD');
    expect(model.isOrdered('1949', '1949-03')).toBe(true);
    expect(model.isOrdered('1950', '1949')).toBe(false);
  });

  it('read EDTF qualifiers and unspecified digits as the days they can denote', () => {
    expect([model.firstDay('2014~'), model.lastDay('2014~')]).toEqual(['2013-01-01', '2015-12-31']);
    expect([model.firstDay('1944?'), model.lastDay('1944?')]).toEqual(['1943-01-01', '1945-12-31']);
    expect([model.firstDay('1950-10%'), model.lastDay('1950-10%')]).toEqual([
      '1950-09-01',
      '1950-11-30',
    ]);
    expect([model.firstDay('195X'), model.lastDay('195X')]).toEqual(['1950-01-01', '1959-12-31']);
    expect([model.firstDay('1985-XX'), model.lastDay('1985-XX')]).toEqual([
      '1985-01-01',
      '1985-12-31',
    ]);
    expect(model.partialDateProblem('1984/1985')).toBe('it is an EDTF Interval');
    expect(model.partialDateProblem('2001-21')).toBe('month 21 is not 01-12');
    expect(model.partialDateProblem('0000')).toBe('the year is not 0001-9999');
    expect(model.dateIntervalProblem('1985/1984')).toBe('it ends (1984) before it starts (1985)');
    expect(model.dateIntervalProblem('1980/198X')).toBeUndefined();
  });

  it('give every window an outer and an inner span (CIDOC CRM), by dating rule', () => {
    // Year precision: possibly all of 1951-1961, certainly only from the end of the start year
    // to the beginning of the end year.
    expect(model.spansOf({ from: '1951', to: '1961' }, 'fact')).toEqual({
      validFrom: '1951-01-01',
      validTo: '1961-12-31',
      innerFrom: '1951-12-31',
      innerTo: '1961-01-01',
    });
    // An unknown start: nothing certain for a fact, unless a source attests it.
    expect(model.spansOf({ to: '1961' }, 'fact')).toEqual({ validTo: '1961-12-31' });
    expect(model.spansOf({ to: '1961', attested: '1955/1958' }, 'fact')).toEqual({
      validTo: '1961-12-31',
      innerFrom: '1955-01-01',
      innerTo: '1961-01-01',
    });
    // A qualified attestation attests only the days certain whichever is meant.
    expect(model.spansOf({ attested: '1985~' }, 'fact')).toEqual({});
    // An undated link holds as long as its ends; an undated service exists throughout.
    expect(model.spansOf({}, 'link')).toEqual({ innerFrom: '0000-01-01', innerTo: '9999-12-31' });
    expect(model.spansOf({}, 'fact')).toEqual({});
    expect(model.spansOf({ to: '1991-12-26' }, 'existence')).toEqual({
      validTo: '1991-12-26',
      innerFrom: '0000-01-01',
      innerTo: '1991-12-26',
    });
    expect(model.attestationProblem({ from: '1960', attested: '1955' })).toBe(
      'it (1955) is before the start (1960)',
    );
  });
});
