package dev.authwatch.admin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HeadlessChromium;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium ({@link HeadlessChromium}: skipped without
 * it, except in CI).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, "ADMIN_DASHBOARD_AUTO_REFRESH_INTERVAL=1000", TestUsers.ALICE,
				TestUsers.ALICE_PASSWORD, TestUsers.BOB, TestUsers.BOB_PASSWORD, TestUsers.ROOT,
				TestUsers.ROOT_PASSWORD, TestUsers.ROOT_ROLES })
class AdminDashboardBrowserTest {

	@LocalServerPort
	int port;

	@TempDir
	Path profile;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeAll
	static void chromiumIsInstalled() {
		HeadlessChromium.requireInstalled();
	}

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.open(this.profile);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	/**
	 * The screenshot is taken whatever the outcome: on a failure it shows what the test
	 * was waiting for.
	 */
	@AfterEach
	void closeBrowser() throws Exception {
		if (this.browser != null) {
			HeadlessChromium.screenshotAndQuit(this.browser, "admin-dashboard");
		}
	}

	@Test
	void adminSeesStatusChartsTestConnectionStepsAndNewFailuresWithoutReloading() throws Exception {
		try (ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid("ivy", "user"))) {
			client.next();
		}
		this.browser.get("http://localhost:" + this.port + "/admin");

		logIn("root", "root-password");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
		this.wait.until((browser) -> text("#status-level").toLowerCase(java.util.Locale.ROOT)
			.matches("healthy|degraded|critical"));
		assertThat(this.browser.findElement(By.id("status")).getAttribute("class")).contains("level-");
		this.wait.until((browser) -> text("#methods tbody").contains("jwt"));
		this.wait.until((browser) -> count("#chart-success canvas") == 1 && count("#chart-latency canvas") == 1);
		this.wait.until((browser) -> ((Number) script("return window.uPlot ? 1 : 0")).intValue() == 1);
		// The time axis spans the dashboard's fixed recent window (the 360 points it
		// keeps, one per
		// refresh of 1 s here), not years.
		this.wait
			.until((browser) -> ((Number) script("return document.getElementById('chart-success').chart.scales.x.max"
					+ " - document.getElementById('chart-success').chart.scales.x.min"))
				.longValue() == 360);
		this.wait.until((browser) -> text("#breakers tbody").contains("redis"));
		this.wait.until((browser) -> text("#instances tbody").contains(":" + this.port));
		script("window.sameDocument = 'still here'");

		this.browser.findElement(By.id("test-user")).sendKeys("henry");
		this.browser.findElement(By.cssSelector("#test-form button")).click();
		this.wait.until((browser) -> text("#test-summary").startsWith("Passed"));
		List<WebElement> steps = this.browser.findElements(By.cssSelector("#test-steps tbody tr"));
		assertThat(steps).extracting((step) -> step.findElement(By.tagName("td")).getText())
			.containsExactly("token", "chain:origin", "chain:jwt", "handshake", "welcome", "ping", "close");

		RawHandshake.Response refused = RawHandshake.to(this.port)
			.bearer(TestTokens.signedWith(TestSecrets.FOREIGN, "mallory"))
			.send();
		assertThat(refused.status()).isEqualTo(401);
		this.wait.until((browser) -> text("#events tbody").contains("unknown_key")
				|| text("#events tbody").contains("invalid_signature"));
		this.wait.until((browser) -> text("#reasons tbody").contains("unknown_key")
				|| text("#reasons tbody").contains("invalid_signature"));
		assertThat(script("return window.sameDocument")).isEqualTo("still here");

		try (ChatClient connected = ChatClient.withBearerHeader(this.port, TestTokens.valid("judy", "user"))) {
			connected.next();
			this.browser.findElement(By.id("session-user")).sendKeys("judy");
			this.browser.findElement(By.cssSelector("#session-form button[type=submit]")).click();
			this.wait.until((browser) -> text("#session-connections tbody").contains("healthy"));
			assertThat(text("#session-connections tbody")).contains("jwt", "127.0.0.1");
			this.browser.findElement(By.id("session-disconnect")).click();
			this.wait.until(ExpectedConditions.alertIsPresent()).accept();
			assertThat(connected.awaitClose()).isEqualTo(4003);
			this.wait.until((browser) -> text("#session-result").equals("Closed 1 connection(s) with 4003."));
		}

		assertThat(severeConsoleMessages()).isEmpty();
	}

	private void logIn(String username, String password) {
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("#login-form button")).click();
	}

	private String text(String css) {
		return this.browser.findElement(By.cssSelector(css)).getText();
	}

	private int count(String css) {
		return this.browser.findElements(By.cssSelector(css)).size();
	}

	private Object script(String javaScript) {
		return ((JavascriptExecutor) this.browser).executeScript(javaScript);
	}

	private List<String> severeConsoleMessages() {
		return HeadlessChromium.severeConsoleMessages(this.browser);
	}

}
