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
});
