import { describe, expect, it } from 'vitest';
import { explorerTarget } from '../../src/server/explorer.js';

describe('explorerTarget (which built file an /explorer path names)', () => {
  it('serves index.html at /explorer and /explorer/, not cached', () => {
    for (const path of ['/explorer', '/explorer/'])
      expect(explorerTarget(path)).toEqual({
        kind: 'file',
        file: 'index.html',
        contentType: 'text/html; charset=utf-8',
        immutable: false,
      });
  });

  it('serves hashed assets with their content type, cached as immutable', () => {
    expect(explorerTarget('/explorer/assets/index-mipS6E4k.js')).toEqual({
      kind: 'file',
      file: 'assets/index-mipS6E4k.js',
      contentType: 'text/javascript; charset=utf-8',
      immutable: true,
    });
    expect(explorerTarget('/explorer/assets/index-DiE9jXw-.css')).toMatchObject({
      contentType: 'text/css; charset=utf-8',
      immutable: true,
    });
    expect(explorerTarget('/explorer/favicon.svg')).toMatchObject({
      file: 'favicon.svg',
      contentType: 'image/svg+xml',
      immutable: false,
    });
    expect(explorerTarget('/explorer/assets/blob.bin')).toMatchObject({
      contentType: 'application/octet-stream',
    });
  });

  it('refuses every path that could leave the directory', () => {
    const attempts = [
      '/explorer/../package.json',
      '/explorer/assets/../../src/main.ts',
      '/explorer/..%2f..%2fpackage.json',
      '/explorer/%2e%2e/%2e%2e/package.json',
      '/explorer/assets/%2E%2E%2F%2E%2E%2F.liaison%2Fadmin.key',
      '/explorer/..%5c..%5cpackage.json',
      '/explorer/assets\\..\\..\\package.json',
      '/explorer/%00index.html',
      '/explorer//etc/passwd',
      '/explorer/./index.html',
      '/explorer/assets/',
    ];
    for (const path of attempts)
      expect(explorerTarget(path), path).toMatchObject({ kind: 'refused' });
  });

  it('refuses malformed percent-encoding and paths outside /explorer/', () => {
    expect(explorerTarget('/explorer/%E0%A4%A')).toEqual({
      kind: 'refused',
      reason: 'the path is not valid percent-encoding',
    });
    expect(explorerTarget('/explorer-other/index.html')).toMatchObject({ kind: 'refused' });
    expect(explorerTarget('/graphql')).toMatchObject({ kind: 'refused' });
  });
});
