package dev.authwatch.ops;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading to list the metric names an expression selects: string
 * literals, label matchers, range and offset durations, grouping clauses and function
 * calls are removed; what remains and looks like an identifier is a metric (or recording
 * rule) name.
 */
final class PromQl {

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");

	private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

	private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?[0-9a-zA-Z_$]+");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern IDENTIFIER = Pattern
		.compile("(?<![\\w.$:])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w:])(\\s*\\()?");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on", "ignoring",
			"group_left", "group_right", "offset", "inf", "nan");

	private PromQl() {
	}

	/** The metric names selected by {@code expression}, in order of appearance. */
	static Set<String> metricNames(String expression) {
		String reduced = STRING.matcher(expression).replaceAll("\"\"");
		reduced = LABEL_MATCHERS.matcher(reduced).replaceAll(" ");
		reduced = RANGE.matcher(reduced).replaceAll(" ");
		reduced = OFFSET.matcher(reduced).replaceAll(" ");
		reduced = GROUPING.matcher(reduced).replaceAll(" ");
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = IDENTIFIER.matcher(reduced);
		while (matcher.find()) {
			boolean functionCall = matcher.group(2) != null;
			String name = matcher.group(1);
			if (!functionCall && !KEYWORDS.contains(name.toLowerCase())) {
				names.add(name);
			}
		}
		return names;
	}

}
