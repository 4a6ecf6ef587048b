import { describe, expect, it } from 'vitest';
import { isBlockedHostname, literalAddress, publicAddressPolicy } from './address-policy.js';

describe('publicAddressPolicy', () => {
  it.each(['93.184.216.34', '8.8.8.8', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])(
    'allows the public address %s',
    (ip) => expect(publicAddressPolicy(ip)).toBe(true),
  );
  it.each(['10.0.0.1', '127.0.0.1', '::1', '::7f00:1', '64:ff9b::808:808', 'fe80::1', 'garbage'])(
    'refuses %s',
    (ip) => expect(publicAddressPolicy(ip)).toBe(false),
  );
});

describe('literalAddress / isBlockedHostname', () => {
  it('reads URL-normalised IP literals and leaves names alone', () => {
    expect(literalAddress(new URL('http://0x7f.1/').hostname)).toBe('127.0.0.1');
    expect(literalAddress('[::ffff:a9fe:a9fe]')).toBe('::ffff:a9fe:a9fe');
    expect(literalAddress('images.example.com')).toBeNull();
  });
  it('blocks metadata and local names, case- and trailing-dot-insensitively', () => {
    expect(isBlockedHostname('Metadata.Google.Internal.')).toBe(true);
    expect(isBlockedHostname('printer.local')).toBe(true);
    expect(isBlockedHostname('cdn.example.com')).toBe(false);
  });
});
