package dev.authwatch.jwthealth;

/**
 * Who this instance is, as published to peers.
 *
 * @param service {@code spring.application.name}
 * @param instance unique per running process (host name plus a random suffix)
 * @param environment the deployment environment, empty when none is named
 */
public record InstanceIdentity(String service, String instance, String environment) {

	static String newInstanceId() {
		String host;
		try {
			host = java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException ex) {
			host = "unknown-host";
		}
		return host + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
	}

}
