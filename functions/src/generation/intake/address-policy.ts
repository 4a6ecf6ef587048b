/**
 * Which network addresses the source-image fetcher may connect to. Only globally routable
 * unicast addresses pass: private, loopback, link-local, CGNAT, multicast, broadcast,
 * documentation/benchmark ranges, IPv6 ULA/link-local and every IPv4-in-IPv6 translation form
 * (NAT64 64:ff9b::/96, 6to4, Teredo, IPv4-compatible) are refused. IPv4-mapped IPv6
 * (::ffff:a.b.c.d) is judged as the IPv4 address it carries.
 */
import ipaddr from 'ipaddr.js';

/** Decides whether the fetcher may connect to a (literal, normalised) IP address. */
export type AddressPolicy = (address: string) => boolean;

/** Host names that reach cloud metadata servers or the local machine without a public IP. */
const BLOCKED_HOSTNAMES = new Set([
  'localhost',
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);
const BLOCKED_SUFFIXES = ['.localhost', '.internal', '.local', '.localdomain', '.home.arpa'];

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/** The production policy: globally routable unicast only. */
export const publicAddressPolicy: AddressPolicy = (address) => {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    // ::ffff:a.b.c.d is how dual-stack sockets spell IPv4; judge the IPv4 inside.
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
    // Only 2000::/3 is assigned global unicast; ipaddr calls other unassigned space "unicast"
    // too, including IPv4-compatible ::a.b.c.d, which some stacks still route to IPv4.
    else if (!v6.match(GLOBAL_UNICAST_V6)) return false;
  }
  return parsed.range() === 'unicast';
};

/** True for host names that must never be fetched whatever they resolve to. */
export function isBlockedHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (BLOCKED_HOSTNAMES.has(host)) return true;
  return BLOCKED_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/**
 * The IP literal a URL host denotes, or null for a DNS name. `new URL()` already normalises
 * decimal (2130706433), octal (0177.0.0.1), hex (0x7f.1) and short (127.1) IPv4 forms to
 * dotted quads and wraps IPv6 in brackets.
 */
export function literalAddress(urlHostname: string): string | null {
  const host = urlHostname.startsWith('[') ? urlHostname.slice(1, -1) : urlHostname;
  if (ipaddr.IPv6.isValid(host) && host.includes(':')) return ipaddr.IPv6.parse(host).toString();
  if (ipaddr.IPv4.isValidFourPartDecimal(host)) return host;
  // Anything else that ipaddr would still read as IPv4 (leftover exotic notation) is refused by
  // the caller, not resolved through DNS.
  if (ipaddr.IPv4.isValid(host)) return ipaddr.IPv4.parse(host).toString();
  return null;
}
