"""Schemathesis hooks for liaison-graph, loaded through SCHEMATHESIS_HOOKS by bench/fuzz/runSchemathesis.ts.

The schema's two custom scalars get strategies (Schemathesis knows neither: PartialDate gets valid
and malformed dates, JSON import-like documents and any JSON), and one check, `coded_errors_only`,
states the API's contract. Behind the observing proxy of bench/fuzz/observingProxy.ts the verdict
comes from the proxy (header x-fuzz-verdict: the same judge and database watch as our own fuzzer);
without it, the check judges alone: no 5xx, no server internals, and every GraphQL error coded with
one of FUZZ_ALLOWED_CODES. Schemathesis's own `not_a_server_error` counts every GraphQL error as a
server error, coded or not, so it is not used.
"""

from __future__ import annotations

import json
import os
import re

import graphql
import schemathesis
from hypothesis import strategies as st
from schemathesis.graphql import nodes

ALLOWED_CODES = frozenset(filter(None, os.environ.get("FUZZ_ALLOWED_CODES", "").split(",")))

# Server internals that must never reach a client: stack frames, source paths, driver classes.
LEAKS = re.compile(
    r"\n\s+at \S+ \(|\bat \S+\.(?:ts|js):\d+:\d+|node_modules|Neo4jError|Neo\.(?:Client|Transient|Database)Error"
    r"|org\.neo4j|java\.lang|TypeError|ReferenceError|is not a function|Cannot read properties"
)

PARTIAL_DATES = st.one_of(
    st.from_regex(r"\A-?\d{1,6}(-\d{1,3}(-\d{1,3})?)?\Z"),
    st.sampled_from(["1949", "1949-10", "1949-10-01", "1949-13", "0000", "99999-01-01", "1949-02-30", ""]),
    st.text(max_size=20),
).map(nodes.String)

NAMES = st.from_regex(r"\A[_A-Za-z][_0-9A-Za-z]{0,11}\Z")
SECTIONS = st.sampled_from(
    ["sources", "countries", "services", "organizations", "officers", "channels", "operations"]
)


def _field(name: str, value: graphql.ValueNode) -> graphql.ObjectFieldNode:
    return graphql.ObjectFieldNode(name=graphql.NameNode(value=name), value=value)


JSON_SCALARS = st.one_of(
    st.none().map(lambda _: graphql.NullValueNode()),
    st.booleans().map(nodes.Boolean),
    st.integers().map(nodes.Int),
    st.floats(allow_nan=False, allow_infinity=False).map(nodes.Float),
    st.text(max_size=40).map(nodes.String),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(nodes.List),
        st.lists(st.tuples(NAMES, inner), max_size=4).map(
            lambda pairs: nodes.Object([_field(k, v) for k, v in dict(pairs).items()])
        ),
    ),
    max_leaves=20,
)
# An import document: some of its sections, each a list of JSON values, or any JSON value at all.
DOCUMENTS = st.one_of(
    st.lists(st.tuples(SECTIONS, st.lists(JSON_VALUES, max_size=3).map(nodes.List)), max_size=4).map(
        lambda pairs: nodes.Object([_field(k, v) for k, v in dict(pairs).items()])
    ),
    JSON_VALUES,
)

schemathesis.graphql.scalar("PartialDate", PARTIAL_DATES)
schemathesis.graphql.scalar("JSON", DOCUMENTS)


@schemathesis.check
def coded_errors_only(ctx, response, case):
    """No 5xx; every GraphQL error has an allowed `extensions.code`; no internals in the body."""
    verdict = response.headers.get("x-fuzz-verdict")
    if verdict:
        verdict = verdict[0] if isinstance(verdict, list) else verdict
        if verdict != "ok" and not verdict.startswith("known-bug "):
            raise AssertionError(verdict)
        return
    if response.status_code >= 500:
        raise AssertionError(f"HTTP {response.status_code}: {response.text[:500]}")
    leak = LEAKS.search(response.text)
    if leak is not None:
        raise AssertionError(f"the response shows server internals ({leak.group(0)!r}): {response.text[:500]}")
    try:
        body = json.loads(response.text)
    except ValueError:
        raise AssertionError(f"HTTP {response.status_code} with a body that is not JSON: {response.text[:200]}")
    for error in (body.get("errors") or []) if isinstance(body, dict) else []:
        code = (error.get("extensions") or {}).get("code")
        if code not in ALLOWED_CODES:
            raise AssertionError(f"an error without an allowed code ({code!r}): {json.dumps(error)[:500]}")
