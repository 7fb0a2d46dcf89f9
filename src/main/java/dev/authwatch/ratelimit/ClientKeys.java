package dev.authwatch.ratelimit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key a client is counted under: its IPv4 address, or the /64 network of its IPv6
 * address. One subscriber or host usually holds a whole /64, so a key per IPv6 address
 * would give one client 2^64 budgets. An IPv4-mapped IPv6 address counts as its IPv4
 * address. The usual IPv4 form is returned as it is, without allocation.
 */
public final class ClientKeys {

	private ClientKeys() {
	}

	/**
	 * @param address a literal IP address as the servlet container reports it; anything
	 * else is its own key
	 */
	public static String of(String address) {
		if (address.indexOf(':') < 0) {
			return address;
		}
		String literal = (address.startsWith("[") && address.endsWith("]")) ? address.substring(1, address.length() - 1)
				: address;
		// Only a literal: the JDK parses one starting like this and never turns it into a
		// DNS lookup.
		if (literal.isEmpty() || (literal.charAt(0) != ':' && Character.digit(literal.charAt(0), 16) < 0)) {
			return address;
		}
		try {
			InetAddress parsed = InetAddress.getByName(literal);
			if (parsed instanceof Inet4Address) {
				return parsed.getHostAddress();
			}
			byte[] bytes = parsed.getAddress();
			StringBuilder prefix = new StringBuilder(24);
			for (int i = 0; i < 8; i += 2) {
				prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return prefix.append(":/64").toString();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

}
