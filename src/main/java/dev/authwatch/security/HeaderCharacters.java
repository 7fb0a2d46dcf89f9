package dev.authwatch.security;

/**
 * The header rules of Spring Security's {@code StrictHttpFirewall} without its regular
 * expressions: a header name may hold any assigned, non-control character; a value may
 * also hold a tab. The firewall checks every header a request reads, and the regular
 * expressions cost more than the rest of a WebSocket handshake's header handling together
 * (docs/benchmarks.md), mostly on the long {@code Authorization} value. Printable ASCII,
 * nearly every header, is decided by one comparison per character.
 */
final class HeaderCharacters {

	private HeaderCharacters() {
	}

	static boolean isAllowedName(String name) {
		return allAllowed(name, false);
	}

	static boolean isAllowedValue(String value) {
		return allAllowed(value, true);
	}

	private static boolean allAllowed(String text, boolean tabAllowed) {
		int length = text.length();
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			if (!isAllowed(codePoint, tabAllowed)) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	/**
	 * {@code \p{IsAssigned}} and not {@code \p{IsControl}}, as java.util.regex defines
	 * them.
	 */
	private static boolean isAllowed(int codePoint, boolean tabAllowed) {
		if (tabAllowed && codePoint == '\t') {
			return true;
		}
		int type = Character.getType(codePoint);
		return type != Character.UNASSIGNED && type != Character.CONTROL;
	}

}
