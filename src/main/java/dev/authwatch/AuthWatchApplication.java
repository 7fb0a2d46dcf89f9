package dev.authwatch;

import dev.authwatch.cli.CommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AuthWatchApplication {

	public static void main(String[] args) {
		if (CommandLine.isCommand(args)) {
			System.exit(CommandLine.run(args));
		}
		SpringApplication.run(AuthWatchApplication.class, args);
	}

}
