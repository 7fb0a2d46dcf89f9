package dev.authwatch.cli;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

/**
 * Options of the JWT commands: flags ({@code --json}), repeatable {@code --peer URL},
 * single values.
 */
final class CommandOptions {

	final Set<String> flags;

	final List<URI> peers = new ArrayList<>();

	final Map<String, String> values = new java.util.HashMap<>();

	private CommandOptions(Set<String> flags) {
		this.flags = flags;
	}

	/**
	 * @return the options, or {@code null} when an option is unknown or lacks its value
	 */
	static @Nullable CommandOptions parse(String[] args, Set<String> flags, Set<String> valued) {
		CommandOptions options = new CommandOptions(new java.util.HashSet<>());
		for (int i = 0; i < args.length; i++) {
			String name = args[i].startsWith("--") ? args[i].substring(2) : null;
			if (name != null && flags.contains(name)) {
				options.flags.add(name);
			}
			else if (name != null && (valued.contains(name) || name.equals("peer")) && i + 1 < args.length) {
				String value = args[++i];
				if (name.equals("peer")) {
					URI peer = peer(value);
					if (peer == null) {
						return null;
					}
					options.peers.add(peer);
				}
				else {
					options.values.put(name, value);
				}
			}
			else {
				return null;
			}
		}
		return options;
	}

	private static @Nullable URI peer(String value) {
		try {
			URI uri = URI.create(value);
			return (uri.isAbsolute() && uri.getScheme().startsWith("http")) ? uri : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	boolean has(String flag) {
		return this.flags.contains(flag);
	}

	@Nullable Duration duration(String name, Duration fallback) {
		String value = this.values.get(name);
		try {
			return (value != null) ? DurationStyle.detectAndParse(value) : fallback;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
