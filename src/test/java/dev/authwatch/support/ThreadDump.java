package dev.authwatch.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * The stacks of every thread of this JVM (the test and, in a {@code RANDOM_PORT} test,
 * the server), for the description of an assertion about timing: when it fails, the dump
 * shows what held the work up.
 */
public final class ThreadDump {

	private ThreadDump() {
	}

	public static String now() {
		StringBuilder dump = new StringBuilder("\nthreads:\n");
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
			if (thread.getLockName() != null) {
				dump.append(" on ").append(thread.getLockName());
			}
			if (thread.getLockOwnerName() != null) {
				dump.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
			}
			dump.append('\n');
			for (StackTraceElement frame : thread.getStackTrace()) {
				dump.append("\tat ").append(frame).append('\n');
			}
		}
		return dump.toString();
	}

}
