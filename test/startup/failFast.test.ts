import { describe, expect, it } from 'vitest';
import { spawnApi } from '../support/apiProcess.js';

/**
 * Bad configuration stops the API at once with one line on stderr saying what is wrong and how
 * to fix it, and exit code 2. None of these cases reaches a database. (A NEO4J_URI that does not
 * answer is not fatal: the API serves, not ready, until it does; see test/faults.)
 */
describe('start-up fails fast with one clear line', () => {
  it('on a port that is not a number', async () => {
    const api = spawnApi({ PORT: 'http' });
    expect(await api.exited).toBe(2);
    expect(api.stderr).toEqual([
      'liaison-graph: configuration: PORT="http" is invalid: expected an integer from 0 to 65535, e.g. PORT=4000',
    ]);
  });

  it('when JAVA_HOME points at no Java', async () => {
    const api = spawnApi({ JAVA_HOME: '/nonexistent-jdk', NEO4J_LOCAL_PORT: '7601' });
    expect(await api.exited).toBe(2);
    expect(api.stderr).toEqual([
      'liaison-graph: cannot start: no Java at /nonexistent-jdk/bin/java (from JAVA_HOME); the local Neo4j needs Java 17+. Fix: install a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME to one, or set NEO4J_URI to use a running Neo4j',
    ]);
  });

  it('when no java is on PATH', async () => {
    const api = spawnApi({ PATH: '/nonexistent-bin', NEO4J_LOCAL_PORT: '7601' });
    expect(await api.exited).toBe(2);
    expect(api.stderr).toEqual([
      'liaison-graph: cannot start: Java not found on PATH; the local Neo4j needs Java 17+. Fix: install a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME to one, or set NEO4J_URI to use a running Neo4j',
    ]);
  });
});
