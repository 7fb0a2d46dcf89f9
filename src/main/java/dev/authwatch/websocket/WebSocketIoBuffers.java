package dev.authwatch.websocket;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sizes the three buffers Tomcat gives every WebSocket session for frame input, frame
 * output and text encoding: 8 KiB each by default, set JVM-wide by the system property
 * {@value #PROPERTY}, read once when Tomcat's WebSocket classes load. That happens while
 * the web server starts, before any bean exists, so it is set here, as the environment is
 * prepared. An operator's {@code -D} wins. Chat frames are a few hundred bytes; larger
 * ones take more reads and writes, not more memory.
 */
final class WebSocketIoBuffers implements EnvironmentPostProcessor {

	static final String PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	static final int BYTES = 256;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, Integer.toString(BYTES));
		}
	}

}
